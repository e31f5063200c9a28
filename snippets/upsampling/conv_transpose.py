"""Conv2DTranspose：输出尺寸、原笔记的例子，以及用 NumPy“插零 + 补边 + 普通卷积”复现它。"""

# --8<-- [start:sizes]
import keras
import numpy as np

print(" k  s  | valid: 输入 1..6 → 输出        | same: 输入 1..6 → 输出")
for k in (1, 2, 3, 4, 5):
    for s in (1, 2, 3):
        sizes = {}
        for padding in ("valid", "same"):
            layer = keras.layers.Conv2DTranspose(1, k, strides=s, padding=padding)
            sizes[padding] = [layer.compute_output_shape((None, n, n, 1))[1] for n in range(1, 7)]
        for n, valid, same in zip(range(1, 7), sizes["valid"], sizes["same"], strict=True):
            assert valid == n * s + max(k - s, 0)  # 原笔记注释里的 valid 公式
            if k >= s:
                assert valid == (n - 1) * s + k  # 常见写法，只在 k >= s 时成立
            assert same == n * s
        print(f" {k}  {s}  | {str(sizes['valid']):28s} | {sizes['same']}")
# --8<-- [end:sizes]

# --8<-- [start:full-padding]
try:
    keras.layers.Conv2DTranspose(1, 3, strides=2, padding="full")  # 原笔记注释里的第三种 padding
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("padding='full' 没有报错")
assert "full" in message
# --8<-- [end:full-padding]
# --8<-- [start:notes-example]
a = np.array([[1, 1], [2, 2]], dtype="float32").reshape(1, 2, 2, 1)  # (batch, 高, 宽, 通道)
deconv = keras.layers.Conv2DTranspose(
    filters=1, kernel_size=3, strides=2, padding="same", kernel_initializer="ones", use_bias=False
)
result = keras.ops.convert_to_numpy(deconv(a))[0, :, :, 0]
print(result)

notes_printed = [[1, 1, 2, 1], [1, 1, 2, 1], [3, 3, 6, 3], [2, 2, 4, 2]]  # 原笔记（TF 1.x）打印的结果
assert np.array_equal(result, notes_printed), "Keras 3 的结果应与原笔记一致"
# 行方向收到 1、1、1+2、2，列方向被盖住 1、1、2、1 次：输出是两者的外积
assert np.array_equal(result, np.outer([1, 1, 3, 2], [1, 1, 2, 1]))
assert result[2, 2] == 6 and result[-1, -1] == 2  # 6 在第 2 行第 2 列，右下角是 2
# --8<-- [end:notes-example]


# --8<-- [start:numpy-conv]
def conv2d_valid(x, kernel):
    """普通卷积（深度学习里的“卷积”其实是互相关），步长 1，不补零。
    x: (高, 宽, 输入通道)；kernel: (kh, kw, 输入通道, 输出通道)。"""
    kh, kw = kernel.shape[:2]
    out_h, out_w = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    out = np.zeros((out_h, out_w, kernel.shape[3]))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.tensordot(x[i : i + kh, j : j + kw], kernel, axes=3)
    return out


def conv_transpose_reference(x, kernel, s, padding):
    """转置卷积 = 像素之间插 s-1 个零 + 四周补零 + 用旋转 180° 的卷积核做普通卷积。
    kernel 用 Keras 的布局 (kh, kw, 输出通道, 输入通道)，只考虑正方形的核与输入。"""
    n, k = x.shape[0], kernel.shape[0]
    if padding == "valid":
        out_size, before = n * s + max(k - s, 0), 0
    else:  # "same"：对应的正向卷积在前面补 max(k - s, 0) // 2 个零
        out_size, before = n * s, max(k - s, 0) // 2
    dilated = np.zeros(((n - 1) * s + 1, (n - 1) * s + 1, x.shape[2]))
    dilated[::s, ::s] = x  # 插零
    left = k - 1 - before
    right = out_size + k - 1 - left - dilated.shape[0]
    padded = np.pad(dilated, ((left, right), (left, right), (0, 0)))
    flipped = kernel[::-1, ::-1].transpose(0, 1, 3, 2)  # 旋转 180°，再换成 (kh, kw, 输入, 输出)
    return conv2d_valid(padded, flipped)


rng = np.random.default_rng()
x = rng.normal(size=(4, 4, 3))
kernel = rng.normal(size=(3, 3, 2, 3))  # 3×3 的核，3 个输入通道 → 2 个输出通道
layer = keras.layers.Conv2DTranspose(2, 3, strides=2, padding="same", use_bias=False)
layer.build((None, 4, 4, 3))
layer.set_weights([kernel])
keras_out = keras.ops.convert_to_numpy(layer(x[None].astype("float32")))[0]
numpy_out = conv_transpose_reference(x, kernel, s=2, padding="same")
print("Keras:", keras_out.shape, " NumPy:", numpy_out.shape)
print(f"最大差异: {np.abs(keras_out - numpy_out).max():.2e}")
assert np.allclose(keras_out, numpy_out, atol=1e-4)
# --8<-- [end:numpy-conv]

