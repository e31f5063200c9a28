"""tf_keras 10：原笔记 Lambda 一节的模型——Lambda 里调用 TensorFlow，尺寸来自全局变量 H、W——存成 .h5。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:build]
import numpy as np
import tensorflow as tf
from tf_keras.layers import Add, Conv2D, Input, Lambda
from tf_keras.models import Model

H, W = 32, 32  # 原笔记是训练图片的尺寸，这里取小一点，跑得快

inputs = Input(shape=(16, 16, 3))
conv_1 = Conv2D(4, 3, padding="same")(inputs)
conv_2 = Conv2D(4, 5, padding="same")(inputs)
output = Add(name="fc1_voc12")([conv_1, conv_2])
output = Lambda(lambda image: tf.image.resize(image, (H, W)))(output)  # 原笔记用的 resize_images 是 TF 1 的
model = Model(inputs, output)
print("输出形状:", model.output_shape)
assert model.output_shape == (None, H, W, 4)

x = np.random.default_rng(0).random((2, 16, 16, 3)).astype("float32")
np.save("x.npy", x)
np.save("pred.npy", model.predict(x, verbose=0))
model.save("1.h5")  # 原笔记的文件名
print("已保存 1.h5")
# --8<-- [end:build]
