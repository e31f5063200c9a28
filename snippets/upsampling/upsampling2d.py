"""UpSampling2D：原笔记的 NumPy 最近邻实现与 Keras 对照，最近邻与双线性的区别。"""

# --8<-- [start:nearest-numpy]
import keras
import numpy as np


def upsampling2d_nearest(input_array, strides=(2, 2)):
    """原笔记的实现：输出的每个像素 (i, j) 取输入的 (i // 步长, j // 步长)。"""
    h, w, n_channels = input_array.shape
    new_h, new_w = h * strides[0], w * strides[1]
    output_array = np.zeros((new_h, new_w, n_channels), dtype="float32")
    for i in range(new_h):
        for j in range(new_w):
            y = int(i / float(strides[0]))
            x = int(j / float(strides[1]))
            output_array[i, j, :] = input_array[y, x, :]
    return output_array


rng = np.random.default_rng()
image = rng.normal(size=(3, 4, 2)).astype("float32")  # (高, 宽, 通道)
for size in [(2, 2), (2, 3)]:
    ours = upsampling2d_nearest(image, strides=size)
    theirs = keras.ops.convert_to_numpy(keras.layers.UpSampling2D(size=size)(image[None]))[0]
    print(f"size={size}: {image.shape} → {theirs.shape}  完全相同: {np.array_equal(ours, theirs)}")
    assert np.array_equal(ours, theirs)
    assert np.array_equal(theirs, image.repeat(size[0], axis=0).repeat(size[1], axis=1))  # 就是复制行和列
# --8<-- [end:nearest-numpy]

# --8<-- [start:bilinear]
x = np.arange(6, dtype="float32").reshape(1, 2, 3, 1)
print("输入:\n", x[0, :, :, 0])
for interpolation in ("nearest", "bilinear"):
    layer = keras.layers.UpSampling2D(size=2, interpolation=interpolation)
    out = keras.ops.convert_to_numpy(layer(x))
    print(f"{interpolation}:\n", out[0, :, :, 0])
    assert out.min() >= x.min() and out.max() <= x.max()  # 都是插值，不会超出原来的取值范围

bilinear = keras.ops.convert_to_numpy(keras.layers.UpSampling2D(2, interpolation="bilinear")(x))
# 输出像素的中心落在输入像素之间，例如第 1 行第 1 列：
#   0.75×0.75×x[0,0] + 0.75×0.25×(x[0,1] + x[1,0]) + 0.25×0.25×x[1,1]
expected = 0.5625 * x[0, 0, 0] + 0.1875 * (x[0, 0, 1] + x[0, 1, 0]) + 0.0625 * x[0, 1, 1]
assert np.isclose(bilinear[0, 1, 1, 0], expected[0])
# 这一层就是 keras.ops.image.resize
resized = keras.ops.image.resize(x, (4, 6), interpolation="bilinear")
assert np.allclose(keras.ops.convert_to_numpy(resized), bilinear)
# --8<-- [end:bilinear]

# --8<-- [start:old-backend]
try:
    keras.backend.resize_images(x, 2, 2, "channels_last")  # 原笔记：K.resize_images(...)
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("keras.backend.resize_images 仍然存在")
assert "resize_images" in message
# 今天：keras.ops.image.resize(x, (高, 宽), interpolation="nearest")，或者直接用 UpSampling2D
nearest = keras.ops.image.resize(x, (4, 6), interpolation="nearest")
assert np.array_equal(keras.ops.convert_to_numpy(nearest), x.repeat(2, axis=1).repeat(2, axis=2))
# --8<-- [end:old-backend]

# --8<-- [start:old-module]
try:
    keras.layers.convolutional.Conv2DTranspose(1, 3)  # 原笔记：keras.layers.convolutional.Conv2DTranspose
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("keras.layers.convolutional 仍然存在")
assert "convolutional" in message

# 今天：直接在 keras.layers 下
layer = keras.layers.Conv2DTranspose(1, 3)
print("keras.layers.Conv2DTranspose:", type(layer).__name__)
assert isinstance(layer, keras.layers.Layer)
# --8<-- [end:old-module]
