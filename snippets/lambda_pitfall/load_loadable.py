"""Lambda 层的坑 6：在新进程里加载这两种 Lambda：各自需要什么。"""
# harness: requires=save_loadable.py

# --8<-- [start:named]
import keras
import numpy as np

x = np.load("loadable_x.npy")

try:
    keras.models.load_model("lambda_named.keras")  # 这个进程里还没有 resize_to
except TypeError as error:
    message = str(error).split("Exception encountered:")[-1].split(" Full object config")[0].strip()
    print(f"TypeError: ... {message}")
else:
    raise AssertionError("没有 resize_to 居然能加载")
assert "Could not locate function 'resize_to'" in message


def resize_to(image, height, width):  # 与保存时相同的函数（实际项目里 import 同一个模块）
    return keras.ops.image.resize(image, (height, width))


model = keras.models.load_model(
    "lambda_named.keras", custom_objects={"resize_to": resize_to}
)  # safe_mode 保持默认
gap = np.abs(model.predict(x, verbose=0) - np.load("named_pred.npy")).max()
print(f"custom_objects + 默认 safe_mode：加载成功，输出 {model.output_shape}，与保存前相差 {gap:.2e}")
assert model.output_shape == (None, 32, 32, 4) and gap < 1e-5
# --8<-- [end:named]

# --8<-- [start:no-globals]
import re

try:
    keras.models.load_model("lambda_no_globals.keras")  # 只要是 lambda，默认就被拒绝
except ValueError as error:
    message = re.sub(r"\x1b\[[0-9;]*m", "", str(error))
    print(f"ValueError: {message[:96]}...")
else:
    raise AssertionError("默认设置下居然加载了 lambda")
assert "safe_mode=False" in message

model = keras.models.load_model("lambda_no_globals.keras", safe_mode=False)  # 文件是自己刚生成的，才这样做
gap = np.abs(model.predict(x, verbose=0) - np.load("no_globals_pred.npy")).max()
print(f"safe_mode=False：加载成功，与保存前相差 {gap:.2e}")
assert gap < 1e-6
# --8<-- [end:no-globals]
