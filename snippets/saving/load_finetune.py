"""保存与加载 8：把旧模型的部分权重装进新结构（微调 / 迁移学习）。"""
# harness: requires=save_finetune.py

# --8<-- [start:new-model]
import keras
import numpy as np


def new_model():
    return keras.Sequential(
        [
            keras.Input(shape=(3,)),
            keras.layers.Dense(2, name="dense_1"),  # 想从旧模型拿权重
            keras.layers.Dense(10, name="new_dense"),  # 新加的层，保持随机初始化
        ]
    )


saved = np.load("dense_1_saved.npz")
dense_1_saved = [saved["arr_0"], saved["arr_1"]]


def dense_1_matches(model):
    return all(np.array_equal(a, b) for a, b in zip(model.get_layer("dense_1").get_weights(), dense_1_saved))


model = new_model()
print("加载前 dense_1 与旧模型相同?", dense_1_matches(model))
assert not dense_1_matches(model)
# --8<-- [end:new-model]

# --8<-- [start:by-name]
try:
    model.load_weights("old.weights.h5", by_name=True)  # 原笔记的写法，换成新格式的文件
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("by_name=True 没有报错")
assert "by_name" in message and ".h5" in message
# --8<-- [end:by-name]

# --8<-- [start:legacy-by-name]
model = new_model()
new_dense_before = model.get_layer("new_dense").get_weights()
model.load_weights("old_legacy.h5", by_name=True)  # 旧 HDF5 文件：by_name 仍然可用
print("legacy .h5 + by_name：dense_1 已加载?", dense_1_matches(model))
untouched = all(
    np.array_equal(a, b)
    for a, b in zip(model.get_layer("new_dense").get_weights(), new_dense_before, strict=True)
)
print("new_dense 保持原样?", untouched)
assert dense_1_matches(model) and untouched
# --8<-- [end:legacy-by-name]

# --8<-- [start:plain]
model = new_model()
try:
    model.load_weights("old.weights.h5")  # 不加任何参数：new_dense 的形状对不上
except ValueError as error:
    message = str(error)
    print("ValueError:", " ".join(message.split()[:24]), "...")
else:
    raise AssertionError("形状不同居然也能加载")
assert "shape" in message
# --8<-- [end:plain]

# --8<-- [start:skip-mismatch]
import warnings

model = new_model()
new_dense_before = model.get_layer("new_dense").get_weights()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.load_weights("old.weights.h5", skip_mismatch=True)
skipped = [str(w.message) for w in caught if "could not be loaded" in str(w.message)]
print("警告:", skipped[0].splitlines()[0])
untouched = all(
    np.array_equal(a, b)
    for a, b in zip(model.get_layer("new_dense").get_weights(), new_dense_before, strict=True)
)
print("skip_mismatch=True：dense_1 已加载?", dense_1_matches(model), "  new_dense 保持原样?", untouched)
assert skipped and dense_1_matches(model) and untouched
# --8<-- [end:skip-mismatch]

# --8<-- [start:positional]
# .weights.h5 按“第几层”对应，而不看你起的名字：名字全换掉，照样加载成功
renamed = keras.Sequential(
    [
        keras.Input(shape=(3,)),
        keras.layers.Dense(2, name="totally_different"),
        keras.layers.Dense(3, name="also_different"),
    ]
)
renamed.load_weights("old.weights.h5")
same = all(
    np.array_equal(a, b)
    for a, b in zip(renamed.get_layer("totally_different").get_weights(), dense_1_saved, strict=True)
)
print("层名完全不同，第 1 层照样拿到了 dense_1 的权重?", same)
assert same
# --8<-- [end:positional]

# --8<-- [start:copy-by-name]
old = keras.models.load_model("old.keras")  # 也可以先搭旧结构再 load_weights("old.weights.h5")
model = new_model()
copied = []
for layer in model.layers:
    try:
        source = old.get_layer(layer.name)
    except ValueError:  # 旧模型里没有同名层
        continue
    layer.set_weights(source.get_weights())  # 形状不一致时这里会报错，不会悄悄跳过
    copied.append(layer.name)
print("按层名复制了:", copied)
print("dense_1 与旧模型相同?", dense_1_matches(model))
assert copied == ["dense_1"] and dense_1_matches(model)
# --8<-- [end:copy-by-name]
