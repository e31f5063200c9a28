"""预训练模型 5：weights= 直接给一个本地文件路径。"""

# --8<-- [start:imagenet-file]
import os

import keras
import numpy as np

# 这就是 weights="imagenet" 时下载的那个文件；断网时，在别的机器上下载好再拷过来即可
url = (
    "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/"
    "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5"
)
local_file = keras.utils.get_file(os.path.basename(url), origin=url, cache_subdir="models")
print("本地文件名:", os.path.basename(local_file))

from_file = keras.applications.MobileNetV2(weights=local_file)  # 旧 HDF5 格式的 .h5：可以
from_name = keras.applications.MobileNetV2(weights="imagenet")
same = all(
    np.array_equal(a, b) for a, b in zip(from_file.get_weights(), from_name.get_weights(), strict=True)
)
print("weights=路径 与 weights='imagenet' 的权重完全相同?", same)
assert same
# --8<-- [end:imagenet-file]
