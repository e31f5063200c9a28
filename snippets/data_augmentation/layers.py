"""Keras 3 的预处理/增强层：对照 ImageDataGenerator 参数、training 开关、旋转单位、Normalization、效果图。"""

# --8<-- [start:training-flag]
import keras
import numpy as np

(x_train, _), _ = keras.datasets.fashion_mnist.load_data()
x = x_train[:8, :, :, None].astype("float32")  # 8 张 28×28 灰度图，补通道维

augment = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(20 / 360),
        keras.layers.RandomZoom(0.15),
    ]
)
train_out = np.asarray(augment(x, training=True))
infer_out = np.asarray(augment(x, training=False))
predict_out = augment.predict(x, verbose=0)
default_out = np.asarray(augment(x))  # 不写 training

for label, out in [
    ("training=True ", train_out),
    ("training=False", infer_out),
    ("predict()     ", predict_out),
    ("不写 training  ", default_out),
]:
    print(f"{label}  与输入的最大差值: {np.abs(out - x).max():7.2f}")

assert np.abs(train_out - x).max() > 10, "训练模式下应当做了变换"
assert np.array_equal(infer_out, x), "training=False 时输入原样通过"
assert np.array_equal(predict_out, x), "predict/evaluate 走推理模式，不做增强"
assert np.abs(default_out - x).max() > 10, "直接调用且不写 training 时，增强层默认按训练模式执行"
# --8<-- [end:training-flag]

# --8<-- [start:defaults]
layers = [
    keras.layers.RandomRotation(0.1),
    keras.layers.RandomTranslation(0.1, 0.1),
    keras.layers.RandomZoom(0.1),
    keras.layers.RandomShear(x_factor=0.1),
]
for layer in layers:
    print(f"{type(layer).__name__:18s} fill_mode={layer.fill_mode!r}  fill_value={layer.fill_value}")
assert all(layer.fill_mode == "reflect" for layer in layers), "Keras 3 的默认值是 reflect，不是 nearest"

flip = keras.layers.RandomFlip()
print(f"RandomFlip() 默认 mode={flip.mode!r}")
assert flip.mode == "horizontal_and_vertical", "不写 mode 时水平、竖直都会翻"
# --8<-- [end:defaults]

# --8<-- [start:rotation-factor]
square = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
quarter = keras.layers.RandomRotation(factor=(0.25, 0.25))  # 固定转 0.25 圈
rotated = np.asarray(quarter(square, training=True))[0, :, :, 0]
print(square[0, :, :, 0])
print("factor=0.25 之后:")
print(np.round(rotated).astype(int))
assert np.allclose(rotated, np.rot90(square[0, :, :, 0]), atol=1e-3), "0.25 圈 = 逆时针 90°"
print(f"rotation_range=20（度） → RandomRotation(factor={20 / 360:.4f})")
# --8<-- [end:rotation-factor]

# --8<-- [start:grid]
import matplotlib.pyplot as plt
from sklearn.datasets import load_sample_image

china = keras.utils.array_to_img(load_sample_image("china.jpg"), scale=False).resize((192, 128))
image = keras.utils.img_to_array(china)[None]  # (1, 128, 192, 3)，像素 0..255

examples = [
    ("original", None),
    ("RandomFlip", keras.layers.RandomFlip("horizontal")),
    ("Rotation 40°, reflect", keras.layers.RandomRotation(40 / 360)),
    ("RandomTranslation(0.2)", keras.layers.RandomTranslation(0.2, 0.2)),
    ("RandomZoom(0.3)", keras.layers.RandomZoom(0.3)),
    ("RandomShear(0.3)", keras.layers.RandomShear(x_factor=0.3)),
    ("RandomContrast(0.6)", keras.layers.RandomContrast(0.6)),
    ("RandomBrightness(0.4)", keras.layers.RandomBrightness(0.4)),
    ("Rotation 40°, nearest", keras.layers.RandomRotation(40 / 360, fill_mode="nearest")),
    ("Rotation 40°, constant", keras.layers.RandomRotation(40 / 360, fill_mode="constant", fill_value=255)),
    ("RandomCrop(96, 96)", keras.layers.RandomCrop(96, 96)),
    ("Flip + Zoom", keras.Sequential([keras.layers.RandomFlip("horizontal"), keras.layers.RandomZoom(0.3)])),
]
fig, axes = plt.subplots(3, 4, figsize=(9, 5))
for ax, (title, layer) in zip(axes.flat, examples, strict=True):
    out = image if layer is None else np.asarray(layer(image, training=True))
    ax.imshow(np.clip(out[0], 0, 255).astype("uint8"))
    ax.set_title(title, fontsize=8)
    ax.axis("off")
    if layer is not None and title != "RandomFlip":  # 翻转有一半概率保持原样
        assert not np.array_equal(out, image), title
plt.tight_layout()
plt.show()
# --8<-- [end:grid]
# --8<-- [start:mapping]
# 原笔记 ImageDataGenerator 的参数 → Keras 3 里做同一件事的层
MAPPING = {
    "rotation_range": ["RandomRotation"],
    "width_shift_range / height_shift_range": ["RandomTranslation"],
    "shear_range": ["RandomShear"],
    "zoom_range": ["RandomZoom"],
    "channel_shift_range": ["RandomBrightness"],
    "horizontal_flip / vertical_flip": ["RandomFlip"],
    "rescale": ["Rescaling"],
    "featurewise_center / featurewise_std_normalization": ["Normalization"],
    "samplewise_center / samplewise_std_normalization": ["Lambda"],
    "preprocessing_function": ["Lambda"],
}
# ImageDataGenerator 没有的几种
EXTRA = ["RandomContrast", "RandomCrop", "Resizing", "RandomGrayscale", "RandomErasing"]
for param, names in MAPPING.items():
    for name in names:
        assert hasattr(keras.layers, name), f"keras.layers 里没有 {name}"
    print(f"{param} → {', '.join(names)}")
assert all(hasattr(keras.layers, name) for name in EXTRA)
print("ImageDataGenerator 没有的:", ", ".join(EXTRA))

zca = [name for name in dir(keras.layers) if "zca" in name.lower() or "whiten" in name.lower()]
print("名字含 ZCA / whiten 的层:", zca or "没有")
assert not zca, "zca_whitening 在 Keras 3 里没有内置层"
# --8<-- [end:mapping]

# --8<-- [start:normalization]
pixels = x_train[:2000, :, :, None].astype("float32")
rescale = keras.layers.Rescaling(1.0 / 255)  # rescale=1./255
norm = keras.layers.Normalization(axis=-1)  # 每个通道一个均值、一个方差
norm.adapt(pixels)  # 相当于 featurewise_center + featurewise_std_normalization 的 datagen.fit(x)
out = np.asarray(norm(pixels))
scaled = np.asarray(rescale(pixels))
print(f"Rescaling(1/255): {pixels.max():.0f} → {scaled.max():.3f}")
print(f"adapt 学到的均值 {float(norm.mean[0, 0, 0, 0]):.2f}，方差 {float(norm.variance[0, 0, 0, 0]):.1f}")
print(f"标准化后: 均值 {out.mean():.1e}，标准差 {out.std():.4f}")
assert scaled.max() == 1.0
assert abs(out.mean()) < 1e-3 and abs(out.std() - 1) < 1e-3
# --8<-- [end:normalization]
