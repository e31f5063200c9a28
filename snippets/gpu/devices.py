"""选择可见的设备：CUDA_VISIBLE_DEVICES 要在 TensorFlow 初始化之前设置。"""

# harness: fresh-process -- 在导入 TensorFlow 之前设置 CUDA_VISIBLE_DEVICES
# harness: backends=tensorflow -- 用 tf.config 列出 TensorFlow 看到的设备

# --8<-- [start:visible]
import os

os.environ["CUDA_VISIBLE_DEVICES"] = ""  # 空字符串：一块 GPU 也不给；"2" 只给 2 号；"0,1" 给 0 号和 1 号

import keras  # noqa: E402  先设环境变量，再导入
import tensorflow as tf  # noqa: E402

print("CUDA_VISIBLE_DEVICES =", repr(os.environ["CUDA_VISIBLE_DEVICES"]))
print("物理 GPU:", tf.config.list_physical_devices("GPU"))
print("物理 CPU:", tf.config.list_physical_devices("CPU"))
print("Keras 看到的设备:", keras.distribution.list_devices())
assert tf.config.list_physical_devices("GPU") == []
assert keras.distribution.list_devices() == ["cpu:0"]  # 没有 GPU 时退回 CPU
# --8<-- [end:visible]
