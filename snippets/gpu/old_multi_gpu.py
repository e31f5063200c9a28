"""原笔记多卡训练代码里的旧写法，今天各自会怎样。"""

# --8<-- [start:multi-gpu-model]
import keras


def old_import():
    from keras.utils import multi_gpu_model  # noqa: F401  Keras 2.0–2.3 的写法


try:
    old_import()
except ImportError as error:
    message = str(error)
    print(f"ImportError: {message.split(' (')[0]}")  # 省略括号里的安装路径
else:
    raise AssertionError("multi_gpu_model 仍然可以导入")
assert "multi_gpu_model" in message

for old_call in (
    lambda: keras.utils.multi_gpu_model(None, gpus=3),
    lambda: keras.utils.training_utils.multi_gpu_model(None, gpus=3),  # 原笔记的写法
):
    try:
        old_call()
    except AttributeError as error:
        message = str(error)
        print(f"AttributeError: {message}")
    else:
        raise AssertionError("旧写法没有报错")
    assert "multi_gpu_model" in message or "training_utils" in message
# --8<-- [end:multi-gpu-model]

# --8<-- [start:save-weights]
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
try:
    model.save_weights("model.h5")  # 原笔记：model.save_weights('/path/to/save/model.h5')
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("save_weights 接受了 .h5 结尾的文件名")
assert ".weights.h5" in message
model.save_weights("model.weights.h5")  # 今天：文件名必须以 .weights.h5 结尾
# --8<-- [end:save-weights]
