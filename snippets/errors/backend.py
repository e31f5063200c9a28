# 常见报错速查 2：keras.backend（K）里被移除的函数，以及越界的 concatenate 轴。

# --8<-- [start:k-mean]
import keras
import keras.backend as K  # 原笔记的导入方式：模块还在，里面的数学函数没了

try:
    K.mean(keras.ops.ones((2, 3)), axis=-1)  # 原笔记自定义指标里的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'keras.backend' has no attribute 'mean'"
print("今天的写法:", keras.ops.convert_to_numpy(keras.ops.mean(keras.ops.ones((2, 3)), axis=-1)))
# --8<-- [end:k-mean]

# --8<-- [start:k-concatenate]
import keras
import keras.backend as K

a, b = keras.ops.ones((1, 2)), keras.ops.zeros((1, 2))
try:
    K.concatenate([a, b], axis=-1)  # 原笔记的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'keras.backend' has no attribute 'concatenate'"
print("今天的写法:", keras.ops.convert_to_numpy(keras.ops.concatenate([a, b], axis=-1)))
# --8<-- [end:k-concatenate]

# --8<-- [start:k-resize-images]
import keras
import keras.backend as K
import numpy as np

x = np.arange(6, dtype="float32").reshape(1, 2, 3, 1)
try:
    K.resize_images(x, 2, 2, "channels_last")  # 原笔记的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'keras.backend' has no attribute 'resize_images'"
resized = keras.ops.image.resize(x, (4, 6), interpolation="nearest")  # 今天的写法
print("今天的写法，输出形状:", tuple(resized.shape))
# --8<-- [end:k-resize-images]

# --8<-- [start:concatenate-axis]
import re

import keras
import numpy as np

t1 = np.ones((2, 2, 2), dtype="float32")
t2 = np.zeros((2, 2, 2), dtype="float32")
try:
    keras.ops.concatenate([t1, t2], axis=3)  # 三维张量，合法的 axis 只有 -3..2
except Exception as error:  # noqa: BLE001  异常的类型和原文都由后端决定
    first_line = str(error).strip().splitlines()[0]
    first_line = re.sub(r"^\{\{.*?\}\}\s*", "", first_line)  # 去掉 TensorFlow 开头的内部节点名
    text = f"{type(error).__name__}: {first_line}"
else:
    raise AssertionError("越界的 axis 没有报错")
print(text)
expected = {
    "tensorflow": "InvalidArgumentError: ConcatOp : Expected concatenating dimensions in the range [-3, 3), "
    "but got 3 [Op:ConcatV2] name: concat",
    "jax": "ValueError: axis 3 is out of bounds for array of dimension 3",
    "torch": "IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)",
}
assert text == expected[keras.backend.backend()], text
print("今天的写法，axis=-1:", tuple(keras.ops.concatenate([t1, t2], axis=-1).shape))
# --8<-- [end:concatenate-axis]
