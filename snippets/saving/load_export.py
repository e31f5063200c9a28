"""保存与加载 6：在新进程里读回 SavedModel：tf.saved_model.load 与 keras.layers.TFSMLayer。"""
# harness: requires=save_export.py
# harness: backends=tensorflow -- SavedModel 导出与 TFSMLayer 都需要 TensorFlow

# --8<-- [start:tf-load]
import numpy as np
import tensorflow as tf

x, expected = np.load("export_x.npy"), np.load("export_pred.npy")

served = tf.saved_model.load("exported_model")  # 不需要 Keras，也不需要模型的 Python 代码
print("签名:", sorted(served.signatures.keys()))
difference = np.abs(served.serve(x).numpy() - expected).max()
print(f"served.serve(x) 与导出前相差 {difference:.2e}")
assert difference < 1e-6
# --8<-- [end:tf-load]

# --8<-- [start:tfsm-layer]
import keras

layer = keras.layers.TFSMLayer("exported_model", call_endpoint="serving_default")
outputs = layer(x)  # serving_default 签名返回一个字典
print("输出的键:", list(outputs))
difference = np.abs(np.asarray(outputs["output_0"]) - expected).max()
print(f"TFSMLayer 与导出前相差 {difference:.2e}")
assert difference < 1e-6

# 包进一个 Keras 模型，就能和别的层一起用（只能推理，不能继续训练它的权重）
inputs = keras.Input(shape=(4,))
wrapped = keras.Model(inputs, layer(inputs)["output_0"])
assert np.abs(wrapped.predict(x, verbose=0) - expected).max() < 1e-6
# --8<-- [end:tfsm-layer]

# --8<-- [start:load-model]
try:
    keras.models.load_model("exported_model")  # SavedModel 目录不是 load_model 能读的格式
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("load_model 居然读了 SavedModel")
assert "TFSMLayer" in message
# --8<-- [end:load-model]
