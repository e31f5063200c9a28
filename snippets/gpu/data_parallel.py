"""数据并行：用 tf.distribute.MirroredStrategy 在两个设备上同步训练（用两个逻辑 CPU 模拟两块 GPU）。"""

# harness: fresh-process -- 逻辑设备必须在 TensorFlow 初始化之前配置
# harness: backends=tensorflow -- tf.distribute 只有 TensorFlow 后端有
# harness: devices=cpu -- 把 CPU 切成两个逻辑设备来模拟两块 GPU；真有 GPU 时 list_devices 会返回 GPU

# --8<-- [start:logical-devices]
import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

import keras  # noqa: E402
import numpy as np  # noqa: E402

devices = tf.config.list_logical_devices("CPU")
print("逻辑设备:", [d.name for d in devices])
print("Keras 看到的设备:", keras.distribution.list_devices())
assert len(devices) == 2 and keras.distribution.list_devices() == ["cpu:0", "cpu:1"]
# --8<-- [end:logical-devices]

# --8<-- [start:strategy]
strategy = tf.distribute.MirroredStrategy([d.name for d in devices])  # 有 GPU 时直接 MirroredStrategy()
print("副本数:", strategy.num_replicas_in_sync)
assert strategy.num_replicas_in_sync == 2

# 全局批大小 = 每个副本的批大小 × 副本数；每一步，一批数据被平分给各个副本
per_replica_batch = 64
global_batch = per_replica_batch * strategy.num_replicas_in_sync
dataset = tf.data.Dataset.from_tensor_slices(np.zeros((512, 784), "float32")).batch(global_batch)
first = next(iter(strategy.experimental_distribute_dataset(dataset)))
sizes = strategy.experimental_local_results(strategy.run(lambda batch: tf.shape(batch)[0], args=(first,)))
print(f"全局批大小 {global_batch} → 每个副本拿到:", [int(s) for s in sizes])
assert [int(s) for s in sizes] == [per_replica_batch] * 2
# --8<-- [end:strategy]

# --8<-- [start:build]
(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:2048].reshape(-1, 784).astype("float32") / 255
y_train = y_train[:2048]

with strategy.scope():  # 在 scope 里建模型和 compile：变量会在每个副本上各放一份
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
kernel = model.layers[0].kernel.value
print(type(kernel).__name__, "副本所在设备:", [v.device.split("/")[-1] for v in kernel.values])
assert type(kernel).__name__ == "MirroredVariable" and len(kernel.values) == 2
assert model.distribute_strategy.num_replicas_in_sync == 2
# --8<-- [end:build]

# --8<-- [start:fit]
initial_loss = model.evaluate(x_train, y_train, batch_size=global_batch, verbose=0)[0]
history = model.fit(x_train, y_train, batch_size=global_batch, epochs=2, verbose=2)
losses = history.history["loss"]
print(f"训练前 loss {initial_loss:.3f} → 最后一个 epoch {losses[-1]:.3f}")
assert losses[-1] < losses[0] < initial_loss, "两个副本同步训练，loss 应该下降"
# --8<-- [end:fit]

# --8<-- [start:too-late]
try:
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 3)
except RuntimeError as error:
    message = str(error)
    print(f"RuntimeError: {message}")
else:
    raise AssertionError("TensorFlow 初始化之后仍然可以修改设备配置")
assert "initialized" in message
# --8<-- [end:too-late]

# --8<-- [start:keras-distribution]
distribution = keras.distribution.DataParallel(devices=keras.distribution.list_devices())
print(distribution)
keras.distribution.set_distribution(distribution)  # TensorFlow 后端下不报错……

plain = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])
plain.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
plain.fit(x_train, y_train, batch_size=global_batch, epochs=1, verbose=2)
kernel = plain.layers[0].kernel.value
print(
    "副本数:",
    plain.distribute_strategy.num_replicas_in_sync,
    " kernel:",
    type(kernel).__name__,
    kernel.device,
)
assert distribution.device_mesh.shape == (2,)
assert plain.distribute_strategy.num_replicas_in_sync == 1, "……但训练只在一个设备上进行"
assert type(kernel).__name__ != "MirroredVariable"
keras.distribution.set_distribution(None)
# --8<-- [end:keras-distribution]
