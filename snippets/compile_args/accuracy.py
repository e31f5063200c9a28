"""训练时的 accuracy 是怎么算的：与 predict 结果手工计算的准确率对照。"""

# --8<-- [start:multiclass]
import keras
import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits

digits = load_digits()
x = (digits.data / 16.0).astype("float32")
y = digits.target  # 整数标签 0~9

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x[:1200], y[:1200], epochs=2, batch_size=32, verbose=0)

x_test, y_test = x[1200:], y[1200:]
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
probabilities = model.predict(x_test, verbose=0)  # 每行 10 个概率
manual = np.mean(np.argmax(probabilities, axis=1) == y_test)  # 概率最大的类 == 真实类？
print(f"evaluate 的 accuracy: {accuracy:.6f}")
print(f"手工计算 mean(argmax(predict) == y): {manual:.6f}")
assert abs(accuracy - manual) < 1e-6
# --8<-- [end:multiclass]

# --8<-- [start:onehot]
y_onehot = keras.utils.to_categorical(y_test, 10)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
_, accuracy_onehot = model.evaluate(x_test, y_onehot, verbose=0)
print(f"one-hot 标签 + categorical_crossentropy: accuracy = {accuracy_onehot:.6f}")
assert abs(accuracy_onehot - manual) < 1e-6  # 比较的是两边 argmax 的位置
# --8<-- [end:onehot]

# --8<-- [start:binary]
cancer = load_breast_cancer()
xb = ((cancer.data - cancer.data.mean(axis=0)) / cancer.data.std(axis=0)).astype("float32")
yb = cancer.target  # 0/1
binary = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")])
binary.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
binary.fit(xb, yb, epochs=2, verbose=0)

_, accuracy_binary = binary.evaluate(xb, yb, verbose=0)
p = binary.predict(xb, verbose=0)[:, 0]  # 每个样本一个概率
manual_binary = np.mean((p > 0.5) == yb)  # 以 0.5 为阈值
print(f"二分类 evaluate: {accuracy_binary:.6f}   手工 mean((p > 0.5) == y): {manual_binary:.6f}")
assert abs(accuracy_binary - manual_binary) < 1e-6
# --8<-- [end:binary]


# --8<-- [start:running]
# fit 打印的训练 accuracy：每个 batch 用“更新之前”的权重算一次，整轮累计后再平均
class CountCorrect(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.correct = 0

    def on_train_batch_begin(self, batch, logs=None):
        xb, yb = x_train[batch * 32 : (batch + 1) * 32], y_train[batch * 32 : (batch + 1) * 32]
        prediction = self.model.predict_on_batch(xb)  # 这一步参数更新之前的预测
        self.correct += int(np.sum(np.argmax(prediction, axis=1) == yb))


x_train, y_train = x[:640], y[:640]  # 20 个 batch
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
counter = CountCorrect()
history = model.fit(x_train, y_train, epochs=1, batch_size=32, shuffle=False, callbacks=[counter], verbose=0)
logged = history.history["accuracy"][0]
_, after = model.evaluate(x_train, y_train, verbose=0)
print(f"fit 记录的训练 accuracy: {logged:.6f}   逐 batch 累计: {counter.correct / len(x_train):.6f}")
print(f"训练结束后用 evaluate 在同一份训练数据上: {after:.6f}")
assert abs(logged - counter.correct / len(x_train)) < 1e-6
# --8<-- [end:running]
