# 常见报错速查 6：训练、预测和回调里的旧写法。
# 有几条报错的原文随后端而变（带着后端的训练器类名，或者干脆是另一种异常），三种都写在 expected 里逐一核对。

# --8<-- [start:fit-generator]
import keras
import numpy as np

x, y = np.random.rand(32, 2).astype("float32"), np.random.randint(0, 2, 32)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")


def batches():
    while True:
        yield x, y


try:
    model.fit_generator(batches(), steps_per_epoch=2, epochs=1)  # Keras 2 的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: 'Sequential' object has no attribute 'fit_generator'"
history = model.fit(batches(), steps_per_epoch=2, epochs=1, verbose=0)  # 今天：生成器直接交给 fit
print("今天的写法，训练了", len(history.epoch), "个 epoch")
# --8<-- [end:fit-generator]

# --8<-- [start:nb-epoch]
import keras
import numpy as np

x, y = np.random.rand(32, 2).astype("float32"), np.random.randint(0, 2, 32)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
try:
    model.fit(x, y, nb_epoch=2, verbose=0)  # Keras 1 的参数名
except TypeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
expected = {
    "tensorflow": "TypeError: TensorFlowTrainer.fit() got an unexpected keyword argument 'nb_epoch'",
    "jax": "TypeError: JAXTrainer.fit() got an unexpected keyword argument 'nb_epoch'",
    "torch": "TypeError: TorchTrainer.fit() got an unexpected keyword argument 'nb_epoch'",
}
assert text == expected[keras.backend.backend()], text
history = model.fit(x, y, epochs=2, verbose=0)  # 今天的写法
print("今天的写法，训练了", len(history.epoch), "个 epoch")
# --8<-- [end:nb-epoch]

# --8<-- [start:fit-workers]
import keras
import numpy as np

x, y = np.random.rand(32, 2).astype("float32"), np.random.randint(0, 2, 32)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
try:
    model.fit(x, y, workers=2, use_multiprocessing=True, verbose=0)  # Keras 2 的写法
except TypeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
expected = {
    "tensorflow": "TypeError: TensorFlowTrainer.fit() got an unexpected keyword argument 'workers'",
    "jax": "TypeError: JAXTrainer.fit() got an unexpected keyword argument 'workers'",
    "torch": "TypeError: TorchTrainer.fit() got an unexpected keyword argument 'workers'",
}
assert text == expected[keras.backend.backend()], text


class Batches(keras.utils.PyDataset):  # 今天：这几个参数交给 PyDataset
    def __init__(self, **kwargs):
        super().__init__(**kwargs)  # workers、use_multiprocessing、max_queue_size 都在这里

    def __len__(self):
        return 2

    def __getitem__(self, index):
        return x[index * 16 : (index + 1) * 16], y[index * 16 : (index + 1) * 16]


history = model.fit(Batches(workers=2), epochs=1, verbose=0)
print("今天的写法，训练了", len(history.epoch), "个 epoch")
# --8<-- [end:fit-workers]

# --8<-- [start:predict-classes]
import keras
import numpy as np

x = np.random.rand(4, 2).astype("float32")
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3, activation="softmax")])
try:
    model.predict_classes(x)  # Keras 2 的写法
except AttributeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "AttributeError: 'Sequential' object has no attribute 'predict_classes'"
classes = np.argmax(model.predict(x, verbose=0), axis=1)  # 今天的写法（softmax 输出）
print("今天的写法:", classes.shape)
# --8<-- [end:predict-classes]

# --8<-- [start:not-compiled]
import keras
import numpy as np

x, y = np.random.rand(8, 2).astype("float32"), np.random.rand(8, 1).astype("float32")
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])  # 没有 compile
try:
    model.evaluate(x, y, verbose=0)
