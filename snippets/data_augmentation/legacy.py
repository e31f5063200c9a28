"""ImageDataGenerator 在 Keras 3 中的处境：keras.preprocessing 里没有了，tf.keras 里还留着一份旧实现。"""

# harness: backends=tensorflow -- 演示的是 TensorFlow 的 tf.keras 命名空间

# --8<-- [start:import]
import keras

try:
    from keras.preprocessing.image import ImageDataGenerator  # noqa: F401  原笔记的写法
except ImportError as error:
    message = str(error)
    print(f"ImportError: {message}")
else:
    raise AssertionError("旧写法没有报错")
assert "ImageDataGenerator" in message

left = [name for name in dir(keras.preprocessing.image) if not name.startswith("_")]
print("keras.preprocessing.image 里还剩:", left)
assert "ImageDataGenerator" not in left and "img_to_array" in left
# --8<-- [end:import]

# --8<-- [start:tf-keras]
import tensorflow as tf

Legacy = tf.keras.preprocessing.image.ImageDataGenerator
print("tf.keras 指向:", tf.keras.__name__)
print("ImageDataGenerator 来自:", Legacy.__module__)
print("它的文档字符串:", Legacy.__doc__.strip())
assert tf.keras.__name__ == "keras._tf_keras.keras", "tf.keras 是 Keras 3 包里的兼容命名空间"
assert Legacy.__module__ == "keras.src.legacy.preprocessing.image"
assert Legacy.__doc__.strip() == "DEPRECATED."
# --8<-- [end:tf-keras]

# --8<-- [start:fit-generator]
import numpy as np

(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
trainX = x_train[:512, :, :, None].astype("float32") / 255
trainY = keras.utils.to_categorical(y_train[:512], 10)

model = keras.Sequential(
    [keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")]
)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

aug = Legacy(  # 原笔记 fit_generator 一节的参数
    rotation_range=20,
    zoom_range=0.15,
    width_shift_range=0.2,
    height_shift_range=0.2,
    shear_range=0.15,
    horizontal_flip=True,
    fill_mode="nearest",
)
print("zoom_range=0.15 → 缩放倍数区间", [round(z, 2) for z in aug.zoom_range])
assert np.allclose(aug.zoom_range, [0.85, 1.15])
try:
    model.fit_generator(aug.flow(trainX, trainY, batch_size=32), epochs=1)  # 原笔记的写法
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("旧写法没有报错")
assert "fit_generator" in message

flow = aug.flow(trainX, trainY, batch_size=32)
print("aug.flow 返回:", type(flow).__name__)
print("是 keras.utils.PyDataset:", isinstance(flow, keras.utils.PyDataset))
print("len(flow):", len(flow), "个 batch（512 / 32）")
assert isinstance(flow, keras.utils.PyDataset) and len(flow) == 16
history = model.fit(flow, epochs=1, verbose=2)  # 过渡办法：直接交给 fit，不用 steps_per_epoch
assert len(history.history["loss"]) == 1
# --8<-- [end:fit-generator]

# --8<-- [start:shear-degrees]
line = np.zeros((100, 100, 1), "float32")
line[:, 50] = 1.0  # 一条竖直的白线


def slant(img):
    """白线在第 5 行与第 94 行的列号之差：剪切越强，差得越多。"""
    img = np.asarray(img)[..., 0]
    return int(img[94].argmax()) - int(img[5].argmax())


tool = Legacy()
offsets = {degrees: slant(tool.apply_transform(line, {"shear": degrees})) for degrees in (0.15, 20)}
for degrees, offset in offsets.items():
    print(f"ImageDataGenerator shear={degrees:>5}: 白线上下两端错开 {offset} 像素")
assert offsets[0.15] == 0, "0.15 度几乎没有效果"
assert 25 <= abs(offsets[20]) <= 35, "20 度：约 89×sin(20°)≈30 像素"

shear = keras.layers.RandomShear(x_factor=(0.3, 0.3), y_factor=0.0, fill_mode="constant")
moved = abs(slant(shear(line[None], training=True)[0]))
print(f"RandomShear(x_factor=0.3): 白线上下两端错开 {moved} 像素")
assert 22 <= moved <= 32, "x_factor 是比例：每往下 1 行，横向错开约 0.3 像素"
# --8<-- [end:shear-degrees]

# --8<-- [start:channel-shift]
rgb = np.stack([np.full((4, 4), v, "float32") for v in (50.0, 100.0, 200.0)], axis=-1)
rgb[0, 0] = (0.0, 0.0, 255.0)  # 让整张图的取值范围是 0..255
shifted = tool.apply_transform(rgb, {"channel_shift_intensity": 30})
print("三个通道的平移量:", (shifted[1, 1] - rgb[1, 1]).tolist())
assert np.allclose(shifted[1, 1] - rgb[1, 1], 30), "三个通道加的是同一个数：其实就是调亮度"

brighter = keras.layers.RandomBrightness(factor=(30 / 255, 30 / 255), value_range=(0, 255))
delta = np.asarray(brighter(rgb[None], training=True))[0, 1, 1] - rgb[1, 1]
print("RandomBrightness(30/255) 的平移量:", np.round(delta, 3).tolist())
assert np.allclose(delta, 30, atol=1e-3)
# --8<-- [end:channel-shift]

# --8<-- [start:featurewise]
pixels = x_train[:2000, :, :, None].astype("float32")
old = Legacy(featurewise_center=True, featurewise_std_normalization=True)
old.fit(pixels)
norm = keras.layers.Normalization(axis=-1)
norm.adapt(pixels)
old_mean, old_std = float(old.mean.squeeze()), float(old.std.squeeze())
new_mean, new_std = float(norm.mean.numpy().squeeze()), float(np.sqrt(norm.variance.numpy().squeeze()))
print(f"ImageDataGenerator.fit : mean {old_mean:.3f}  std {old_std:.3f}")
print(f"Normalization.adapt    : mean {new_mean:.3f}  std {new_std:.3f}")
assert abs(old_mean - new_mean) < 0.01 and abs(old_std - new_std) < 0.01
# --8<-- [end:featurewise]

# --8<-- [start:rescale-order]
gen = Legacy(width_shift_range=[10], fill_mode="constant", cval=255, rescale=1 / 255)  # 固定平移 10 像素
black = np.zeros((1, 28, 28, 1), "float32")
batch = gen.flow(black, batch_size=1, shuffle=False)[0]
filled = batch[0, :, :, 0] > 0
print(f"平移后填进 cval=255 的像素: {filled.sum()} 个，它们的值: {batch.max():.1f}")
assert filled.sum() == 10 * 28
assert batch.max() == 1.0, "填充值也被乘了 1/255：rescale 发生在平移之后"
# --8<-- [end:rescale-order]
