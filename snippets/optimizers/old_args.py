"""原笔记里 SGD(lr=..., decay=...) 的写法，在 Keras 3 里分别会怎样。"""

# --8<-- [start:lr]
import keras

try:
    keras.optimizers.SGD(lr=0.01, momentum=0.9, nesterov=True)  # Keras 2 写法
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("旧参数名 lr 没有报错")
assert "lr" in message and "not recognized" in message

sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)  # 今天的写法
print("learning_rate =", round(float(sgd.learning_rate), 6))
assert abs(float(sgd.learning_rate) - 0.01) < 1e-9
# --8<-- [end:lr]

# --8<-- [start:decay]
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old = keras.optimizers.SGD(learning_rate=0.1, decay=0.5)  # Keras 2 写法：没有报错……
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
assert any("decay" in str(w.message) and "ignored" in str(w.message) for w in caught)
config = old.get_config()
print("config 里有 decay:", "decay" in config, "  有 weight_decay:", "weight_decay" in config)
assert "decay" not in config, "decay 没有进入优化器配置"
assert config["weight_decay"] is None, "weight_decay 是另一个参数（权重衰减），默认不启用"
# --8<-- [end:decay]

# --8<-- [start:decay-proof]
import numpy as np

x = np.random.rand(64, 3).astype("float32")
y = x @ np.array([[1.0], [-2.0], [0.5]], dtype="float32")


def train(optimizer):
    keras.utils.set_random_seed(0)  # 两个模型从同一组初始权重出发
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer=optimizer, loss="mse")
    model.fit(x, y, batch_size=8, epochs=5, shuffle=False, verbose=0)
    return model


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    with_decay = train(keras.optimizers.SGD(learning_rate=0.1, decay=0.5))
without_decay = train(keras.optimizers.SGD(learning_rate=0.1))

print("优化器已更新次数:", int(with_decay.optimizer.iterations))
print(f"训练后 learning_rate: {float(with_decay.optimizer.learning_rate):.4f}")
pairs = zip(with_decay.get_weights(), without_decay.get_weights(), strict=True)
same = all(np.array_equal(a, b) for a, b in pairs)
print("decay=0.5 与不设 decay 训练出的权重完全相同:", same)
assert same, "decay 被忽略，两次训练应得到完全相同的权重"
assert abs(float(with_decay.optimizer.learning_rate) - 0.1) < 1e-7, "学习率没有衰减"
# --8<-- [end:decay-proof]
