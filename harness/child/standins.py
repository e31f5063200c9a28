"""The one mechanism for assets that cannot be had offline.

Keras fetches datasets and pretrained weights through ``keras.utils.get_file``.
Inside a snippet's process that function is wrapped: a file already in the
Keras cache (put there by ``python -m harness prefetch`` on a machine with a
network) is used as is; otherwise, if the file is registered below, a stand-in
is built once, linked into the Keras cache where the download would have
landed (a symlink, so it is never mistaken for the real file), and served; the
snippet's record says so, so that its page can show a visible notice. Anything else falls through to the real
download, which the network guard refuses with a clear message.

Snippets never change for this: they keep the real loading code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

used: dict[str, str] = {}  # file name -> what stood in for it


@dataclass(frozen=True)
class StandIn:
    description: str  # shown on the page, in Chinese
    build: Callable[[Path], None]  # writes the stand-in file at the given path
    fetch: Callable[[], None]  # downloads the real file into the Keras cache (``python -m harness prefetch``)


def _mnist_from_sklearn_digits(target: Path) -> None:
    """Real handwritten digits (UCI, shipped with scikit-learn), laid out like MNIST."""
    import numpy as np
    from PIL import Image
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = []
    for image in digits.images:  # 8x8, values 0..16
        pixels = Image.fromarray((image * (255 / 16)).astype("uint8"))
        big = np.asarray(pixels.resize((20, 20), Image.Resampling.BILINEAR))
        canvas = np.zeros((28, 28), dtype="uint8")
        canvas[4:24, 4:24] = big  # MNIST centres a 20x20 digit in 28x28
        images.append(canvas)
    images = np.stack(images)
    labels = digits.target.astype("uint8")
    order = np.random.default_rng(0).permutation(len(images))
    images, labels = images[order], labels[order]
    split = 1437  # 80 % for training, as scikit-learn's examples do
    np.savez_compressed(
        target,
        x_train=images[:split],
        y_train=labels[:split],
        x_test=images[split:],
        y_test=labels[split:],
    )


def _random_weights(constructor_name: str, **kwargs) -> Callable[[Path], None]:
    """Same architecture as the real file, seeded random weights, same HDF5 layout."""

    def build(target: Path) -> None:
        import h5py
        import keras
        from keras.src.legacy.saving import legacy_h5_format

        keras.utils.set_random_seed(0)
        model = getattr(keras.applications, constructor_name)(weights=None, **kwargs)
        with h5py.File(target, "w") as f:
            legacy_h5_format.save_weights_to_hdf5_group(f, model)

    return build


MNIST_NOTE = (
    "`mnist.npz` 无法离线获得（Keras 会校验其哈希）。离线验证时由测试替身提供："
    "scikit-learn 自带的 1,797 张真实手写数字（UCI digits，8×8）放大到 28×28，"
    "按 MNIST 的格式分成 1,437 张训练图、360 张测试图。页面上的数字来自这个替身；"
    "用真实 MNIST（60,000 / 10,000 张）运行时，数值会不同。"
)
WEIGHTS_NOTE = (
    "ImageNet 预训练权重无法离线获得。离线验证时由测试替身提供：结构、层名、形状与真实文件相同，"
    "但数值是随机初始化的，所以预测结果没有意义，只验证加载与微调的流程。"
)


def _imagenet_class_index(target: Path) -> None:
    """Keras' class-index layout ({"0": [wnid, name], ...}) with placeholder names."""
    import json

    index = {str(i): [f"n{i:08d}", f"standin_class_{i:03d}"] for i in range(1000)}
    target.write_text(json.dumps(index), encoding="utf-8")


CLASS_INDEX_NOTE = (
    "`imagenet_class_index.json`（ImageNet 1000 类的名字）无法离线获得。离线验证时由测试替身提供："
    "格式相同，但类名是 `standin_class_000` 这样的占位名；联网运行时会显示真实类名。"
)


def _fetch_mnist():
    import keras

    keras.datasets.mnist.load_data()


def _fetch_application(name: str, **kwargs) -> Callable[[], None]:
    def fetch():
        import keras

        getattr(keras.applications, name)(weights="imagenet", **kwargs)

    return fetch


def _fetch_class_index():
    import numpy as np
    from keras.applications import imagenet_utils

    imagenet_utils.decode_predictions(np.zeros((1, 1000)))


REGISTRY: dict[str, StandIn] = {
    "mnist.npz": StandIn(MNIST_NOTE, _mnist_from_sklearn_digits, _fetch_mnist),
    "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5": StandIn(
        WEIGHTS_NOTE,
        _random_weights("VGG16", include_top=False),
        _fetch_application("VGG16", include_top=False),
    ),
    "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5": StandIn(
        WEIGHTS_NOTE, _random_weights("MobileNetV2", include_top=True), _fetch_application("MobileNetV2")
    ),
    "imagenet_class_index.json": StandIn(CLASS_INDEX_NOTE, _imagenet_class_index, _fetch_class_index),
}


def _standin_dir() -> Path:
    return Path(os.environ.get("HARNESS_STANDIN_DIR", "/tmp/harness-standins"))


def _standin_path(fname: str) -> Path:
    _standin_dir().mkdir(parents=True, exist_ok=True)
    return _standin_dir() / fname


def _serve(fname: str, cache_path: str) -> str:
    """Build the stand-in once, and link it into the Keras cache where a download would land."""
    target = _standin_path(fname)
    if not target.exists():
        partial = target.with_name(f".partial-{os.getpid()}-{target.name}")
        REGISTRY[fname].build(partial)
        os.replace(partial, target)  # atomic: parallel snippets may race here
    used[fname] = REGISTRY[fname].description
    if not os.path.lexists(cache_path):
        os.makedirs(os.path.dirname(cache_path), exist_ok=True)
        try:
            os.symlink(target, cache_path)  # a symlink marks it as a stand-in (see _is_standin)
        except FileExistsError:
            pass  # another snippet linked it first
    return cache_path


def _cache_path(name: str, kwargs: dict) -> str:
    from keras.src.backend import config

    cache_dir = kwargs.get("cache_dir") or config.keras_home()
    return os.path.join(os.path.expanduser(cache_dir), kwargs.get("cache_subdir", "datasets"), name)


def _is_standin(path: str) -> bool:
    return os.path.islink(path) and Path(os.readlink(path)).parent == _standin_dir()


def install() -> None:
    """Wrap keras' get_file wherever it is bound."""
    from keras.src.utils import file_utils

    real_get_file = file_utils.get_file

    def get_file_with_standins(fname=None, origin=None, *args, **kwargs):
        name = fname or os.path.basename(origin or "")
        if name in REGISTRY:
            path = _cache_path(name, kwargs)
            if _is_standin(path) or not _is_real_and_valid(path, kwargs):
                return _serve(name, path)
        return real_get_file(fname, origin, *args, **kwargs)

    for module in list(sys.modules.values()):
        if getattr(module, "get_file", None) is real_get_file:
            module.get_file = get_file_with_standins
    file_utils.get_file = get_file_with_standins


def _is_real_and_valid(path: str, kwargs: dict) -> bool:
    """True when the real file (e.g. from ``python -m harness prefetch``) is cached with the right hash."""
    from keras.src.utils import file_utils

    if not os.path.isfile(path) or _is_standin(path):
        return False
    file_hash = kwargs.get("file_hash") or kwargs.get("md5_hash")
    return file_hash is None or file_utils.validate_file(path, file_hash)
