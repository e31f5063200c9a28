"""ReduceLROnPlateau：验证损失停滞时降低学习率；画出这次训练实际用过的学习率。"""

# --8<-- [start:epsilon]
import warnings

import keras

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", epsilon=0.5)  # 原笔记的参数名
print(f"ReduceLROnPlateau(epsilon=0.5) -> 没有报错，警告 {len(caught)} 条，min_delta = {old.min_delta}")
assert not caught and old.min_delta == 1e-4, "epsilon 被 **kwargs 悄悄吞掉，阈值仍是默认的 1e-4"

new = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", min_delta=0.5)  # 今天的参数名
print(f"ReduceLROnPlateau(min_delta=0.5) -> min_delta = {new.min_delta}")
assert new.min_delta == 0.5
# --8<-- [end:epsilon]

# --8<-- [start:train]
import numpy as np
from sklearn.datasets import load_digits

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
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)


class LearningRateAtEpochBegin(keras.callbacks.Callback):
    """每个 epoch 开始时读一次优化器当前的学习率。"""

    def on_train_begin(self, logs=None):
        self.rates = []

    def on_epoch_begin(self, epoch, logs=None):
        self.rates.append(float(self.model.optimizer.learning_rate))


reduce_lr = keras.callbacks.ReduceLROnPlateau(
    monitor="val_loss",
    factor=0.5,  # 每次减半
    patience=2,  # 连续 2 个 epoch 没有进步就降
    min_delta=0.01,  # val_loss 至少下降 0.01 才算进步
    cooldown=2,  # 降完之后的冷静期（规则见正文）
    min_lr=0.001,  # 不低于 0.001
    verbose=1,
)
early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=6, min_delta=0.01, verbose=1)
reader = LearningRateAtEpochBegin()
history = model.fit(
    x_train,
    y_train,
    epochs=60,
    batch_size=64,
    validation_data=(x_val, y_val),
    callbacks=[reader, reduce_lr, early_stopping],
    verbose=0,
)
lr = history.history["learning_rate"]
val_loss = history.history["val_loss"]
print("history['learning_rate']:", [f"{v:g}" for v in lr])
np.testing.assert_allclose(lr, reader.rates)  # history 记的就是这个 epoch 训练时用的学习率
assert len(lr) < 60, "EarlyStopping 在 60 个 epoch 之前停下了"
# --8<-- [end:train]


# --8<-- [start:rule]
def replay(val_loss, lr0=0.01, factor=0.5, patience=2, cooldown=2, min_delta=0.01, min_lr=0.001):
    """按 ReduceLROnPlateau 的规则，只凭每个 epoch 的 val_loss 推算学习率在哪些 epoch 结束时降低。"""
    lr, best, wait, cooling = lr0, float("inf"), 0, 0
    reduced_at = []
    for epoch, value in enumerate(val_loss):
        if cooling > 0:  # 冷静期：计数减 1，“没进步”清零
            cooling -= 1
            wait = 0
        if value < best - min_delta:  # 进步：记下新的最好值
            best, wait = value, 0
        elif cooling == 0:  # 冷静期已过（包括刚好减到 0 的这一轮），才累计“没进步”
            wait += 1
            if wait >= patience and lr > min_lr:
                lr = max(lr * factor, min_lr)
                reduced_at.append(epoch)
                cooling, wait = cooldown, 0
    return reduced_at


# 实际：学习率在哪些 epoch 结束时降低（下一个 epoch 用上新值）；下标从 0 数
actual = [epoch - 1 for epoch in range(1, len(lr)) if not np.isclose(lr[epoch], lr[epoch - 1])]
expected = replay(val_loss)
print("学习率在这些 epoch 结束时降低:", [e + 1 for e in actual], " 按规则推算:", [e + 1 for e in expected])
assert actual, "至少降过一次"
assert actual == expected, "降低的时机与规则一致"
for epoch in (e + 1 for e in actual):
    assert np.isclose(lr[epoch], max(lr[epoch - 1] * 0.5, 0.001)), "每次乘以 factor，但不低于 min_lr"
assert min(lr) >= 0.001 - 1e-9
assert all(b - a >= 3 for a, b in zip(expected, expected[1:])), "至少隔 cooldown + patience - 1 = 3 个 epoch"

# EarlyStopping：停在最好的 epoch 之后第 patience=6 个 epoch
best_epoch = early_stopping.best_epoch
print(f"EarlyStopping: 最好的 epoch {best_epoch + 1}，停在 epoch {early_stopping.stopped_epoch + 1}")
assert early_stopping.stopped_epoch == best_epoch + 6 == len(val_loss) - 1
# --8<-- [end:rule]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

epochs = np.arange(1, len(lr) + 1)
fig, ax_loss = plt.subplots(figsize=(7, 3.8))
ax_loss.plot(epochs, val_loss, "o-", color="C0", markersize=4, label="val_loss")
ax_loss.set_xlabel("epoch")
ax_loss.xaxis.set_major_locator(MaxNLocator(integer=True))
ax_loss.set_ylabel("val_loss", color="C0")
ax_lr = ax_loss.twinx()
ax_lr.step(epochs, lr, where="mid", color="C3", label="learning rate")
ax_lr.set_yscale("log")
ax_lr.set_ylabel("learning rate", color="C3")
for i, epoch in enumerate(expected):  # 学习率在这个 epoch 结束时降低
    ax_loss.axvline(epoch + 1.5, color="C3", linestyle=":", label="ReduceLROnPlateau" if i == 0 else None)
ax_loss.axvline(best_epoch + 1, color="C2", linestyle="--", label=f"best epoch {best_epoch + 1}")
ax_loss.axvline(len(lr), color="k", linestyle="-", label=f"EarlyStopping: stop at {len(lr)}")
ax_loss.legend(loc="center right", fontsize=8)
fig.tight_layout()
plt.show()
# --8<-- [end:plot]
