"""tf_keras 5：建模时的旧参数（Keras 1 的 output_dim、init、border_mode……）在 tf_keras 下能否运行。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:keras1-args]
import tf_keras as keras
from tf_keras.layers import BatchNormalization, Convolution2D, Dense  # 只改了包名

inputs = keras.Input(shape=(4,))
outputs = keras.layers.Dense(2)(inputs)
OLD_LINES = [  # 原笔记的写法，一字未改
    ("Dense(output_dim=1, input_dim=1)", lambda: Dense(output_dim=1, input_dim=1)),
    ("keras.Model(input=inputs, output=outputs)", lambda: keras.Model(input=inputs, output=outputs)),
    ('keras.layers.Dense(64, init="uniform")', lambda: keras.layers.Dense(64, init="uniform")),
    ('Convolution2D(64, 3, 3, border_mode="same")', lambda: Convolution2D(64, 3, 3, border_mode="same")),
    (
        'BatchNormalization(epsilon=1e-06, mode=0, ..., beta_init="zero", gamma_init="one")',
        lambda: BatchNormalization(
            epsilon=1e-06, mode=0, axis=-1, momentum=0.9, weights=None, beta_init="zero", gamma_init="one"
        ),
    ),
]
for line, action in OLD_LINES:
    try:
        action()
    except TypeError as error:
        print(f"{line}\n    -> TypeError: {error}")
    else:
        raise AssertionError(f"{line} 居然能运行")
print("tf_keras: FAILS", "这些是 Keras 1 的参数名，tf_keras 不认识")

# 去掉 border_mode 就不报错了，但和 Keras 3 一样：第三个数成了 strides，不是卷积核的宽
conv = Convolution2D(64, 3, 3)
print("Convolution2D(64, 3, 3): kernel_size =", conv.kernel_size, " strides =", conv.strides)
assert conv.kernel_size == (3, 3) and conv.strides == (3, 3)
# --8<-- [end:keras1-args]

# --8<-- [start:input-shape]
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    by_shape = keras.Sequential([keras.layers.Dense(3, input_shape=(4,))])  # Keras 2 的写法
    by_dim = keras.Sequential([keras.layers.Dense(3, input_dim=4)])
print(
    "input_shape=(4,) ->",
    by_shape.input_shape,
    "  input_dim=4 ->",
    by_dim.input_shape,
    "  警告:",
    len(caught),
)
assert by_shape.input_shape == by_dim.input_shape == (None, 4)
assert not caught, "Keras 3 会给 UserWarning，tf_keras 连警告都没有"
print("tf_keras: OK", "input_shape / input_dim 照常可用")
# --8<-- [end:input-shape]

# --8<-- [start:bn-axis]
bn_row = keras.layers.BatchNormalization(axis=1)  # 原笔记的写法，接在 channels_last 的卷积输出后面
bn_last = keras.layers.BatchNormalization(axis=-1)
images = keras.Input(shape=(32, 32, 3))  # (高, 宽, 通道)
assert keras.backend.image_data_format() == "channels_last", "Keras 默认的布局：通道在最后"
bn_row(images), bn_last(images)
print("axis=1 的 gamma:", bn_row.gamma.shape, "  axis=-1 的 gamma:", bn_last.gamma.shape)
assert bn_row.gamma.shape == (32,), "和 Keras 3 一样：按“行”规范化，不是按通道"
assert bn_last.gamma.shape == (3,)
print("tf_keras: OK", "axis=1 能运行，但同样不是按通道规范化")
# --8<-- [end:bn-axis]

# --8<-- [start:softmax-head]
import numpy as np

head = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, activation="softmax")])  # 二分类
probabilities = head.predict(np.random.rand(5, 3), verbose=0).ravel()
print("Dense(1, activation='softmax') 的输出:", probabilities)
one_ulp = np.finfo(np.float32).epsneg  # 有的 CPU 上算出 0.99999994：float32 里紧挨着 1 的数
assert np.all(np.abs(probabilities - 1.0) <= one_ulp), "只有一个数时 softmax 恒等于 1"
print("tf_keras: OK", "能运行，但输出恒为 1，与 Keras 3 相同")
# --8<-- [end:softmax-head]

# --8<-- [start:plot-model]
model = keras.Sequential([keras.layers.Dense(3, input_dim=4, name="hidden")], name="tiny")
try:
    keras.utils.plot_model(model, "model.png", expand_dim=True)  # 原笔记的拼写
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("expand_dim 居然被接受了")
assert "expand_dim" in message
import inspect

assert "expand_nested" in inspect.signature(keras.utils.plot_model).parameters
print("tf_keras: FAILS", "原笔记拼错了：plot_model 的参数叫 expand_nested")
# --8<-- [end:plot-model]
