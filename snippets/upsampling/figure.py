"""把一张 Fashion-MNIST 图片放大 2 倍：最近邻、双线性、以及用双线性核初始化的转置卷积。"""

# --8<-- [start:upsample]
import keras
import numpy as np

(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
image = x_train[0].astype("float32")[None, :, :, None] / 255  # (1, 28, 28, 1)

nearest = keras.layers.UpSampling2D(2, interpolation="nearest")(image)
bilinear = keras.layers.UpSampling2D(2, interpolation="bilinear")(image)

# 转置卷积：4×4 的核，步长 2；核取“双线性”权重 [0.25, 0.75, 0.75, 0.25] 的外积
taps = np.array([0.25, 0.75, 0.75, 0.25], dtype="float32")
deconv = keras.layers.Conv2DTranspose(1, kernel_size=4, strides=2, padding="same", use_bias=False)
deconv.build(image.shape)
deconv.set_weights([np.outer(taps, taps)[:, :, None, None]])
transposed = deconv(image)

nearest, bilinear, transposed = (
    keras.ops.convert_to_numpy(t)[0, :, :, 0] for t in (nearest, bilinear, transposed)
)
print("放大后:", nearest.shape, bilinear.shape, transposed.shape)
difference = np.abs(bilinear - transposed)
print(f"转置卷积与双线性：内部最大差异 {difference[1:-1, 1:-1].max():.1e}")
assert difference[1:-1, 1:-1].max() < 1e-5, "除最外一圈外完全相同"

# 最外一圈不同：转置卷积在图外补 0，双线性插值在边缘复制像素。用一张全白的图看得最清楚
white = np.ones((1, 4, 4, 1), dtype="float32")
print(
    "全白图片，双线性第一行:",
    keras.ops.convert_to_numpy(keras.layers.UpSampling2D(2, interpolation="bilinear")(white))[0, 0, :, 0],
)
white_deconv = keras.ops.convert_to_numpy(deconv(white))[0, :, :, 0]
print("全白图片，转置卷积第一行:", white_deconv[0])
assert np.allclose(white_deconv[1:-1, 1:-1], 1) and np.allclose(white_deconv[0, 1:-1], 0.75)
assert np.isclose(white_deconv[0, 0], 0.5625)  # 角上两个方向都只剩 0.75
# --8<-- [end:upsample]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

panels = [("original 28x28", image[0, :, :, 0]), ("nearest 56x56", nearest)]
panels += [("bilinear 56x56", bilinear), ("Conv2DTranspose 56x56", transposed)]
fig, axes = plt.subplots(1, 4, figsize=(8, 2.4))
for ax, (title, picture) in zip(axes, panels, strict=True):
    ax.imshow(picture, cmap="gray", vmin=0, vmax=1)
    ax.set_title(title, fontsize=8)
    ax.axis("off")
plt.tight_layout()
plt.show()
# --8<-- [end:plot]
