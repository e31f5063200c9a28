"""实战 1：Fashion-MNIST 从数据到模型文件：tf.data 管道、增强层、两个回调、训练曲线。"""
# harness: timeout=480 -- 两核上与另一个作业同时训练时互相抢占：CI 上 TensorFlow 实测 223 s

# --8<-- [start:data]
import json
from pathlib import Path

import keras
import numpy as np

CLASS_NAMES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]  # fmt: skip

(x_train_full, y_train_full), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
print("训练集:", x_train_full.shape, x_train_full.dtype, " 测试集:", x_test.shape)
assert x_train_full.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)

# 补通道维 (N, 28, 28, 1)；像素保持 0..255，缩放交给模型里的 Rescaling 层
x_train_full, x_test = x_train_full[..., None], x_test[..., None]
# 从训练集里切出最后 5,000 张做验证集：挑模型只看它，测试集留到最后用一次
x_train, y_train = x_train_full[:55000], y_train_full[:55000]
x_val, y_val = x_train_full[55000:], y_train_full[55000:]
print(f"train {len(x_train)}  val {len(x_val)}  test {len(x_test)}")
print("训练集每类张数:", np.bincount(y_train).tolist())
assert np.bincount(y_val).min() > 400, "验证集里每一类都有足够多的样本"

Path("class_names.json").write_text(json.dumps(CLASS_NAMES))  # 部署时和模型放在一起
# --8<-- [end:data]

# --8<-- [start:samples]
import matplotlib.pyplot as plt
from PIL import Image

# 每类取测试集里的第一张，存成 PNG：部署那一节就从磁盘读这些文件
Path("samples").mkdir(exist_ok=True)
fig, axes = plt.subplots(2, 5, figsize=(8, 3.6))
for label, ax in enumerate(axes.flat):
    index = int(np.flatnonzero(y_test == label)[0])
    slug = CLASS_NAMES[label].lower().replace("/", "_").replace(" ", "_")
    Image.fromarray(x_test[index, :, :, 0]).save(f"samples/{label}_{slug}.png")  # uint8 灰度图，无损
    ax.imshow(x_test[index, :, :, 0], cmap="gray")
    ax.set_title(f"{label}: {CLASS_NAMES[label]}", fontsize=9)
    ax.axis("off")
plt.tight_layout()
plt.show()

saved = sorted(p.name for p in Path("samples").glob("*.png"))
print(saved)
assert len(saved) == 10
# --8<-- [end:samples]

# --8<-- [start:pipeline]
import tensorflow as tf

# 增强层用 keras.layers.Pipeline 串起来：它在 tf.data 的 map 里对三种后端都能用
augment = keras.layers.Pipeline(
    [
        keras.layers.RandomFlip("horizontal"),
        # 背景是黑的：移出去的地方补 0（默认的 reflect 会把衣服边缘镜像进来）
        keras.layers.RandomTranslation(0.05, 0.05, fill_mode="constant"),  # 上下左右最多平移 5%
    ]
)


def to_float(images, labels):
    return tf.cast(images, "float32"), labels


AUTOTUNE = tf.data.AUTOTUNE
train_ds = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .shuffle(10_000)  # 每个 epoch 重新打乱
    .batch(256)
    .map(to_float)
    .map(lambda images, labels: (augment(images, training=True), labels), num_parallel_calls=AUTOTUNE)
    .prefetch(AUTOTUNE)  # 训练当前这批时，CPU 已经在准备下一批
)
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(1000).map(to_float)

images, labels = next(iter(train_ds))
print("一批:", tuple(images.shape), images.dtype.name, tuple(labels.shape), labels.dtype.name)
low, high = float(tf.reduce_min(images)), float(tf.reduce_max(images))
print(f"每个 epoch {len(train_ds)} 批，像素范围 {low:.1f}..{high:.1f}")
assert tuple(images.shape) == (256, 28, 28, 1) and images.dtype == tf.float32
assert len(train_ds) == 215  # ceil(55000 / 256)
# --8<-- [end:pipeline]

# --8<-- [start:augment-check]
plain = x_train[:8].astype("float32")
shifted = keras.ops.convert_to_numpy(augment(plain, training=True))
unchanged = keras.ops.convert_to_numpy(augment(plain, training=False))
moved, kept = np.abs(shifted - plain).mean(), np.abs(unchanged - plain).mean()
print(f"增强前后像素的平均变化: training=True {moved:.1f}，training=False {kept:.1f}")
assert moved > 1 and np.array_equal(unchanged, plain)

# 对照：换成 keras.Sequential 放进 map，只有 TensorFlow 后端能用
as_sequential = keras.Sequential([keras.layers.RandomFlip("horizontal")])
try:
    tf.data.Dataset.from_tensor_slices(plain).batch(4).map(lambda x: as_sequential(x, training=True))
    outcome = "可以运行"
except NotImplementedError as error:
    outcome = str(error).strip().splitlines()[-1].strip()  # 报错的最后一行
    assert "symbolic tf.Tensor" in outcome
print(f"后端 {keras.backend.backend()}：Sequential 放进 map →\n  {outcome}")
assert (outcome == "可以运行") == (keras.backend.backend() == "tensorflow")
# --8<-- [end:augment-check]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Rescaling(1.0 / 255),  # 预处理写进模型：部署时直接喂 0..255 的像素
        keras.layers.Conv2D(16, 3, strides=2, activation="relu"),  # 28 → 13
        keras.layers.Conv2D(32, 3, strides=2, activation="relu"),  # 13 → 6
        keras.layers.Flatten(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="fashion_cnn",
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=3e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()
# --8<-- [end:model]

# --8<-- [start:train]
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("fashion_best.keras", monitor="val_loss", save_best_only=True),
]
history = model.fit(train_ds, validation_data=val_ds, epochs=3, callbacks=callbacks, verbose=2)

val_loss = history.history["val_loss"]
best_epoch = int(np.argmin(val_loss))
print(f"共训练 {len(val_loss)} 个 epoch，val_loss 最低的是第 {best_epoch + 1} 个: {val_loss[best_epoch]:.4f}")
print("EarlyStopping 提前停下了吗:", "是" if callbacks[0].stopped_epoch > 0 else "否，训练满了 epochs")
Path("history.json").write_text(json.dumps(history.history))  # 留给新进程核对
assert Path("fashion_best.keras").is_file()
assert history.history["val_accuracy"][best_epoch] > 0.8
# --8<-- [end:train]

# --8<-- [start:curves]
epochs = np.arange(1, len(val_loss) + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.4))
ax_loss.plot(epochs, history.history["loss"], "o-", label="train")
ax_loss.plot(epochs, history.history["val_loss"], "o-", label="validation")
ax_loss.set_title("loss")
ax_acc.plot(epochs, history.history["accuracy"], "o-", label="train")
ax_acc.plot(epochs, history.history["val_accuracy"], "o-", label="validation")
ax_acc.set_title("accuracy")
for ax in (ax_loss, ax_acc):
    ax.set_xlabel("epoch")
    ax.set_xticks(epochs)
    ax.legend()
plt.tight_layout()
plt.show()
# --8<-- [end:curves]
