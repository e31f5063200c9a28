"""The seed every snippet process starts from, set without importing TensorFlow for it.

``keras.utils.set_random_seed`` seeds TensorFlow whenever it is installed, whatever the
backend, and so imports it: ~6 s in a new JAX or PyTorch interpreter (a forked child finds it
imported by the template, a spawned one paid it every time). Where TensorFlow is installed but
not imported yet, Keras is seeded as if it were absent and TensorFlow is seeded the moment
something imports it. No TensorFlow random op can run before that, and ``tf.random.set_seed``
resets the op counter too, so every random stream is the one the plain call gives.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys

SEED = 1337  # the seed the original notes used


def seed_everything(keras) -> None:
    lazy_tf = _keras_lazy_tensorflow()
    if "tensorflow" in sys.modules or lazy_tf is None or importlib.util.find_spec("tensorflow") is None:
        keras.utils.set_random_seed(SEED)  # nothing to save, or a Keras this module does not know
        return
    lazy_tf._available = False  # what Keras asks before it seeds TensorFlow
    try:
        keras.utils.set_random_seed(SEED)
    finally:
        lazy_tf._available = None  # asked again (and imported) when Keras next needs it
    sys.meta_path.insert(0, _SeedOnImport())


def _keras_lazy_tensorflow():
    """Keras's handle on TensorFlow, when it still has the shape this module relies on."""
    try:
        from keras.src.utils import module_utils
    except ImportError:
        return None
    lazy = getattr(module_utils, "tensorflow", None)
    if lazy is None or getattr(lazy, "module", 0) is not None or getattr(lazy, "_available", 0) is not None:
        return None
    return lazy


class _SeedOnImport(importlib.abc.MetaPathFinder):
    """Finds ``tensorflow`` as the other finders do, with a loader that seeds it once loaded.

    It stays in place until then: ``importlib.util.find_spec("tensorflow")`` asks it too and
    discards the spec (the harness's own spawned case does exactly that before importing).
    """

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "tensorflow":
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_seed(module):
            exec_module(module)
            module.random.set_seed(SEED)
            if self in sys.meta_path:
                sys.meta_path.remove(self)

        spec.loader.exec_module = exec_and_seed
        return spec
