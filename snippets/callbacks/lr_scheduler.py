"""LearningRateScheduler：原笔记的 step_decay（阶梯式衰减），核对每个 epoch 的学习率。"""

# --8<-- [start:schedule]
import math

import keras
import numpy as np
from sklearn.datasets import load_digits


def step_decay(epoch):
    """原笔记的公式：每 10 个 epoch 学习率减半。epoch 从 0 开始数。"""
    initial_lrate = 0.1
    drop = 0.5
    epochs_drop = 10.0
    return initial_lrate * math.pow(drop, math.floor((1 + epoch) / epochs_drop))


print("epoch(从 1 数) -> 学习率:", {epoch + 1: step_decay(epoch) for epoch in (0, 8, 9, 10, 18, 19, 20)})
# --8<-- [end:schedule]

# --8<-- [start:train]
digits = load_digits()
perm = np.random.permutation(len(digits.target))
x = (digits.data[perm] / 16).astype("float32")
y = digits.target[perm]
x_train, y_train, x_val, y_val = x[:1000], y[:1000], x[1000:], y[1000:]

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
# 初始学习率写多少都行：每个 epoch 开始时 LearningRateScheduler 都会用 step_decay 的值覆盖它
sgd = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
model.compile(optimizer=sgd, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(
    x_train,
    y_train,
    epochs=21,
    batch_size=100,
    validation_data=(x_val, y_val),
    callbacks=[keras.callbacks.LearningRateScheduler(step_decay)],
    verbose=0,
)
lr = history.history["learning_rate"]
for first in (0, 9, 19):
    print(f"epoch {first + 1:2d} 起学习率 {lr[first]:g}")
print(f"val_accuracy: {history.history['val_accuracy'][-1]:.4f}")
np.testing.assert_allclose(lr, [step_decay(epoch) for epoch in range(21)], rtol=1e-6)
assert lr[8] == lr[0] and np.isclose(lr[9], 0.05), "第 10 个 epoch（下标 9）就已经减半，而不是第 11 个"
assert history.history["val_accuracy"][-1] > 0.9
# --8<-- [end:train]
