"""预训练模型 3：不同模型的 preprocess_input 各做了什么。"""

# --8<-- [start:mobilenet]
import keras
import numpy as np

pixels = np.array([[[[0.0, 127.5, 255.0]]]], dtype="float32")  # 一个像素的 R、G、B
scaled = keras.applications.mobilenet_v2.preprocess_input(pixels.copy())
print("mobilenet_v2:", pixels.ravel(), "→", scaled.ravel())
assert np.allclose(scaled.ravel(), [-1.0, 0.0, 1.0])  # x / 127.5 - 1：[0, 255] → [-1, 1]
# --8<-- [end:mobilenet]

# --8<-- [start:vgg16]
rgb = np.array([[[[200.0, 100.0, 50.0]]]], dtype="float32")  # R=200, G=100, B=50
bgr_centered = keras.applications.vgg16.preprocess_input(rgb.copy())
imagenet_mean_bgr = np.array([103.939, 116.779, 123.68])
print("vgg16:", rgb.ravel(), "→", bgr_centered.ravel().round(3))
assert np.allclose(bgr_centered.ravel(), rgb.ravel()[::-1] - imagenet_mean_bgr)  # 先 RGB→BGR，再减均值
# --8<-- [end:vgg16]

# --8<-- [start:in-place]
image = np.full((1, 2, 2, 3), 255.0, dtype="float32")
keras.applications.mobilenet_v2.preprocess_input(image)  # 没用 .copy()
print("调用之后，原数组的第一个值变成了", image.ravel()[0])
assert image.ravel()[0] == 1.0  # float 数组会被原地修改
# --8<-- [end:in-place]
