"""转置卷积的两点性质：核大小不能被步长整除时重叠不均匀（棋盘格）；它不是卷积的逆运算。"""

# --8<-- [start:uneven-overlap]
import keras
import numpy as np


def overlap_counts(kernel_size, size=4):
    """全 1 的输入、全 1 的核：每个输出像素的值，就是有几块卷积核盖到了它。"""
    layer = keras.layers.Conv2DTranspose(
        1, kernel_size, strides=2, padding="same", kernel_initializer="ones", use_bias=False
    )
    ones = np.ones((1, size, size, 1), dtype="float32")
    return keras.ops.convert_to_numpy(layer(ones))[0, :, :, 0].astype(int)


uneven = overlap_counts(3)  # 核 3、步长 2：3 不能被 2 整除
even = overlap_counts(4)  # 核 4、步长 2：4 能被 2 整除
print("核 3、步长 2：\n", uneven)
print("核 4、步长 2：\n", even)

row3 = [1, 1, 2, 1, 2, 1, 2, 1]  # 每一行、每一列被盖住的次数：1 和 2 交替
row4 = [1, 2, 2, 2, 2, 2, 2, 1]  # 除了两端，处处都是 2
assert np.array_equal(uneven, np.outer(row3, row3))
assert np.array_equal(even, np.outer(row4, row4))
assert set(np.unique(uneven[1:-1, 1:-1])) == {1, 2, 4}  # 内部也是棋盘格
assert set(np.unique(even[1:-1, 1:-1])) == {4}  # 内部均匀

# 一维也一样：原笔记 2×2 例子里每一行的 [1, 1, 2, 1] 就是这种不均匀
layer_1d = keras.layers.Conv1DTranspose(
    1, 3, strides=2, padding="same", kernel_initializer="ones", use_bias=False
)
counts_1d = keras.ops.convert_to_numpy(layer_1d(np.ones((1, 2, 1), dtype="float32")))[0, :, 0]
print("Conv1DTranspose，长度 2 的全 1 输入：", counts_1d)
assert counts_1d.tolist() == [1, 1, 2, 1]
# --8<-- [end:uneven-overlap]

# --8<-- [start:not-inverse]
rng = np.random.default_rng()
x = rng.normal(size=(1, 8, 8, 1)).astype("float32")
conv = keras.layers.Conv2D(1, 3, strides=2, padding="same", use_bias=False)
y = conv(x)  # 8×8 → 4×4
deconv = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", use_bias=False)
deconv.build(y.shape)
deconv.set_weights(conv.get_weights())  # 用同一个卷积核
back = keras.ops.convert_to_numpy(deconv(y))  # 4×4 → 8×8
print("x:", x.shape, "→ conv:", tuple(y.shape), "→ conv transpose:", back.shape)
print(f"与 x 的最大差异: {np.abs(back - x).max():.2f}")
assert back.shape == x.shape  # 形状还原了
assert np.abs(back - x).max() > 0.1  # 数值没有还原

# “转置”指的是线性代数里的转置：对任意 x、z，<conv(x), z> = <conv_transpose(z), x>
z = rng.normal(size=y.shape).astype("float32")
lhs = float(np.sum(keras.ops.convert_to_numpy(conv(x)) * z))
rhs = float(np.sum(keras.ops.convert_to_numpy(deconv(z)) * x))
print(f"<conv(x), z> = {lhs:.4f}, <conv_transpose(z), x> = {rhs:.4f}")
assert np.isclose(lhs, rhs, rtol=1e-4, atol=1e-4)
# --8<-- [end:not-inverse]
