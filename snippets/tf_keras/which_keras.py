"""tf_keras 1：同一个 Python 里的三个名字——keras 包（Keras 3）、tf.keras、tf_keras 包（Keras 2）。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:versions]
import os

import keras
import tensorflow as tf
import tf_keras

print("环境变量 TF_USE_LEGACY_KERAS =", os.environ.get("TF_USE_LEGACY_KERAS"))
print("tensorflow:", tf.__version__)
print("keras     :", keras.__version__)
print("tf_keras  :", tf_keras.__version__)
assert keras.__version__.startswith("3.") and tf_keras.__version__.startswith("2.")
assert tf_keras.__version__.split(".")[:2] == tf.__version__.split(".")[:2], (
    "tf_keras 的版本号跟着 TensorFlow 走"
)

print("tf.keras.Sequential 来自:", tf.keras.Sequential.__module__)
print("tf_keras.Sequential 来自:", tf_keras.Sequential.__module__)
assert tf.keras.Sequential is keras.Sequential, "不设环境变量时，tf.keras 就是 Keras 3"
assert tf_keras.Sequential is not keras.Sequential, "tf_keras 是另一套独立的实现"
# --8<-- [end:versions]

# --8<-- [start:no-mixing]
try:
    tf_keras.Sequential([keras.layers.Dense(2)])  # 把 Keras 3 的层放进 tf_keras 的模型
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message.split(' Received')[0]}")
else:
    raise AssertionError("两套 Keras 的层居然能混用")
assert "must be an instance of class Layer" in message

try:
    keras.Sequential([keras.Input(shape=(3,)), tf_keras.layers.Dense(2)])  # 反过来也不行
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message.split(' Received')[0]}")
else:
    raise AssertionError("两套 Keras 的层居然能混用")
assert "Only instances of `keras.Layer`" in message
# --8<-- [end:no-mixing]

# --8<-- [start:tf-only]
print("tf_keras 的后端:", tf_keras.backend.backend())
print(
    "tf_keras 有 keras.ops 吗?",
    hasattr(tf_keras, "ops"),
    "  有 keras.config 吗?",
    hasattr(tf_keras, "config"),
)
assert tf_keras.backend.backend() == "tensorflow"
assert not hasattr(tf_keras, "ops") and not hasattr(tf_keras, "config"), "Keras 3 的新接口这里都没有"
# --8<-- [end:tf-only]
