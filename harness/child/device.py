"""Which device the current process computes on, as its Keras backend sees it.

``python -m harness.child.device`` exits 0 when that is a GPU and 3 when not:
the runner's GPU check, run in exactly the environment snippets get.
"""

from __future__ import annotations

import sys

NO_GPU_EXIT = 3


def current_device() -> str:
    import keras

    name = keras.backend.backend()
    if name == "tensorflow":
        import tensorflow as tf

        return "GPU" if tf.config.list_logical_devices("GPU") else "CPU"
    if name == "jax":
        import jax

        return "GPU" if jax.devices()[0].platform == "gpu" else "CPU"
    if name == "torch":
        import torch

        return "GPU" if torch.cuda.is_available() else "CPU"
    return "CPU"


if __name__ == "__main__":
    sys.exit(0 if current_device() == "GPU" else NO_GPU_EXIT)
