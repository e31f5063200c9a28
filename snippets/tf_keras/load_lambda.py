"""tf_keras 11：在新进程里加载含 Lambda 的 .h5——原笔记遇到的 NameError 和 custom_objects 的解法。"""
# harness: requires=save_lambda.py
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:name-error]
import numpy as np
import tensorflow as tf
import tf_keras as keras

for custom_objects in (None, {"tf": tf}):  # 什么都不给；只给 tf（原笔记的第一次尝试）
    try:
        keras.models.load_model("1.h5", custom_objects=custom_objects)
    except NameError as error:
        message = str(error)
        print(f"custom_objects={custom_objects and '{tf}'} -> NameError:", message.strip().splitlines()[2])
    else:
        raise AssertionError("加载脚本里没有 H，居然也加载成功了")
    assert "name 'H' is not defined" in message
# --8<-- [end:name-error]


# --8<-- [start:custom-objects]
def load(path, H, W):  # H、W 要和训练时一致
    return keras.models.load_model(path, custom_objects={"tf": tf, "H": H, "W": W})


m = load("1.h5", 32, 32)
difference = np.abs(m.predict(np.load("x.npy"), verbose=0) - np.load("pred.npy")).max()
print(f"加载成功，输出形状 {m.output_shape}，预测与保存时相差 {difference:.1e}")
assert m.output_shape == (None, 32, 32, 4) and difference < 1e-6
assert any(isinstance(layer, keras.layers.Lambda) for layer in m.layers)
print("tf_keras: OK", "原笔记的 custom_objects 办法在 tf_keras 的 .h5 上照样有效")
# --8<-- [end:custom-objects]
