"""原笔记的 dice_coef：用 keras.ops 改写成自定义指标，配一个自定义损失，并用 val_dice_coef 挑选最好的模型。"""

# --8<-- [start:dice]
import keras
import numpy as np
from keras import ops


def dice_coef(y_true, y_pred):
    """Dice 系数 = (2|A∩B| + 1) / (|A| + |B| + 1)，越接近 1 越好。"""
    y_true = ops.cast(y_true, y_pred.dtype)
    intersection = ops.sum(y_true * y_pred)
    return (2.0 * intersection + 1.0) / (ops.sum(y_true) + ops.sum(y_pred) + 1.0)


def bce_dice_loss(y_true, y_pred):
    """自定义损失：二元交叉熵 + (1 - Dice)。返回每个样本一个值，Keras 再取平均。"""
    bce = ops.mean(keras.losses.binary_crossentropy(y_true, y_pred), axis=(1, 2))
    return bce + (1.0 - dice_coef(y_true, y_pred))


a = np.array([[1, 1, 0, 0]], dtype="float32")
b = np.array([[1, 0, 0, 0]], dtype="float32")
value = float(dice_coef(a, b))
print(f"dice_coef = {value:.4f}  (2*1 + 1) / (2 + 1 + 1) = {3 / 4:.4f}")
assert abs(value - 0.75) < 1e-6
# --8<-- [end:dice]

# --8<-- [start:data]
# 一个迷你“分割”任务：16×16 的噪声图里有一个亮方块，掩码标出方块的位置
rng = np.random.default_rng()
n, size = 200, 16
images = rng.normal(0, 0.3, (n, size, size, 1)).astype("float32")
masks = np.zeros((n, size, size, 1), dtype="float32")
for i in range(n):
    r, c, s = rng.integers(0, 10), rng.integers(0, 10), rng.integers(4, 7)
    images[i, r : r + s, c : c + s] += 1.0
    masks[i, r : r + s, c : c + s] = 1.0
x_train, y_train = images[:160], masks[:160]
x_val, y_val = images[160:], masks[160:]
print("train:", x_train.shape, " val:", x_val.shape)
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(size, size, 1)),
        keras.layers.Conv2D(8, 3, padding="same", activation="relu"),
        keras.layers.Conv2D(8, 3, padding="same", activation="relu"),
        keras.layers.Conv2D(1, 1, activation="sigmoid"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=bce_dice_loss, metrics=[dice_coef])
# --8<-- [end:model]

# --8<-- [start:old-checkpoint]
try:  # 原笔记的写法：文件名以 _model.h5 结尾，只保存权重
    keras.callbacks.ModelCheckpoint(
        filepath="unet_model.h5", monitor="val_dice_coef", save_best_only=True, save_weights_only=True
    )
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("旧的文件名没有报错")
assert ".weights.h5" in message

# 改好文件名、但不写 mode：Keras 猜不出 dice_coef 该越大越好还是越小越好
checkpoint = keras.callbacks.ModelCheckpoint(
    "best.weights.h5", monitor="val_dice_coef", save_best_only=True, save_weights_only=True
)
try:
    model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=1, callbacks=[checkpoint], verbose=0)
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("mode='auto' 没有报错")
assert "mode='max'" in message
# --8<-- [end:old-checkpoint]

# --8<-- [start:per-batch]
# 此时模型只训练了 1 个 epoch（上面那次因 mode 报错的 fit）
pred = model.predict(x_val, verbose=0)


def np_dice(t, p):
    return (2 * np.sum(t * p) + 1) / (np.sum(t) + np.sum(p) + 1)


whole = model.evaluate(x_val, y_val, batch_size=len(x_val), verbose=0, return_dict=True)["dice_coef"]
batched = model.evaluate(x_val, y_val, batch_size=8, verbose=0, return_dict=True)["dice_coef"]
per_batch = np.mean([np_dice(y_val[i : i + 8], pred[i : i + 8]) for i in range(0, len(x_val), 8)])
print(f"一整批评估: {whole:.5f}   NumPy 在全部验证集上算: {np_dice(y_val, pred):.5f}")
print(f"每批 8 张 : {batched:.5f}   NumPy 逐批计算再平均:   {per_batch:.5f}")
assert abs(whole - np_dice(y_val, pred)) < 1e-4
assert abs(batched - per_batch) < 1e-4
# --8<-- [end:per-batch]

# --8<-- [start:monitor]
callbacks = [
    keras.callbacks.ModelCheckpoint(
        "best.weights.h5", monitor="val_dice_coef", mode="max", save_best_only=True, save_weights_only=True
    ),
    keras.callbacks.EarlyStopping(monitor="val_dice_coef", mode="max", patience=3),
]
history = model.fit(
    x_train,
    y_train,
    batch_size=32,
    validation_data=(x_val, y_val),
    epochs=8,
    callbacks=callbacks,
    verbose=2,
)
print("History 的键:", sorted(history.history))
assert {"dice_coef", "val_dice_coef"} <= set(history.history)
# --8<-- [end:monitor]

# --8<-- [start:best]
import os

best_epoch = int(np.argmax(history.history["val_dice_coef"]))
best_dice = history.history["val_dice_coef"][best_epoch]
model.load_weights("best.weights.h5")  # 读回 ModelCheckpoint 保存的权重
reloaded = model.evaluate(x_val, y_val, batch_size=32, verbose=0, return_dict=True)
print(f"最好的一轮: epoch {best_epoch + 1}，val_dice_coef = {best_dice:.4f}")
print(f"读回 best.weights.h5 后验证集 dice_coef = {reloaded['dice_coef']:.4f}")
assert os.path.exists("best.weights.h5")
assert abs(reloaded["dice_coef"] - best_dice) < 1e-4, "保存的正是 val_dice_coef 最高的那一轮"
assert best_dice > history.history["val_dice_coef"][0], "训练确实提高了验证集 Dice"
# --8<-- [end:best]
