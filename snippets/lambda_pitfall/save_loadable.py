"""Lambda 层的坑 5：两种加载得回来的 Lambda：有名字的函数、不引用全局名字的 lambda。"""

# --8<-- [start:save]
import base64
import json
import marshal
import zipfile

import keras
import numpy as np

H, W = 32, 32


def resize_to(image, height, width):
    """有名字的模块级函数：文件里只记它的名字，尺寸通过 arguments 传入。"""
    return keras.ops.image.resize(image, (height, width))


inputs = keras.Input(shape=(16, 16, 3))
features = keras.layers.Conv2D(4, 3, padding="same")(inputs)
named = keras.Model(
    inputs,
    keras.layers.Lambda(resize_to, output_shape=(H, W, 4), arguments={"height": H, "width": W})(features),
)
# 只用参数、不引用 keras、np 这类全局名字的 lambda；要用的数值通过 arguments 传入
no_globals = keras.Model(
    inputs, keras.layers.Lambda(lambda x, factor: x * factor, arguments={"factor": 0.5})(features)
)

x = np.random.default_rng(0).random((2, 16, 16, 3)).astype("float32")
np.save("loadable_x.npy", x)
np.save("named_pred.npy", named.predict(x, verbose=0))
np.save("no_globals_pred.npy", no_globals.predict(x, verbose=0))
named.save("lambda_named.keras")
no_globals.save("lambda_no_globals.keras")


def lambda_function_config(path):
    with zipfile.ZipFile(path) as archive:
        layers = json.loads(archive.read("config.json"))["config"]["layers"]
    return next(layer for layer in layers if layer["class_name"] == "Lambda")["config"]["function"]


stored = lambda_function_config("lambda_named.keras")
print("有名字的函数存成:", {key: stored[key] for key in ("class_name", "config")})
stored = lambda_function_config("lambda_no_globals.keras")
code = marshal.loads(base64.b64decode(stored["config"]["code"]))
print("lambda 存成:", stored["class_name"], " 字节码要用到的全局名字:", code.co_names)
assert lambda_function_config("lambda_named.keras")["config"] == "resize_to"
assert stored["class_name"] == "__lambda__" and code.co_names == ()
# --8<-- [end:save]
