"""自定义对象 1：一个自定义层 + 一个自定义损失函数，都没有注册，保存后由 load_custom.py 在新进程里加载。"""

# --8<-- [start:define]
import keras
import numpy as np


class Scale(keras.layers.Layer):
    """把输入乘以一个固定的系数。"""

    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


def weighted_mse(y_true, y_pred):
    """均方误差乘以 2——代表任何你自己写的损失函数。"""
    return 2.0 * keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1)


# --8<-- [end:define]

# --8<-- [start:save]
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3), Scale(0.5, name="scale")])
model.compile(optimizer="adam", loss=weighted_mse)
rng = np.random.default_rng(0)
x, y = rng.normal(size=(32, 4)).astype("float32"), rng.normal(size=(32, 3)).astype("float32")
model.fit(x, y, epochs=2, verbose=0)

np.save("x.npy", x)
np.save("y.npy", y)
np.save("pred.npy", model.predict(x, verbose=0))
model.save("custom.keras")
model.save("custom.h5")  # 旧 HDF5 格式，对照用
print("已保存 custom.keras 和 custom.h5")
# --8<-- [end:save]
