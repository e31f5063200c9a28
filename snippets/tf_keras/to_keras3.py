"""tf_keras 9：回到 Keras 3——在新进程里用 Keras 3 读 tf_keras 存下的文件。"""
# harness: requires=saving.py
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:h5]
import keras  # 这次是 Keras 3
import numpy as np

x, expected = np.load("keras3_x.npy"), np.load("keras3_pred.npy")
for name in ("mean_squared_error", "categorical_crossentropy"):
    model = keras.models.load_model(f"tf_keras_{name}.h5")  # loss 写的是全名
    difference = np.abs(model.predict(x, verbose=0) - expected).max()
    print(f"loss={name!r}: 加载成功，已编译 {model.compiled}，预测相差 {difference:.1e}")
    assert model.compiled and difference < 1e-6

for name in ("mse", "mae"):
    try:
        keras.models.load_model(f"tf_keras_{name}.h5")  # loss 写的是缩写
    except ValueError as error:
        message = str(error)
        print(f'loss="{name}": ValueError: {message}')
    else:
        raise AssertionError(f"loss={name!r} 的 .h5 居然能加载")
    assert f"keras.metrics.{name}" in message
    model = keras.models.load_model(f"tf_keras_{name}.h5", compile=False)  # 只取结构和权重
    assert not model.compiled and np.abs(model.predict(x, verbose=0) - expected).max() < 1e-6
print('compile=False 之后，"mse" 和 "mae" 的文件也都读出来了，预测一致')
# --8<-- [end:h5]

# --8<-- [start:keras-file]
try:
    keras.models.load_model("tf_keras_model.keras")  # tf_keras 存的 .keras
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message[:100]}...")
else:
    raise AssertionError("Keras 3 居然读得了 tf_keras 的 .keras")
assert "could not be deserialized properly" in message
# --8<-- [end:keras-file]
