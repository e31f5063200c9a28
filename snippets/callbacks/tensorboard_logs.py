"""TensorBoard 回调：训练时把标量和直方图写成事件文件，再用 tensorboard 命令查看。"""

# harness: backends=tensorflow -- 用 tf.compat.v1.train.summary_iterator 读回事件文件

# --8<-- [start:spelling]
import keras

try:
    keras.callbacks.Tensorboard  # 原笔记里的拼写
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("Tensorboard 这个拼写居然存在")
assert "Tensorboard" in message
print("正确的类名:", keras.callbacks.TensorBoard.__name__)
# --8<-- [end:spelling]

# --8<-- [start:train]
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data / 16).astype("float32")
y = digits.target

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
tensorboard = keras.callbacks.TensorBoard(log_dir="logs", histogram_freq=1)  # 每个 epoch 记一次权重直方图
model.fit(x, y, epochs=3, validation_split=0.2, callbacks=[tensorboard], verbose=0)
# --8<-- [end:train]

# --8<-- [start:files]
import os

import tensorflow as tf

for folder in sorted(os.listdir("logs")):
    files = os.listdir(os.path.join("logs", folder))
    events = [name for name in files if name.startswith("events.out.tfevents.")]
    tags = set()
    for name in events:
        for event in tf.compat.v1.train.summary_iterator(os.path.join("logs", folder, name)):
            tags.update(value.tag for value in event.summary.value)
    scalars = sorted(tag for tag in tags if tag.startswith("epoch_"))
    print(f"logs/{folder}/: {len(events)} 个事件文件，标量 {scalars}，共 {len(tags)} 个标签")
    assert events, f"logs/{folder} 里应有事件文件"
    assert "epoch_loss" in scalars

assert sorted(os.listdir("logs")) == ["train", "validation"]
# --8<-- [end:files]