except (ValueError, AttributeError) as error:  # PyTorch 后端报的是另一种异常
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("没有 compile 居然能 evaluate")
print(text)
expected = {
    "tensorflow": "ValueError: You must call `compile()` before using the model.",
    "jax": "ValueError: You must call `compile()` before using the model.",
    "torch": "AttributeError: 'Sequential' object has no attribute 'optimizer'",
}
assert text == expected[keras.backend.backend()], text
model.compile(optimizer="adam", loss="mse")  # 今天的写法：先 compile
print("今天的写法，compile 之后 evaluate 返回:", type(model.evaluate(x, y, verbose=0)).__name__)
# --8<-- [end:not-compiled]

# --8<-- [start:checkpoint-val-acc]
import keras
import numpy as np

x, y = np.random.rand(32, 2).astype("float32"), np.random.randint(0, 2, 32)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
checkpoint = keras.callbacks.ModelCheckpoint("best.keras", monitor="val_acc", save_best_only=True)  # 原笔记
try:
    model.fit(x, y, validation_data=(x, y), callbacks=[checkpoint], verbose=0)
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == (
    "ValueError: ModelCheckpoint callback received monitor=val_acc, but Keras isn't able to automatically "
    "determine whether that metric should be maximized or minimized. Pass `mode='max'` in order to monitor "
    "based on the highest metric value, or pass `mode='min'` in order to use the lowest value."
)
checkpoint = keras.callbacks.ModelCheckpoint("best.keras", monitor="val_accuracy", save_best_only=True)
history = model.fit(x, y, validation_data=(x, y), callbacks=[checkpoint], verbose=0)  # 今天的键名
print("今天的写法，history 里的键:", sorted(history.history))
# --8<-- [end:checkpoint-val-acc]

# --8<-- [start:early-stopping-val-acc]
import keras
import numpy as np

x, y = np.random.rand(32, 2).astype("float32"), np.random.randint(0, 2, 32)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
stop = keras.callbacks.EarlyStopping(monitor="val_acc")  # 原笔记的写法
try:
    model.fit(x, y, validation_data=(x, y), callbacks=[stop], verbose=0)
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == (
    "ValueError: EarlyStopping callback received monitor=val_acc, but Keras isn't able to automatically "
    "determine whether that metric should be maximized or minimized. Pass `mode='max'` in order to monitor "
    "based on the highest metric value, or pass `mode='min'` in order to use the lowest value."
)
stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=2)  # 今天的键名
history = model.fit(x, y, epochs=2, validation_data=(x, y), callbacks=[stop], verbose=0)
print("今天的写法，训练了", len(history.epoch), "个 epoch")
# --8<-- [end:early-stopping-val-acc]

# --8<-- [start:checkpoint-period]
import keras

try:
    keras.callbacks.ModelCheckpoint("model.keras", period=2)  # Keras 2 的参数
except TypeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "TypeError: ModelCheckpoint.__init__() got an unexpected keyword argument 'period'"
checkpoint = keras.callbacks.ModelCheckpoint("model.keras", save_freq="epoch")  # 今天的写法
print("今天的写法，save_freq =", checkpoint.save_freq)
# --8<-- [end:checkpoint-period]

# --8<-- [start:checkpoint-weights-only]
import keras

try:
    keras.callbacks.ModelCheckpoint("unet_model.h5", save_weights_only=True)  # 原笔记的文件名
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == (
    "ValueError: When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in "
    "`.weights.h5` (Keras weights format). Received: filepath=unet_model.h5"
)
checkpoint = keras.callbacks.ModelCheckpoint("unet_model.weights.h5", save_weights_only=True)  # 今天的写法
print("今天的写法:", checkpoint.filepath)
# --8<-- [end:checkpoint-weights-only]

# --8<-- [start:onehot-sparse]
import numpy as np
from sklearn.preprocessing import OneHotEncoder

try:
    OneHotEncoder(sparse=False)  # scikit-learn 1.2 之前的参数名
except TypeError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "TypeError: OneHotEncoder.__init__() got an unexpected keyword argument 'sparse'"
labels = np.array([3, 0, 3, 1]).reshape(-1, 1)
print("今天的写法:\n", OneHotEncoder(sparse_output=False).fit_transform(labels))
# --8<-- [end:onehot-sparse]
