"""保存与加载 7：原笔记按层名加载权重的例子——先保存“旧模型”（由 load_finetune.py 加载）。"""

# --8<-- [start:old-model]
import keras
import numpy as np

old = keras.Sequential(
    [
        keras.Input(shape=(3,)),
        keras.layers.Dense(2, name="dense_1"),
        keras.layers.Dense(3, name="dense_2"),
    ]
)
old.compile(optimizer="adam", loss="mse")
rng = np.random.default_rng(0)
old.fit(rng.normal(size=(64, 3)), rng.normal(size=(64, 3)), epochs=3, verbose=0)  # 训练过，不再是初始值

old.save_weights("old.weights.h5")  # Keras 3 的权重文件
old.save("old.keras")  # 整个模型
old.save("old_legacy.h5")  # 旧的 HDF5 整模型（会打印 legacy 提示）

np.savez("dense_1_saved.npz", *old.get_layer("dense_1").get_weights())  # 留作核对
print("已保存:", [layer.name for layer in old.layers])
# --8<-- [end:old-model]

# --8<-- [start:inside]
import h5py

with h5py.File("old.weights.h5", "r") as f:
    in_weights_file = list(f["layers"])
with h5py.File("old_legacy.h5", "r") as f:
    in_legacy_file = list(f["model_weights"])
print("old.weights.h5 里的层:", in_weights_file)
print("old_legacy.h5 里的层:", in_legacy_file)
assert {"dense_1", "dense_2"} <= set(in_legacy_file)  # 旧 .h5：按你起的层名存
assert in_weights_file == ["dense", "dense_1"]  # .weights.h5：按类型和先后在这个模型里编号，与 name 无关
# --8<-- [end:inside]
