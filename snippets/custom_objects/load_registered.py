"""自定义对象 4：加载注册过的自定义对象：先 import 定义它们的模块，就不需要 custom_objects。"""
# harness: requires=save_registered.py
# harness: requires=my_objects.py

# --8<-- [start:before-import]
import subprocess
import sys

import keras
import numpy as np

# 在一个全新的 Python 进程里加载：那里还没有 import my_objects（在本进程里重跑也一样）
fresh = subprocess.run(
    [sys.executable, "-c", "import keras; keras.models.load_model('registered.keras')"],
    capture_output=True,
    text=True,
)
error = fresh.stderr[fresh.stderr.rindex("TypeError:") :]  # 新进程最后抛出的异常
message = error.split("Exception encountered:")[-1].split(" Full object config")[0].strip()
print(f"新进程的退出码 {fresh.returncode}，TypeError: ... {message}")
assert fresh.returncode != 0
assert "Could not locate class 'Residual'" in message
# --8<-- [end:before-import]

# --8<-- [start:after-import]
import my_objects  # noqa: F401  import 一次，装饰器就把类和函数登记好了

model = keras.models.load_model("registered.keras")  # 不需要 custom_objects
x, expected = np.load("x.npy"), np.load("pred.npy")
difference = np.abs(model.predict(x, verbose=0) - expected).max()
print(f"已编译 {model.compiled}，loss = {model.loss.__name__}，预测与保存时相差 {difference:.2e}")
print("Residual 里的层:", type(model.get_layer("residual").inner).__name__)
assert model.compiled and model.loss is my_objects.weighted_mse and difference < 1e-6
# --8<-- [end:after-import]
