"""混合精度：mixed_bfloat16 策略的规则，以及它在 GPU 上比 float32 快多少。"""

# harness: devices=gpu -- 混合精度的加速只能在 GPU 上测量
# harness: backends=jax,torch -- GPU 验证机上装的是 JAX 和 PyTorch，没有 TensorFlow

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


gpu = gpu_name()
print(f"后端 {keras.config.backend()}，GPU: {gpu}")
assert gpu is not None, (
    f"{keras.config.backend()} 后端没有找到 GPU。这个例子测的是 GPU 上的加速，"
    "在 CPU 上运行得到的数字没有意义，所以在这里停下。"
)
# --8<-- [end:device]

# --8<-- [start:policy]
keras.config.set_dtype_policy("mixed_bfloat16")  # 之后新建的层都用这个策略
policy = keras.config.dtype_policy()
print(policy, " 计算:", policy.compute_dtype, " 变量:", policy.variable_dtype)
assert (policy.compute_dtype, policy.variable_dtype) == ("bfloat16", "float32")

layer = keras.layers.Dense(8)
outputs = layer(np.ones((2, 4), "float32"))
print("kernel:", layer.kernel.dtype, " 输出:", keras.backend.standardize_dtype(outputs.dtype))
assert layer.kernel.dtype == "float32"  # 变量按 float32 保存和更新
assert keras.backend.standardize_dtype(outputs.dtype) == "bfloat16"  # 计算按 bfloat16 进行


def make_mlp():
    return keras.Sequential(
        [
            keras.Input(shape=(1024,)),
            keras.layers.Dense(4096, activation="relu"),
            keras.layers.Dense(4096, activation="relu"),
            keras.layers.Dense(4096, activation="relu"),
            keras.layers.Dense(10, dtype="float32"),  # 最后一层用 float32 输出，loss 在 float32 下计算
        ]
    )


bf16_model = make_mlp()
bf16_model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
print("mixed_bfloat16 的优化器:", type(bf16_model.optimizer).__name__)
assert bf16_model.layers[-1].compute_dtype == "float32"
assert not isinstance(bf16_model.optimizer, keras.optimizers.LossScaleOptimizer)  # bfloat16 不需要损失缩放

keras.config.set_dtype_policy("mixed_float16")  # 对照：float16 的数值范围小，梯度容易下溢成 0
fp16_model = make_mlp()
fp16_model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
print("mixed_float16 的优化器:", type(fp16_model.optimizer).__name__)
assert isinstance(fp16_model.optimizer, keras.optimizers.LossScaleOptimizer)  # compile 自动包了一层
assert type(fp16_model.optimizer.inner_optimizer).__name__ == "Adam"

keras.config.set_dtype_policy("float32")  # 建 float32 的对照模型，也把全局设置恢复成默认值
fp32_model = make_mlp()
fp32_model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
assert fp32_model.layers[0].compute_dtype == "float32"
# --8<-- [end:policy]

# --8<-- [start:speed]
BATCH, STEPS, ROUNDS = 4096, 20, 3  # 每轮计时 20 步，float32 与 bfloat16 交替测 3 轮

rng = np.random.default_rng(0)
x = keras.ops.convert_to_tensor(rng.normal(size=(BATCH, 1024)).astype("float32"))  # 数据先放到 GPU 上
y = keras.ops.convert_to_tensor(rng.integers(0, 10, size=(BATCH,)).astype("int32"))


def seconds_for(model, steps):
    """连续训练 steps 步所用的秒数；train_on_batch 返回 Python 数值，会等 GPU 真正算完。"""
    started = time.perf_counter()
    for _ in range(steps):
        model.train_on_batch(x, y)
    return time.perf_counter() - started


models = {"float32": fp32_model, "mixed_bfloat16": bf16_model}
for model in models.values():
    seconds_for(model, 3)  # 预热：第一步要编译 / 选算法，不计时
timings = {name: [] for name in models}
for _ in range(ROUNDS):  # 交替测量：别的程序偶尔占用 GPU 时，两种精度受到的影响相近
    for name, model in models.items():
        timings[name].append(seconds_for(model, STEPS))
best = {name: min(seconds) for name, seconds in timings.items()}  # 每种取最快的一轮
steps_per_s = {name: STEPS / seconds for name, seconds in best.items()}
for name, rate in steps_per_s.items():
    print(f"{name:>15}: {rate:7.1f} 步/秒  ({rate * BATCH:,.0f} 个样本/秒)")
speedup = steps_per_s["mixed_bfloat16"] / steps_per_s["float32"]
print(f"mixed_bfloat16 比 float32 快 {speedup:.2f} 倍（{gpu}，{keras.config.backend()} 后端）")
assert 1.0 < speedup < 30, speedup
# --8<-- [end:speed]
