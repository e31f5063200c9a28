# 常见报错速查 8：只和 TensorFlow 有关的保存与加载报错。
# harness: backends=tensorflow -- SavedModel 是 TensorFlow 的格式；原笔记的 Lambda 调用的是 tf.image.resize

# --8<-- [start:load-saved-model]
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
model.export("exported_model", verbose=False)  # 一个 SavedModel 目录（tf.keras 2.x 的 model.save 存的就是它）
try:
    keras.models.load_model("exported_model")
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("load_model 居然读了 SavedModel")
print(text)
assert text == (
    "ValueError: File format not supported: filepath=exported_model. Keras 3 only supports V3 `.keras` "
    "files, legacy H5 format files (`.h5` extension). Note that the legacy SavedModel format is not "
    "supported by `load_model()` in Keras 3. In order to reload a TensorFlow SavedModel as an inference-only "
    "layer in Keras 3, use `keras.layers.TFSMLayer(exported_model, call_endpoint='serving_default')` (note "
    "that your `call_endpoint` might have a different name)."
)
layer = keras.layers.TFSMLayer("exported_model", call_endpoint="serve")  # 今天的写法（只能推理）
print("今天的写法，TFSMLayer 输出形状:", tuple(layer(keras.ops.ones((1, 3))).shape))
# --8<-- [end:load-saved-model]

# --8<-- [start:lambda-name-tf]
import keras
import tensorflow as tf

H, W = 32, 32
inputs = keras.Input(shape=(16, 16, 3))
outputs = keras.layers.Lambda(lambda image: tf.image.resize(image, (H, W)))(inputs)  # 原笔记的写法
keras.Model(inputs, outputs).save("resize_lambda.keras")
try:
    keras.models.load_model("resize_lambda.keras", safe_mode=False)
except NotImplementedError as error:
    chain, cause = [], error
    while cause is not None:  # 顺着异常链往下找，最底下才是真正的原因
        chain.append(f"{type(cause).__name__}: {cause}")
        cause = cause.__context__
else:
    raise AssertionError("safe_mode=False 居然加载成功了")
for text in reversed(chain):  # 按 Python 打印 traceback 的顺序：先是最初的异常
    print(text.strip().splitlines()[0])
assert chain[-1] == "NameError: name 'tf' is not defined"

model = keras.Sequential([keras.Input(shape=(16, 16, 3)), keras.layers.Resizing(H, W)])  # 今天的写法
model.save("resize_layer.keras")
print("今天的写法，Resizing 层加载后的输出形状:", keras.models.load_model("resize_layer.keras").output_shape)
# --8<-- [end:lambda-name-tf]
