"""按目录组织的图片数据集：image_dataset_from_directory + 模型里的增强层，以及 tf.data 的 map 写法。"""
# harness: backends=tensorflow -- 模型一节在 JAX 上准确率未稳定过线；map 在三种后端上的验证见 pipeline_map.py

# --8<-- [start:write]
from pathlib import Path

import keras
import numpy as np
from sklearn.datasets import load_sample_image

rng = np.random.default_rng()


def write_crops(photo, folder, count):
    """从一张大照片上随机裁 count 块 128×128，缩成 32×32 存进 folder。"""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        top, left = rng.integers(0, photo.shape[0] - 128), rng.integers(0, photo.shape[1] - 128)
        crop = keras.utils.array_to_img(photo[top : top + 128, left : left + 128], scale=False)
        keras.utils.save_img(folder / f"{i:02d}.bmp", np.asarray(crop.resize((32, 32))), scale=False)


for name in ("china", "flower"):  # 两类：颐和园照片的碎块、花朵照片的碎块
    photo = load_sample_image(f"{name}.jpg")
    write_crops(photo, Path("data/train") / name, 20)
    write_crops(photo, Path("data/val") / name, 10)

for path in sorted(Path("data").glob("*/*")):
    print(path, len(list(path.iterdir())), "张")
# --8<-- [end:write]

# --8<-- [start:load]
train_ds = keras.utils.image_dataset_from_directory(
    "data/train", image_size=(32, 32), batch_size=8, label_mode="int"
)
val_ds = keras.utils.image_dataset_from_directory("data/val", image_size=(32, 32), batch_size=8)
print("class_names:", train_ds.class_names)

images, labels = next(iter(train_ds))
print("一个 batch:", tuple(images.shape), images.dtype.name, " 标签:", tuple(labels.shape), labels.numpy())
print("每个 epoch 的 batch 数:", len(train_ds))

assert train_ds.class_names == ["china", "flower"], "类名 = 子目录名，按字母排序"
assert tuple(images.shape) == (8, 32, 32, 3) and images.dtype.name == "float32"
assert tuple(labels.shape) == (8,) and set(labels.numpy()) <= {0, 1}
assert float(images.numpy().max()) > 1, "像素仍是 0..255，缩放交给 Rescaling 层"
assert len(train_ds) == 5  # 40 张 / batch_size 8
# --8<-- [end:load]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 3)),
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(0.1),
        keras.layers.RandomZoom(0.1),
        keras.layers.Rescaling(1.0 / 255),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(2, activation="softmax"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history = model.fit(train_ds, validation_data=val_ds, epochs=20, verbose=2)
loss, accuracy = model.evaluate(val_ds, verbose=0)
print(f"val accuracy: {accuracy:.4f}")
assert accuracy >= 0.75, f"20 张验证图至少对 15 张，实际 {accuracy:.4f}"
# --8<-- [end:model]

# --8<-- [start:map]
import tensorflow as tf

augment = keras.layers.Pipeline([keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.1)])
plain_ds = keras.utils.image_dataset_from_directory(
    "data/train", image_size=(32, 32), batch_size=8, shuffle=False, verbose=False
)
aug_ds = plain_ds.map(lambda x, y: (augment(x, training=True), y), num_parallel_calls=tf.data.AUTOTUNE)
aug_ds = aug_ds.prefetch(tf.data.AUTOTUNE)

(x0, y0), (x1, y1) = next(iter(plain_ds)), next(iter(aug_ds))
print("map 前:", tuple(x0.shape), " map 后:", tuple(x1.shape))
print(f"同一批图片，map 后像素的平均变化: {float(tf.reduce_mean(tf.abs(x1 - x0))):.1f}")
assert x1.shape == x0.shape and np.array_equal(y0.numpy(), y1.numpy())
assert float(tf.reduce_mean(tf.abs(x1 - x0))) > 1
# --8<-- [end:map]
