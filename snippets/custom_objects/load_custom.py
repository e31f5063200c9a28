"""自定义对象 2：在新进程里加载含自定义层和自定义损失的模型。"""
# harness: requires=save_custom.py

# --8<-- [start:no-custom]
import keras
import numpy as np


def root_cause(error):
    """Keras 把真正的原因写在 "Exception encountered:" 之后；只取这一句。"""
    text = str(error)
    if "Exception encountered:" in text:
        text = text.split("Exception encountered:")[-1]
    return text.split(" Full object config")[0].strip()


try:
    keras.models.load_model("custom.keras")  # 这个进程里没有 Scale 和 weighted_mse 的定义
except TypeError as error:
    message = root_cause(error)
    print(f"TypeError: ... {message}")
else:
    raise AssertionError("不认识的类居然能加载")
assert "Could not locate class 'Scale'" in message and "register_keras_serializable" in message
# --8<-- [end:no-custom]


# --8<-- [start:define-again]
class Scale(keras.layers.Layer):  # 与保存时相同的代码（实际项目里应 import 同一个模块）
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


def weighted_mse(y_true, y_pred):
    return 2.0 * keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1)


# --8<-- [end:define-again]

# --8<-- [start:only-layer]
try:
    keras.models.load_model("custom.keras", custom_objects={"Scale": Scale})  # 忘了损失函数
except TypeError as error:
    message = root_cause(error)
    print(f"TypeError: ... {message}")
else:
    raise AssertionError("缺了损失函数居然能加载")
assert "Could not locate function 'weighted_mse'" in message
# --8<-- [end:only-layer]

# --8<-- [start:compile-false]
x, y, expected = np.load("x.npy"), np.load("y.npy"), np.load("pred.npy")

model = keras.models.load_model("custom.keras", custom_objects={"Scale": Scale}, compile=False)
difference = np.abs(model.predict(x, verbose=0) - expected).max()
print(f"compile=False：已编译 {model.compiled}，预测与保存时相差 {difference:.2e}")
assert not model.compiled and difference < 1e-6
# --8<-- [end:compile-false]

# --8<-- [start:custom-objects]
model = keras.models.load_model("custom.keras", custom_objects={"Scale": Scale, "weighted_mse": weighted_mse})
print(
    "已编译:",
    model.compiled,
    " loss:",
    model.loss.__name__,
    " scale.factor:",
    model.get_layer("scale").factor,
)
print("优化器已走的步数:", int(model.optimizer.iterations))
history = model.fit(x, y, epochs=1, verbose=0)  # 可以接着训练
print(f"继续训练一轮，loss = {history.history['loss'][0]:.4f}")
assert model.compiled and model.loss is weighted_mse and model.get_layer("scale").factor == 0.5
assert int(model.optimizer.iterations) == 2 + 1  # 32 个样本一批，2 轮已存下，又训练 1 轮
# --8<-- [end:custom-objects]

# --8<-- [start:h5]
try:
    keras.models.load_model("custom.h5", custom_objects={"Scale": Scale})  # 旧格式，同样忘了损失函数
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("缺了损失函数居然能加载")
assert "string indices" in message  # 报错完全没提 weighted_mse

model = keras.models.load_model("custom.h5", custom_objects={"Scale": Scale}, compile=False)
difference = np.abs(model.predict(x, verbose=0) - expected).max()
print(f".h5 + compile=False：预测与保存时相差 {difference:.2e}")
assert difference < 1e-6
# --8<-- [end:h5]
