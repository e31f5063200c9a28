"""把 fit 返回的 History 存到文件里：原笔记的 str() 写法、JSON，以及 CSVLogger 回调。"""

# --8<-- [start:history]
import keras
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data / 16.0).astype("float32")
y = digits.target
model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

csv_logger = keras.callbacks.CSVLogger("training_log.csv")  # 每个 epoch 结束时追加一行
hist = model.fit(x, y, epochs=4, validation_split=0.1, callbacks=[csv_logger], verbose=0)

print("hist.epoch  :", hist.epoch)
print("hist.history 的键:", sorted(hist.history))
print("值的类型:", type(hist.history["loss"][0]).__name__)
assert hist.epoch == [0, 1, 2, 3]
assert sorted(hist.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
# --8<-- [end:history]

# --8<-- [start:str]
import ast

with open("log_history.txt", "w") as f:  # 原笔记的写法
    f.write(str(hist.history))
with open("log_history.txt") as f:
    restored = ast.literal_eval(f.read())  # 值都是 Python float，可以原样读回
assert restored == hist.history
print("str() 写入、literal_eval 读回：与 hist.history 相同")
# --8<-- [end:str]

# --8<-- [start:json]
import json

with open("history.json", "w") as f:
    json.dump(hist.history, f, indent=1)
with open("history.json") as f:
    from_json = json.load(f)
assert from_json == hist.history
print("JSON 读回：", {k: [round(v, 4) for v in vs] for k, vs in from_json.items() if k.startswith("val_")})
# --8<-- [end:json]

# --8<-- [start:csv]
import csv

with open("training_log.csv") as f:
    rows = list(csv.DictReader(f))
print("training_log.csv 的列:", list(rows[0]))
print("第一行:", {k: (v if k == "epoch" else f"{float(v):.4f}") for k, v in rows[0].items()})
assert [int(r["epoch"]) for r in rows] == hist.epoch
assert all(abs(float(r["val_loss"]) - v) < 1e-6 for r, v in zip(rows, hist.history["val_loss"], strict=True))
# --8<-- [end:csv]


# --8<-- [start:crash]
class Crash(keras.callbacks.Callback):
    """模拟训练中途出错：第 3 个 epoch（epoch=2）结束时抛出异常。"""

    def on_epoch_end(self, epoch, logs=None):
        if epoch == 2:
            raise RuntimeError("模拟的崩溃")


try:
    model.fit(x, y, epochs=10, callbacks=[keras.callbacks.CSVLogger("crash_log.csv"), Crash()], verbose=0)
except RuntimeError as error:
    print("fit 抛出:", error)
else:
    raise AssertionError("Crash 回调没有生效")

with open("crash_log.csv") as f:
    saved = list(csv.DictReader(f))
print("crash_log.csv 里已有的 epoch:", [int(r["epoch"]) for r in saved])
print("内存里的 model.history.epoch:", model.history.epoch)
assert [int(r["epoch"]) for r in saved] == [0, 1, 2], "崩溃之前的 3 个 epoch 都已写入"
assert model.history.epoch == [0, 1], "History 排在回调列表最后，出错那一轮没来得及记录"
# --8<-- [end:crash]
