# harness: fresh-process -- proves the spawn path works end to end
import importlib.util
import sys

import keras
import numpy as np

print("modules at start:", "keras" in sys.modules)

# The harness seeded everything; on JAX and PyTorch it left TensorFlow unimported and seeds it
# on import (harness.child.seeding). Every stream must be the one the plain call gives.
if importlib.util.find_spec("tensorflow") is not None:
    deferred = "tensorflow" not in sys.modules
    print("TensorFlow seeded on import:", deferred)
    assert deferred == (keras.backend.backend() != "tensorflow")
    import tensorflow as tf

    def draws():
        return (
            tf.random.uniform([3]).numpy(),
            tf.data.Dataset.range(8).shuffle(8).as_numpy_iterator().next(),
            np.random.rand(3),
            keras.ops.convert_to_numpy(keras.random.uniform([3])),
        )

    seeded_by_harness = draws()
    keras.utils.set_random_seed(1337)
    for by_harness, plain in zip(seeded_by_harness, draws(), strict=True):
        np.testing.assert_array_equal(by_harness, plain)
    print("same draws as keras.utils.set_random_seed: True")
