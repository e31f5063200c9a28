"""安装与环境 3：Keras 2 的模块路径（keras.layers.core 等）在 Keras 3 里已不存在。"""

# --8<-- [start:core]
try:
    from keras.layers.core import Dense  # 原笔记里的写法
except ModuleNotFoundError as error:
    message = str(error)
    print(f"ModuleNotFoundError: {message}")
else:
    raise AssertionError("旧的导入路径没有报错")
assert message == "No module named 'keras.layers.core'"

# Keras 3 的写法：所有层都直接放在 keras.layers 下
import keras
from keras.layers import Dense

print(Dense is keras.layers.Dense)
print("Dense 的实现位于:", Dense.__module__)
assert Dense is keras.layers.Dense
assert Dense.__module__.startswith("keras.src.layers.core")  # 私有的 keras.src，不要直接导入
# --8<-- [end:core]

# --8<-- [start:other-paths]
import importlib

# (Keras 2 的模块, 要的名字, Keras 3 里的公开位置)
OLD_PATHS = [
    ("keras.layers.normalization", "BatchNormalization", keras.layers),
    ("keras.layers.convolutional", "Conv2D", keras.layers),
    ("keras.layers.pooling", "MaxPooling2D", keras.layers),
    ("keras.layers.merge", "Concatenate", keras.layers),
    ("keras.utils.vis_utils", "plot_model", keras.utils),
    ("keras.utils.vis_utils", "model_to_dot", keras.utils),
    ("keras.engine.topology", "Layer", keras.layers),
    ("keras.engine", "InputSpec", keras.layers),
]
for old_module, name, new_home in OLD_PATHS:
    try:
        getattr(importlib.import_module(old_module), name)  # 等价于 from <old_module> import <name>
    except ModuleNotFoundError as error:
        print(f"from {old_module} import {name}")
        print(f"    -> ModuleNotFoundError: {error}")
        assert old_module.startswith(error.name), error
    else:
        raise AssertionError(f"{old_module} 仍然可以导入")
    assert hasattr(new_home, name)
    print(f"    今天: from {new_home.__name__} import {name}")
# --8<-- [end:other-paths]
