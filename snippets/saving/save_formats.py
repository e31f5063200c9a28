"""保存与加载 3：原笔记里的 .h5 写法今天会怎样（由 load_formats.py 在新进程里加载）。"""

# --8<-- [start:model]
import keras
import numpy as np

model = keras.Sequential(
    [keras.Input(shape=(3,)), keras.layers.Dense(2, name="dense_1"), keras.layers.Dense(3, name="dense_2")]
)
model.compile(optimizer="adam", loss="mse")
model.fit(np.ones((8, 3)), np.zeros((8, 3)), epochs=2, verbose=0)
x = np.arange(6, dtype="float32").reshape(2, 3)
np.save("x.npy", x)
np.save("pred.npy", model.predict(x, verbose=0))
model.save("same_model.keras")  # 对照：同一个模型也存一份 .keras
# --8<-- [end:model]

# --8<-- [start:h5]
import logging

warnings_seen = []  # Keras 通过 absl 的 logging 发出这条提示，这里把它收集起来
collector = logging.Handler()
collector.emit = warnings_seen.append
logging.getLogger("absl").addHandler(collector)

model.save("my_model.h5")  # 原笔记的写法：照样能存，但会提示“legacy”
message = " ".join(record.getMessage() for record in warnings_seen)
print("WARNING:", message)
assert "legacy" in message and ".keras" in message
# --8<-- [end:h5]

# --8<-- [start:weights-name]
try:
    model.save_weights("my_model_weights.h5")  # 原笔记的文件名
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("旧文件名没有报错")
assert ".weights.h5" in message

model.save_weights("my_model.weights.h5")  # 文件名必须以 .weights.h5 结尾
print("已保存 my_model.weights.h5")
# --8<-- [end:weights-name]

# --8<-- [start:no-suffix]
try:
    model.save("my_model")  # TF 2.x 时代：没有后缀 = 存成 SavedModel 目录
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("没有后缀的路径没有报错")
assert "model.export" in message
# --8<-- [end:no-suffix]

# --8<-- [start:json]
json_string = model.to_json()  # 只有结构，没有权重
with open("my_model.json", "w", encoding="utf-8") as f:
    f.write(json_string)
print("to_json:", json_string[:70], "...")
# --8<-- [end:json]

# --8<-- [start:yaml]
try:
    model.to_yaml()  # 原笔记的写法
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("to_yaml 居然还在")
assert "to_yaml" in message

try:
    from keras.models import model_from_yaml  # noqa: F401  原笔记的写法
except ImportError as error:
    message = str(error)
    print(f"ImportError: {message}")
else:
    raise AssertionError("model_from_yaml 居然还在")
assert "model_from_yaml" in message
# --8<-- [end:yaml]
