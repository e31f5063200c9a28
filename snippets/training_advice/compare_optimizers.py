"""同一个小任务、同样的初始权重、同样的 epoch 数，比较几种优化器的训练损失。"""

# --8<-- [start:data]
import keras
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data[:1000] / 16.0).astype("float32")  # 1000 张 8×8 手写数字
y = digits.target[:1000]
initial = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
print("x:", x.shape, " 参数量:", initial.count_params())
# --8<-- [end:data]

# --8<-- [start:compare]
candidates = {
    "SGD": keras.optimizers.SGD(),
    "RMSprop": keras.optimizers.RMSprop(),
    "Adam": keras.optimizers.Adam(),
    "Nadam": keras.optimizers.Nadam(),
    "Adadelta": keras.optimizers.Adadelta(),
    "Adadelta lr=1.0": keras.optimizers.Adadelta(learning_rate=1.0),
}
curves = {}
for name, optimizer in candidates.items():
    model = keras.models.clone_model(initial)
    model.set_weights(initial.get_weights())  # 每个优化器都从同一组初始权重出发
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    curves[name] = model.fit(x, y, batch_size=50, epochs=5, verbose=0).history["loss"]
    lr = float(optimizer.learning_rate)
    print(f"{name:17s} learning_rate={lr:<6g} loss: {curves[name][0]:.3f} -> {curves[name][-1]:.3f}")
# --8<-- [end:compare]

# --8<-- [start:checks]
final = {name: values[-1] for name, values in curves.items()}
for name, values in curves.items():
    if name != "Adadelta":
        assert values[-1] < values[0] - 0.1, f"{name} 应让损失明显下降"
for name in ["RMSprop", "Adam", "Nadam", "Adadelta lr=1.0"]:
    assert final[name] < final["SGD"], f"{name} 在默认学习率下应比普通 SGD 收敛得快"

# Nadam 并不比 Adam 明显更好：两者的差距远小于它们与普通 SGD 的差距
assert abs(final["Nadam"] - final["Adam"]) < 0.25 * (final["SGD"] - final["Adam"])

# Keras 3 的 Adadelta 默认学习率是 0.001（独立 Keras ≤ 2.3 是 1.0，tf.keras 2.x 已是 0.001）：几乎不动
assert abs(float(candidates["Adadelta"].learning_rate) - 0.001) < 1e-9
assert final["Adadelta"] > 0.95 * curves["Adadelta"][0], "默认学习率的 Adadelta 几乎没有进展"
assert final["Adadelta lr=1.0"] < 0.5 * final["Adadelta"], "学习率设回 1.0 才和其他方法可比"
# --8<-- [end:checks]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

plt.figure(figsize=(6, 3.5))
for name, values in curves.items():
    plt.plot(range(1, len(values) + 1), values, marker="o", markersize=3, label=name)
plt.xlabel("epoch")
plt.ylabel("training loss")
plt.yscale("log")
plt.legend(fontsize=7)
plt.tight_layout()
plt.show()
# --8<-- [end:plot]
