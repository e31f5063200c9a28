"""保存与加载 4：在新进程里分别加载 .h5 整模型、.weights.h5 权重和 JSON 结构。"""
# harness: requires=save_formats.py

# --8<-- [start:h5]
import keras
import numpy as np

x, expected = np.load("x.npy"), np.load("pred.npy")

try:
    keras.models.load_model("my_model.h5")  # 模型是用 loss="mse" 编译的
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("这个 .h5 文件居然能直接加载")
assert "mse" in message

model = keras.models.load_model("my_model.h5", compile=False)  # 跳过训练配置，只取结构和权重
difference = np.abs(model.predict(x, verbose=0) - expected).max()
print(f"compile=False：已编译 {model.compiled}，预测与保存时相差 {difference:.2e}")
assert not model.compiled and difference < 1e-6

same_model = keras.models.load_model("same_model.keras")  # 同一个模型存成 .keras：没有这个问题
print(".keras：已编译", same_model.compiled, " loss =", same_model.loss)
assert same_model.compiled and same_model.loss == "mse"
# --8<-- [end:h5]

# --8<-- [start:decode]
import h5py

with h5py.File("my_model.h5", "r") as f:
    model_config = f.attrs["model_config"]  # 模型结构，以 JSON 字符串存在 HDF5 属性里
print(f"Keras {keras.__version__}，h5py {h5py.__version__}")
print("h5py 读出来的 model_config 是", type(model_config).__name__)
try:
    model_config.decode("utf-8")  # 2020 年以前的 Keras 读这个属性时就是这么写的
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("读出来的居然是 bytes")
assert isinstance(model_config, str) and message == "'str' object has no attribute 'decode'"

# 今天的 Keras 先检查有没有 .decode 再调用：同一个文件照常加载
reloaded = keras.models.load_model("my_model.h5", compile=False)
assert np.abs(reloaded.predict(x, verbose=0) - expected).max() < 1e-6
print("keras.models.load_model 读同一个文件：正常")
# --8<-- [end:decode]

# --8<-- [start:weights]
# 只有权重的文件：先用代码搭出一模一样的结构，再 load_weights
same = keras.Sequential(
    [keras.Input(shape=(3,)), keras.layers.Dense(2, name="dense_1"), keras.layers.Dense(3, name="dense_2")]
)
same.load_weights("my_model.weights.h5")
difference = np.abs(same.predict(x, verbose=0) - expected).max()
print(f".weights.h5：已编译 {same.compiled}，预测与保存时相差 {difference:.2e}")
assert not same.compiled and difference < 1e-6
# --8<-- [end:weights]

# --8<-- [start:json]
with open("my_model.json", encoding="utf-8") as f:
    rebuilt = keras.models.model_from_json(f.read())
print("model_from_json 恢复的层:", [layer.name for layer in rebuilt.layers], " 已编译:", rebuilt.compiled)
kernel_saved = model.get_layer("dense_1").get_weights()[0]
kernel_rebuilt = rebuilt.get_layer("dense_1").get_weights()[0]
print("权重和保存时一样吗?", np.allclose(kernel_saved, kernel_rebuilt))
assert [layer.name for layer in rebuilt.layers] == ["dense_1", "dense_2"]
assert rebuilt.compiled  # JSON 里也带着 compile 的配置
assert not np.allclose(kernel_saved, kernel_rebuilt), "JSON 里没有权重，恢复出来的是新初始化的"

rebuilt.load_weights("my_model.weights.h5")  # 结构 + 权重分开存的组合
difference = np.abs(rebuilt.predict(x, verbose=0) - expected).max()
print(f"再 load_weights 之后，预测相差 {difference:.2e}")
assert difference < 1e-6
# --8<-- [end:json]
