# 常见报错速查 3：原笔记里 TensorFlow 1.x 的接口，在 TensorFlow 2.21 里报什么错。
# harness: backends=tensorflow -- 这些都是 TensorFlow 自己的接口（tf.Session、tf.layers、tf.image、tf.config）

# --8<-- [start:tf-session]
import tensorflow as tf

try:
    tf.Session()  # TF 1.x：在会话里运行计算图
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'tensorflow' has no attribute 'Session'"
result = tf.concat([tf.ones((1, 2)), tf.zeros((1, 2))], axis=-1)
print("今天的写法（即时执行，直接得到数值）:", result.numpy())
# --8<-- [end:tf-session]

# --8<-- [start:tf-global-variables-initializer]
import tensorflow as tf

try:
    tf.global_variables_initializer()  # TF 1.x：先初始化所有变量
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'tensorflow' has no attribute 'global_variables_initializer'"
print("今天的写法（变量创建时就有值）:", tf.Variable([1.0, 2.0]).numpy())
# --8<-- [end:tf-global-variables-initializer]

# --8<-- [start:tf-layers]
import keras
import numpy as np
import tensorflow as tf

x = np.array([[1, 1], [2, 2]], dtype="float32").reshape(1, 2, 2, 1)
try:
    tf.layers.conv2d_transpose(x, 1, 3, strides=2, padding="same")  # 原笔记的 TF 1.x 写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'tensorflow' has no attribute 'layers'"
layer = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", kernel_initializer="ones")
print("今天的写法，输出形状:", tuple(layer(x).shape))
# --8<-- [end:tf-layers]

# --8<-- [start:tf-image-resize-images]
import numpy as np
import tensorflow as tf

x = np.arange(6, dtype="float32").reshape(1, 2, 3, 1)
try:
    tf.image.resize_images(x, (4, 6))  # TF 1.x 的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'tensorflow._api.v2.image' has no attribute 'resize_images'"
print("今天的写法，输出形状:", tf.image.resize(x, (4, 6), method="bilinear").shape)
# --8<-- [end:tf-image-resize-images]

# --8<-- [start:tf-image-resize-method]
import numpy as np
import tensorflow as tf

x = np.arange(6, dtype="float32").reshape(1, 2, 3, 1)
try:
    tf.image.resize(x, (4, 6), method=0)  # TF 1.x 用数字 0 表示双线性
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ValueError: Resize method is not implemented: 0"
print("今天的写法，输出形状:", tf.image.resize(x, (4, 6), method="bilinear").shape)
# --8<-- [end:tf-image-resize-method]

# --8<-- [start:tf-devices-initialized]
import tensorflow as tf

tf.config.list_logical_devices()  # 任何一次计算（或列出逻辑设备）都会让 TensorFlow 完成初始化
cpu = tf.config.list_physical_devices("CPU")[0]
try:
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
except RuntimeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("初始化之后居然还能修改设备")
print(text)
assert text == "RuntimeError: Virtual devices cannot be modified after being initialized"
# --8<-- [end:tf-devices-initialized]
