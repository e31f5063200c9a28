import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
print("fashion", x_train.shape, x_test.shape)
assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)

(m_train, _), (m_test, _) = keras.datasets.mnist.load_data()
print("mnist", m_train.shape, m_test.shape, m_train.dtype)

import os

cached = os.path.join(os.environ["KERAS_HOME"], "datasets", "mnist.npz")
print("in keras cache:", os.path.exists(cached))
