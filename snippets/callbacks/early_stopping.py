"""EarlyStopping：patience、min_delta、restore_best_weights，以及停下来时模型里是哪一个 epoch 的权重。"""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
perm = np.random.permutation(len(digits.target))
x = (digits.data[perm] / 16).astype("float32")
y = digits.target[perm]
x_train, y_train = x[:200], y[:200]  # 故意只用 200 个训练样本：很快就会过拟合
x_val, y_val = x[1000:], y[1000:]

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
# --8<-- [end:data]


# --8<-- [start:stop]
class KeepWeights(keras.callbacks.Callback):
    """每个 epoch 结束时把权重复制一份，事后用来核对。"""

    def on_train_begin(self, logs=None):
        self.snapshots = []

    def on_epoch_end(self, epoch, logs=None):
        self.snapshots.append(self.model.get_weights())


early_stopping = keras.callbacks.EarlyStopping(
    monitor="val_loss",
    patience=3,  # 连续 3 个 epoch 没有进步就停
    min_delta=0.001,  # 比目前最好值至少低 0.001 才算进步
    restore_best_weights=True,  # 结束时换回最好那个 epoch 的权重
    verbose=1,
)
keeper = KeepWeights()
history = model.fit(
    x_train,
    y_train,
    epochs=100,
    validation_data=(x_val, y_val),
    callbacks=[early_stopping, keeper],
    verbose=0,
)
val_loss = history.history["val_loss"]
best = early_stopping.best_epoch
print("val_loss:", [round(v, 4) for v in val_loss])
print(f"最好的 epoch: {best + 1}   停在 epoch: {early_stopping.stopped_epoch + 1}")
print(f"实际训练了 {len(val_loss)} 个 epoch")

assert 0 < early_stopping.stopped_epoch < 99, "没等到 100 个 epoch 就停了"
assert early_stopping.stopped_epoch == best + 3, "最好的 epoch 之后又等了 patience=3 个 epoch"
assert len(val_loss) == early_stopping.stopped_epoch + 1
assert val_loss[best] <= min(val_loss) + 0.001, "最好的 epoch 的 val_loss 与最小值相差不超过 min_delta"
# --8<-- [end:stop]

# --8<-- [start:restored]
for now, then in zip(model.get_weights(), keeper.snapshots[best]):
    np.testing.assert_array_equal(now, then)  # 模型里的权重 == 最好那个 epoch 结束时的权重
restored_loss, _ = model.evaluate(x_val, y_val, verbose=0)
print(f"恢复后在验证集上的 loss:         {restored_loss:.4f}")
print(f"history 里第 {best + 1} 个 epoch 的 val_loss: {val_loss[best]:.4f}")
assert abs(restored_loss - val_loss[best]) < 1e-4
# --8<-- [end:restored]
