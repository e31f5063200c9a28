"""冻结层 2：compile 之后再改 trainable，要不要重新 compile？分几种时机验证。"""

# --8<-- [start:helpers]
import keras
import numpy as np

rng = np.random.default_rng(0)
features = rng.normal(size=(256, 8)).astype("float32")
target = features @ rng.normal(size=(8, 1)).astype("float32")


def new_model():
    model = keras.Sequential(
        [
            keras.Input(shape=(8,)),
            keras.layers.Dense(16, activation="relu", name="body"),
            keras.layers.Dense(1, name="head"),
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
    return model


def fit_and_check_body(model):
    """训练 2 个 epoch，返回 body 层的结果："变了"、"没变"，或训练时报的错。"""
    before = [w.copy() for w in model.get_layer("body").get_weights()]
    try:
        model.fit(features, target, epochs=2, batch_size=32, verbose=0)
    except ValueError as error:
        print("ValueError:", str(error).splitlines()[0][:150])
        return "ValueError"
    after = model.get_layer("body").get_weights()
    same = all(np.array_equal(a, b) for a, b in zip(before, after, strict=True))
    return "没变" if same else "变了"


backend = keras.config.backend()
# --8<-- [end:helpers]

# --8<-- [start:before-first-fit]
model = new_model()  # 已经 compile
model.get_layer("body").trainable = False  # compile 之后、第一次训练之前冻结
result = fit_and_check_body(model)
print("可训练权重个数:", len(model.trainable_weights), "  body:", result)
assert len(model.trainable_weights) == 2 and result == "没变"  # 不重新 compile 也生效
# --8<-- [end:before-first-fit]

# --8<-- [start:after-fit]
model = new_model()
model.fit(features, target, epochs=1, batch_size=32, verbose=0)  # 先训练过一次
model.get_layer("body").trainable = False  # 再冻结，但不重新 compile
print("可训练权重个数:", len(model.trainable_weights))  # 属性已经变了
result = fit_and_check_body(model)
print(f"后端 {backend}，冻结后不重新 compile 就训练，body: {result}")

# 三个后端的行为各不相同（本站在每个后端上都运行这段代码）
expected = {"tensorflow": "变了", "jax": "ValueError", "torch": "没变"}
assert len(model.trainable_weights) == 2
assert result == expected[backend]
# --8<-- [end:after-fit]

# --8<-- [start:recompile]
model = new_model()
model.fit(features, target, epochs=1, batch_size=32, verbose=0)  # 先训练过一次
model.get_layer("body").trainable = False  # 再冻结
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")  # 然后重新 compile
result = fit_and_check_body(model)
print("冻结后重新 compile，body:", result)
assert result == "没变"
# --8<-- [end:recompile]


# --8<-- [start:unfreeze]
def trained_with_body_frozen():
    model = new_model()
    model.get_layer("body").trainable = False
    model.fit(features, target, epochs=1, batch_size=32, verbose=0)  # 在冻结状态下训练过
    return model


model = trained_with_body_frozen()
model.get_layer("body").trainable = True  # 解冻，不重新 compile
result = fit_and_check_body(model)
print(f"后端 {backend}，解冻后不重新 compile 就训练，body: {result}")
expected = {"tensorflow": "没变", "jax": "ValueError", "torch": "ValueError"}
assert result == expected[backend]

model = trained_with_body_frozen()
model.get_layer("body").trainable = True  # 解冻
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")  # 并重新 compile
result = fit_and_check_body(model)
print("解冻后重新 compile，body:", result)
assert result == "变了"
# --8<-- [end:unfreeze]
