"""一个注册过的自定义层，代替 Lambda 做缩放：保存和加载的脚本都 import 它。"""

import keras


@keras.saving.register_keras_serializable(package="lambda_pitfall")
class ResizeTo(keras.layers.Layer):
    """把特征图缩放到 (height, width)。"""

    def __init__(self, height, width, interpolation="bilinear", **kwargs):
        super().__init__(**kwargs)
        self.height, self.width, self.interpolation = height, width, interpolation

    def call(self, inputs):
        return keras.ops.image.resize(inputs, (self.height, self.width), interpolation=self.interpolation)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.height, self.width, input_shape[-1])

    def get_config(self):
        return {
            **super().get_config(),
            "height": self.height,
            "width": self.width,
            "interpolation": self.interpolation,
        }
