"""Real datasets that exist offline, placed where Keras' own loaders look."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

FASHION_MNIST_FILES = [
    "train-labels-idx1-ubyte.gz",
    "train-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
]
# Debian's dataset-fashion-mnist package installs the four files here.
FASHION_MNIST_SOURCE = Path(os.environ.get("HARNESS_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))


class MissingDataset(RuntimeError):
    pass


def place_fashion_mnist(keras_home: Path) -> None:
    """Put Fashion-MNIST where ``keras.datasets.fashion_mnist.load_data()`` reads it."""
    target = keras_home / "datasets" / "fashion-mnist"
    target.mkdir(parents=True, exist_ok=True)
    for name in FASHION_MNIST_FILES:
        source = FASHION_MNIST_SOURCE / name
        if not source.is_file():
            raise MissingDataset(
                f"Fashion-MNIST file {source} is missing. Install Debian's package "
                "(apt-get install dataset-fashion-mnist) or point "
                "HARNESS_FASHION_MNIST_DIR at a folder holding the four idx .gz files."
            )
        link = target / name
        if not link.exists():
            try:
                link.symlink_to(source)
            except OSError:  # file systems without symlinks
                shutil.copyfile(source, link)


def prepare_keras_home(keras_home: Path) -> Path:
    keras_home.mkdir(parents=True, exist_ok=True)
    place_fashion_mnist(keras_home)
    return keras_home
