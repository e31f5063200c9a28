"""保存与加载 5：model.export 导出 TensorFlow SavedModel，给部署用（由 load_export.py 加载）。"""
# harness: backends=tensorflow -- SavedModel 导出与 TFSMLayer 都需要 TensorFlow

# --8<-- [start:export]
import keras
import numpy as np

model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ]
)
x = np.random.default_rng(0).normal(size=(5, 4)).astype("float32")
np.save("export_x.npy", x)
np.save("export_pred.npy", model.predict(x, verbose=0))

model.export("exported_model", verbose=False)  # 一个目录：saved_model.pb + variables/

import os

print("导出的目录:", sorted(os.listdir("exported_model")))
assert os.path.exists("exported_model/saved_model.pb")
# --8<-- [end:export]
