"""Real datasets that exist offline, placed where Keras' own loaders look."""

from __future__ import annotations

import os
import shutil
import threading
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
    """Put Fashion-MNIST where ``keras.datasets.fashion_mnist.load_data()`` reads it.

    Safe when several threads and processes do it at once (a fresh clone's first
    run): each link is made under a private name, then renamed into place.
    """
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
        link_atomically(source, target / name)


def link_atomically(source: Path, link: Path) -> None:
    """``link`` -> ``source`` (a copy where symlinks are unsupported), never half-made, never racing."""
    if os.path.islink(link) and os.readlink(link) == str(source):
        return
    private = link.with_name(f".{link.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        private.symlink_to(source)
    except OSError:  # file systems without symlinks
        shutil.copyfile(source, private)
    os.replace(private, link)  # atomic: whoever renames last wins, with identical content


def prepare_keras_home(keras_home: Path) -> Path:
    keras_home.mkdir(parents=True, exist_ok=True)
    place_fashion_mnist(keras_home)
    return keras_home
