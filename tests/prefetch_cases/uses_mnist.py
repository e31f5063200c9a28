# What keras.datasets.mnist.load_data does, with one change: the hash is that of the small
# mnist.npz tests/test_prefetch.py serves on 127.0.0.1 (the real file's hash is Keras's, and
# the real file cannot be had offline). Without that file in the cache, the stand-in is served.
import keras
import numpy as np

path = keras.utils.get_file(
    "mnist.npz",
    origin="https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz",
    file_hash="532de24fabe6d4a8ab0b5c85586657411d676002ef257cb040d30e70f5324694",
)
with np.load(path, allow_pickle=False) as data:
    print("x_train", data["x_train"].shape, "y_train", data["y_train"][:3].tolist())
