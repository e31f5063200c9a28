"""Python 生成器喂给 fit：steps_per_epoch 与 validation_steps 到底数的是什么。"""

# --8<-- [start:count]
import keras
import numpy as np

# 原笔记 fit_generate.txt 的 6 行数据：前两列是特征，后两列是 one-hot 标签
data = np.array([[1, 2, 0, 1], [2, 3, 1, 0], [1, 3, 0, 1], [1, 4, 0, 1], [2, 4, 1, 0], [2, 5, 1, 0]])
x_all, y_all = data[:, :2].astype("float32"), data[:, 2:].astype("float32")
x_valid = np.array([[1, 2], [2, 3]], dtype="float32")
y_valid = np.array([[0, 1], [1, 0]], dtype="float32")

count = 0  # 生成器一共产出了多少批


def batches_forever():
    """无限生成器：每次产出整份 6 行数据作为一批。"""
    global count
    while True:
        count += 1
        yield x_all, y_all


class WatchCount(keras.callbacks.Callback):
    """在每个 epoch 开始、每一步训练结束时，记下 count 的值。"""

    def on_train_begin(self, logs=None):
        self.at_epoch_begin, self.at_step_end = [], []

    def on_epoch_begin(self, epoch, logs=None):
        self.at_epoch_begin.append(count)
        self.at_step_end.append([])

    def on_train_batch_end(self, batch, logs=None):
        self.at_step_end[-1].append(count)


model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        keras.layers.Dense(1000, activation="relu"),
        keras.layers.Dense(2, activation="softmax"),
    ]
)
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])

watch = WatchCount()
model.fit(
    batches_forever(),
    steps_per_epoch=10,
    epochs=2,
    validation_data=(x_valid, y_valid),
    callbacks=[watch],
    verbose=2,
)
for epoch in range(2):
    print(f"epoch {epoch + 1}: 开始时 count={watch.at_epoch_begin[epoch]}")
    print(f"         每步结束时 count={watch.at_step_end[epoch]}")
print(f"训练了 {sum(len(s) for s in watch.at_step_end)} 步，生成器一共产出 {count} 批")

assert [len(s) for s in watch.at_step_end] == [10, 10], "每个 epoch 正好训练 steps_per_epoch=10 步"
assert watch.at_epoch_begin[0] == 2, "fit 开始前先取了 2 批，用来推断数据的形状和类型"
assert all(c >= step + 1 for s in watch.at_step_end for step, c in enumerate(s)), "每一步之前，那一批已经产出"
if keras.config.backend() == "tensorflow":
    assert 20 <= count <= 30, "TensorFlow：后台线程预取，总产出 = 用掉的 20 批 + 没用上的少数几批"
else:
    assert count == 20, "JAX、PyTorch：用几批取几批"
# --8<-- [end:count]


# --8<-- [start:finite]
import warnings


def one_pass(n_batches=5):
    """有限生成器：只产出 5 批就结束。"""
    for _ in range(n_batches):
        yield x_all, y_all


class StepsPerEpoch(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.steps = []

    def on_epoch_begin(self, epoch, logs=None):
        self.steps.append(0)

    def on_train_batch_end(self, batch, logs=None):
        self.steps[-1] += 1


counter = StepsPerEpoch()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(one_pass(), epochs=3, callbacks=[counter], verbose=0)  # 不给 steps_per_epoch
messages = sorted({str(w.message).split(";")[0] for w in caught if "ran out of data" in str(w.message)})
print("每个 epoch 实际训练的步数:", counter.steps)
print("UserWarning:", messages)
assert counter.steps[0] == 5, "第 1 个 epoch 把生成器走完一遍"
assert counter.steps[1:] == [2, 2], "之后每个 epoch 只剩 Keras 开头偷看时缓存的 2 批"
assert messages == ["Your input ran out of data"]
# --8<-- [end:finite]
