"""BackupAndRestore：训练被打断后，用同一个 backup_dir 重新 fit，从中断的 epoch 接着训练。"""

# --8<-- [start:interrupt]
import os

import keras
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data / 16).astype("float32")
y = digits.target


def build():
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


class EpochLog(keras.callbacks.Callback):
    """记下实际开始训练的 epoch（从 0 数）和每个 epoch 的 loss。"""

    def on_train_begin(self, logs=None):
        self.started, self.losses = [], []

    def on_epoch_begin(self, epoch, logs=None):
        self.started.append(epoch)

    def on_epoch_end(self, epoch, logs=None):
        self.losses.append(logs["loss"])


class Crash(keras.callbacks.Callback):
    """模拟一次意外中断：第 4 个 epoch（下标 3）一开始就抛异常。"""

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == 3:
            raise RuntimeError("模拟断电：训练在 epoch 4 开始时中断")


first_log = EpochLog()
try:
    build().fit(
        x,
        y,
        epochs=6,
        verbose=0,
        callbacks=[keras.callbacks.BackupAndRestore(backup_dir="backup"), first_log, Crash()],
    )
except RuntimeError as error:
    print("第一次 fit:", error)
print("第一次 fit 开始过的 epoch（从 1 数）:", [e + 1 for e in first_log.started])
print("第一次 fit 完成的 epoch 的 loss:", [round(v, 4) for v in first_log.losses])
print("backup/ 里的文件:", sorted(os.listdir("backup")))
assert first_log.started == [0, 1, 2, 3]
# --8<-- [end:interrupt]

# --8<-- [start:resume]
model = build()  # 全新的模型对象，就像重启了进程
second_log = EpochLog()
history = model.fit(
    x,
    y,
    epochs=6,
    verbose=0,
    callbacks=[keras.callbacks.BackupAndRestore(backup_dir="backup"), second_log],
)
print("第二次 fit 开始过的 epoch（从 1 数）:", [e + 1 for e in second_log.started])
print("第二次 fit 的 loss:", [round(v, 4) for v in history.history["loss"]])
print("训练完成后 backup/ 还在吗:", os.path.exists("backup"))
assert second_log.started == [3, 4, 5], "从中断的 epoch 4 接着训练，前 3 个 epoch 不重跑"
assert history.history["loss"][0] < first_log.losses[0], (
    "权重已恢复：loss 接着第 3 个 epoch 往下走，而不是从头开始"
)
assert not os.path.exists("backup"), "训练正常结束后备份会被删除"
# --8<-- [end:resume]
