"""Lambda 层的坑 1：原笔记的写法——Lambda 里调用 tf.image.resize，尺寸来自全局变量 H、W。"""
# harness: backends=tensorflow -- 原笔记的 Lambda 调用的就是 tf.image.resize

# --8<-- [start:build]
import keras
import numpy as np
import tensorflow as tf

H, W = 32, 32  # 原笔记是 256 × 256，这里缩小，跑得快

inputs = keras.Input(shape=(16, 16, 3))
features = keras.layers.Conv2D(4, 3, padding="same")(inputs)
outputs = keras.layers.Lambda(lambda image: tf.image.resize(image, (H, W)))(features)
model = keras.Model(inputs, outputs)
print("输出形状:", model.output_shape)
assert model.output_shape == (None, H, W, 4)
# --8<-- [end:build]

# --8<-- [start:save]
x = np.random.default_rng(0).random((2, 16, 16, 3)).astype("float32")
np.save("x.npy", x)
np.save("pred.npy", model.predict(x, verbose=0))
model.save("resize_lambda.keras")  # 保存一切正常，问题出在加载
print("已保存 resize_lambda.keras")
# --8<-- [end:save]

# --8<-- [start:with-shape]
# 同一个模型，但给 Lambda 写明 output_shape（下面会看到它的用处）
lambda_layer = keras.layers.Lambda(lambda image: tf.image.resize(image, (H, W)), output_shape=(H, W, 4))
model_with_shape = keras.Model(inputs, lambda_layer(features))
model_with_shape.save("resize_lambda_shape.keras")
print("已保存 resize_lambda_shape.keras")
# --8<-- [end:with-shape]
