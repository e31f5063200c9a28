"""冻结层 1：trainable=False 的两种写法，冻结后训练，被冻结的权重保持不变。"""

# --8<-- [start:constructor]
import keras
import numpy as np

model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu", trainable=False, name="frozen"),  # 方式一：构造参数
        keras.layers.Dense(1, name="head"),
    ]
)
model.summary()
print("可训练权重:", [w.path for w in model.trainable_weights])
print("不可训练权重:", [w.path for w in model.non_trainable_weights])
assert len(model.trainable_weights) == 2  # 只有 head 的 kernel 和 bias
assert len(model.non_trainable_weights) == 2  # frozen 的 kernel 和 bias
# --8<-- [end:constructor]

# --8<-- [start:attribute]
x = keras.Input(shape=(32,))
layer = keras.layers.Dense(32)
layer.trainable = False  # 方式二：先创建层，再改属性
y = layer(x)
print("layer.trainable =", layer.trainable, " 可训练权重个数:", len(layer.trainable_weights))
assert len(layer.trainable_weights) == 0 and len(layer.non_trainable_weights) == 2
# --8<-- [end:attribute]

# --8<-- [start:fit]
rng = np.random.default_rng(0)
features = rng.normal(size=(256, 8)).astype("float32")
target = features @ rng.normal(size=(8, 1)).astype("float32")


def unchanged(before, after):
    return all(np.array_equal(a, b) for a, b in zip(before, after, strict=True))


frozen_before = [w.copy() for w in model.get_layer("frozen").get_weights()]
head_before = [w.copy() for w in model.get_layer("head").get_weights()]
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
model.fit(features, target, epochs=3, batch_size=32, verbose=0)

frozen_same = unchanged(frozen_before, model.get_layer("frozen").get_weights())
head_same = unchanged(head_before, model.get_layer("head").get_weights())
print("frozen 层的权重没变:", frozen_same)
print("head 层的权重没变:", head_same)
assert frozen_same and not head_same
# --8<-- [end:fit]
