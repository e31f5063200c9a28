"""VGG16 微调按真实尺寸（224×224、批大小 32）训练：同一进程里分别在 GPU 和 CPU 上计时，比一比。"""

# harness: devices=gpu -- 要比较的就是 GPU 和 CPU 的训练速度，没有 GPU 就没有可比的对象
# harness: backends=jax,torch -- GPU 验证机上装的是 JAX 和 PyTorch，没有 TensorFlow
# harness: timeout=300

# --8<-- [start:device]
import time

import keras
import numpy as np


def gpu_name():
    """当前后端看到的第一块 GPU 的型号；看不到 GPU 时返回 None。"""
    if keras.config.backend() == "jax":
        import jax

        gpus = [d for d in jax.devices() if d.platform == "gpu"]
        return gpus[0].device_kind if gpus else None
    if keras.config.backend() == "torch":
        import torch

        return torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
    raise NotImplementedError(f"这个例子只写了 JAX 和 PyTorch 后端，当前是 {keras.config.backend()}")


def placement(model):
    """模型的第一个权重放在哪种设备上：'gpu' 或 'cpu'。"""
    value = model.weights[0].value
    if keras.config.backend() == "jax":
        return next(iter(value.devices())).platform
    return "gpu" if value.device.type == "cuda" else value.device.type


gpu = gpu_name()
print(f"后端 {keras.config.backend()}，GPU: {gpu}")
assert gpu is not None, (
    f"{keras.config.backend()} 后端没有找到 GPU。这个例子比较 GPU 和 CPU 的训练速度，"
    "在只有 CPU 的机器上运行得到的比值没有意义，所以在这里停下。"
)
# --8<-- [end:device]

# --8<-- [start:data]
IMAGE_SIZE, BATCH_SIZE, GPU_STEPS, CPU_STEPS = 224, 32, 10, 2

(x_all, y_all), _ = keras.datasets.fashion_mnist.load_data()
keep = np.isin(y_all, [0, 1])  # “T恤”(0) 与“裤子”(1) 两类
count = BATCH_SIZE * GPU_STEPS  # 320 张
images = keras.ops.image.resize(x_all[keep][:count, ..., None].astype("float32"), (IMAGE_SIZE, IMAGE_SIZE))
images = keras.ops.repeat(images, 3, axis=-1)  # 灰度 → 3 个通道
x = keras.applications.vgg16.preprocess_input(keras.ops.convert_to_numpy(images))
y = y_all[keep][:count].astype("float32")
print("训练数据:", x.shape, f"{x.nbytes / 2**20:.0f} MiB")
assert x.shape == (count, IMAGE_SIZE, IMAGE_SIZE, 3)
# --8<-- [end:data]


# --8<-- [start:model]
def build_finetune_model():
    """VGG16 卷积部分 + 新的分类头；只训练 block5 和分类头（迁移学习第二步的设置）。"""
    base = keras.applications.VGG16(
        weights="imagenet", include_top=False, input_shape=(IMAGE_SIZE, IMAGE_SIZE, 3)
    )
    for layer in base.layers:
        layer.trainable = layer.name.startswith("block5")
    inputs = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3))
    features = base(inputs, training=False)
    features = keras.layers.GlobalAveragePooling2D()(features)  # 7×7×512 → 512
    outputs = keras.layers.Dense(1, activation="sigmoid")(features)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="binary_crossentropy")
    return model


def step_seconds(model, steps):
    """一步一步地训练并计时；train_on_batch 返回数值，所以每一步都等设备真正算完。"""
    seconds = []
    for step in range(steps):
        batch = slice(step * BATCH_SIZE, (step + 1) * BATCH_SIZE)
        started = time.perf_counter()
        model.train_on_batch(x[batch], y[batch])
        seconds.append(time.perf_counter() - started)
    return seconds


# --8<-- [end:model]

# --8<-- [start:gpu]
gpu_model = build_finetune_model()  # 不加任何设置：有 GPU 时，Keras 把变量和计算放在 GPU 上
print("可训练的权重张量:", len(gpu_model.trainable_weights), " 放在:", placement(gpu_model))
assert len(gpu_model.trainable_weights) == 3 * 2 + 2  # block5 的 3 个卷积层 + 分类头
assert placement(gpu_model) == "gpu"

step_seconds(gpu_model, 2)  # 预热：第一步要编译、挑选卷积算法，不计时
gpu_step = min(step_seconds(gpu_model, GPU_STEPS))
print(
    f"GPU: 每步 {gpu_step * 1000:.0f} ms，每秒 {BATCH_SIZE / gpu_step:.0f} 张（{GPU_STEPS} 步里最快的一步）"
)
# --8<-- [end:gpu]

# --8<-- [start:cpu]
with keras.device("cpu"):  # 这个 with 块里新建的变量和做的计算都在 CPU 上
    cpu_model = build_finetune_model()
    assert placement(cpu_model) == "cpu"
    step_seconds(cpu_model, 1)  # 预热
    cpu_step = min(step_seconds(cpu_model, CPU_STEPS))  # CPU 很慢，只测 2 步
print(f"CPU: 每步 {cpu_step:.2f} s，每秒 {BATCH_SIZE / cpu_step:.1f} 张")

ratio = cpu_step / gpu_step
print(f"同样的一步训练，CPU 用的时间是 GPU 的 {ratio:.0f} 倍（{gpu}，{keras.config.backend()} 后端）")
assert ratio > 5, ratio
# --8<-- [end:cpu]
