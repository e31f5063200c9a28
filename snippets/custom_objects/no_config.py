"""自定义对象 5：构造参数不是普通数值、又没写 get_config 的层，保存时就会报错。"""

# --8<-- [start:no-config]
import keras


class ResidualWithoutConfig(keras.layers.Layer):
    def __init__(self, inner, **kwargs):
        super().__init__(**kwargs)
        self.inner = inner

    def call(self, inputs):
        return inputs + self.inner(inputs)


model = keras.Sequential([keras.Input(shape=(4,)), ResidualWithoutConfig(keras.layers.Dense(4))])
try:
    model.save("no_config.keras")
except NotImplementedError as error:
    message = " ".join(str(error).split())
    print(f"NotImplementedError: {message[: message.index('Example:')]}")
else:
    raise AssertionError("没有 get_config 居然能保存")
assert "get_config()" in message
# --8<-- [end:no-config]
