"""预训练模型 6：weights= 接受哪些本地文件——用自己保存的权重来试。"""

# --8<-- [start:own-file]
import os

import keras
import numpy as np

small = dict(input_shape=(32, 32, 3), alpha=0.25, classes=10)  # 一个很小的 MobileNet，随机初始化
trained = keras.applications.MobileNet(weights=None, **small)
trained.save_weights("my_mobilenet.weights.h5")
trained.save("my_mobilenet.keras")

for path in ["my_mobilenet.weights.h5", "my_mobilenet.keras"]:
    rebuilt = keras.applications.MobileNet(weights=path, **small)
    ok = all(np.array_equal(a, b) for a, b in zip(rebuilt.get_weights(), trained.get_weights(), strict=True))
    print(f"weights={path!r:28s} 权重一致: {ok}")
    assert ok
# --8<-- [end:own-file]

# --8<-- [start:bad-suffix]
os.rename("my_mobilenet.weights.h5", "my_mobilenet.bin")  # 同样的内容，换个后缀
try:
    keras.applications.MobileNet(weights="my_mobilenet.bin", **small)
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError(".bin 居然也能加载")
assert "File format not supported" in message and ".weights.h5" in message and ".keras" in message

try:
    keras.applications.MobileNet(weights="missing.weights.h5", **small)  # 路径不存在
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("不存在的文件居然也能加载")
assert "`weights` argument should be either" in message
# --8<-- [end:bad-suffix]
