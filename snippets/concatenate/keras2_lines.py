"""concatenate 拼接 3：原笔记的 K.variable / K.concatenate / tf.Session，以及越界的 axis。"""

# --8<-- [start:backend-functions]
import keras
import keras.backend as K  # 原笔记的导入方式，模块本身还在

for name, old_line in [("K.variable", lambda: K.variable), ("K.concatenate", lambda: K.concatenate)]:
    try:
        old_line()  # 执行原笔记的 K.variable、K.concatenate
    except AttributeError as error:
        print(f"{name} -> AttributeError: {error}")
    else:
        raise AssertionError(f"{name} 仍然存在")
assert not hasattr(K, "variable") and not hasattr(K, "concatenate")
public = [name for name in dir(K) if not name.startswith("_")]
print(f"keras.backend 里还剩 {len(public)} 个名字:", ", ".join(public))
assert len(public) < 20 and "clear_session" in public  # 只剩配置类、工具类的函数

# 今天：张量函数在 keras.ops 里；需要可训练的变量时用 keras.Variable
v = keras.Variable([[1.0, 2.0], [3.0, 4.0]])
print(keras.ops.convert_to_numpy(keras.ops.concatenate([v, v], axis=0)).shape)
# --8<-- [end:backend-functions]

# --8<-- [start:session]
import tensorflow as tf

for name, old_line in [
    ("tf.Session()", lambda: tf.Session()),
    ("tf.global_variables_initializer()", lambda: tf.global_variables_initializer()),
]:
    try:
        old_line()  # 执行原笔记的这一行
    except AttributeError as error:
        print(f"{name} -> AttributeError: {error}")
    else:
        raise AssertionError(f"{name} 仍然存在")
assert not hasattr(tf, "Session")

# TensorFlow 2 默认即时执行（eager）：结果直接就是数值，不需要会话
x = keras.ops.concatenate([keras.ops.ones((1, 2)), keras.ops.zeros((1, 2))], axis=-1)
print(keras.ops.convert_to_numpy(x))
# --8<-- [end:session]

# --8<-- [start:out-of-range]
import re

import numpy as np

t1 = np.array([[[1, 2], [2, 3]], [[4, 4], [5, 3]]], dtype="float32")
t2 = np.array([[[7, 4], [8, 4]], [[2, 10], [15, 11]]], dtype="float32")

for axis in (3, -4):  # 三维张量的合法范围是 -3..2
    try:
        keras.ops.concatenate([t1, t2], axis=axis)
    except Exception as error:  # 具体的异常类型由后端决定
        first_line = str(error).strip().splitlines()[0]
        first_line = re.sub(r"\{\{.*?\}\}\s*", "", first_line)  # 去掉 TensorFlow 内部的节点名
        print(f"axis={axis} -> {type(error).__name__}: {first_line}")
    else:
        raise AssertionError(f"axis={axis} 没有报错，而是被取模了")
# --8<-- [end:out-of-range]
