"""原笔记中的 Keras 2 写法，今天在 Keras 3 里各自会发生什么，以及现在的写法。"""

# --8<-- [start:np-utils]
import keras

try:
    from keras.utils import np_utils  # noqa: F401  Keras 2 的写法
except ImportError as error:
    message = str(error)
    print(f"ImportError: {message}")
else:
    raise AssertionError("旧写法没有报错")
assert "np_utils" in message

# 现在：to_categorical 直接在 keras.utils 下
print(keras.utils.to_categorical([0, 2], num_classes=3))
# --8<-- [end:np-utils]

# --8<-- [start:dense-output-dim]
try:
    keras.layers.Dense(output_dim=1, input_dim=1)  # Keras 1 的写法
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("旧写法没有报错")
assert "units" in message

# 现在：第一个参数是 units，输入形状交给 keras.Input
layer = keras.layers.Dense(1)
print(keras.Sequential([keras.Input(shape=(1,)), layer]).output_shape)
# --8<-- [end:dense-output-dim]

# --8<-- [start:optimizer-lr]
try:
    keras.optimizers.RMSprop(lr=0.001)  # Keras 2 的写法
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("旧写法没有报错")
assert "lr" in message

# 现在：参数名是 learning_rate
optimizer = keras.optimizers.RMSprop(learning_rate=0.001)
print("learning_rate =", float(optimizer.learning_rate))
# --8<-- [end:optimizer-lr]
