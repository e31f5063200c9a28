"""validation_split 切走的是哪些样本；它与 validation_data 同时给出时谁生效。"""

# --8<-- [start:sorted]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()  # 1797 张 8×8 手写数字
order = np.argsort(digits.target, kind="stable")  # 按标签排序：0 在最前，9 在最后
x = (digits.data[order] / 16).astype("float32")
y = digits.target[order]
assert len(x) == 1797


def build():
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


model = build()
history = model.fit(x, y, epochs=5, batch_size=64, validation_split=0.2, shuffle=True, verbose=0)
train_acc, val_acc = history.history["accuracy"][-1], history.history["val_accuracy"][-1]
print(f"accuracy = {train_acc:.4f}   val_accuracy = {val_acc:.4f}")
assert train_acc > 0.9 and val_acc < 0.05, "验证集里全是训练时没见过的类别"
# --8<-- [end:sorted]

# --8<-- [start:which]
split_at = int(np.floor(len(x) * (1 - 0.2)))  # Keras 的切分点：前 80% 训练，后 20% 验证
labels, counts = np.unique(y[split_at:], return_counts=True)
print(f"训练集: x[:{split_at}]   验证集: x[{split_at}:]，共 {len(x) - split_at} 个样本")
print("验证集里的标签及个数:", dict(zip(labels.tolist(), counts.tolist())))
print("训练集里的标签:", sorted(set(y[:split_at].tolist())))

# 用训练结束时的权重，在“最后 20%”上手动评估，结果与 history 里最后一个 val_loss 相同
last_loss, _ = model.evaluate(x[split_at:], y[split_at:], verbose=0)
rng = np.random.default_rng()
random_part = rng.choice(len(x), size=len(x) - split_at, replace=False)
random_loss, _ = model.evaluate(x[random_part], y[random_part], verbose=0)
print(f"history 的 val_loss:        {history.history['val_loss'][-1]:.6f}")
print(f"evaluate(最后 20%) 的 loss: {last_loss:.6f}")
print(f"evaluate(随机 20%) 的 loss: {random_loss:.6f}")
assert abs(last_loss - history.history["val_loss"][-1]) < 1e-4
assert abs(random_loss - history.history["val_loss"][-1]) > 0.5
assert set(labels.tolist()) <= {7, 8, 9} and not {8, 9} & set(y[:split_at].tolist())
# --8<-- [end:which]

# --8<-- [start:shuffle-first]
perm = np.random.default_rng().permutation(len(x))  # 先自己打乱，再交给 validation_split
model = build()
history = model.fit(x[perm], y[perm], epochs=5, batch_size=64, validation_split=0.2, verbose=0)
val_acc = history.history["val_accuracy"][-1]
print(f"先打乱再切分: val_accuracy = {val_acc:.4f}")
assert val_acc > 0.85, "打乱后验证集包含所有类别，准确率恢复正常"
# --8<-- [end:shuffle-first]


# --8<-- [start:both]
import warnings


class CountSteps(keras.callbacks.Callback):
    """数每个 epoch 的训练步数和验证步数。"""

    def on_train_begin(self, logs=None):
        self.train_steps, self.val_steps = 0, 0

    def on_train_batch_end(self, batch, logs=None):
        self.train_steps += 1

    def on_test_batch_end(self, batch, logs=None):
        self.val_steps += 1


x_fit, y_fit = x[perm][:1500], y[perm][:1500]
x_val, y_val = x[perm][1500:], y[perm][1500:]  # 另外准备的 297 个验证样本

model = build()
counter = CountSteps()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit(
        x_fit,
        y_fit,
        epochs=1,
        batch_size=32,
        validation_split=0.5,  # 如果它生效：只用 750 个样本训练（24 步）
        validation_data=(x_val, y_val),  # 如果它生效：在 297 个样本上验证（10 步）
        callbacks=[counter],
        verbose=0,
    )
val_loss, _ = model.evaluate(x_val, y_val, verbose=0)
print(f"训练步数: {counter.train_steps}（ceil(1500 / 32) = 47）")
print(f"验证步数: {counter.val_steps}（ceil(297 / 32) = 10）")
print(f"history 的 val_loss = {history.history['val_loss'][0]:.6f}，evaluate(x_val) = {val_loss:.6f}")
assert counter.train_steps == 47, "validation_split 被忽略：全部 1500 个样本都用来训练"
assert counter.val_steps == 10, "验证用的是 validation_data"
assert abs(val_loss - history.history["val_loss"][0]) < 1e-4
assert not any("validation_split" in str(w.message) for w in caught), "也没有任何关于 validation_split 的警告"
# --8<-- [end:both]
