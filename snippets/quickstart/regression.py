"""快速上手 1：单个 Dense 层做线性回归，用 train_on_batch 手动循环训练。"""

# --8<-- [start:data]
import numpy as np

rng = np.random.default_rng(1337)
X = np.linspace(-1, 1, 200)
rng.shuffle(X)
Y = 0.5 * X + 2 + rng.normal(0, 0.05, (200,))  # 真实关系：Y = 0.5 X + 2，外加噪声

X_train, Y_train = X[:160], Y[:160]  # 前 160 个点训练
X_test, Y_test = X[160:], Y[160:]  # 后 40 个点测试
print("train:", X_train.shape, " test:", X_test.shape)
# --8<-- [end:data]

# --8<-- [start:model]
import keras

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.05))
model.summary()
# --8<-- [end:model]

# --8<-- [start:train]
for step in range(301):
    cost = model.train_on_batch(X_train, Y_train)  # 每次喂全部 160 个点
    if step % 100 == 0:
        print(f"step {step:3d}  train cost: {float(cost):.5f}")
# --8<-- [end:train]

# --8<-- [start:evaluate]
test_cost = model.evaluate(X_test, Y_test, batch_size=40, verbose=0)
W, b = model.layers[0].get_weights()
print(f"test cost: {test_cost:.5f}")
print(f"W = {W[0, 0]:.4f}   b = {b[0]:.4f}")

assert abs(W[0, 0] - 0.5) < 0.03, "W 应接近 0.5"
assert abs(b[0] - 2.0) < 0.03, "b 应接近 2"
assert test_cost < 0.005, "测试误差应接近噪声方差 0.0025"
# --8<-- [end:evaluate]

# --8<-- [start:default-lr]
slow = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
slow.compile(loss="mse", optimizer="sgd")  # 原笔记的写法：学习率默认 0.01
print(f"SGD 默认学习率: {float(slow.optimizer.learning_rate):.3g}")
for _ in range(301):
    slow.train_on_batch(X_train, Y_train)
W_slow, b_slow = slow.layers[0].get_weights()
print(f"301 步后  W = {W_slow[0, 0]:.4f}   b = {b_slow[0]:.4f}")
assert abs(W_slow[0, 0] - 0.5) > abs(W[0, 0] - 0.5), "学习率 0.01 时 W 收敛得更慢"
# --8<-- [end:default-lr]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

order = np.argsort(X_test)
Y_pred = model.predict(X_test[order], verbose=0)
plt.figure(figsize=(5, 3.5))
plt.scatter(X_train, Y_train, s=8, alpha=0.4, label="train")
plt.scatter(X_test, Y_test, s=14, label="test")
plt.plot(X_test[order], Y_pred, color="C3", linewidth=2, label="model")
plt.xlabel("X")
plt.ylabel("Y")
plt.legend()
plt.show()
# --8<-- [end:plot]
