"""tf_keras 8：原笔记的保存与加载写法（.h5、to_yaml、SavedModel、by_name）在 tf_keras 下能否运行。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:model]
import os
import warnings

import numpy as np
import tf_keras as keras
from tf_keras.layers import Dense
from tf_keras.models import Sequential

model = Sequential()
model.add(Dense(2, input_dim=3, name="dense_1"))
model.add(Dense(3, name="dense_2"))
model.compile(optimizer="adam", loss="mse")  # 正是 Keras 3 读不回来的那种 .h5：字符串 "mse"
model.fit(np.ones((8, 3)), np.zeros((8, 3)), epochs=2, verbose=0)
x = np.arange(6, dtype="float32").reshape(2, 3)
expected = model.predict(x, verbose=0)
# --8<-- [end:model]

# --8<-- [start:save-h5]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.save("my_model.h5")  # 原笔记的写法
messages = [str(w.message) for w in caught if "HDF5" in str(w.message)]
print("UserWarning:", messages[0])
assert os.path.exists("my_model.h5") and "legacy" in messages[0]
print("tf_keras: OK", "照样存成 .h5，只提示这是 legacy 格式")
# --8<-- [end:save-h5]

# --8<-- [start:load-h5]
same = keras.models.load_model("my_model.h5")  # 原笔记的写法：不需要 compile=False
difference = np.abs(same.predict(x, verbose=0) - expected).max()
print(
    f"加载成功：优化器 {type(same.optimizer).__name__}，loss {same.loss.__name__}，预测相差 {difference:.1e}"
)
assert same.loss.__name__ == "mean_squared_error" and difference < 1e-6  # "mse" 还原成了函数本身
print("tf_keras: OK", 'loss="mse" 的 .h5 也能带着训练配置读回来')
# --8<-- [end:load-h5]

# --8<-- [start:weights-h5]
model.save_weights("my_model_weights.h5")  # 原笔记的文件名
twin = Sequential([Dense(2, input_dim=3, name="dense_1"), Dense(3, name="dense_2")])
twin.load_weights("my_model_weights.h5")
difference = np.abs(twin.predict(x, verbose=0) - expected).max()
print(f"my_model_weights.h5 读回后预测相差 {difference:.1e}")
assert difference < 1e-6
print("tf_keras: OK", "权重文件名不必以 .weights.h5 结尾")
# --8<-- [end:weights-h5]

# --8<-- [start:yaml]
try:
    model.to_yaml()  # 原笔记的写法
except RuntimeError as error:
    message = str(error)
    print(f"RuntimeError: {message}")
else:
    raise AssertionError("to_yaml 居然还能用")
assert "removed due to security risk" in message

from tf_keras.models import model_from_yaml  # 导入本身不报错……

try:
    model_from_yaml("class_name: Sequential")  # ……一调用就报错
except RuntimeError as error:
    message = str(error)
    print(f"RuntimeError: {message}")
else:
    raise AssertionError("model_from_yaml 居然还能用")
assert "model_from_json()" in message
print("tf_keras: FAILS", "YAML 因为安全原因被移除，改用 to_json / model_from_json")
# --8<-- [end:yaml]

# --8<-- [start:savedmodel]
model.save("my_model")  # 没有后缀：tf_keras 存成 TensorFlow 的 SavedModel 目录
print("my_model/ 里有:", sorted(os.listdir("my_model")))
restored = keras.models.load_model("my_model")
difference = np.abs(restored.predict(x, verbose=0) - expected).max()
print(f"从 SavedModel 读回后预测相差 {difference:.1e}")
assert "saved_model.pb" in os.listdir("my_model") and difference < 1e-6
print("tf_keras: OK", "SavedModel 仍是 model.save 不带后缀时的格式")
# --8<-- [end:savedmodel]

# --8<-- [start:by-name]
model.save_weights("old.weights.h5")  # 以 .weights.h5 结尾：tf_keras 也会用新格式保存

new_model = Sequential()  # 原笔记的例子：第一层同名，第二层是新的
new_model.add(Dense(2, input_dim=3, name="dense_1"))  # will be loaded
new_model.add(Dense(10, name="new_dense"))  # will not be loaded
try:
    new_model.load_weights("old.weights.h5", by_name=True)
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("by_name 居然对新格式生效了")
assert "Shape mismatch" in message, "新格式忽略 by_name，按层的顺序加载，于是形状对不上"
print("tf_keras: FAILS", "by_name 只对旧的 HDF5 权重文件起作用，.weights.h5 按顺序加载")

new_model.load_weights("my_model_weights.h5", by_name=True)  # 原笔记的文件名：旧 HDF5 格式
loaded = np.array_equal(
    new_model.get_layer("dense_1").get_weights()[0], model.get_layer("dense_1").get_weights()[0]
)
print("换成旧格式的 my_model_weights.h5：dense_1 按名字加载成功?", loaded)
assert loaded
# --8<-- [end:by-name]

# --8<-- [start:for-keras3]
# 给下一节用：同样的结构，分别用四种 loss 编译后存成 .h5，再存一份 .keras
for loss in ("mse", "mae", "mean_squared_error", "categorical_crossentropy"):
    model.compile(optimizer="adam", loss=loss)
    model.save(f"tf_keras_{loss}.h5")
model.save("tf_keras_model.keras")
np.save("keras3_x.npy", x)
np.save("keras3_pred.npy", expected)
print("已保存:", sorted(name for name in os.listdir(".") if name.startswith("tf_keras_")))
# --8<-- [end:for-keras3]
