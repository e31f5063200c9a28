"""tf_keras 2：原笔记的第二个例子（手写数字 MLP），只把 keras 换成 tf_keras，还差哪两处。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:as-is]
try:
    from tf_keras.utils import np_utils  # noqa: F401  原笔记第 2 行，只换了包名
except ImportError as error:
    print("第 1 处：ImportError:", str(error).split(" (")[0])
else:
    raise AssertionError("np_utils 居然还在")

from tf_keras.optimizers import RMSprop

try:
    rmsprop = RMSprop(lr=0.001, rho=0.9, epsilon=1e-08, decay=0.0)  # 原笔记定义优化器的那一行
except ValueError as error:
    print("第 2 处：ValueError:", str(error))
    assert "decay is deprecated" in str(error)
else:
    raise AssertionError("decay 居然被接受了")
# --8<-- [end:as-is]

# --8<-- [start:program]
import numpy as np

np.random.seed(1337)
from sklearn.datasets import load_digits  # 离线运行：用 8×8 的手写数字代替 MNIST
from sklearn.model_selection import train_test_split
from tf_keras.layers import Activation, Dense
from tf_keras.models import Sequential
from tf_keras.optimizers.legacy import RMSprop  # 改动 2：旧优化器在 optimizers.legacy 里
from tf_keras.utils import to_categorical  # 改动 1：np_utils.to_categorical 改为直接导入

digits = load_digits()
X_train, X_test, y_train, y_test = train_test_split(
    digits.data, digits.target, test_size=0.25, random_state=0
)

# 数据预处理
X_train = X_train.reshape(X_train.shape[0], -1) / 16.0  # digits 的像素是 0~16，MNIST 是 0~255
X_test = X_test.reshape(X_test.shape[0], -1) / 16.0
y_train = to_categorical(y_train, num_classes=10)
y_test = to_categorical(y_test, num_classes=10)

model = Sequential(
    [
        Dense(400, input_dim=64),  # MNIST 是 784 个像素，digits 是 64 个
        Activation("relu"),
        Dense(10),
        Activation("softmax"),
    ]
)

rmsprop = RMSprop(lr=0.001, rho=0.9, epsilon=1e-08, decay=0.0)  # 与原笔记一字不差
model.compile(optimizer=rmsprop, loss="categorical_crossentropy", metrics=["accuracy"])

print("Training ------------")
model.fit(X_train, y_train, epochs=4, batch_size=32, verbose=2)

print("\nTesting ------------")
loss, accuracy = model.evaluate(X_test, y_test, verbose=0)
print("test loss: ", loss)
print("test accuracy: ", accuracy)
assert accuracy > 0.9
# --8<-- [end:program]
