"""Download the real assets the stand-ins replace, into the Keras cache.

For readers behind slow or blocked networks: run once on a machine that can
reach the download hosts, then copy ``~/.keras`` (or ``$KERAS_HOME``) over.
The harness uses a file already in the cache, with the right hash, in
preference to its stand-in.
"""

from __future__ import annotations

import sys


def _mnist():
    import keras

    keras.datasets.mnist.load_data()


def _application(name: str, **kwargs):
    def fetch():
        import keras

        getattr(keras.applications, name)(weights="imagenet", **kwargs)

    return fetch


def _class_index():
    import numpy as np
    from keras.applications import imagenet_utils

    imagenet_utils.decode_predictions(np.zeros((1, 1000)))


# One entry per stand-in in harness/standins.py (tests/test_harness.py checks they match).
ACTIONS = {
    "mnist.npz": _mnist,
    "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5": _application("VGG16", include_top=False),
    "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5": _application("MobileNetV2"),
    "imagenet_class_index.json": _class_index,
}


def prefetch() -> int:
    failures = 0
    for name, action in ACTIONS.items():
        try:
            action()
            print(f"ok       {name}")
        except Exception as error:  # noqa: BLE001 - report every asset, then fail
            failures += 1
            print(f"FAILED   {name}: {error}", file=sys.stderr)
    return 1 if failures else 0
