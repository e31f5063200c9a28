"""Lambda 层的坑 0：原笔记里改变图像大小的几种写法，今天各自怎样。"""
# harness: backends=tensorflow -- 演示的就是 TensorFlow 的 tf.image 接口

# --8<-- [start:old-api]
import keras
import numpy as np
import tensorflow as tf

image = np.random.default_rng(0).random((1, 4, 4, 3)).astype("float32")


def show(title, action):
    try:
        result = action()
    except Exception as error:  # noqa: BLE001 - 我们就是要看它报什么错
        print(f"{title}\n  -> {type(error).__name__}: {error}")
        return error
    print(f"{title}\n  -> 输出形状 {tuple(result.shape)}")
    return None


error = show("tf.image.resize_images(image, (8, 8))", lambda: tf.image.resize_images(image, (8, 8)))
assert isinstance(error, AttributeError)
error = show("tf.image.resize(image, (8, 8), method=0)", lambda: tf.image.resize(image, (8, 8), method=0))
assert isinstance(error, ValueError)  # 方法不再用 0/1/2/3 编号
error = show(
    "keras.backend.resize_images(...)",
    lambda: keras.backend.resize_images(image, 2, 2, "channels_last"),
)
assert isinstance(error, AttributeError)
# --8<-- [end:old-api]

# --8<-- [start:new-api]
by_tf = tf.image.resize(image, (8, 8), method="bilinear")  # TensorFlow 2 的名字
by_keras = keras.ops.image.resize(image, (8, 8), interpolation="bilinear")  # 不依赖后端的写法
by_layer = keras.layers.Resizing(8, 8, interpolation="bilinear")(image)  # 做成层
by_upsampling = keras.layers.UpSampling2D(size=2, interpolation="bilinear")(image)  # 按倍数放大
for name, result in [
    ("tf.image.resize", by_tf),
    ("keras.ops.image.resize", by_keras),
    ("Resizing", by_layer),
]:
    print(f"{name:24s} 形状 {tuple(result.shape)}")
gap = max(np.abs(np.asarray(r) - np.asarray(by_tf)).max() for r in (by_keras, by_layer, by_upsampling))
print(f"四种写法的最大差异: {gap:.2e}")
assert gap < 1e-5
# --8<-- [end:new-api]
