"""两种在训练中改变学习率的方式：LearningRateScheduler 回调（按 epoch）与调度器对象（按 step）。"""

# --8<-- [start:callback]
import math

import keras
import numpy as np

x = np.random.rand(64, 4).astype("float32")
y = x.sum(axis=1, keepdims=True)


def step_decay(epoch):
    """原笔记的阶梯衰减：epoch 从 0 开始计数。"""
    initial_lrate, drop, epochs_drop = 0.1, 0.5, 10.0
    return initial_lrate * math.pow(drop, math.floor((1 + epoch) / epochs_drop))


model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
# 和原笔记一样把初始学习率设成 0：每个 epoch 开始时回调都会覆盖它
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0, momentum=0.9), loss="mse")
history = model.fit(
    x,
    y,
    batch_size=32,
    epochs=20,
    callbacks=[keras.callbacks.LearningRateScheduler(step_decay)],
    verbose=0,
)
recorded = history.history["learning_rate"]  # 回调把每个 epoch 的学习率写进了 History
print("epoch 0~2  :", [round(v, 4) for v in recorded[:3]])
print("epoch 7~11 :", [round(v, 4) for v in recorded[7:12]])
print("epoch 18~19:", [round(v, 4) for v in recorded[18:]])
assert np.allclose(recorded, [step_decay(e) for e in range(20)])
assert history.history["loss"][-1] < history.history["loss"][0], "学习率不是 0，模型确实在学"
# --8<-- [end:callback]

# --8<-- [start:schedule-object]
steps_per_epoch = 4  # 64 个样本，batch_size=16
halve_each_epoch = keras.optimizers.schedules.ExponentialDecay(
    0.1, decay_steps=steps_per_epoch, decay_rate=0.5, staircase=True
)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=halve_each_epoch), loss="mse")
model.fit(x, y, batch_size=16, epochs=3, verbose=0)

iterations = int(model.optimizer.iterations)
current = float(model.optimizer.learning_rate)  # = 调度器(当前 step)
print(f"3 个 epoch 后 iterations = {iterations}，当前 learning_rate = {current:.4f}")
assert iterations == 3 * steps_per_epoch
assert math.isclose(current, 0.1 * 0.5**3, rel_tol=1e-6)
# --8<-- [end:schedule-object]

# --8<-- [start:no-mixing]
try:
    model.fit(x, y, epochs=1, callbacks=[keras.callbacks.LearningRateScheduler(step_decay)], verbose=0)
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("调度器对象与 LearningRateScheduler 同时使用没有报错")
assert "LearningRateSchedule" in message
# --8<-- [end:no-mixing]
