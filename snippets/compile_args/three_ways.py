"""compile 的三个参数：字符串、对象、函数三种写法，以及 keras.*.get 如何把字符串变成对象。"""

# --8<-- [start:data]
import keras
import numpy as np
from sklearn.datasets import load_iris

iris = load_iris()
x = ((iris.data - iris.data.mean(axis=0)) / iris.data.std(axis=0)).astype("float32")
y = iris.target  # 150 朵鸢尾花，3 类，标签是整数 0/1/2
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])
# --8<-- [end:data]

# --8<-- [start:three-ways]
ways = {
    "字符串": dict(
        loss="sparse_categorical_crossentropy",
        optimizer="sgd",
        metrics=["accuracy"],
    ),
    "对象": dict(
        loss=keras.losses.SparseCategoricalCrossentropy(),
        optimizer=keras.optimizers.SGD(learning_rate=0.01),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    ),
    "函数": dict(
        loss=keras.losses.sparse_categorical_crossentropy,
        optimizer=keras.optimizers.SGD(),
        metrics=[keras.metrics.sparse_categorical_accuracy],
    ),
}
results = {}
for name, kwargs in ways.items():
    model.compile(**kwargs)  # 重新 compile 不会改动权重
    results[name] = model.evaluate(x, y, verbose=0)
    print(f"{name}: loss = {results[name][0]:.5f}   accuracy = {results[name][1]:.4f}")
assert np.allclose(results["字符串"], results["对象"]) and np.allclose(results["字符串"], results["函数"])
# --8<-- [end:three-ways]

# --8<-- [start:get]
loss = keras.losses.get("categorical_crossentropy")
print("losses.get('categorical_crossentropy') ->", type(loss).__name__, loss.__name__)
assert loss is keras.losses.categorical_crossentropy

for name in ["sgd", "adam"]:
    optimizer = keras.optimizers.get(name)
    lr = float(optimizer.learning_rate)
    print(f"optimizers.get({name!r}) -> {type(optimizer).__name__}(learning_rate={lr:g})")
assert isinstance(keras.optimizers.get("sgd"), keras.optimizers.SGD)
assert abs(float(keras.optimizers.get("sgd").learning_rate) - 0.01) < 1e-9
assert abs(float(keras.optimizers.get("adam").learning_rate) - 0.001) < 1e-9

config = {"class_name": "SGD", "config": {"learning_rate": 0.1, "momentum": 0.9}}
from_dict = keras.optimizers.get(config)
print("optimizers.get(dict) ->", type(from_dict).__name__, f"momentum={from_dict.momentum}")
assert from_dict.momentum == 0.9

metric = keras.metrics.get("accuracy")
print("metrics.get('accuracy') ->", type(metric).__name__)
assert isinstance(metric, keras.metrics.Accuracy)

own = keras.optimizers.Adam(learning_rate=3e-4)
assert keras.optimizers.get(own) is own, "传入对象时原样返回"
assert keras.losses.get(keras.losses.mean_squared_error) is keras.losses.mean_squared_error, (
    "传入函数时原样返回"
)
# --8<-- [end:get]

# --8<-- [start:accuracy-string]
# metrics.get("accuracy") 是逐元素比较的 Accuracy；compile 里的 "accuracy" 却会按损失换成合适的版本
model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd", metrics=["accuracy", "acc"])
model.evaluate(x, y, verbose=0)
compiled = model.metrics[-1].metrics  # compile 时生成的指标对象
print("compile 里的 'accuracy'、'acc' ->", [f"{type(m).__name__}(name={m.name!r})" for m in compiled])
assert all(isinstance(m, keras.metrics.SparseCategoricalAccuracy) for m in compiled)

# 真的拿 Accuracy 去比较 one-hot 标签和 softmax 概率：没有一个元素恰好相等
elementwise = keras.metrics.Accuracy(name="elementwise")
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=[elementwise, "accuracy"])
scores = model.evaluate(x, keras.utils.to_categorical(y, 3), verbose=0, return_dict=True)
print(f"Accuracy 对象: {scores['elementwise']:.4f}   compile 的 'accuracy': {scores['accuracy']:.4f}")
assert scores["elementwise"] == 0.0

try:
    keras.metrics.get("acc")
except ValueError as error:
    print(f"metrics.get('acc') -> ValueError: {error}")
else:
    raise AssertionError("metrics.get('acc') 没有报错")
# --8<-- [end:accuracy-string]
