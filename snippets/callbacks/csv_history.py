"""把训练记录存到文件：CSVLogger 逐 epoch 写 CSV；History.history 存成 JSON。"""

# --8<-- [start:train]
import csv
import json

import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
perm = np.random.permutation(len(digits.target))
x = (digits.data[perm] / 16).astype("float32")
y = digits.target[perm]

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(
    x,
    y,
    epochs=4,
    validation_split=0.2,
    callbacks=[keras.callbacks.CSVLogger("training.csv")],  # 每个 epoch 结束写一行
    verbose=0,
)
# --8<-- [end:train]

# --8<-- [start:csv]
with open("training.csv", newline="") as f:
    rows = list(csv.DictReader(f))
print("training.csv 的列:", list(rows[0]))
for row in rows:
    print({key: round(float(value), 4) if key != "epoch" else int(value) for key, value in row.items()})
assert list(rows[0]) == ["epoch", "accuracy", "loss", "val_accuracy", "val_loss"]
assert [int(row["epoch"]) for row in rows] == [0, 1, 2, 3]
# --8<-- [end:csv]

# --8<-- [start:json]
print("history.history 的键:", list(history.history))
assert "accuracy" in history.history and "val_accuracy" in history.history
assert "acc" not in history.history and "val_acc" not in history.history

with open("history.json", "w") as f:
    json.dump(history.history, f, indent=1)  # 值都是 Python float，可以直接存
with open("history.json") as f:
    loaded = json.load(f)
print("读回来的 val_accuracy:", [round(v, 4) for v in loaded["val_accuracy"]])
assert loaded == history.history
# CSV 与 JSON 记录的是同一组数
assert np.allclose([float(row["val_loss"]) for row in rows], loaded["val_loss"])
# --8<-- [end:json]
