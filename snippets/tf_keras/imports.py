"""tf_keras 3：对照表里的旧导入路径，只把包名 keras 换成 tf_keras 之后能否导入。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:np-utils]
import tf_keras

try:
    from tf_keras.utils import np_utils  # noqa: F401  原笔记的写法，只把 keras 换成了 tf_keras
except ImportError as error:
    kind, message = type(error), str(error).split(" (")[0]  # 括号里是安装路径，省略
    print(f"{kind.__name__}: {message}")
else:
    raise AssertionError("np_utils 居然还在")
assert kind is ImportError and "np_utils" in message
print("tf_keras: FAILS", "np_utils 不在 tf_keras 的公开接口里，直接用 tf_keras.utils.to_categorical")
assert tf_keras.utils.to_categorical
# --8<-- [end:np-utils]

# --8<-- [start:layers-core]
try:
    from tf_keras.layers.core import Dense  # noqa: F401
except ModuleNotFoundError as error:
    message = str(error)
    print(f"ModuleNotFoundError: {message}")
else:
    raise AssertionError("tf_keras.layers.core 居然能导入")
assert message == "No module named 'tf_keras.layers.core'"
print("tf_keras: FAILS", "层一律从 tf_keras.layers 导入")
assert tf_keras.layers.Dense
# --8<-- [end:layers-core]

# --8<-- [start:normalization]
try:
    from tf_keras.layers.normalization import BatchNormalization  # noqa: F401
except ModuleNotFoundError as error:
    print(f"ModuleNotFoundError: {error}")
else:
    raise AssertionError("tf_keras.layers.normalization 居然能导入")
try:
    tf_keras.layers.normalization.BatchNormalization  # noqa: B018  原笔记的另一种写法：当属性访问
except AttributeError as error:
    print(f"AttributeError: {error}")
else:
    raise AssertionError("tf_keras.layers.normalization 居然存在")
print("tf_keras: FAILS", "用 tf_keras.layers.BatchNormalization")
assert tf_keras.layers.BatchNormalization
# --8<-- [end:normalization]

# --8<-- [start:convolutional]
try:
    tf_keras.layers.convolutional.Conv2DTranspose  # noqa: B018
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("tf_keras.layers.convolutional 居然存在")
assert "convolutional" in message
print("tf_keras: FAILS", "用 tf_keras.layers.Conv2DTranspose")
assert tf_keras.layers.Conv2DTranspose
# --8<-- [end:convolutional]

# --8<-- [start:vis-utils]
try:
    from tf_keras.utils.vis_utils import plot_model  # noqa: F401
except ModuleNotFoundError as error:
    message = str(error)
    print(f"ModuleNotFoundError: {message}")
else:
    raise AssertionError("tf_keras.utils.vis_utils 居然能导入")
assert message == "No module named 'tf_keras.utils.vis_utils'"
print("tf_keras: FAILS", "用 tf_keras.utils.plot_model")
assert tf_keras.utils.plot_model
# --8<-- [end:vis-utils]

# --8<-- [start:engine-topology]
try:
    from tf_keras.engine.topology import Layer  # noqa: F401
except ModuleNotFoundError as error:
    message = str(error)
    print(f"ModuleNotFoundError: {message}")
else:
    raise AssertionError("tf_keras.engine.topology 居然能导入")
assert message == "No module named 'tf_keras.engine'"
print("tf_keras: FAILS", "用 tf_keras.layers.Layer")
assert tf_keras.layers.Layer
# --8<-- [end:engine-topology]

# --8<-- [start:multi-gpu]
try:
    tf_keras.utils.training_utils.multi_gpu_model(None, gpus=3)  # 原笔记的写法
except AttributeError as error:
    print(f"AttributeError: {error}")
    assert "training_utils" in str(error)
else:
    raise AssertionError("multi_gpu_model 居然还在")
try:
    from tf_keras.utils import multi_gpu_model  # noqa: F401  另一种常见写法
except ImportError as error:
    print(f"ImportError: {str(error).split(' (')[0]}")
    assert "multi_gpu_model" in str(error)
else:
    raise AssertionError("multi_gpu_model 居然还在")
print(
    "tf_keras: FAILS",
    "multi_gpu_model 在 TensorFlow 2 的更新中已经删除，多卡请用 tf.distribute.MirroredStrategy",
)
# --8<-- [end:multi-gpu]

# --8<-- [start:image-data-generator]
import numpy as np
from tf_keras.preprocessing.image import ImageDataGenerator  # 原笔记的写法，只换了包名

aug = ImageDataGenerator(rotation_range=20, zoom_range=0.15, horizontal_flip=True, fill_mode="nearest")
batch = next(aug.flow(np.random.rand(8, 28, 28, 1), batch_size=4))
print("ImageDataGenerator 来自:", ImageDataGenerator.__module__, "  一批增强后的图片:", batch.shape)
assert batch.shape == (4, 28, 28, 1)
assert "Deprecated" in ImageDataGenerator.__doc__, "文档字符串里写着：不推荐新代码使用"
print("tf_keras: OK", "ImageDataGenerator 还在 tf_keras 里（文档标为 Deprecated）")
# --8<-- [end:image-data-generator]
