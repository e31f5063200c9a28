"""SGD 的动量与 Nesterov 动量：同一个小问题上比较收敛速度。"""

# --8<-- [start:data]
import keras
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data / 16.0).astype("float32")  # 1797 张 8×8 手写数字，拉平成 64 维
y = digits.target
print("x:", x.shape, " y:", y.shape)
# --8<-- [end:data]

# --8<-- [start:train]
variants = {
    "SGD": keras.optimizers.SGD(learning_rate=0.01),
    "SGD + momentum": keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
    "SGD + Nesterov": keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True),
    "RMSprop": keras.optimizers.RMSprop(),  # 默认学习率 0.001
    "Adam": keras.optimizers.Adam(),  # 默认学习率 0.001
}
initial = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10)]
)
losses, accuracies = {}, {}
for name, optimizer in variants.items():
    model = keras.models.clone_model(initial)
    model.set_weights(initial.get_weights())  # 所有模型从同一组初始权重出发
    model.compile(
        optimizer=optimizer,
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    history = model.fit(x, y, batch_size=128, epochs=8, verbose=0)
    losses[name] = history.history["loss"]
    accuracies[name] = history.history["accuracy"][-1]
    print(
        f"{name:15s} loss: {losses[name][0]:.3f} -> {losses[name][-1]:.3f}   accuracy: {accuracies[name]:.3f}"
    )

plain, momentum, nesterov = (losses[k][-1] for k in ["SGD", "SGD + momentum", "SGD + Nesterov"])
ranking = sorted(variants, key=lambda k: losses[k][-1])
print("最终损失从低到高:", " < ".join(ranking))
assert momentum < 0.5 * plain, "动量 0.9 时 8 个 epoch 后的损失应明显低于普通 SGD"
assert nesterov < 0.5 * plain, "Nesterov 动量同样应明显快于普通 SGD"
for name in ["SGD + momentum", "SGD + Nesterov"]:
    assert accuracies[name] > accuracies["SGD"] + 0.1, "动量版本的训练准确率更高"
assert abs(momentum - nesterov) < 0.25 * (plain - momentum), "两种动量的差别远小于它们与普通 SGD 的差别"
assert ranking[-1] == "SGD", "不带动量、学习率 0.01 的 SGD 最慢"
for name in ["RMSprop", "Adam"]:  # 默认学习率 0.001 的两种自适应方法居中
    assert max(momentum, nesterov) < losses[name][-1] < 0.8 * plain, "排在两种动量 SGD 与普通 SGD 之间"
# --8<-- [end:train]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

plt.figure(figsize=(6, 3.5))
for name, values in losses.items():
    plt.plot(range(1, len(values) + 1), values, marker="o", markersize=3, label=name)
plt.xlabel("epoch")
plt.ylabel("training loss")
plt.yscale("log")
plt.legend()
plt.tight_layout()
plt.show()
# --8<-- [end:plot]

# --8<-- [start:step-size]
# 梯度恒为 1 时，动量 m 的 SGD 每一步走多远？
w = keras.Variable(0.0)
for m in (0.5, 0.9):
    w.assign(0.0)
    optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=m)
    for _ in range(80):
        before = float(w)
        optimizer.apply_gradients([(keras.ops.ones(()), w)])
    step = before - float(w)
    print(f"momentum={m}: 第 80 步的步长 = 学习率 × {step / 0.01:.2f}   1/(1-m) = {1 / (1 - m):.2f}")
    assert abs(step / 0.01 - 1 / (1 - m)) < 0.01
# --8<-- [end:step-size]
