"""Lambda 层的坑 3：两种不用 Lambda 的写法——内置 Resizing 层、注册过的自定义层（由 load_fixed.py 加载）。"""
# harness: requires=resize_layer.py
# harness: backends=tensorflow -- 与原笔记 tf.image.resize 版本的输出做对照

# --8<-- [start:build]
import keras
import numpy as np
import tensorflow as tf
from resize_layer import ResizeTo

H, W = 32, 32

inputs = keras.Input(shape=(16, 16, 3))
conv = keras.layers.Conv2D(4, 3, padding="same")
features = conv(inputs)

with_lambda = keras.Model(inputs, keras.layers.Lambda(lambda image: tf.image.resize(image, (H, W)))(features))
with_resizing = keras.Model(inputs, keras.layers.Resizing(H, W)(features))  # 方案一：内置层
with_custom = keras.Model(inputs, ResizeTo(H, W)(features))  # 方案二：自己的层

x = np.random.default_rng(0).random((2, 16, 16, 3)).astype("float32")
reference = with_lambda.predict(x, verbose=0)
for name, model in [("Resizing", with_resizing), ("ResizeTo", with_custom)]:
    gap = np.abs(model.predict(x, verbose=0) - reference).max()
    print(f"{name} 与原来的 Lambda 版本最大相差 {gap:.2e}")
    assert gap < 1e-5
# --8<-- [end:build]

# --8<-- [start:save]
np.save("x.npy", x)
np.save("pred.npy", reference)
with_resizing.save("with_resizing.keras")
with_custom.save("with_custom.keras")
print("已保存 with_resizing.keras 和 with_custom.keras")
# --8<-- [end:save]
