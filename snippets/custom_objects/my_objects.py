"""自定义对象模块：保存和加载模型的脚本都 import 它，注册在 import 时完成。"""

import keras


@keras.saving.register_keras_serializable(package="my_objects")
class Scale(keras.layers.Layer):
    """把输入乘以一个固定的系数。参数是普通数字，Keras 会自动记进配置。"""

    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor


@keras.saving.register_keras_serializable(package="my_objects")
class Residual(keras.layers.Layer):
    """残差包装：输出 = inputs + inner(inputs)。参数是一个层对象，必须自己写 get_config / from_config。"""

    def __init__(self, inner, **kwargs):
        super().__init__(**kwargs)
        self.inner = inner

    def build(self, input_shape):
        if not self.inner.built:  # 从配置恢复时，inner 可能已经建好了
            self.inner.build(input_shape)

    def call(self, inputs):
        return inputs + self.inner(inputs)

    def get_config(self):
        config = super().get_config()
        config["inner"] = keras.saving.serialize_keras_object(self.inner)  # 层对象 → 字典
        return config

    @classmethod
    def from_config(cls, config):
        config["inner"] = keras.saving.deserialize_keras_object(config["inner"])  # 字典 → 层对象
        return cls(**config)


@keras.saving.register_keras_serializable(package="my_objects")
def weighted_mse(y_true, y_pred):
    """均方误差乘以 2。"""
    return 2.0 * keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1)
