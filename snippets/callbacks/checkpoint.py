"""ModelCheckpoint：只保存验证集上最好的模型；用 save_freq 代替 period；文件扩展名决定保存格式。"""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
perm = np.random.permutation(len(digits.target))
x = (digits.data[perm] / 16).astype("float32")
y = digits.target[perm]
x_train, y_train, x_val, y_val = x[:1200], y[:1200], x[1200:], y[1200:]


def build():
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


print("train:", x_train.shape, " val:", x_val.shape)
# --8<-- [end:data]

# --8<-- [start:best-only]
import os


class FileWatcher(keras.callbacks.Callback):
    """每个 epoch 结束时看一眼 best.keras 有没有被改写（排在 ModelCheckpoint 之后运行）。"""

    def on_train_begin(self, logs=None):
        self.last_mtime, self.saved = None, []

    def on_epoch_end(self, epoch, logs=None):
        mtime = os.stat("best.keras").st_mtime_ns
        self.saved.append(mtime != self.last_mtime)
        self.last_mtime = mtime
        mark = "写入" if self.saved[-1] else "-"
        print(f"epoch {epoch + 1:2d}  val_accuracy {logs['val_accuracy']:.4f}  {mark}")


checkpoint = keras.callbacks.ModelCheckpoint(
    "best.keras",  # 整个模型（结构 + 权重 + 优化器状态），Keras 3 的 .keras 格式
    monitor="val_accuracy",  # 不是 val_acc
    save_best_only=True,  # 只有 val_accuracy 创新高时才写文件
)
watcher = FileWatcher()
model = build()
history = model.fit(
    x_train[:300],  # 只用 300 个样本、较大的学习率，让验证准确率有起有落
    y_train[:300],
    epochs=10,
    validation_data=(x_val, y_val),
    callbacks=[checkpoint, watcher],
    verbose=0,
)
val_acc = history.history["val_accuracy"]
record = [v > max(val_acc[:i], default=-1) for i, v in enumerate(val_acc)]  # 哪些 epoch 创了新高
assert watcher.saved == record, "文件只在 val_accuracy 创新高的 epoch 被改写"

best = keras.models.load_model("best.keras")
_, best_accuracy = best.evaluate(x_val, y_val, verbose=0)
print(f"best.keras 在验证集上的准确率: {best_accuracy:.4f}   history 里的最大值: {max(val_acc):.4f}")
assert abs(best_accuracy - max(val_acc)) < 1e-6, "文件里正是最好那个 epoch 的模型"
# --8<-- [end:best-only]

# --8<-- [start:save-freq]
try:
    keras.callbacks.ModelCheckpoint("model.keras", period=2)  # 原笔记的写法：每 2 个 epoch 存一次
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("period= 没有报错")
assert "period" in message

# 今天：save_freq 以“批”为单位。300 个样本、batch_size=60，每个 epoch 5 批，每 2 个 epoch 就是 10 批
steps_per_epoch = int(np.ceil(300 / 60))
checkpoint = keras.callbacks.ModelCheckpoint("every2-{epoch:02d}.keras", save_freq=2 * steps_per_epoch)
build().fit(x_train[:300], y_train[:300], epochs=6, batch_size=60, callbacks=[checkpoint], verbose=0)
saved = sorted(name for name in os.listdir(".") if name.startswith("every2-"))
print("保存的文件:", saved)
assert saved == ["every2-02.keras", "every2-04.keras", "every2-06.keras"]
# --8<-- [end:save-freq]

# --8<-- [start:extensions]
import zipfile

import h5py

for filepath, weights_only in [("w.h5", True), ("model", False)]:
    try:
        keras.callbacks.ModelCheckpoint(filepath, save_weights_only=weights_only)
    except ValueError as error:
        print(f"ModelCheckpoint({filepath!r}, save_weights_only={weights_only})\n  -> ValueError: {error}\n")
    else:
        raise AssertionError(f"{filepath} 没有报错")

model = build()
callbacks = [
    keras.callbacks.ModelCheckpoint("weights.weights.h5", save_weights_only=True),  # 只存权重
    keras.callbacks.ModelCheckpoint("model.keras"),  # 整个模型，新格式（zip 包）
    keras.callbacks.ModelCheckpoint("model.h5"),  # 整个模型，旧的 HDF5 格式，仍然可以用
]
model.fit(x_train[:300], y_train[:300], epochs=1, callbacks=callbacks, verbose=0)
for name in ("weights.weights.h5", "model.keras", "model.h5"):
    kind = "zip" if zipfile.is_zipfile(name) else "HDF5" if h5py.is_hdf5(name) else "?"
    print(f"{name:20s} {kind:5s} {os.path.getsize(name) / 1024:6.1f} KiB")
assert zipfile.is_zipfile("model.keras") and h5py.is_hdf5("model.h5") and h5py.is_hdf5("weights.weights.h5")

restored = build()
restored.load_weights("weights.weights.h5")  # 只有权重的文件要先搭好同样的模型再加载
for a, b in zip(restored.get_weights(), model.get_weights()):
    np.testing.assert_array_equal(a, b)
# --8<-- [end:extensions]
