"""三种建模方式：Sequential、函数式 API、继承 keras.Model，搭同一个 4 → 16 → 3 的分类网络。"""

# --8<-- [start:sequential]
import keras
import numpy as np

sequential = keras.Sequential(
    [
        keras.Input(shape=(4,)),  # 输入形状交给 keras.Input
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ],
    name="seq",
)
sequential.summary()
# --8<-- [end:sequential]

# --8<-- [start:functional]
inputs = keras.Input(shape=(4,))
hidden = keras.layers.Dense(16, activation="relu")(inputs)  # 层像函数一样作用在张量上
outputs = keras.layers.Dense(3, activation="softmax")(hidden)
functional = keras.Model(inputs=inputs, outputs=outputs, name="func")
functional.summary()
# --8<-- [end:functional]


# --8<-- [start:subclass]
class TinyClassifier(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = keras.layers.Dense(16, activation="relu")  # 在 __init__ 里创建层
        self.out = keras.layers.Dense(3, activation="softmax")

    def call(self, x):  # 在 call 里写前向计算
        return self.out(self.hidden(x))


subclassed = TinyClassifier(name="sub")
subclassed(keras.Input(shape=(4,)))  # 子类模型不知道输入形状：先在一个输入上调用一次，层才会创建权重
subclassed.summary()
# --8<-- [end:subclass]

# --8<-- [start:build-pitfall]
import warnings

unbuilt = TinyClassifier()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    unbuilt.build((None, 4))  # 没有自己写 build() 的子类模型：只是被“标记”为已构建
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print("unbuilt.built =", unbuilt.built, "  hidden 层 built =", unbuilt.hidden.built)
assert unbuilt.built and not unbuilt.hidden.built and len(unbuilt.weights) == 0
assert any("does not have a `build()` method" in str(w.message) for w in caught)
# --8<-- [end:build-pitfall]

# --8<-- [start:compare]
x = np.random.default_rng(0).normal(size=(5, 4)).astype("float32")
models = [sequential, functional, subclassed]
for model in models:
    shape = model.predict(x, verbose=0).shape
    print(f"{model.name:5s}  参数量 {model.count_params()}  predict 输出形状 {shape}")
    assert model.count_params() == 4 * 16 + 16 + 16 * 3 + 3 == 131
    assert shape == (5, 3)

# 把 Sequential 的权重复制给另外两个：同样的权重，同样的输出
for model in models[1:]:
    model.set_weights(sequential.get_weights())
reference = sequential.predict(x, verbose=0)
for model in models[1:]:
    difference = np.abs(model.predict(x, verbose=0) - reference).max()
    print(f"{model.name} 与 seq 的最大差异: {difference:.1e}")
    assert difference < 1e-6
# --8<-- [end:compare]
