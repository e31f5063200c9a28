"""原笔记的两种学习率公式，与 Keras 3 的 LearningRateSchedule 逐点对照。"""

# --8<-- [start:setup]
import keras
import numpy as np

schedules = keras.optimizers.schedules

steps_per_epoch = 100  # 例如 3200 个训练样本、batch_size=32
n_epochs = 50
epoch = np.arange(n_epochs)  # 0, 1, ..., 49：Keras 回调里的 epoch 从 0 开始
step = np.arange(0, n_epochs * steps_per_epoch, 10)  # 更新次数 optimizer.iterations，每 10 步取一个
first_step = epoch * steps_per_epoch  # 第 epoch 轮的第一步


def lr_at(schedule, steps):
    """调度器是一个以 step 为自变量的函数：schedule(step) -> 这一步的学习率。"""
    return np.array([float(schedule(s)) for s in steps])


print("一个 epoch =", steps_per_epoch, "步；共", n_epochs * steps_per_epoch, "步")
# --8<-- [end:setup]

# --8<-- [start:time-based]
lr0, decay = 0.1, 0.001  # 原笔记的例子
notes_time = lr0 * 1 / (1 + decay * epoch)  # 原笔记的公式，自变量是 epoch

# 按 epoch 衰减：decay_steps 取一个 epoch 的步数，staircase=True 让一个 epoch 内保持不变
time_based = schedules.InverseTimeDecay(
    initial_learning_rate=lr0, decay_steps=steps_per_epoch, decay_rate=decay, staircase=True
)
keras_time = lr_at(time_based, first_step)
assert np.allclose(keras_time, notes_time), "InverseTimeDecay 与笔记公式不一致"
print(f"epoch  0: {keras_time[0]:.5f}   epoch 49: {keras_time[-1]:.5f}")
assert keras_time[-1] > 0.95 * lr0, "按 epoch 衰减，49 个 epoch 后降幅不到 5%"

# Keras 2 的 decay 实际上按“每次更新”衰减：lr / (1 + decay * iterations)
keras2_decay = schedules.InverseTimeDecay(lr0, decay_steps=1, decay_rate=decay)
keras2_lr = lr_at(keras2_decay, first_step)
assert np.allclose(keras2_lr, lr0 / (1 + decay * first_step))
print(f"Keras 2 的 decay 在 epoch 49 开头: {keras2_lr[-1]:.5f}")
assert keras2_lr[-1] < 0.2 * keras_time[-1], "按步衰减比按 epoch 衰减快得多"
# --8<-- [end:time-based]

# --8<-- [start:keras2-decay]
# 逐步核对：Keras 2 的 SGD(lr=0.1, decay=0.01) 第 t 次更新用 lr / (1 + decay * t)（t 从 0 数）
lr0, decay = 0.1, 0.01
optimizer = keras.optimizers.SGD(
    learning_rate=schedules.InverseTimeDecay(lr0, decay_steps=1, decay_rate=decay)  # 每步衰减一次
)
w = keras.Variable(0.0)
for t in [0, 1, 2, 3, 4, 5, 100, 1000]:
    optimizer.iterations.assign(t)  # 直接跳到第 t 次更新
    before = float(w)
    optimizer.apply_gradients([(keras.ops.ones(()), w)])  # 梯度恒为 1：这一步走的距离就是学习率
    used = before - float(w)
    keras2 = lr0 / (1 + decay * t)  # Keras 2 源码里的公式
    print(f"t={t:4d}  Keras 3 这一步的学习率 {used:.6f}   Keras 2 的公式 {keras2:.6f}")
    assert np.isclose(used, keras2, rtol=1e-5)
# --8<-- [end:keras2-decay]

# --8<-- [start:step-decay]
import math

initial_lrate, drop, epochs_drop = 0.1, 0.5, 10.0


def step_decay(epoch):
    """原笔记 LearningRateScheduler 用的函数（代码里是 1 + epoch）。"""
    return initial_lrate * math.pow(drop, math.floor((1 + epoch) / epochs_drop))


