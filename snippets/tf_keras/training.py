"""tf_keras 6：优化器与 fit 的旧参数、fit_generator、predict_classes，在 tf_keras 下能否运行。"""
# harness: backends=tensorflow -- tf_keras 是 TensorFlow 上的 Keras 2

# --8<-- [start:setup]
import logging
import warnings

import numpy as np
import tf_keras as keras


class LogCollector(logging.Handler):
    """tf_keras 的很多提示走 TensorFlow / absl 的日志而不是 warnings，这里把它们收集起来。"""

    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


log = LogCollector()
for logger_name in ("tensorflow", "absl"):
    logging.getLogger(logger_name).addHandler(log)

x = np.random.rand(64, 2).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 2, 64), 2)
model = keras.Sequential([keras.layers.Dense(2, activation="softmax", input_dim=2)])
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
# --8<-- [end:setup]

# --8<-- [start:optimizer-lr]
log.messages.clear()
rmsprop = keras.optimizers.RMSprop(lr=0.001)  # Keras 2 的参数名 lr
sgd = keras.optimizers.SGD(lr=0.01, momentum=0.9, nesterov=True)
print("RMSprop(lr=0.001).learning_rate =", round(float(rmsprop.learning_rate), 6))
print("SGD(lr=0.01, ...).learning_rate =", round(float(sgd.learning_rate), 6))
print("日志:", log.messages[0])
assert np.isclose(float(rmsprop.learning_rate), 0.001) and np.isclose(float(sgd.learning_rate), 0.01)
assert "`lr` is deprecated" in log.messages[0]
print("tf_keras: OK", "lr= 仍被接受，只在日志里提示改用 learning_rate")
# --8<-- [end:optimizer-lr]

# --8<-- [start:optimizer-decay]
try:
    keras.optimizers.SGD(learning_rate=0.1, decay=0.5)  # 表里的写法
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("decay 居然被接受了")
assert "decay is deprecated" in message and "legacy" in message
try:
    keras.optimizers.SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)  # 原笔记 compile 一节的写法
except ValueError:
    print("原笔记的 SGD(lr=0.01, decay=1e-6, ...) 同样是 ValueError")
else:
    raise AssertionError("decay 居然被接受了")
print("tf_keras: FAILS", "新优化器不认 decay，要换成 keras.optimizers.legacy 里的旧优化器")

# 报错里指的路：keras.optimizers.legacy 里的优化器，decay 真的会让学习率衰减
notes_sgd = keras.optimizers.legacy.SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
print("legacy.SGD 的配置:", notes_sgd.get_config())
assert notes_sgd.get_config()["decay"] == 1e-6


def train(optimizer):
    keras.utils.set_random_seed(0)  # 两次训练从同一组初始权重出发
    net = keras.Sequential([keras.layers.Dense(1, input_dim=2)])
    net.compile(optimizer=optimizer, loss="mse")
    net.fit(x, y[:, :1], batch_size=8, epochs=3, shuffle=False, verbose=0)
    return net.get_weights()[0]


with_decay = train(keras.optimizers.legacy.SGD(learning_rate=0.1, decay=0.5))
without_decay = train(keras.optimizers.legacy.SGD(learning_rate=0.1))
print("decay=0.5 与不设 decay 训练出的权重相同吗?", np.array_equal(with_decay, without_decay))
assert not np.array_equal(with_decay, without_decay), "legacy 优化器里 decay 确实生效"
# --8<-- [end:optimizer-decay]

# --8<-- [start:adadelta]
adadelta = keras.optimizers.Adadelta()  # 原笔记的写法：不写学习率
print("Adadelta() 的默认 learning_rate =", round(float(adadelta.learning_rate), 6))
assert np.isclose(float(adadelta.learning_rate), 0.001), "tf_keras 的默认值也是 0.001，不是 1.0"
print("tf_keras: OK", "能运行，但默认学习率同样是 0.001；要 1.0 得自己写")
# --8<-- [end:adadelta]

# --8<-- [start:nb-epoch]
try:
    model.fit(x, y, nb_epoch=2)  # 原笔记的写法
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("nb_epoch 居然被接受了")
assert "nb_epoch" in message
print("tf_keras: FAILS", "nb_epoch 是 Keras 1 的参数名，要写 epochs")
# --8<-- [end:nb-epoch]


# --8<-- [start:fit-generator]
def batches():
    while True:
        yield x[:32], y[:32]


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit_generator(batches(), steps_per_epoch=10, epochs=2)  # 原笔记的写法
messages = [str(w.message) for w in caught if "fit_generator" in str(w.message)]
print("fit_generator 训练了", len(history.epoch), "个 epoch；警告:", messages[0])
assert history.epoch == [0, 1] and "deprecated" in messages[0]
print("tf_keras: OK", "fit_generator 还在，只是标为弃用")
# --8<-- [end:fit-generator]

# --8<-- [start:fit-workers]
history = model.fit(x, y, epochs=1, workers=2, use_multiprocessing=True, max_queue_size=1, verbose=0)
print(
    "model.fit(x, y, workers=2, use_multiprocessing=True, max_queue_size=1) ->",
    len(history.epoch),
    "个 epoch",
)
assert history.epoch == [0]
history = model.fit(x, y, workers=2)  # 表里的写法，会打印进度
assert history.epoch == [0]
print("tf_keras: OK", "workers、use_multiprocessing、max_queue_size 仍是 fit 的参数")
# --8<-- [end:fit-workers]

# --8<-- [start:predict-classes]
try:
    model.predict_classes(x)  # 原笔记的写法
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("predict_classes 居然还在")
assert "predict_classes" in message
classes = np.argmax(model.predict(x, verbose=0), axis=1)  # tf_keras 里也得这样写
print("np.argmax(model.predict(x), axis=1)[:8] =", classes[:8])
print("tf_keras: FAILS", "predict_classes 在 TensorFlow 2 的更新中已经删除")
# --8<-- [end:predict-classes]

# --8<-- [start:onehot-encoder]
from sklearn.preprocessing import OneHotEncoder

try:
    OneHotEncoder(sparse=False)  # scikit-learn 的旧参数，与 Keras 无关
except TypeError as error:
    message = str(error)
    print(f"TypeError: {message}")
else:
    raise AssertionError("sparse 居然被接受了")
assert "sparse" in message
print("tf_keras: FAILS", "这是 scikit-learn 的改名（sparse_output），换 Keras 救不回来")
# --8<-- [end:onehot-encoder]
