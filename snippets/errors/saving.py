# 常见报错速查 7：保存与加载。每一段都先用代码把要加载的文件做出来，再触发报错。

# --8<-- [start:save-weights-name]
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
try:
    model.save_weights("my_model_weights.h5")  # 原笔记的文件名
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ValueError: The filename must end in `.weights.h5`. Received: filepath=my_model_weights.h5"
model.save_weights("my_model.weights.h5")  # 今天的写法
print("今天的写法：已保存 my_model.weights.h5")
# --8<-- [end:save-weights-name]

# --8<-- [start:save-no-suffix]
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
try:
    model.save("my_model")  # tf.keras 2.x：没有后缀就存成 SavedModel 目录
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == (
    "ValueError: Invalid filepath extension for saving. Please add either a `.keras` extension for the "
    "native Keras format (recommended) or a `.h5` extension. Use `model.export(filepath)` if you want to "
    "export a SavedModel for use with TFLite/TFServing/etc. Received: filepath=my_model."
)
model.save("my_model.keras")  # 今天的写法
print("今天的写法：已保存 my_model.keras")
# --8<-- [end:save-no-suffix]

# --8<-- [start:to-yaml]
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
try:
    model.to_yaml()  # Keras 2 的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: 'Sequential' object has no attribute 'to_yaml'"
rebuilt = keras.models.model_from_json(model.to_json())  # 今天的写法：JSON
print("今天的写法:", type(rebuilt).__name__, rebuilt.output_shape)
# --8<-- [end:to-yaml]

# --8<-- [start:load-h5-mse]
import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.save("mse_model.h5")  # 原笔记的格式（会提示 legacy）
try:
    keras.models.load_model("mse_model.h5")
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("这个 .h5 居然能直接加载")
print(text)
assert text == (
    "ValueError: Could not deserialize 'keras.metrics.mse' because it is not a KerasSaveable subclass"
)

restored = keras.models.load_model("mse_model.h5", compile=False)  # 跳过训练配置
x = np.ones((1, 3), dtype="float32")
same = np.allclose(restored.predict(x, verbose=0), model.predict(x, verbose=0))
print("compile=False：已编译", restored.compiled, "，预测与原模型相同", same)
assert same and not restored.compiled
# --8<-- [end:load-h5-mse]

# --8<-- [start:load-weights-by-name]
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
model.save_weights("old.weights.h5")
try:
    model.load_weights("old.weights.h5", by_name=True)  # Keras 2 的参数
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == (
    "ValueError: `by_name` only supports loading legacy '.h5' or '.hdf5' files. Received: old.weights.h5"
)
model.load_weights("old.weights.h5", skip_mismatch=True)  # 今天的写法
print("今天的写法：skip_mismatch=True 加载成功")
# --8<-- [end:load-weights-by-name]

# --8<-- [start:unknown-custom-layer]
import keras


class Scale(keras.layers.Layer):  # 一个没有注册的自定义层
    def call(self, inputs):
        return inputs * 2.0


keras.Sequential([keras.Input(shape=(3,)), Scale()]).save("scale_model.keras")
try:
    keras.models.load_model("scale_model.keras")  # 没有告诉 Keras “Scale” 是哪段代码
except TypeError as error:
    outer, inner = f"{type(error).__name__}: {error}", error.__context__
    text = f"{type(inner).__name__}: {inner}"
else:
    raise AssertionError("没给 custom_objects 居然能加载")
print(outer.splitlines()[0])
print("  ↳", text.split(" Full object config")[0])  # 后面是这个层的完整配置
assert outer.startswith(
    "TypeError: <class 'keras.src.models.sequential.Sequential'> could not be deserialized properly."
)
assert text.startswith(
    "TypeError: Could not locate class 'Scale'. Make sure custom classes and functions are decorated with "
    "`@keras.saving.register_keras_serializable()`."
)
model = keras.models.load_model("scale_model.keras", custom_objects={"Scale": Scale})  # 今天的写法之一
print("今天的写法：custom_objects 之后加载成功", [type(layer).__name__ for layer in model.layers])
# --8<-- [end:unknown-custom-layer]

# --8<-- [start:lambda-safe-mode]
import keras

inputs = keras.Input(shape=(4,))
outputs = keras.layers.Lambda(lambda t: keras.ops.square(t))(inputs)
keras.Model(inputs, outputs).save("square_lambda.keras")
try:
    keras.models.load_model("square_lambda.keras")  # 默认 safe_mode=True
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("默认设置下居然加载了 lambda")
print(text)
assert text == (
    "ValueError: Requested the deserialization of a `Lambda` layer whose `function` is a Python lambda. "
    "This carries a potential risk of arbitrary code execution and thus it is disallowed by default. If you "
    "trust the source of the artifact, you can override this error by passing `safe_mode=False` to the "
    "loading function, or calling `keras.config.enable_unsafe_deserialization()."
)
# --8<-- [end:lambda-safe-mode]

# --8<-- [start:str-decode]
import h5py
import keras

keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)]).save("old_format.h5")
with h5py.File("old_format.h5", "r") as f:
    model_config = f.attrs["model_config"]  # h5py 3.0 起，字符串属性读出来就是 str
print("h5py 读出的 model_config 是", type(model_config).__name__)
try:
    model_config.decode("utf-8")  # 2020 年以前的 Keras 读 .h5 时，执行的就是这一行
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("str 居然有 decode")
print(text)
assert text == "AttributeError: 'str' object has no attribute 'decode'"
model = keras.models.load_model("old_format.h5")  # 今天的 Keras 先检查类型，同一个文件正常加载
print("今天的 Keras 加载同一个文件:", type(model).__name__, model.output_shape)
# --8<-- [end:str-decode]
