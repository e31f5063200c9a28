"""预训练模型 4：权重缓存在哪里，以及断网时怎样让 Keras 找到事先放好的文件。"""

# --8<-- [start:cache]
import hashlib
import os
from pathlib import Path

import keras

# 预训练模型下载权重用的就是 keras.utils.get_file(..., cache_subdir="models")。
# cache_dir 不写时是 $KERAS_HOME，没设置这个环境变量则是 ~/.keras。这里显式指定一个本地目录来演示。
cache_dir = os.path.abspath("my_keras_home")
fname = "toy_weights.h5"
cached = Path(cache_dir, "models", fname)
cached.parent.mkdir(parents=True, exist_ok=True)
cached.write_bytes(b"pretend these are pretrained weights")  # 相当于：在别处下载好，拷到这里
sha256 = hashlib.sha256(cached.read_bytes()).hexdigest()

offline_origin = "file:///no_such_server/toy_weights.h5"  # 根本取不到的地址
path = keras.utils.get_file(
    fname, origin=offline_origin, cache_dir=cache_dir, cache_subdir="models", file_hash=sha256
)
print("get_file 返回:", os.path.relpath(path))
assert Path(path) == cached  # 文件已在缓存里且哈希正确：直接用，不去下载
# --8<-- [end:cache]

# --8<-- [start:bad-hash]
try:
    keras.utils.get_file(
        fname, origin=offline_origin, cache_dir=cache_dir, cache_subdir="models", file_hash="0" * 64
    )
except Exception as error:  # noqa: BLE001 - get_file 下载失败时抛的就是 Exception
    message = str(error)
    print(f"{type(error).__name__}: {message}")
else:
    raise AssertionError("哈希不对居然也用了缓存")
assert "URL fetch failure" in message  # 哈希不对 → 当作损坏的文件，重新下载 → 断网就失败
# --8<-- [end:bad-hash]
