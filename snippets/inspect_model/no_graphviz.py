"""查看模型 3：找不到 Graphviz 的 dot 程序时，plot_model 报什么错。"""

# --8<-- [start:no-dot]
import contextlib
import io
import os
import sys

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])

# 在 Jupyter 里，或者进程里已有别的库导入过 IPython 时，plot_model 只打印提示、不报错
in_ipython = "IPython.core.magics.namespace" in sys.modules

saved_path = os.environ["PATH"]
os.environ["PATH"] = ""  # 模拟没有安装 Graphviz：系统再也找不到 dot 程序
captured = io.StringIO()
try:
    with contextlib.redirect_stdout(captured):
        keras.utils.plot_model(model, to_file="no_dot.png")
except ImportError as error:
    raised, message = True, str(error)
    print(f"ImportError: {message}")
else:
    raised, message = False, captured.getvalue().strip()
    print(f"没有报错，只打印了提示：{message}")
finally:
    os.environ["PATH"] = saved_path  # 恢复 PATH
assert "You must install graphviz" in message
assert raised != in_ipython  # 载入了 IPython 时只打印提示，否则抛出 ImportError
assert not os.path.exists("no_dot.png")  # 两种情况都没有画出图
# --8<-- [end:no-dot]

# --8<-- [start:with-dot]
import shutil

print("dot 程序:", "找到了" if shutil.which("dot") else "没找到")
keras.utils.plot_model(model, to_file="model.png", show_shapes=True, dpi=60)  # PATH 恢复后一切正常
assert os.path.getsize("model.png") > 0
# --8<-- [end:with-dot]
