"""tf_keras 4：keras.backend 的函数与 TensorFlow 1 的写法，在 tf_keras 下能否照旧运行。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:backend-math]
import numpy as np
from tf_keras import backend as K  # 原笔记的写法：from keras import backend as K

t1 = K.variable(np.array([[1, 2], [3, 4]]))  # 原笔记 concatenate 一节的写法
t2 = K.variable(np.array([[5, 6], [7, 8]]))
d0 = K.concatenate([t1, t2], axis=-2)
d2 = K.concatenate([t1, t2], axis=-1)
print("K.variable ->", type(t1).__name__, " K.concatenate 沿 axis=-2:", d0.shape, " 沿 axis=-1:", d2.shape)
assert d0.shape == (4, 2) and d2.shape == (2, 4)

y_pred = K.variable(np.array([0.2, 0.4, 0.9]))
print("K.mean ->", float(K.mean(y_pred)), "  K.sum ->", float(K.sum(y_pred)))
assert np.isclose(float(K.mean(y_pred)), 0.5) and np.isclose(float(K.sum(y_pred)), 1.5)
print("tf_keras: OK", "K.mean、K.sum、K.variable、K.concatenate 都还在")
# --8<-- [end:backend-math]

# --8<-- [start:resize-images]
import tensorflow as tf
import tf_keras as keras

x = tf.constant(np.arange(6, dtype="float32").reshape(1, 2, 3, 1))  # 一张 2×3 的单通道图
up = keras.backend.resize_images(x, 2, 2, "channels_last")  # UpSampling2D 背后的那个函数
print("keras.backend.resize_images:", x.shape, "->", up.shape)
print(up.numpy()[0, :, :, 0])
assert up.shape == (1, 4, 6, 1)
assert np.array_equal(up.numpy()[0, :, :, 0], np.repeat(np.repeat(x.numpy()[0, :, :, 0], 2, 0), 2, 1))
print("tf_keras: OK", "keras.backend.resize_images 还在（输入要是张量）")
# --8<-- [end:resize-images]

# --8<-- [start:tf-session]
OLD_LINES = {  # TensorFlow 自己的接口，与装哪个 Keras 无关
    "tf.Session()": lambda: tf.Session(),
    "tf.global_variables_initializer()": lambda: tf.global_variables_initializer(),
}
for line, action in OLD_LINES.items():
    try:
        action()
    except AttributeError as error:
        message = str(error)
        print(f"{line} -> AttributeError: {message}")
    else:
        raise AssertionError(f"{line} 居然还能运行")
    assert line.split(".")[1].rstrip("()") in message
print("tf_keras: FAILS", "TensorFlow 1 的接口，换 Keras 救不回来")

with tf.compat.v1.Session() as session:  # TensorFlow 自己的兼容层 tf.compat.v1 里还有
    print("tf.compat.v1.Session 还在:", type(session).__name__)
# --8<-- [end:tf-session]

# --8<-- [start:tf-resize-images]
try:
    tf.image.resize_images(x, (4, 6))  # 原笔记 Lambda 里的写法
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("tf.image.resize_images 居然还在")
assert "resize_images" in message
print("tf_keras: FAILS", "TensorFlow 2 里是 tf.image.resize")
# --8<-- [end:tf-resize-images]

# --8<-- [start:tf-resize-method]
image = tf.random.uniform((1, 4, 4, 3))
try:
    tf.image.resize(image, (8, 8), method=0)  # TensorFlow 1 用数字 0 表示双线性插值
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("数字编号的插值方法居然还能用")
assert "not implemented: 0" in message
print("tf_keras: FAILS", 'TensorFlow 2 要写 method="bilinear"')
# --8<-- [end:tf-resize-method]
