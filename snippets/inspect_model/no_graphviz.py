"""查看模型 3：找不到 Graphviz 的 dot 程序时，plot_model 报什么错。"""

# --8<-- [start:no-dot]
import os

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])

saved_path = os.environ["PATH"]
os.environ["PATH"] = ""  # 模拟没有安装 Graphviz：系统再也找不到 dot 程序
try:
    keras.utils.plot_model(model, to_file="model.png")
except ImportError as error:
    message = str(error)
    print(f"ImportError: {message}")
else:
    raise AssertionError("找不到 dot 时 plot_model 应该报错")
finally:
    os.environ["PATH"] = saved_path  # 恢复 PATH
assert "You must install graphviz" in message
# --8<-- [end:no-dot]

# --8<-- [start:with-dot]
import shutil

print("dot 程序:", "找到了" if shutil.which("dot") else "没找到")
keras.utils.plot_model(model, to_file="model.png", show_shapes=True, dpi=60)  # PATH 恢复后一切正常
assert os.path.getsize("model.png") > 0
# --8<-- [end:with-dot]