# --8<-- [start:notes-data]
# 原笔记的测试数据：输入 4 个通道、每个 4×4；2 个 3×3 的卷积核，每个 4 个输入通道
input_data = np.array(
    [
        [[1, 0, 1, 1], [0, 2, 1, 1], [1, 1, 0, 1], [1, 1, 0, 1]],
        [[2, 0, 2, 1], [0, 1, 0, 1], [1, 0, 0, 1], [1, 1, 0, 1]],
        [[1, 1, 1, 1], [2, 2, 0, 1], [1, 1, 1, 1], [1, 1, 0, 1]],
        [[1, 1, 2, 1], [1, 0, 1, 1], [0, 2, 2, 1], [1, 1, 0, 1]],
    ],
    dtype="float32",
)  # (通道, 高, 宽)
weights_data = np.array(
    [
        [
            [[1, 0, 1], [-1, 1, 0], [0, -1, 0]],
            [[-1, 0, 1], [0, 0, 1], [1, 1, 1]],
            [[0, 1, 1], [2, 0, 1], [1, 2, 1]],
            [[1, 1, 1], [0, 2, 1], [1, 0, 1]],
        ],
        [
            [[1, 0, 2], [-2, 1, 1], [1, -1, 0]],
            [[-1, 0, 1], [-1, 2, 1], [1, 1, 1]],
            [[0, 0, 0], [2, 2, 1], [1, -1, 1]],
            [[2, 1, 1], [0, -1, 1], [1, 1, 1]],
        ],
    ],
    dtype="float32",
)  # (卷积核个数, 输入通道, 高, 宽)
# --8<-- [end:notes-data]


# --8<-- [start:notes-port]
def notes_conv_transpose(input_array, kernels, strides=(2, 2)):
    """原笔记的 ConvTranspose2D（padding='same' 分支），缺失的 Convolution1 模块换成上面的 conv2d_valid。
    input_array: (高, 宽, 通道)；kernels: (卷积核个数, kh, kw, 通道)，直接拿来做互相关、不旋转。"""
    s_h, s_w = strides
    h, w, n = input_array.shape
    filters_num, k_h, k_w, n_channels = kernels.shape
    new_h, new_w = (s_h - 1) * (h + 1) + h, (s_w - 1) * (w + 1) + w
    tmp_array = np.zeros(shape=(new_h, new_w, n))
    for j in range(s_h - 1, new_h, s_h):  # 插零：数据放在 s-1, 2s-1, ... 处，两端也留 s-1 个零
        for i in range(s_w - 1, new_w, s_w):
            tmp_array[j, i, :] = input_array[j // s_h, i // s_w, :]
    top, left = (k_h - 1) // 2, (k_w - 1) // 2
    tmp_array = np.pad(tmp_array, ((top, k_h - 1 - top), (left, k_w - 1 - left), (0, 0)))
    result = conv2d_valid(tmp_array, kernels.transpose(1, 2, 3, 0))
    return result[: h * s_h, : w * s_w]  # 原笔记写死了 h*2、w*2，这里按步长一般化


def keras_conv_transpose(x, kernel, s, padding):
    """用 Keras 的 Conv2DTranspose 计算；kernel 是 Keras 布局 (kh, kw, 输出通道, 输入通道)。"""
    layer = keras.layers.Conv2DTranspose(kernel.shape[2], kernel.shape[0], strides=s, padding=padding)
    layer.build((None, *x.shape))
    layer.set_weights([kernel, np.zeros(kernel.shape[2])])
    return keras.ops.convert_to_numpy(layer(x[None].astype("float32")))[0]


x = input_data.transpose(1, 2, 0)  # (通道, 高, 宽) → (高, 宽, 通道)
notes_kernels = weights_data.transpose(0, 2, 3, 1)  # → (卷积核个数, 高, 宽, 输入通道)
# 原笔记的 NumPy 版不旋转卷积核，所以交给 Keras 的核要先旋转 180°，再排成 (kh, kw, 输出, 输入)
keras_kernel = notes_kernels[:, ::-1, ::-1, :].transpose(1, 2, 0, 3)
ours = notes_conv_transpose(x, notes_kernels)
theirs = keras_conv_transpose(x, keras_kernel, s=2, padding="same")
print("第 0 个输出通道（原笔记的 NumPy 版）:")
print(ours[:, :, 0].astype(int))
assert np.allclose(ours, theirs, atol=1e-4), "k=3、s=2 时两者应完全一致"
print("与 Keras Conv2DTranspose(3, strides=2, padding='same') 完全一致")
# --8<-- [end:notes-port]


# --8<-- [start:compare]
def find_shift(a, b):
    """a 相对 b 在高、宽方向上各错开几个像素（在重叠区域比较）；对不上时返回 None。"""
    for d in (0, 1, -1, 2, -2):
        if d >= 0 and np.allclose(a[: len(a) - d, : len(a) - d], b[d:, d:], atol=1e-4):
            return d
        if d < 0 and np.allclose(a[-d:, -d:], b[: len(b) + d, : len(b) + d], atol=1e-4):
            return d
    return None


x = rng.normal(size=(5, 5, 2))
print(" k  s  padding | 插零+补边+卷积 | 原笔记的 NumPy 版")
shifted = []
for k, s in [(3, 2), (2, 2), (4, 2), (5, 2), (3, 1), (2, 1), (4, 1), (1, 2), (3, 3)]:
    for padding in ("same", "valid"):
        kernel = rng.normal(size=(k, k, 1, 2))
        expected = keras_conv_transpose(x, kernel, s, padding)
        assert np.allclose(conv_transpose_reference(x, kernel, s, padding), expected, atol=1e-4)
        if padding == "valid":
            notes = "没有实现"
        else:
            notes_kernel = kernel[::-1, ::-1].transpose(2, 0, 1, 3)  # 回到原笔记的布局（不旋转）
            shift = find_shift(notes_conv_transpose(x, notes_kernel, (s, s)), expected)
            notes = "一致" if shift == 0 else f"错开 {shift} 像素"
            if shift != 0:
                shifted.append((k, s))
        print(f" {k}  {s}  {padding:7s} | 一致           | {notes}")

assert shifted == [(2, 1), (4, 1), (1, 2), (3, 3)], shifted
# --8<-- [end:compare]
