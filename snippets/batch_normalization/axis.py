"""axis 参数：channels_last 的卷积输出要用 axis=-1，原笔记建议的 axis=1 会去规范化“行”。"""

# --8<-- [start:axis]
import keras

print("image_data_format:", keras.config.image_data_format())
inputs = keras.Input(shape=(32, 32, 3))  # (高, 宽, 通道)：channels_last，Keras 的默认布局
for axis in (-1, 3, 1):
    bn = keras.layers.BatchNormalization(axis=axis)
    bn(inputs)
    print(f"axis={axis:2d}: gamma {tuple(bn.gamma.shape)}  moving_mean {tuple(bn.moving_mean.shape)}")

assert keras.config.image_data_format() == "channels_last"
assert tuple(keras.layers.BatchNormalization(axis=-1)(inputs).shape) == (None, 32, 32, 3)
bn_last, bn_row = keras.layers.BatchNormalization(axis=-1), keras.layers.BatchNormalization(axis=1)
bn_last(inputs), bn_row(inputs)
assert tuple(bn_last.gamma.shape) == (3,), "axis=-1：每个通道一组参数"
assert tuple(bn_row.gamma.shape) == (32,), "axis=1：每一行像素一组参数，不是每个通道"
# --8<-- [end:axis]

# --8<-- [start:channels-first]
inputs_cf = keras.Input(shape=(3, 32, 32))  # (通道, 高, 宽)：channels_first，原笔记那句话针对的布局
bn = keras.layers.BatchNormalization(axis=1)
bn(inputs_cf)
print(f"channels_first, axis=1: gamma {tuple(bn.gamma.shape)}")
assert tuple(bn.gamma.shape) == (3,)
# --8<-- [end:channels-first]
