"""原笔记里 TensorFlow 1.x 的写法今天会怎样；UpSampling2D 的梯度。"""

# harness: backends=tensorflow -- 演示的是 tf.image、tf.layers 与 tf.GradientTape，只有 TensorFlow 后端有

# --8<-- [start:gradient]
import keras
import numpy as np
import tensorflow as tf

x = tf.constant(np.random.default_rng().normal(size=(1, 3, 3, 1)), dtype="float32")
upsample = keras.layers.UpSampling2D(size=2)
upstream = tf.constant(np.random.default_rng().normal(size=(1, 6, 6, 1)), dtype="float32")
with tf.GradientTape() as tape:
    tape.watch(x)
    loss = tf.reduce_sum(upsample(x) * upstream)  # 上游传回来的梯度就是 upstream
gradient = tape.gradient(loss, x).numpy()[0, :, :, 0]
block_sums = upstream.numpy()[0, :, :, 0].reshape(3, 2, 3, 2).sum(axis=(1, 3))  # 每个 2×2 块求和
print("梯度:\n", gradient.round(3))
assert np.allclose(gradient, block_sums, atol=1e-5), "UpSampling2D 的梯度 = 对应 2×2 块的梯度之和"
# --8<-- [end:gradient]

# --8<-- [start:tf1]
for name in ("layers", "Session", "global_variables_initializer"):
    print(f"tf.{name} 存在吗: {hasattr(tf, name)}")
    assert not hasattr(tf, name)
# 今天：keras.layers.Conv2DTranspose 直接在 eager 模式下调用，不需要 Session 和初始化
# --8<-- [end:tf1]
# --8<-- [start:resize-images]
x = np.arange(6, dtype="float32").reshape(1, 2, 3, 1)
try:
    tf.image.resize_images(x, (4, 6))  # TF 1.x 的写法
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("tf.image.resize_images 仍然存在")
assert "resize_images" in message

# TF 2：tf.image.resize，method 用名字 "bilinear"、"nearest" 等，不再用 0、1、2、3
resized = tf.image.resize(x, (4, 6), method="bilinear")
layer = keras.layers.UpSampling2D(2, interpolation="bilinear")
assert np.allclose(resized.numpy(), layer(x).numpy())
print("tf.image.resize(..., method='bilinear') 与 UpSampling2D(interpolation='bilinear') 结果相同")
# --8<-- [end:resize-images]
