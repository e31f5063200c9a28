"""BatchNormalization 在训练与推理时的不同：批统计量、移动均值/方差、冻结后的行为。"""

# --8<-- [start:two-modes]
import keras
import numpy as np

rng = np.random.default_rng()
x = rng.normal(loc=5.0, scale=2.0, size=(1024, 3)).astype("float32")  # 3 个特征，均值 5、标准差 2

bn = keras.layers.BatchNormalization()
train_out = keras.ops.convert_to_numpy(bn(x, training=True))
print("training=True  输出均值:", train_out.mean(axis=0).round(3), " 标准差:", train_out.std(axis=0).round(3))
assert np.allclose(train_out.mean(axis=0), 0, atol=1e-3) and np.allclose(train_out.std(axis=0), 1, atol=1e-2)

# 推理模式用的是移动均值/方差；第一次训练调用前它们还是初始值 0 和 1
fresh = keras.layers.BatchNormalization()
infer_out = keras.ops.convert_to_numpy(fresh(x, training=False))
print("training=False 输出均值:", infer_out.mean(axis=0).round(3), "（还没学到数据的统计量）")
assert np.allclose(infer_out, x / np.sqrt(1 + 1e-3), atol=1e-4)  # (x - 0) / sqrt(1 + epsilon)
# --8<-- [end:two-modes]

# --8<-- [start:moving-average]
bn = keras.layers.BatchNormalization()  # momentum = 0.99
batch_mean = x.mean(axis=0)
bn(x, training=True)
moving_mean = keras.ops.convert_to_numpy(bn.moving_mean)
print("一次训练调用后 moving_mean:", moving_mean.round(4), " = 0.01 × 批均值")
assert np.allclose(moving_mean, 0.01 * batch_mean, atol=1e-4)  # 0.99 × 0 + 0.01 × 批均值

for step in range(2, 301):
    bn(x, training=True)
    if step in (10, 100, 300):
        moving_mean = keras.ops.convert_to_numpy(bn.moving_mean)
        theory = (1 - 0.99**step) * batch_mean
        print(
            f"{step:3d} 次后 moving_mean: {moving_mean.round(3)}   (1-0.99^{step})×批均值: {theory.round(3)}"
        )
        assert np.allclose(moving_mean, theory, rtol=1e-3)
assert round(1 - 0.99**100, 2) == 0.63 and round(1 - 0.99**300, 2) == 0.95
# --8<-- [end:moving-average]

# --8<-- [start:fit-predict]
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.BatchNormalization(), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
y = rng.normal(size=(1024, 1)).astype("float32")
bn = model.layers[0]

model.predict(x, verbose=0)  # 推理：不更新移动统计量
assert np.allclose(keras.ops.convert_to_numpy(bn.moving_mean), 0)
model.fit(x, y, batch_size=32, epochs=10, verbose=0)  # 10 × 32 = 320 步
moving_mean = keras.ops.convert_to_numpy(bn.moving_mean)
moving_std = np.sqrt(keras.ops.convert_to_numpy(bn.moving_variance))
print("fit 之后 moving_mean:", moving_mean.round(2), " moving_std:", moving_std.round(2))
assert np.allclose(moving_mean, 5, atol=0.5) and np.allclose(moving_std, 2, atol=0.4)
# --8<-- [end:fit-predict]

# --8<-- [start:momentum]
for momentum in (0.99, 0.9):
    bn = keras.layers.BatchNormalization(momentum=momentum)
    for _ in range(50):  # 只训练 50 步
        train_out = bn(x, training=True)
    gap = np.abs(keras.ops.convert_to_numpy(train_out - bn(x, training=False))).mean()
    print(f"momentum={momentum}: 50 步后，训练与推理模式输出的平均差异 {gap:.3f}")
    if momentum == 0.99:
        assert gap > 1.0, "移动统计量还远没追上数据"
    else:
        assert gap < 0.1, "momentum 小，移动统计量很快追上数据"
# --8<-- [end:momentum]

# --8<-- [start:frozen]
bn = keras.layers.BatchNormalization()
bn(x, training=True)  # 先让移动均值离开 0
before = keras.ops.convert_to_numpy(bn.moving_mean)
bn.trainable = False  # 冻结：迁移学习里冻结预训练模型时就是这样
frozen_out = keras.ops.convert_to_numpy(bn(x, training=True))
after = keras.ops.convert_to_numpy(bn.moving_mean)
inference_out = keras.ops.convert_to_numpy(bn(x, training=False))
print("冻结后 training=True 的输出与推理模式相同:", np.allclose(frozen_out, inference_out))
assert np.array_equal(before, after), "冻结的 BN 不再更新移动统计量"
assert np.allclose(frozen_out, inference_out), "冻结的 BN 即使 training=True 也按推理模式计算"
# --8<-- [end:frozen]
