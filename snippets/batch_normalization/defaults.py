"""BatchNormalization 今天的默认参数，以及它有哪些权重。"""

# --8<-- [start:defaults]
import keras

config = keras.layers.BatchNormalization().get_config()
for key in ("axis", "momentum", "epsilon", "center", "scale"):
    print(f"{key:9s} = {config[key]}")
print("beta_initializer :", config["beta_initializer"]["class_name"])
print("gamma_initializer:", config["gamma_initializer"]["class_name"])

assert config["axis"] == -1
assert config["momentum"] == 0.99, "原笔记（Keras 1）写的是 0.9"
assert config["epsilon"] == 1e-3, "原笔记（Keras 1）写的是 1e-06"
assert config["beta_initializer"]["class_name"] == "Zeros"
assert config["gamma_initializer"]["class_name"] == "Ones"
# --8<-- [end:defaults]

# --8<-- [start:weights]
model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.BatchNormalization()])
model.summary()
bn = model.layers[0]
print("trainable:    ", [w.name for w in bn.trainable_weights])
print("non-trainable:", [w.name for w in bn.non_trainable_weights])
assert bn.count_params() == 4 * 64  # 每个特征 4 个数
assert len(bn.trainable_weights) == 2 and len(bn.non_trainable_weights) == 2
# --8<-- [end:weights]
