"""tf_keras 12：TF_USE_LEGACY_KERAS=1——让 tf.keras 指向 tf_keras，原笔记里的 tf.keras 代码不用改。"""
# harness: fresh-process -- TF_USE_LEGACY_KERAS 必须在导入 TensorFlow 之前设置
# harness: requires=save_lambda.py
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2
# harness: timeout=300

# --8<-- [start:env]
import os

os.environ["TF_USE_LEGACY_KERAS"] = "1"  # 必须写在 import tensorflow 之前

import tensorflow as tf
import tf_keras

print("tf.keras.Sequential 来自:", tf.keras.Sequential.__module__)
assert tf.keras.Sequential is tf_keras.Sequential, "tf.keras 现在就是 tf_keras"

import keras

print("import keras 得到的仍是:", keras.__version__)
assert keras.__version__.startswith("3."), "环境变量只改 tf.keras，独立的 keras 包还是 Keras 3"
# --8<-- [end:env]

# --8<-- [start:notes-lines]
import numpy as np

try:
    m = tf.keras.models.load_model("1.h5", custom_objects={"tf": tf})  # 原笔记的第一次尝试
except NameError as error:
    print("NameError:", str(error).strip().splitlines()[2])
    assert "name 'H' is not defined" in str(error)
else:
    raise AssertionError("没有 H 居然也加载成功了")


def load_with(H, W):  # H、W 与训练时一致
    return tf.keras.models.load_model("1.h5", custom_objects={"tf": tf, "H": H, "W": W})  # 原笔记的解法


m = load_with(32, 32)
difference = np.abs(m.predict(np.load("x.npy"), verbose=0) - np.load("pred.npy")).max()
print(f"加载成功：{type(m).__module__}，预测相差 {difference:.1e}")
assert type(m).__module__.startswith("tf_keras.") and difference < 1e-6
# --8<-- [end:notes-lines]

# --8<-- [start:too-late]
import subprocess
import sys

CHECK = "from tensorflow.keras.layers import Dense; print(Dense.__module__)"  # 旧代码最常见的导入
LATE = "import os; import tensorflow; os.environ['TF_USE_LEGACY_KERAS'] = '1'; " + CHECK
clean = {name: value for name, value in os.environ.items() if name != "TF_USE_LEGACY_KERAS"}
runs = {  # 两个全新的 Python 进程，同时运行
    "命令行里先设置（TF_USE_LEGACY_KERAS=1 python ...）": subprocess.Popen(
        [sys.executable, "-c", CHECK],
        env={**clean, "TF_USE_LEGACY_KERAS": "1"},
        stdout=subprocess.PIPE,
        text=True,
    ),
    "导入 TensorFlow 之后才设置": subprocess.Popen(
        [sys.executable, "-c", LATE], env=clean, stdout=subprocess.PIPE, text=True
    ),
}
modules = {}
for title, process in runs.items():
    modules[title] = process.communicate()[0].strip()
    print(f"{title}: Dense 来自 {modules[title]}")
early, late = modules.values()
assert early.startswith("tf_keras.") and late.startswith("keras.src."), "设置晚了，拿到的还是 Keras 3"
# --8<-- [end:too-late]
