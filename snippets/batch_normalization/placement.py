"""BatchNormalization 放在哪里：原笔记的全连接网络、use_bias=False、卷积块的两种顺序。"""

# --8<-- [start:dense-blocks]
import keras
import numpy as np


def dense_block(units, use_bias):
    return [
        keras.layers.Dense(units, use_bias=use_bias, kernel_initializer="uniform"),
        keras.layers.BatchNormalization(),  # 放在激活函数之前
        keras.layers.Activation("tanh"),
        keras.layers.Dropout(0.5),
    ]


def notes_mlp(use_bias):
    """原笔记的网络：14 个输入特征，两个 “Dense(64) → BN → tanh → Dropout” 块。"""
    layers = [keras.Input(shape=(14,))] + dense_block(64, use_bias) + dense_block(64, use_bias)
    return keras.Sequential(layers + [keras.layers.Dense(1, activation="sigmoid")])


with_bias, without_bias = notes_mlp(use_bias=True), notes_mlp(use_bias=False)
without_bias.summary()
print("Dense 带偏置:", with_bias.count_params(), "  use_bias=False:", without_bias.count_params())
assert with_bias.layers[0].count_params() == 14 * 64 + 64  # 960
assert without_bias.layers[0].count_params() == 14 * 64  # 896
assert with_bias.count_params() - without_bias.count_params() == 64 + 64  # 两层各省 64 个偏置
# --8<-- [end:dense-blocks]

# --8<-- [start:bias-redundant]
x = np.random.default_rng().normal(size=(32, 14)).astype("float32")
dense = keras.layers.Dense(64)
bn = keras.layers.BatchNormalization()
out_zero_bias = bn(dense(x), training=True)  # 偏置初始为 0
kernel, bias = dense.get_weights()
dense.set_weights([kernel, np.random.default_rng().normal(scale=3.0, size=bias.shape)])  # 换一组大偏置
out_random_bias = bn(dense(x), training=True)
difference = np.abs(keras.ops.convert_to_numpy(out_zero_bias - out_random_bias)).max()
# 打印到千分位：BN 输出的标准差约为 1，更小的位数只是浮点舍入，随数据、后端和 CPU 而变
print(f"偏置从 0 换成随机值后，BN 输出的最大变化: {difference:.3f}")
assert difference < 1e-3, "BN 先减去批均值，前一层的偏置被完全抵消"
# --8<-- [end:bias-redundant]

# --8<-- [start:conv-blocks]
inputs = keras.Input(shape=(32, 32, 3))

# 批量规范化论文的顺序：Conv2D（不要偏置）→ BN → 激活
x = keras.layers.Conv2D(64, (3, 3), padding="same", use_bias=False)(inputs)
x = keras.layers.BatchNormalization()(x)
bn_before = keras.Model(inputs, keras.layers.Activation("relu")(x), name="conv_bn_relu")

# 原笔记 Conv2DReluBatchNorm 的顺序：Conv2D → 激活 → BN（这时偏置不是多余的）
x = keras.layers.Conv2D(64, (3, 3), padding="same", activation="relu")(inputs)
bn_after = keras.Model(inputs, keras.layers.BatchNormalization()(x), name="conv_relu_bn")

for model in (bn_before, bn_after):
    print(f"{model.name}: 输出 {model.output_shape}  Conv2D 参数 {model.layers[1].count_params()}")
assert bn_before.layers[1].count_params() == 3 * 3 * 3 * 64  # 1728
assert bn_after.layers[1].count_params() == 3 * 3 * 3 * 64 + 64  # 1792
assert bn_before.output_shape == bn_after.output_shape == (None, 32, 32, 64)
# --8<-- [end:conv-blocks]
