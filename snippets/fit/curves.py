"""用 history.history 画训练曲线：训练集与验证集的 loss、accuracy。"""

# --8<-- [start:setup]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:1000].reshape(-1, 784).astype("float32") / 255  # 故意只用 1,000 张，好看清过拟合
y_train = y_train[:1000]
x_test = x_test[:1000].reshape(-1, 784).astype("float32") / 255
y_test = y_test[:1000]
# --8<-- [end:setup]

# --8<-- [start:train]
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=20, batch_size=64, validation_data=(x_test, y_test), verbose=0)

h = history.history
best = min(range(len(h["val_loss"])), key=h["val_loss"].__getitem__)
print(f"训练 loss: {h['loss'][0]:.3f} -> {h['loss'][-1]:.3f}")
print(f"验证 loss 最低在 epoch {best + 1}: {h['val_loss'][best]:.3f}，最后是 {h['val_loss'][-1]:.3f}")
print(f"最后一个 epoch: 训练 accuracy {h['accuracy'][-1]:.3f}，验证 accuracy {h['val_accuracy'][-1]:.3f}")
assert h["loss"][-1] < 0.5 * h["loss"][0], "训练损失一路下降"
assert h["accuracy"][-1] > h["val_accuracy"][-1] + 0.05, "训练集上明显比验证集上好：过拟合"
assert h["val_loss"][-1] > h["val_loss"][best], "验证损失在最低点之后回升"
# --8<-- [end:train]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

epochs = [e + 1 for e in history.epoch]  # history.epoch 从 0 数
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.5))
ax_loss.plot(epochs, h["loss"], "o-", markersize=3, label="train loss")
ax_loss.plot(epochs, h["val_loss"], "o-", markersize=3, label="val_loss")
ax_loss.axvline(best + 1, color="gray", linestyle=":", label=f"lowest val_loss (epoch {best + 1})")
ax_loss.set_xlabel("epoch")
ax_loss.set_ylabel("loss")
ax_loss.legend()
ax_acc.plot(epochs, h["accuracy"], "o-", markersize=3, label="train accuracy")
ax_acc.plot(epochs, h["val_accuracy"], "o-", markersize=3, label="val_accuracy")
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("accuracy")
ax_acc.legend()
fig.tight_layout()
plt.show()
# --8<-- [end:plot]
