"""一个优化器、一个（总）损失、任意多个指标；多输出模型给每个输出各配一个损失，再加权求和。"""

# --8<-- [start:one-optimizer]
import keras
import numpy as np

inputs = keras.Input(shape=(8,), name="features")
hidden = keras.layers.Dense(16, activation="relu")(inputs)
price = keras.layers.Dense(1, name="price")(hidden)  # 回归输出
kind = keras.layers.Dense(3, activation="softmax", name="kind")(hidden)  # 3 分类输出
model = keras.Model(inputs, [price, kind])

try:
    model.compile(optimizer=["adam", "sgd"], loss="mse")  # 想给模型配两个优化器
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("两个优化器没有报错")
assert "optimizer" in message
# --8<-- [end:one-optimizer]

# --8<-- [start:loss-per-output]
model.compile(
    optimizer="adam",
    loss={"price": "mse", "kind": "sparse_categorical_crossentropy"},  # 每个输出一个损失
    loss_weights={"price": 1.0, "kind": 0.5},
    metrics={"price": ["mae"], "kind": ["accuracy"]},  # 每个输出可以有多个指标
)
x = np.random.rand(256, 8).astype("float32")
targets = {"price": x.sum(axis=1, keepdims=True), "kind": (x[:, 0] * 3).astype("int32")}
history = model.fit(x, targets, epochs=2, verbose=0)
print("History 的键:", sorted(history.history))

result = model.evaluate(x, targets, verbose=0, return_dict=True)
weighted = 1.0 * result["price_loss"] + 0.5 * result["kind_loss"]
print(f"loss = {result['loss']:.5f}   1.0 × price_loss + 0.5 × kind_loss = {weighted:.5f}")
assert abs(result["loss"] - weighted) < 1e-4, "优化器最小化的是加权求和后的一个数"
# --8<-- [end:loss-per-output]
