"""tf_keras 7：回调函数的旧写法（val_acc、period、epsilon、.h5 文件名）在 tf_keras 下能否运行。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:setup]
import logging
import os

import tf_keras as keras
from sklearn.datasets import load_digits


class LogCollector(logging.Handler):
    """tf_keras 的回调通过 TensorFlow 的日志给出警告，这里把它们收集起来。"""

    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


log = LogCollector()
logging.getLogger("tensorflow").addHandler(log)

digits = load_digits()
x = (digits.data / 16).astype("float32")
y = digits.target
x_train, y_train, x_val, y_val = x[:300], y[:300], x[1500:], y[1500:]


def build(metric="accuracy"):
    model = keras.Sequential([keras.layers.Dense(10, activation="softmax", input_dim=64)])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=[metric])
    return model


def saved(prefix):
    return sorted(name for name in os.listdir(".") if name.startswith(prefix))


# --8<-- [end:setup]

# --8<-- [start:val-acc]
log.messages.clear()
checkpoint = keras.callbacks.ModelCheckpoint("acc-{epoch:02d}.h5", monitor="val_acc", save_best_only=True)
history = build().fit(  # metrics=["accuracy"]：记录的键叫 val_accuracy
    x_train, y_train, epochs=3, validation_data=(x_val, y_val), callbacks=[checkpoint], verbose=0
)
print("history 的键:", sorted(history.history))
print("日志:", sorted(set(log.messages)))
print("保存的文件:", saved("acc-"))
assert "val_accuracy" in history.history and "val_acc" not in history.history
assert log.messages == ["Can save best model only with val_acc available, skipping."] * 3
assert saved("acc-") == [], "一个 epoch 也没存"

checkpoint = keras.callbacks.ModelCheckpoint("acc2-{epoch:02d}.h5", monitor="val_acc", save_best_only=True)
history = build(metric="acc").fit(  # 原笔记那样写 metrics=["acc"]，val_acc 才存在
    x_train, y_train, epochs=3, validation_data=(x_val, y_val), callbacks=[checkpoint], verbose=0
)
print('metrics=["acc"] 时 history 的键:', sorted(history.history), " 保存的文件:", saved("acc2-"))
assert "val_acc" in history.history and saved("acc2-")
print("tf_keras: OK", 'monitor="val_acc" 能运行；metrics=["accuracy"] 时只警告、一个文件也不存')
# --8<-- [end:val-acc]

# --8<-- [start:period]
log.messages.clear()
every_other = keras.callbacks.ModelCheckpoint("model.keras", period=2)  # 表里的写法
print("period =", every_other.period, " save_freq =", every_other.save_freq, " 日志:", log.messages[0])
assert every_other.period == 2 and "`period` argument is deprecated" in log.messages[0]

numbered = keras.callbacks.ModelCheckpoint("model-{epoch}.keras", period=2)  # 文件名带上 epoch，看存了哪几次
build().fit(x_train, y_train, epochs=4, callbacks=[every_other, numbered], verbose=0)
print("保存的文件:", saved("model"))
assert saved("model") == ["model-2.keras", "model-4.keras", "model.keras"], "每 2 个 epoch 存一次"
print("tf_keras: OK", "period 仍被接受（日志里提示改用 save_freq）")
# --8<-- [end:period]

# --8<-- [start:h5-checkpoint]
best = keras.callbacks.ModelCheckpoint(  # 原笔记的写法：文件名以 _model.h5 结尾，只保存权重
    filepath="unet_model.h5", monitor="val_loss", save_best_only=True, save_weights_only=True
)
build().fit(x_train, y_train, epochs=2, validation_data=(x_val, y_val), callbacks=[best], verbose=0)
print("unet_model.h5 已保存:", os.path.exists("unet_model.h5"))
assert os.path.exists("unet_model.h5")
print("tf_keras: OK", "只存权重时文件名不必以 .weights.h5 结尾")
# --8<-- [end:h5-checkpoint]

# --8<-- [start:reduce-lr]
log.messages.clear()
reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", epsilon=0.5)  # 原笔记的参数名
print("ReduceLROnPlateau(epsilon=0.5) -> min_delta =", reduce_lr.min_delta, " 日志:", log.messages[0])
assert reduce_lr.min_delta == 0.5, "epsilon 被当成 min_delta，不像 Keras 3 那样被悄悄丢掉"
assert "`epsilon` argument is deprecated" in log.messages[0]
print("tf_keras: OK", "epsilon 仍然生效（日志里提示改用 min_delta）")
# --8<-- [end:reduce-lr]

# --8<-- [start:tensorboard-spelling]
try:
    keras.callbacks.Tensorboard  # noqa: B018  原笔记的拼写
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("Tensorboard 居然存在")
assert "Tensorboard" in message and keras.callbacks.TensorBoard
print("tf_keras: FAILS", "拼写错误：是 TensorBoard（B 大写）")
# --8<-- [end:tensorboard-spelling]
