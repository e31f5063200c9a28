"""keras.utils.PyDataset：可以按下标取批、知道自己有多少批、workers 等参数放在它自己身上。"""

# --8<-- [start:dataset]
import math

import keras
import numpy as np


class FashionBatches(keras.utils.PyDataset):
    """按下标返回一批 Fashion-MNIST；每个 epoch 结束时重新打乱顺序。"""

    def __init__(self, x, y, batch_size=64, **kwargs):
        super().__init__(**kwargs)  # workers / use_multiprocessing / max_queue_size 交给父类
        self.x, self.y, self.batch_size = x, y, batch_size
        self.order = np.random.permutation(len(x))

    def __len__(self):  # 一个 epoch 有几批
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, index):  # 第 index 批
        rows = self.order[index * self.batch_size : (index + 1) * self.batch_size]
        return self.x[rows], self.y[rows]

    def on_epoch_end(self):
        self.order = np.random.permutation(len(self.x))


(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:2000].reshape(-1, 784).astype("float32") / 255
x_test = x_test[:500].reshape(-1, 784).astype("float32") / 255
y_train, y_test = y_train[:2000], y_test[:500]

train_data = FashionBatches(x_train, y_train, batch_size=64, workers=2, max_queue_size=8)
print(f"len(train_data) = {len(train_data)} 批")
print(
    f"workers={train_data.workers}  use_multiprocessing={train_data.use_multiprocessing}  "
    f"max_queue_size={train_data.max_queue_size}"
)
x_batch, y_batch = train_data[0]
print("第 0 批:", x_batch.shape, y_batch.shape)
assert len(train_data) == 32 and train_data.workers == 2 and train_data.max_queue_size == 8
# --8<-- [end:dataset]


# --8<-- [start:fit]
class StepsPerEpoch(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.steps = []

    def on_epoch_begin(self, epoch, logs=None):
        self.steps.append(0)

    def on_train_batch_end(self, batch, logs=None):
        self.steps[-1] += 1


model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
counter = StepsPerEpoch()
history = model.fit(
    train_data,  # 不给 steps_per_epoch：每个 epoch 走 len(train_data) 批
    epochs=3,
    validation_data=FashionBatches(x_test, y_test, batch_size=100),
    callbacks=[counter],
    verbose=2,
)
print("每个 epoch 的步数:", counter.steps)
assert counter.steps == [32, 32, 32], "每个 epoch 都是完整的 len(train_data) = 32 批"
assert history.history["val_accuracy"][-1] > 0.7
# --8<-- [end:fit]
