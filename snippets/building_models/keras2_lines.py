"""三种建模方式：原笔记里的旧写法在 Keras 3 中的结果。"""

# --8<-- [start:model-input-output]
import keras

inputs = keras.Input(shape=(4,))
outputs = keras.layers.Dense(3)(inputs)
try:
    model = keras.Model(input=inputs, output=outputs)  # 原笔记的写法：input= / output=
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("Model(input=, output=) 没有报错")
assert "Unrecognized keyword arguments" in message and "'input'" in message and "'output'" in message

model = keras.Model(inputs=inputs, outputs=outputs)  # 今天：inputs= / outputs=（复数）
print("inputs= / outputs= 可以：", model.output.shape)
# --8<-- [end:model-input-output]

# --8<-- [start:input-shape]
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # 同一条警告也每次都记录
    old_style = keras.Sequential([keras.layers.Dense(3, input_shape=(4,))])  # Keras 2 习惯
    older_style = keras.Sequential([keras.layers.Dense(3, input_dim=4)])  # 原笔记回归例子的写法
user_warnings = [w for w in caught if issubclass(w.category, UserWarning)]
for w in user_warnings:
    print(f"{w.category.__name__}: {w.message}")
print("模型照样建好了:", old_style.output_shape, older_style.output_shape)
assert len([w for w in user_warnings if "input_shape" in str(w.message)]) == 2, "两种旧写法各有一条警告"
assert old_style.output_shape == older_style.output_shape == (None, 3)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    new_style = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])  # 推荐写法
assert not [w for w in caught if "input_shape" in str(w.message)], "用 keras.Input 不应有警告"
assert new_style.count_params() == old_style.count_params() == older_style.count_params() == 15
# --8<-- [end:input-shape]
