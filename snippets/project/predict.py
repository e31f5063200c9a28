"""实战 2：在一个新进程里加载 fashion_best.keras，预测磁盘上的 PNG，再在整个测试集上算混淆矩阵。"""
# harness: requires=train.py

# --8<-- [start:load]
import json
from pathlib import Path

import keras
import numpy as np

model = keras.models.load_model("fashion_best.keras")  # 结构、权重、Rescaling 预处理都在文件里
CLASS_NAMES = json.loads(Path("class_names.json").read_text())
print(model.name, "输入:", model.input_shape, " 输出:", model.output_shape)
assert model.input_shape == (None, 28, 28, 1) and model.output_shape == (None, 10)
# --8<-- [end:load]

# --8<-- [start:checkpoint]
# 文件里是哪个 epoch 的模型？在验证集上重新算一遍 loss，与训练时记下的 val_loss 对照
history = json.loads(Path("history.json").read_text())
(x_train_full, y_train_full), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_val, y_val = x_train_full[55000:, :, :, None].astype("float32"), y_train_full[55000:]
loss, accuracy = model.evaluate(x_val, y_val, batch_size=1000, verbose=0)
print("训练时每个 epoch 的 val_loss:", [round(v, 4) for v in history["val_loss"]])
print(f"加载的模型在验证集上: loss {loss:.4f}  accuracy {accuracy:.4f}")
assert abs(loss - min(history["val_loss"])) < 1e-3, "ModelCheckpoint 存下的是 val_loss 最低的那个 epoch"
# --8<-- [end:checkpoint]

# --8<-- [start:predict-png]
path = "samples/9_ankle_boot.png"
rgb = keras.utils.load_img(path)  # 默认 color_mode="rgb"：灰度图也会被复制成 3 个通道
img = keras.utils.load_img(path, color_mode="grayscale")
x = keras.utils.img_to_array(img)  # (28, 28, 1) 的 float32，像素 0..255
print(f"{path}: PIL size {img.size}")
print(f"默认读成 {keras.utils.img_to_array(rgb).shape}，color_mode='grayscale' 读成 {x.shape}")

probs = model.predict(x[None], verbose=0)[0]  # 加一个 batch 维
for k in np.argsort(probs)[::-1][:3]:
    print(f"  {CLASS_NAMES[k]:12s} {probs[k]:.3f}")
assert keras.utils.img_to_array(rgb).shape == (28, 28, 3)
assert x.shape == (28, 28, 1) and probs.shape == (10,) and abs(probs.sum() - 1) < 1e-4
# --8<-- [end:predict-png]

# --8<-- [start:predict-folder]
import matplotlib.pyplot as plt

paths = sorted(Path("samples").glob("*.png"))
batch = np.stack([keras.utils.img_to_array(keras.utils.load_img(p, color_mode="grayscale")) for p in paths])
predicted = model.predict(batch, verbose=0).argmax(axis=1)
true = [int(p.name.split("_")[0]) for p in paths]  # 文件名开头就是真实类别

fig, axes = plt.subplots(2, 5, figsize=(8, 3.8))
for ax, image, t, p in zip(axes.flat, batch, true, predicted, strict=True):
    ax.imshow(image[:, :, 0], cmap="gray")
    color = "green" if p == t else "red"
    ax.set_title(f"pred: {CLASS_NAMES[p]}\ntrue: {CLASS_NAMES[t]}", fontsize=8, color=color)
    ax.axis("off")
plt.tight_layout()
plt.show()
print(f"{len(paths)} 张 PNG，预测对了 {int(np.sum(predicted == true))} 张")

# PNG 是无损格式：从磁盘读回来的像素与测试集里那张图逐个相同，预测也就相同
first = [int(np.flatnonzero(y_test == label)[0]) for label in true]
assert np.array_equal(batch, x_test[first, :, :, None].astype("float32"))
# --8<-- [end:predict-folder]

# --8<-- [start:confusion]
from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix

y_pred = model.predict(x_test[..., None].astype("float32"), batch_size=1000, verbose=0).argmax(axis=1)
matrix = confusion_matrix(y_test, y_pred)  # 第 i 行第 j 列：真实为 i、预测为 j 的张数
display = ConfusionMatrixDisplay(matrix, display_labels=CLASS_NAMES)
display.plot(cmap="Blues", xticks_rotation=45, colorbar=False)
plt.title("Fashion-MNIST test set (10,000 images)")
plt.tight_layout()
plt.show()
assert np.array_equal(y_pred[first], predicted), "PNG 与内存里的数组得到相同的预测"
# --8<-- [end:confusion]

# --8<-- [start:per-class]
per_class = matrix.diagonal() / matrix.sum(axis=1)  # 每一行的对角元 / 这一类的总数
overall = matrix.diagonal().sum() / matrix.sum()
errors = matrix - np.diag(matrix.diagonal())  # 只留错认的格子
for k in np.argsort(per_class):
    j = int(np.argmax(errors[k]))  # 这一类最常被错认成哪一类
    print(f"{CLASS_NAMES[k]:12s} {per_class[k]:.3f}   最常错成 {CLASS_NAMES[j]}（{matrix[k, j]} 张）")
print(f"整体测试准确率: {overall:.4f}")

upper_body = ["T-shirt/top", "Pullover", "Coat", "Shirt"]  # 28×28 的灰度图上，这四类轮廓几乎一样
distinct = ["Trouser", "Sandal", "Sneaker", "Bag", "Ankle boot"]  # 轮廓各不相同
upper = [CLASS_NAMES.index(name) for name in upper_body]  # 编号 0、2、4、6
among_upper = errors[np.ix_(upper, upper)].sum() / errors[upper].sum()
print(f"四类上衣被认错的图片里，错成另一类上衣的占 {among_upper:.0%}")

accuracy_of = dict(zip(CLASS_NAMES, per_class))
assert 0.80 <= overall <= 0.95, f"整体准确率应在 [0.80, 0.95]，实际 {overall:.4f}"
assert all(accuracy_of[name] >= 0.80 for name in distinct), "轮廓独特的类别都应在 0.80 以上"
assert CLASS_NAMES[int(np.argmin(per_class))] in upper_body, "最弱的一类出在上衣这四类里"
assert 0.30 <= accuracy_of["Shirt"] <= 0.80, "衬衫远低于整体准确率"
assert among_upper > 0.6, "上衣的错误大多发生在上衣之间"
# --8<-- [end:per-class]
