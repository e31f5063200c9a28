"""train_on_batch / test_on_batch：自己写循环，一次只处理一批；返回值的三种形状。"""

# --8<-- [start:returns]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data / 16).astype("float32")
y = digits.target
x_train, y_train, x_test, y_test = x[:1500], y[:1500], x[1500:], y[1500:]


def build(metrics, learning_rate=0.001):
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=metrics)
    return model


plain = build(metrics=[])  # 没有指标：只有损失
result = plain.train_on_batch(x_train[:32], y_train[:32])
print("没有 metrics:        ", type(result).__name__, f"{result:.4f}")
assert isinstance(result, float)

model = build(metrics=["accuracy"], learning_rate=0.005)  # 有指标：[loss, accuracy]
result = model.train_on_batch(x_train[:32], y_train[:32])
print("metrics=['accuracy']:", type(result).__name__, [round(v, 4) for v in result])
assert isinstance(result, list) and len(result) == 2

result = model.test_on_batch(x_test[:32], y_test[:32], return_dict=True)  # 按名字取
print("return_dict=True:    ", {k: round(v, 4) for k, v in result.items()})
assert set(result) == {"loss", "accuracy"}

# 每次调用前指标都会清零：结果只反映这一批，不会和上一次调用累加
model.test_on_batch(x_test[32:64], y_test[32:64])
again = model.test_on_batch(x_test[:32], y_test[:32], return_dict=True)
print("同一批再测一次:      ", {k: round(v, 4) for k, v in again.items()})
assert again == result
# --8<-- [end:returns]

# --8<-- [start:loop]
batch_size = 64
rng = np.random.default_rng()
for epoch in range(8):
    order = rng.permutation(len(x_train))  # 每个 epoch 自己打乱
    for start in range(0, len(x_train), batch_size):
        rows = order[start : start + batch_size]
        logs = model.train_on_batch(x_train[rows], y_train[rows], return_dict=True)
    test = model.test_on_batch(x_test, y_test, return_dict=True)  # 297 个测试样本一次算完
    print(f"epoch {epoch + 1}: last-batch loss {logs['loss']:.4f}", end="  ")
    print(f"test loss {test['loss']:.4f}  test accuracy {test['accuracy']:.4f}")
assert test["accuracy"] > 0.85
# --8<-- [end:loop]
