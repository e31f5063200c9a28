"""concatenate 拼接 2：keras.layers.Concatenate 层，单独调用和放在模型里。"""

# --8<-- [start:layer]
import keras
import numpy as np

t1 = np.array([[[1, 2], [2, 3]], [[4, 4], [5, 3]]], dtype="float32")
t2 = np.array([[[7, 4], [8, 4]], [[2, 10], [15, 11]]], dtype="float32")

for axis in (1, -1):
    merged = keras.layers.Concatenate(axis=axis)([t1, t2])  # 层接收一个张量列表
    merged = keras.ops.convert_to_numpy(merged)
    print(f"Concatenate(axis={axis}) 形状 {merged.shape}")
    assert np.array_equal(merged, np.concatenate([t1, t2], axis=axis))
# --8<-- [end:layer]

# --8<-- [start:in-model]
# 在模型里：Input 的 shape 不含批次维，但 axis 是按含批次维的完整形状来数的
left = keras.Input(shape=(2, 2), name="left")
right = keras.Input(shape=(2, 2), name="right")
assert keras.layers.Concatenate().axis == -1  # 不写 axis 时默认 -1
merged = keras.layers.Concatenate(axis=-1)([left, right])  # 最常见的用法：沿特征轴拼接
model = keras.Model(inputs=[left, right], outputs=merged)
print("模型输出形状:", model.output.shape)

out = model.predict([t1, t2], verbose=0)  # t1、t2 在这里被看成一批 2 个样本
print(out)
assert model.output.shape == (None, 2, 4)
assert np.array_equal(out, np.concatenate([t1, t2], axis=2))
# --8<-- [end:in-model]
