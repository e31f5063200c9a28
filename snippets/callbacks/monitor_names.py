"""monitor 的名字：原笔记的 val_acc 今天会怎样；指标的键名从哪里来。"""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
perm = np.random.permutation(len(digits.target))
x = (digits.data[perm] / 16).astype("float32")
y = digits.target[perm]
x_train, y_train, x_val, y_val = x[:300], y[:300], x[1500:], y[1500:]


def build(metric="accuracy"):
    model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=[metric])
    return model


print("train:", x_train.shape, " val:", x_val.shape)
# --8<-- [end:data]

# --8<-- [start:val-acc]
import os
import warnings

for callback in (
    keras.callbacks.ModelCheckpoint("acc.keras", monitor="val_acc", save_best_only=True),  # 原笔记的写法
    keras.callbacks.EarlyStopping(monitor="val_acc"),
):
    name = type(callback).__name__
    try:
        build().fit(x_train, y_train, validation_data=(x_val, y_val), callbacks=[callback], verbose=0)
    except ValueError as error:
        message = str(error)
        print(f"{name}(monitor='val_acc') -> ValueError: {message}\n")
    else:
        raise AssertionError(f"{name}(monitor='val_acc') 没有报错")
    assert "monitor=val_acc" in message and "mode='max'" in message

# 照着报错加上 mode="max"：不再报错，但 val_acc 根本不存在，save_best_only 退化成“每个 epoch 都存”
checkpoint = keras.callbacks.ModelCheckpoint(
    "acc-{epoch:02d}.keras", monitor="val_acc", mode="max", save_best_only=True
)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    build().fit(x_train, y_train, epochs=3, validation_data=(x_val, y_val), callbacks=[checkpoint], verbose=0)
messages = sorted({str(w.message) for w in caught if w.category is UserWarning})
saved = sorted(name for name in os.listdir(".") if name.startswith("acc-"))
print("ModelCheckpoint UserWarning:", messages)
print("保存的文件:", saved)
assert messages == ["Can save best model only with val_acc available."]
assert saved == ["acc-01.keras", "acc-02.keras", "acc-03.keras"], "3 个 epoch 全都存了"

# EarlyStopping 同理：加上 mode="max" 后只会每个 epoch 警告一次，永远不会因为 val_acc 停下来
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    build().fit(
        x_train,
        y_train,
        epochs=3,
        validation_data=(x_val, y_val),
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_acc", mode="max")],
        verbose=0,
    )
messages = [str(w.message) for w in caught if "val_acc" in str(w.message)]
print("EarlyStopping UserWarning:", messages[0])
assert len(messages) == 3 and "which is not available" in messages[0]
# --8<-- [end:val-acc]

# --8<-- [start:metric-names]
for metric in ("accuracy", "acc"):
    history = build(metric).fit(x_train, y_train, epochs=1, validation_data=(x_val, y_val), verbose=0)
    print(f"metrics=[{metric!r}] -> history 的键: {sorted(history.history)}")
    assert f"val_{metric}" in history.history
# --8<-- [end:metric-names]
