"""图像文件与数组互转：load_img、img_to_array、array_to_img、save_img，以及替代 save_to_dir 的预览循环。"""

# --8<-- [start:write]
import keras
import numpy as np
from sklearn.datasets import load_sample_image

china = load_sample_image("china.jpg")  # scikit-learn 自带的一张 JPEG，uint8 数组 (427, 640, 3)
keras.utils.save_img("china.jpg", china, scale=False)  # 先把它写成磁盘上的图片文件
print("写出 china.jpg，数组形状:", china.shape, china.dtype)
# --8<-- [end:write]

# --8<-- [start:load]
img = keras.utils.load_img("china.jpg")  # 返回 PIL.Image；PIL 的 size 是 (宽, 高)
x = keras.utils.img_to_array(img)  # NumPy 数组：(高, 宽, 通道)
print("PIL size (W, H):", img.size, " mode:", img.mode)
print("img_to_array:", x.shape, x.dtype, f"取值 {x.min():.0f}..{x.max():.0f}")
print("image_data_format:", keras.config.image_data_format())

small = keras.utils.img_to_array(keras.utils.load_img("china.jpg", target_size=(150, 150)))
batch = np.expand_dims(small, axis=0)  # 原笔记的 x.reshape((1,) + x.shape)
print("target_size=(150, 150):", small.shape, " 加 batch 维:", batch.shape)

assert keras.config.image_data_format() == "channels_last"
assert x.shape == (427, 640, 3) and x.dtype == np.float32
assert small.shape == (150, 150, 3), "channels_last 下是 (150, 150, 3)，不是笔记里的 (3, 150, 150)"
assert batch.shape == (1, 150, 150, 3)
# --8<-- [end:load]

# --8<-- [start:channels-first]
x_cf = keras.utils.img_to_array(img, data_format="channels_first")
print("data_format='channels_first':", x_cf.shape)
assert x_cf.shape == (3, 427, 640)
assert np.array_equal(x_cf, x.transpose(2, 0, 1))
# --8<-- [end:channels-first]

# --8<-- [start:array-to-img]
back = keras.utils.array_to_img(x, scale=False)  # 数组 → PIL.Image，像素值原样保留
print("array_to_img:", type(back).__name__, back.size, back.mode)
assert back.size == img.size
assert np.array_equal(keras.utils.img_to_array(back), x)

# 默认 scale=True：先把数组线性拉伸到 0..255（最小值变 0，最大值变 255）
dark = x * 0.5  # 像素值 0..127.5
stretched = keras.utils.img_to_array(keras.utils.array_to_img(dark))
print(f"scale=True: 输入 {dark.min():.1f}..{dark.max():.1f}", end="")
print(f" → 输出 {stretched.min():.0f}..{stretched.max():.0f}")
assert stretched.max() == 255
# --8<-- [end:array-to-img]

# --8<-- [start:preview]
from pathlib import Path

augment = keras.Sequential(
    [
        keras.layers.RandomRotation(40 / 360, fill_mode="nearest"),  # rotation_range=40（度）
        keras.layers.RandomTranslation(0.2, 0.2, fill_mode="nearest"),  # height/width_shift_range=0.2
        keras.layers.RandomShear(x_factor=0.2, y_factor=0.2, fill_mode="nearest"),
        keras.layers.RandomZoom(0.2, fill_mode="nearest"),  # zoom_range=0.2
        keras.layers.RandomFlip("horizontal"),  # horizontal_flip=True
    ]
)

x = keras.utils.img_to_array(keras.utils.load_img("china.jpg", target_size=(100, 150)))
Path("preview").mkdir(exist_ok=True)
for i in range(4):  # 原笔记循环 21 次；这里存 4 张
    out = augment(x[None], training=True)[0]  # 单张图也要有 batch 维
    keras.utils.save_img(f"preview/china_{i}.jpeg", np.asarray(out), scale=False)

saved = sorted(p.name for p in Path("preview").glob("*.jpeg"))
print("preview/:", saved)
assert saved == [f"china_{i}.jpeg" for i in range(4)]
assert keras.utils.load_img("preview/china_0.jpeg").size == (150, 100)
# --8<-- [end:preview]
