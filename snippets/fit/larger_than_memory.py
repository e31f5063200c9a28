"""数据比内存大：先写到磁盘上的 .npy，训练时用内存映射按批读取。"""

# --8<-- [start:write]
import keras
import numpy as np

# 假装这是一份放不进内存的数据：一块一块写进磁盘上的 .npy 文件。
# 真实场景里每一块来自不同的文件或数据库查询；这里为了演示，从 Fashion-MNIST 里逐块复制
(x_source, y_source), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
n_samples, chunk = 12000, 1000
x_disk = np.lib.format.open_memmap("x_train.npy", mode="w+", dtype=np.uint8, shape=(n_samples, 28, 28))
y_disk = np.lib.format.open_memmap("y_train.npy", mode="w+", dtype=np.uint8, shape=(n_samples,))
for start in range(0, n_samples, chunk):
    x_disk[start : start + chunk] = x_source[start : start + chunk]
    y_disk[start : start + chunk] = y_source[start : start + chunk]
x_disk.flush()
y_disk.flush()
del x_disk, y_disk, x_source, y_source

import os

print(f"x_train.npy: {os.path.getsize('x_train.npy') / 2**20:.1f} MiB on disk")
# --8<-- [end:write]


# --8<-- [start:dataset]
class NpyBatches(keras.utils.PyDataset):
    """每次只从磁盘读一批：np.load(mmap_mode='r') 只建立映射，不把文件读进内存。"""

    def __init__(self, x_path, y_path, batch_size=128, **kwargs):
        super().__init__(**kwargs)
        self.x = np.load(x_path, mmap_mode="r")
        self.y = np.load(y_path, mmap_mode="r")
        self.batch_size = batch_size
        self.batch_order = np.random.permutation(len(self))

    def __len__(self):
        return -(-len(self.x) // self.batch_size)  # 向上取整

    def __getitem__(self, index):
        start = self.batch_order[index] * self.batch_size  # 按打乱后的顺序取连续的一块
        x = self.x[start : start + self.batch_size]  # 这一步才真正读磁盘
        y = self.y[start : start + self.batch_size]
        return x.reshape(len(x), -1).astype("float32") / 255, y.astype("int32")

    def on_epoch_end(self):
        self.batch_order = np.random.permutation(len(self))


train_data = NpyBatches("x_train.npy", "y_train.npy", batch_size=128, workers=2)
x_batch, y_batch = train_data[0]
print(f"磁盘上的数据: {type(train_data.x).__name__} {train_data.x.shape} {train_data.x.dtype}")
print(f"读出的一批:   {type(x_batch).__name__} {x_batch.shape} {x_batch.dtype}")
assert isinstance(train_data.x, np.memmap) and len(train_data) == 94
assert x_batch.shape == (128, 784) and x_batch.dtype == np.float32
# --8<-- [end:dataset]

# --8<-- [start:fit]
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_data, epochs=3, verbose=2)
loss, accuracy = model.evaluate(x_test[:2000].reshape(-1, 784) / 255, y_test[:2000], verbose=0)
print(f"test accuracy: {accuracy:.4f}")
assert accuracy > 0.78
# --8<-- [end:fit]
