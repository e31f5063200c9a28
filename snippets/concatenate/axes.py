"""concatenate 拼接 1：原笔记的两个 2×2×2 数组，沿每一个轴拼接（keras.ops.concatenate）。"""

# --8<-- [start:data]
import keras
import numpy as np

t1 = np.array([[[1, 2], [2, 3]], [[4, 4], [5, 3]]], dtype="float32")
t2 = np.array([[[7, 4], [8, 4]], [[2, 10], [15, 11]]], dtype="float32")
print("t1.shape =", t1.shape, " t2.shape =", t2.shape)
# --8<-- [end:data]

# --8<-- [start:axis-1]
d0 = keras.ops.concatenate([t1, t2], axis=-2)  # 倒数第 2 个轴
d1 = keras.ops.concatenate([t1, t2], axis=1)  # 对三维张量来说，就是第 1 个轴
d0, d1 = keras.ops.convert_to_numpy(d0), keras.ops.convert_to_numpy(d1)
print("axis=-2 与 axis=1 结果相同:", np.array_equal(d0, d1), " 形状:", d0.shape)
print(d0)

# 原笔记打印的 d0 / d1
notes_d0 = [[[1, 2], [2, 3], [7, 4], [8, 4]], [[4, 4], [5, 3], [2, 10], [15, 11]]]
assert np.array_equal(d0, notes_d0) and np.array_equal(d1, notes_d0)
# --8<-- [end:axis-1]

# --8<-- [start:axis-2]
d2 = keras.ops.convert_to_numpy(keras.ops.concatenate([t1, t2], axis=-1))
d3 = keras.ops.convert_to_numpy(keras.ops.concatenate([t1, t2], axis=2))
print("axis=-1 与 axis=2 结果相同:", np.array_equal(d2, d3), " 形状:", d2.shape)
print(d2)

# 原笔记打印的 d2 / d3
notes_d2 = [[[1, 2, 7, 4], [2, 3, 8, 4]], [[4, 4, 2, 10], [5, 3, 15, 11]]]
assert np.array_equal(d2, notes_d2) and np.array_equal(d3, notes_d2)
# --8<-- [end:axis-2]

# --8<-- [start:axis-0]
d4 = keras.ops.convert_to_numpy(keras.ops.concatenate([t1, t2], axis=0))
print("axis=0 形状:", d4.shape)
print(d4)
assert np.array_equal(d4[:2], t1) and np.array_equal(d4[2:], t2)  # t2 整块接在 t1 后面
# --8<-- [end:axis-0]

# --8<-- [start:all-axes]
for axis in range(-3, 3):
    result = keras.ops.convert_to_numpy(keras.ops.concatenate([t1, t2], axis=axis))
    same_as = axis % 3  # 负数轴从后往前数：-3、-2、-1 分别等于 0、1、2
    print(f"axis={axis:2d}  形状 {result.shape}  与 axis={same_as} 相同")
    assert np.array_equal(result, np.concatenate([t1, t2], axis=same_as))
    assert result.shape[same_as] == 4 and sum(result.shape) == 8  # 只有被拼接的轴变长：2 + 2
# --8<-- [end:all-axes]
