"""验证用的生成器：validation_steps 每次取几批，取的是哪几批（TensorFlow 后端的行为）。"""

# harness: backends=tensorflow -- 在 call() 里用 Python 记批编号；JAX、PyTorch 建模时的符号调用取不出具体数值

# --8<-- [start:setup]
import keras
import numpy as np

x_all = np.array([[1, 2], [2, 3], [1, 3], [1, 4], [2, 4], [2, 5]], dtype="float32")
y_all = np.array([[0, 1], [1, 0], [0, 1], [0, 1], [1, 0], [1, 0]], dtype="float32")


def batches_forever():
    """无限生成器：每次产出整份 6 行数据作为一批。"""
    while True:
        yield x_all, y_all


# --8<-- [end:setup]


# --8<-- [start:validation-steps]
class SeenBatches(keras.layers.Layer):
    """原样传递输入；评估时记下每一批的编号（编号就写在这批数据里）。"""

    def __init__(self):
        super().__init__()
        self.passes = []  # 每次验证看到的批编号

    def call(self, x, training=False):
        if not training and x.shape[0] is not None:
            self.passes[-1].append(int(x[0, 0]))
        return x


class NewPass(keras.callbacks.Callback):
    def __init__(self, seen):
        super().__init__()
        self.seen = seen

    def on_test_begin(self, logs=None):
        self.seen.passes.append([])


def numbered_batches():
    """无限生成器：第 n 批的数据全是 n，方便认出它。"""
    n = 0
    while True:
        n += 1
        yield np.full((2, 2), n, dtype="float32"), np.zeros((2, 2), dtype="float32")


seen = SeenBatches()
probe = keras.Sequential([keras.Input(shape=(2,)), seen, keras.layers.Dense(2)])
probe.compile(loss="mse", optimizer="sgd", run_eagerly=True)  # 逐批用 Python 执行，才能逐批记录
probe.fit(
    batches_forever(),
    steps_per_epoch=10,
    epochs=3,
    validation_data=numbered_batches(),
    validation_steps=4,
    callbacks=[NewPass(seen)],
    verbose=0,
)
for epoch, batch_ids in enumerate(seen.passes, start=1):
    print(f"epoch {epoch} 末尾的验证用到的批: {batch_ids}")
assert [len(p) for p in seen.passes] == [4, 4, 4], "每次验证正好 validation_steps=4 批"
assert all(p[:2] == [1, 2] for p in seen.passes), "每次验证都从偷看时缓存的第 1、2 批重新开始"
fresh = [n for p in seen.passes for n in p[2:]]
assert fresh == sorted(set(fresh)) and min(fresh) >= 3, "其余的批依次从生成器里取新的"
# --8<-- [end:validation-steps]
