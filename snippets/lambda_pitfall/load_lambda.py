"""Lambda 层的坑 2：在一个新进程里加载含 Lambda 的模型，看今天的 Keras 怎么说。"""
# harness: requires=save_lambda.py
# harness: backends=tensorflow -- 原笔记的 Lambda 调用的就是 tf.image.resize

# --8<-- [start:inspect]
import base64
import json
import marshal
import zipfile

with zipfile.ZipFile("resize_lambda.keras") as archive:
    layers = json.loads(archive.read("config.json"))["config"]["layers"]
lambda_config = next(layer for layer in layers if layer["class_name"] == "Lambda")
function = lambda_config["config"]["function"]
print(
    "function 存成了:",
    function["class_name"],
    "，code 是",
    len(function["config"]["code"]),
    "个字符的 base64",
)
code = marshal.loads(base64.b64decode(function["config"]["code"]))  # Python 字节码
print("这段字节码要用到的全局名字:", code.co_names)
assert function["class_name"] == "__lambda__" and {"tf", "H", "W"} <= set(code.co_names)
# --8<-- [end:inspect]

# --8<-- [start:safe-mode]
import re

import keras


def plain(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", str(text))  # 去掉终端加粗用的控制字符


try:
    keras.models.load_model("resize_lambda.keras")
except ValueError as error:
    message = plain(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("默认设置下居然加载了 lambda")
assert "safe_mode=False" in message and "arbitrary code execution" in message
# --8<-- [end:safe-mode]

# --8<-- [start:custom-objects]
import tensorflow as tf

H, W = 32, 32
try:
    keras.models.load_model("resize_lambda.keras", custom_objects={"tf": tf, "H": H, "W": W})  # 原笔记的办法
except ValueError as error:
    message = plain(error)
    print(f"ValueError: {message[:80]}...")
else:
    raise AssertionError("custom_objects 居然绕过了 safe_mode")
assert "safe_mode=False" in message
# --8<-- [end:custom-objects]

# --8<-- [start:unsafe]
try:
    keras.models.load_model("resize_lambda.keras", safe_mode=False, custom_objects={"tf": tf, "H": H, "W": W})
except NotImplementedError as error:
    outer = error
else:
    raise AssertionError("safe_mode=False 居然加载成功了")
chain = []
cause = outer.__context__
while cause is not None:  # 顺着异常链往下找真正的原因
    chain.append(f"{type(cause).__name__}: {plain(cause)}")
    cause = cause.__context__
print("\n  ↳ ".join(chain))
assert "NameError: name 'tf' is not defined" in chain
# --8<-- [end:unsafe]

# --8<-- [start:unsafe-shape]
import numpy as np

model = keras.models.load_model(
    "resize_lambda_shape.keras", safe_mode=False, custom_objects={"tf": tf, "H": H, "W": W}
)
print("写明 output_shape 的模型加载成功，输出形状:", model.output_shape)
try:
    model.predict(np.load("x.npy"), verbose=0)
except NameError as error:
    message = plain(error)
    print(
        "predict →", "NameError:", [line for line in message.splitlines() if "not defined" in line][0].strip()
    )
else:
    raise AssertionError("predict 居然成功了")
assert "name 'tf' is not defined" in message
# --8<-- [end:unsafe-shape]
