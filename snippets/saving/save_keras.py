"""保存与加载 1：训练一个小模型，用 model.save 保存成 .keras 文件（由 load_keras.py 在新进程里加载）。"""

# --8<-- [start:train]
import keras
import numpy as np
from sklearn.datasets import load_iris

X, y = load_iris(return_X_y=True)
X = ((X - X.mean(axis=0)) / X.std(axis=0)).astype("float32")  # 150 朵花，4 个特征，标准化

model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(X, y, epochs=5, batch_size=30, shuffle=False, verbose=0)
print("优化器已经走了", int(model.optimizer.iterations), "步")  # 150 / 30 = 5 步/epoch，共 5 个 epoch
assert int(model.optimizer.iterations) == 25
# --8<-- [end:train]

# --8<-- [start:save]
model.save("my_model.keras")  # 结构 + 权重 + compile 配置 + 优化器状态，一个文件

# 留一份“对照答案”给加载脚本：保存时刻的预测，以及保存后再训练 1 个 epoch 的权重
np.save("X.npy", X)
np.save("y.npy", y)
np.save("pred_at_save.npy", model.predict(X, verbose=0))
model.fit(X, y, epochs=1, batch_size=30, shuffle=False, verbose=0)
np.savez("weights_one_more_epoch.npz", *model.get_weights())
print("已保存 my_model.keras")
# --8<-- [end:save]

# --8<-- [start:inside]
import json
import zipfile

with zipfile.ZipFile("my_model.keras") as archive:
    print("压缩包里的文件:", archive.namelist())
    config = json.loads(archive.read("config.json"))
    archive.extract("model.weights.h5", "unzipped")

print("config.json 顶层键:", sorted(config))
print(
    "compile_config:", config["compile_config"]["optimizer"]["class_name"], config["compile_config"]["loss"]
)

import h5py

with h5py.File("unzipped/model.weights.h5", "r") as f:
    print("model.weights.h5 顶层组:", sorted(f.keys()))
    print("其中优化器变量个数:", len(f["optimizer/vars"]))
    assert "optimizer" in f and "layers" in f
    assert len(f["optimizer/vars"]) == 2 + 2 * 4  # 步数、学习率 + 4 个权重张量各一份 m 和 v
assert {"config", "compile_config", "build_config"} <= set(config)
assert sorted(archive.namelist()) == ["config.json", "metadata.json", "model.weights.h5"]
# --8<-- [end:inside]
