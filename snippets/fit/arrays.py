"""用 NumPy 数组调用 fit：History 里有什么，默认的 batch_size，steps_per_epoch 与 batch_size 的关系。"""
# harness: backends=tensorflow -- 在 call() 里用 Python 记批大小；JAX、PyTorch 建模时的符号调用会混进记录

# --8<-- [start:fit]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
# 取一个子集，拉平成 784 维并缩放到 [0, 1]；标签保持 0–9 的整数
x_train = x_train[:3000].reshape(-1, 784).astype("float32") / 255
y_train = y_train[:3000]
x_test = x_test[:1000].reshape(-1, 784).astype("float32") / 255
y_test = y_test[:1000]

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
# 整数标签直接配 sparse_categorical_crossentropy，不必先做 one-hot
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=5, batch_size=128, validation_data=(x_test, y_test), verbose=2)

print(type(history).__name__, "| history.epoch =", history.epoch)
print("history.history 的键:", sorted(history.history))
assert sorted(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
assert len(history.history["loss"]) == 5
assert history.history["val_accuracy"][-1] > 0.75, "5 个 epoch 后测试准确率应高于 0.75"
# --8<-- [end:fit]


# --8<-- [start:recorder]
class BatchSizes(keras.layers.Layer):
    """原样传递输入，顺便记下每一批有几个样本（训练批和评估批分开记）。"""

    def __init__(self):
        super().__init__()
        self.sizes = {"train": [], "test": []}

    def call(self, x, training=False):
        if x.shape[0] is not None:  # 搭模型时的符号调用没有具体的批大小，跳过
            self.sizes["train" if training else "test"].append(int(x.shape[0]))
        return x


def build_recording_model():
    recorder = BatchSizes()
    output = keras.layers.Dense(10, activation="softmax")
    model = keras.Sequential([keras.Input(shape=(784,)), recorder, output])
    # run_eagerly=True：逐批用 Python 执行，call 里的记录才会每批都发生
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", run_eagerly=True)
    return model, recorder


x100, y100 = x_train[:100], y_train[:100]  # 100 个样本
# --8<-- [end:recorder]

# --8<-- [start:default-batch]
model, recorder = build_recording_model()
model.fit(x100, y100, epochs=1, verbose=0)  # 不写 batch_size
model.evaluate(x100, y100, verbose=0)  # 也不写 batch_size
print("fit      每批样本数:", recorder.sizes["train"])
print("evaluate 每批样本数:", recorder.sizes["test"])
assert recorder.sizes["train"] == [32, 32, 32, 4], "fit 的默认 batch_size 应是 32"
assert recorder.sizes["test"] == [32, 32, 32, 4], "evaluate 的默认 batch_size 也是 32"
# --8<-- [end:default-batch]

# --8<-- [start:steps-arrays]
import warnings

model, recorder = build_recording_model()
model.fit(x100, y100, epochs=1, steps_per_epoch=10, verbose=0)  # 只给 steps_per_epoch
print("steps_per_epoch=10:              ", recorder.sizes["train"])
assert recorder.sizes["train"] == [10] * 10, "只给 steps_per_epoch 时，批大小 = ceil(100 / 10) = 10"

model, recorder = build_recording_model()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(x100, y100, epochs=1, steps_per_epoch=10, batch_size=32, verbose=0)
print("steps_per_epoch=10, batch_size=32:", recorder.sizes["train"])
ran_out = [str(w.message) for w in caught if "ran out of data" in str(w.message)]
print("UserWarning:", ran_out[0].split(".")[0] + ".")
assert recorder.sizes["train"] == [32, 32, 32, 4], "100 个样本按 32 切只有 4 批，第 5 步就没有数据了"
assert ran_out, "应当警告数据不够 steps_per_epoch 步"
# --8<-- [end:steps-arrays]