notes_code = np.array([step_decay(e) for e in epoch])
notes_text = initial_lrate * drop ** np.floor(epoch / epochs_drop)  # 笔记正文里的公式

# 正文公式：每 10 个 epoch 乘一次 0.5，正好是阶梯状的 ExponentialDecay
exp_stair = schedules.ExponentialDecay(
    initial_lrate, decay_steps=10 * steps_per_epoch, decay_rate=drop, staircase=True
)
assert np.allclose(lr_at(exp_stair, first_step), notes_text)

# 代码里的 (1 + epoch) 让第一次下降提前一轮：用分段常数写出同样的边界
drops_at = [9, 19, 29, 39, 49]  # 学习率在这些 epoch 开始时下降
piecewise_code = schedules.PiecewiseConstantDecay(
    boundaries=[e * steps_per_epoch - 1 for e in drops_at],  # step <= 边界时取前一个值
    values=[initial_lrate * drop**k for k in range(len(drops_at) + 1)],
)
assert np.allclose(lr_at(piecewise_code, first_step), notes_code)

changes_code = [int(e) for e in epoch[1:][np.diff(notes_code) != 0]]
changes_text = [int(e) for e in epoch[1:][np.diff(notes_text) != 0]]
print("笔记代码 (1+epoch)/10：学习率在 epoch", changes_code, "开始下降")
print("笔记正文 epoch/10    ：学习率在 epoch", changes_text, "开始下降")
assert changes_code == drops_at and changes_text == [10, 20, 30, 40]
# --8<-- [end:step-decay]

# --8<-- [start:exponential]
# 平滑的指数衰减：lr0 * rate^(step / decay_steps)，每一步都在变
exponential = schedules.ExponentialDecay(0.1, decay_steps=steps_per_epoch, decay_rate=0.9)
keras_exp = lr_at(exponential, step)
assert np.allclose(keras_exp, 0.1 * 0.9 ** (step / steps_per_epoch))
print(f"第 10 步: {keras_exp[1]:.6f}  （一个 epoch 内也在下降）")
print(f"epoch 10 开头: {float(exponential(10 * steps_per_epoch)):.5f} = 0.1 * 0.9**10")
# --8<-- [end:exponential]

# --8<-- [start:piecewise]
# 分段常数：前 20 个 epoch 0.1，接着 15 个 epoch 0.01，之后 0.001
piecewise = schedules.PiecewiseConstantDecay(
    boundaries=[20 * steps_per_epoch - 1, 35 * steps_per_epoch - 1], values=[0.1, 0.01, 0.001]
)
formula = np.select([epoch < 20, epoch < 35], [0.1, 0.01], 0.001)
assert np.allclose(lr_at(piecewise, first_step), formula)
print("epoch 19, 20, 34, 35:", lr_at(piecewise, first_step[[19, 20, 34, 35]]).round(4))
# --8<-- [end:piecewise]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

panels = [
    ("time-based", "InverseTimeDecay", time_based, notes_time, "lr0/(1+decay*epoch)"),
    ("step decay", "PiecewiseConstantDecay", piecewise_code, notes_code, "notes' step_decay(epoch)"),
    ("exponential", "ExponentialDecay", exponential, 0.1 * 0.9**epoch, "0.1*0.9**epoch"),
    ("piecewise", "PiecewiseConstantDecay", piecewise, formula, "0.1 / 0.01 / 0.001"),
]
fig, axes = plt.subplots(2, 2, figsize=(8, 5), sharex=True)
for ax, (title, name, schedule, by_formula, label) in zip(axes.flat, panels, strict=True):
    ax.set_title(title, fontsize=9)
    ax.plot(step / steps_per_epoch, lr_at(schedule, step), label=f"Keras {name}")
    ax.plot(epoch, by_formula, "o", markersize=3, label=label)
    ax.set_ylabel("learning rate")
    ax.legend(fontsize=7)
for ax in axes[1]:
    ax.set_xlabel("epoch (= step / steps_per_epoch)")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]
