# 常见报错速查 1：Keras 2 的导入路径和模块名，在 Keras 3.15.1 里报什么错。
# 每一段都能单独复制运行：触发旧写法，打印 “异常类型: 报错原文”，再断言原文一字不差。
# ImportError 的原文末尾带着 Keras 的安装路径（因机器而异），打印时换成 “...”，断言时用 error.path 拼回去。

# --8<-- [start:keras-layers-core]
import keras

try:
    from keras.layers.core import Dense  # noqa: F401  Keras 2 的导入路径
except ImportError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ModuleNotFoundError: No module named 'keras.layers.core'"

from keras.layers import Dense  # 今天：所有层都直接在 keras.layers 下

print("今天的写法:", Dense is keras.layers.Dense)
# --8<-- [end:keras-layers-core]

# --8<-- [start:keras-layers-normalization]
import keras

try:
    from keras.layers.normalization import BatchNormalization  # noqa: F401  Keras 2 的导入路径
except ImportError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ModuleNotFoundError: No module named 'keras.layers.normalization'"
print("今天的写法:", keras.layers.BatchNormalization.__name__)
# --8<-- [end:keras-layers-normalization]

# --8<-- [start:keras-utils-vis-utils]
import keras

try:
    from keras.utils.vis_utils import plot_model  # noqa: F401  Keras 2 的导入路径
except ImportError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ModuleNotFoundError: No module named 'keras.utils.vis_utils'"
print("今天的写法:", keras.utils.plot_model.__name__, keras.utils.model_to_dot.__name__)
# --8<-- [end:keras-utils-vis-utils]

# --8<-- [start:keras-engine]
import keras

try:
    from keras.engine.topology import Layer  # noqa: F401  Keras 2 的导入路径
except ImportError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ModuleNotFoundError: No module named 'keras.engine'"
print("今天的写法:", keras.layers.Layer.__name__, keras.layers.InputSpec.__name__)
# --8<-- [end:keras-engine]

# --8<-- [start:np-utils]
import keras

try:
    from keras.utils import np_utils  # noqa: F401  Keras 2 的写法
except ImportError as error:
    text, path = f"{type(error).__name__}: {error}", error.path
else:
    raise AssertionError("旧写法没有报错")
print(text.replace(path, "..."))
assert text == f"ImportError: cannot import name 'np_utils' from 'keras.utils' ({path})"
print("今天的写法:", keras.utils.to_categorical([0, 2], num_classes=3).tolist())
# --8<-- [end:np-utils]

# --8<-- [start:image-data-generator]
import keras

try:
    from keras.preprocessing.image import ImageDataGenerator  # noqa: F401  Keras 2 的写法
except ImportError as error:
    text, path = f"{type(error).__name__}: {error}", error.path
else:
    raise AssertionError("旧写法没有报错")
print(text.replace(path, "..."))
assert text == (
    f"ImportError: cannot import name 'ImageDataGenerator' from 'keras.preprocessing.image' ({path})"
)
augment = keras.Sequential([keras.layers.RandomRotation(20 / 360), keras.layers.RandomFlip("horizontal")])
print("今天的写法:", [type(layer).__name__ for layer in augment.layers])
# --8<-- [end:image-data-generator]

# --8<-- [start:model-from-yaml]
import keras

try:
    from keras.models import model_from_yaml  # noqa: F401  Keras 2 的写法
except ImportError as error:
    text, path = f"{type(error).__name__}: {error}", error.path
else:
    raise AssertionError("旧写法没有报错")
print(text.replace(path, "..."))
assert text == f"ImportError: cannot import name 'model_from_yaml' from 'keras.models' ({path})"
print("今天的写法:", keras.models.model_from_json.__name__)
# --8<-- [end:model-from-yaml]

# --8<-- [start:multi-gpu-model-import]
try:
    from keras.utils import multi_gpu_model  # noqa: F401  Keras 2 的写法
except ImportError as error:
    text, path = f"{type(error).__name__}: {error}", error.path
else:
    raise AssertionError("旧写法没有报错")
print(text.replace(path, "..."))
assert text == f"ImportError: cannot import name 'multi_gpu_model' from 'keras.utils' ({path})"
# --8<-- [end:multi-gpu-model-import]

# --8<-- [start:training-utils]
import keras

try:
    keras.utils.training_utils.multi_gpu_model  # 原笔记的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'keras.utils' has no attribute 'training_utils'"
# --8<-- [end:training-utils]

# --8<-- [start:tensorboard-spelling]
import keras

try:
    keras.callbacks.Tensorboard(log_dir="logs")  # 原笔记的拼写：b 小写
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'keras.callbacks' has no attribute 'Tensorboard'"
print("今天的写法:", keras.callbacks.TensorBoard.__name__)
# --8<-- [end:tensorboard-spelling]

# --8<-- [start:layers-convolutional]
import keras

try:
    keras.layers.convolutional.Conv2DTranspose(1, 3)  # Keras 2 的模块路径
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: module 'keras.layers' has no attribute 'convolutional'"
print("今天的写法:", keras.layers.Conv2DTranspose(1, 3).__class__.__name__)
# --8<-- [end:layers-convolutional]
