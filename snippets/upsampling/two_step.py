"""原笔记的“UpSampling2D + Conv2D”两步反卷积，与一个 Conv2DTranspose 的对比。"""

# --8<-- [start:models]
import keras
import numpy as np

two_step = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 8)),
        keras.layers.UpSampling2D(size=(2, 2)),  # 先放大：28×28 → 56×56
        keras.layers.Conv2D(4, kernel_size=3, padding="same", use_bias=False),  # 再做普通卷积
    ],
    name="upsample_then_conv",
)
transposed = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 8)),
        keras.layers.Conv2DTranspose(4, kernel_size=4, strides=2, padding="same", use_bias=False),
    ],
    name="conv_transpose",
)
two_step.summary()
transposed.summary()
assert two_step.output_shape == transposed.output_shape == (None, 56, 56, 4)
assert two_step.count_params() == 3 * 3 * 8 * 4  # 288 个参数
assert transposed.count_params() == 4 * 4 * 8 * 4  # 512 个参数
# --8<-- [end:models]

# --8<-- [start:equivalent]
conv_kernel = two_step.layers[-1].get_weights()[0]  # (3, 3, 输入 8, 输出 4)
# 最近邻放大后再做 3×3 卷积，每个输出像素只看到输入的 2×2 个像素，权重是卷积核里几个数的和：
combine = np.array([[0, 0, 1], [0, 1, 1], [1, 1, 0], [1, 0, 0]], dtype="float32")  # 4 × 3
kernel_4x4 = np.einsum("ai,bj,ijcd->abdc", combine, combine, conv_kernel)  # → (4, 4, 输出, 输入)
transposed.layers[-1].set_weights([kernel_4x4])

x = np.random.default_rng().normal(size=(2, 28, 28, 8)).astype("float32")
difference = np.abs(two_step.predict(x, verbose=0) - transposed.predict(x, verbose=0)).max()
print(f"两种做法的最大差异: {difference:.2e}")
assert difference < 1e-4, "最近邻放大 + 3×3 卷积 等价于一个权重受约束的 4×4 转置卷积"
# --8<-- [end:equivalent]
