"""JAX 后端的数据并行：keras.distribution.DataParallel，用两个虚拟 CPU 设备代替两块 GPU。"""

# harness: fresh-process -- XLA_FLAGS 必须在 JAX 启动前设置
# harness: backends=jax -- keras.distribution 的数据并行只在 JAX 后端实现
# harness: devices=cpu -- 把 CPU 切成两个虚拟设备来模拟两块 GPU；真有 GPU 时 list_devices 返回的是 GPU

# --8<-- [start:devices]
import os

os.environ["KERAS_BACKEND"] = "jax"
# 让 JAX 把一颗 CPU 当成 2 个设备；必须在导入 JAX（以及导入 Keras）之前设置
os.environ["XLA_FLAGS"] = "--xla_force_host_platform_device_count=2"

import jax
import keras
import numpy as np

devices = keras.distribution.list_devices()
print("JAX 的设备:", jax.devices())
print("Keras 看到的设备:", devices)
assert devices == ["cpu:0", "cpu:1"]
# --8<-- [end:devices]

# --8<-- [start:distribution]
# 一维的设备网格：2 个设备排成一行，这一维取名 "batch"，数据沿着它切分
mesh = keras.distribution.DeviceMesh(shape=(2,), axis_names=["batch"], devices=devices)
distribution = keras.distribution.DataParallel(device_mesh=mesh)
keras.distribution.set_distribution(distribution)  # 全局生效：之后建的模型和 fit 都按它分布
print(keras.distribution.distribution())
assert keras.distribution.distribution() is distribution
assert distribution.batch_dim_name == "batch"
# 等价的简写：keras.distribution.DataParallel(devices=devices)，网格由 Keras 自动建
# --8<-- [end:distribution]

# --8<-- [start:build]
seen_shardings = []  # fit 编译训练步骤时，每批输入数据的分片方式记在这里


class ShardingProbe(keras.layers.Layer):
    """只做检查的层：原样返回输入，顺便用 JAX 的调试工具记下这批数据是怎样分到各设备上的。"""

    def call(self, inputs):
        jax.debug.inspect_array_sharding(inputs, callback=seen_shardings.append)
        return inputs


(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:4096].reshape(-1, 784).astype("float32") / 255
y_train = y_train[:4096]

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        ShardingProbe(name="sharding_probe"),
        keras.layers.Dense(128, activation="relu", name="hidden"),
        keras.layers.Dense(10, activation="softmax", name="output"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

kernel = model.get_layer("hidden").kernel.value  # 一个 jax.Array
print("kernel 的分片方式:", kernel.sharding.spec, " 完整复制:", kernel.sharding.is_fully_replicated)
print("每个设备上的那一份:", [(str(s.device), s.data.shape) for s in kernel.addressable_shards])
assert kernel.sharding.is_fully_replicated  # 数据并行：每个设备都有一份完整的参数
assert {s.device for s in kernel.addressable_shards} == set(jax.devices())
assert all(s.data.shape == (784, 128) for s in kernel.addressable_shards)
# --8<-- [end:build]

# --8<-- [start:fit]
batch_size = 128  # 全局批大小：每一步 128 个样本，每个设备分到 64 个
initial_loss = model.evaluate(x_train, y_train, batch_size=batch_size, verbose=0)[0]
history = model.fit(x_train, y_train, batch_size=batch_size, epochs=2, verbose=2)
losses = history.history["loss"]
print(f"训练前 loss {initial_loss:.3f} → 每个 epoch: {[round(v, 3) for v in losses]}")

batch_sharding = seen_shardings[-1]  # 训练步骤里看到的那一批
print(
    "一批输入的分片方式:",
    batch_sharding.spec,
    " 每个设备上的形状:",
    batch_sharding.shard_shape((batch_size, 784)),
)
assert seen_shardings and all(s.spec == jax.sharding.PartitionSpec("batch") for s in seen_shardings)
assert batch_sharding.device_set == set(jax.devices())
assert batch_sharding.shard_shape((batch_size, 784)) == (batch_size // 2, 784)  # 一半一半

kernel = model.get_layer("hidden").kernel.value
first, second = (np.asarray(s.data) for s in kernel.addressable_shards)
print("训练后两个设备上的 kernel 完全相同:", np.array_equal(first, second))
assert kernel.sharding.is_fully_replicated and np.array_equal(first, second)  # 梯度汇总后同步更新
assert losses[-1] < losses[0] < initial_loss, "两个设备同步训练，loss 应该下降"
# --8<-- [end:fit]
