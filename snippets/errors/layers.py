# 常见报错速查 4：Keras 1/2 的层参数和建模写法，在 Keras 3.15.1 里报什么错。

# --8<-- [start:dense-output-dim]
import keras

try:
    keras.layers.Dense(output_dim=1, input_dim=1)  # Keras 1 的写法
except TypeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "TypeError: Dense.__init__() missing 1 required positional argument: 'units'"
model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])  # 今天的写法
print("今天的写法，输出形状:", model.output_shape)
# --8<-- [end:dense-output-dim]

# --8<-- [start:dense-init]
import keras

try:
    keras.layers.Dense(64, init="uniform")  # Keras 1 的参数名
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ValueError: Unrecognized keyword arguments passed to Dense: {'init': 'uniform'}"
dense = keras.layers.Dense(64, kernel_initializer="uniform")  # 今天的写法
print("今天的写法:", type(dense.kernel_initializer).__name__)
# --8<-- [end:dense-init]

# --8<-- [start:conv-border-mode]
import keras

try:
    keras.layers.Convolution2D(64, 3, 3, border_mode="same")  # Keras 1 的写法
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ValueError: Unrecognized keyword arguments passed to Conv2D: {'border_mode': 'same'}"
conv = keras.layers.Conv2D(64, (3, 3), padding="same")  # 今天的写法：核大小写成元组
print("今天的写法，输出形状:", conv.compute_output_shape((None, 32, 32, 3)))
# --8<-- [end:conv-border-mode]

# --8<-- [start:batchnorm-old-args]
import keras

try:
    keras.layers.BatchNormalization(
        epsilon=1e-06, mode=0, axis=-1, momentum=0.9, weights=None, beta_init="zero", gamma_init="one"
    )  # 原笔记引用的 Keras 1 签名
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == (
    "ValueError: Unrecognized keyword arguments passed to BatchNormalization: "
    "{'mode': 0, 'weights': None, 'beta_init': 'zero', 'gamma_init': 'one'}"
)
bn = keras.layers.BatchNormalization(  # 今天的写法
    epsilon=1e-06, axis=-1, momentum=0.9, beta_initializer="zeros", gamma_initializer="ones"
)
print("今天的写法:", type(bn).__name__, bn.momentum, bn.epsilon)
# --8<-- [end:batchnorm-old-args]

# --8<-- [start:model-input-output]
import keras

inputs = keras.Input(shape=(3,))
outputs = keras.layers.Dense(2)(inputs)
try:
    keras.Model(input=inputs, output=outputs)  # Keras 1 的单数参数名
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text.split(" <")[0], "...")  # 后面是两个 KerasTensor 的完整描述
assert text.startswith("ValueError: Unrecognized keyword arguments passed to Model: {'input': <KerasTensor ")
assert "'output': <KerasTensor " in text
model = keras.Model(inputs=inputs, outputs=outputs)  # 今天的写法
print("今天的写法，输出形状:", model.output_shape)
# --8<-- [end:model-input-output]
