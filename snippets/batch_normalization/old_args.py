"""原笔记里 BatchNormalization 的旧导入路径与旧参数，今天会怎样；对应的新写法。"""

# --8<-- [start:import-path]
import keras


def show(title, action):
    """执行一行旧写法，打印它今天的结果。"""
    try:
        result = action()
    except Exception as error:  # noqa: BLE001 - 我们就是要看它报什么错
        print(f"{title}\n  -> {type(error).__name__}: {error}\n")
        return error
    print(f"{title}\n  -> 没有报错\n")
    return result


def import_from_normalization():
    from keras.layers.normalization import BatchNormalization  # noqa: F401  原笔记的导入


error = show("from keras.layers.normalization import BatchNormalization", import_from_normalization)
assert isinstance(error, ImportError)
error = show("keras.layers.normalization.BatchNormalization()", lambda: keras.layers.normalization)
assert isinstance(error, AttributeError)
# 今天：keras.layers.BatchNormalization
print(keras.layers.BatchNormalization())
# --8<-- [end:import-path]

# --8<-- [start:old-signature]
error = show(
    "BatchNormalization(epsilon=1e-06, mode=0, axis=-1, momentum=0.9, weights=None, ...)",
    lambda: keras.layers.BatchNormalization(
        epsilon=1e-06, mode=0, axis=-1, momentum=0.9, weights=None, beta_init="zero", gamma_init="one"
    ),
)
assert isinstance(error, ValueError)
for gone in ("mode", "weights", "beta_init", "gamma_init"):
    assert gone in str(error), gone
# --8<-- [end:old-signature]

# --8<-- [start:replacements]
import numpy as np

bn = keras.layers.BatchNormalization(
    axis=-1,
    momentum=0.9,  # 想要原笔记里的旧默认值，就显式写出来
    epsilon=1e-6,
    beta_initializer="zeros",  # 原来的 beta_init
    gamma_initializer="ones",  # 原来的 gamma_init
)
bn.build((None, 4))
# 原来的 weights=[...]：建好层之后 set_weights，顺序是 gamma、beta、moving_mean、moving_variance
gamma, beta = np.full(4, 2.0), np.full(4, 0.5)
moving_mean, moving_variance = np.zeros(4), np.ones(4)
bn.set_weights([gamma, beta, moving_mean, moving_variance])
for weight in bn.weights:
    print(f"{weight.path:40s} {str(weight.shape):6s} trainable={weight.trainable}")
assert [w.path.split("/")[-1] for w in bn.weights] == ["gamma", "beta", "moving_mean", "moving_variance"]
assert np.allclose(keras.ops.convert_to_numpy(bn.gamma), 2.0)
# 原来的 mode=1（按样本规范化）没有对应参数；按样本做规范化请用 keras.layers.LayerNormalization
# --8<-- [end:replacements]

# --8<-- [start:notes-dense]
error = show("Dense(64, input_dim=14, init='uniform')", lambda: keras.layers.Dense(64, init="uniform"))
assert isinstance(error, ValueError) and "init" in str(error)
# 今天：参数名是 kernel_initializer；字符串 "uniform" 仍然可用，即 (-0.05, 0.05) 上的均匀分布
dense = keras.layers.Dense(64, kernel_initializer="uniform")
initializer = dense.kernel_initializer.get_config()
print("kernel_initializer:", type(dense.kernel_initializer).__name__, initializer)
assert (initializer["minval"], initializer["maxval"]) == (-0.05, 0.05)
# --8<-- [end:notes-dense]

# --8<-- [start:notes-conv]
error = show(
    "Convolution2D(64, 3, 3, border_mode='same')",
    lambda: keras.layers.Convolution2D(64, 3, 3, border_mode="same"),
)
assert isinstance(error, ValueError) and "border_mode" in str(error)

# 更危险的是不带 border_mode 的那一行：它不报错，但第三个数被当成了 strides
conv = keras.layers.Convolution2D(64, 3, 3, use_bias=False)  # Keras 1：64 个 3×3 的核
print(f"kernel_size={conv.kernel_size}  strides={conv.strides}")
print("输出形状:", conv.compute_output_shape((None, 32, 32, 3)))
assert conv.strides == (3, 3), "第三个位置参数是 strides"
assert conv.compute_output_shape((None, 32, 32, 3)) == (None, 10, 10, 64)

conv = keras.layers.Conv2D(64, (3, 3), padding="same")  # 今天的写法
assert conv.compute_output_shape((None, 32, 32, 3)) == (None, 32, 32, 64)
# --8<-- [end:notes-conv]
