"""原笔记里与训练有关的 Keras 2 写法，今天在 Keras 3 里各自会发生什么。"""

# --8<-- [start:nb-epoch]
import keras
import numpy as np

x = np.random.rand(64, 2).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 2, 64), 2)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])


def show(title, action):
    """执行一行旧写法，打印它今天的结果。"""
    try:
        action()
    except Exception as error:  # noqa: BLE001 - 我们就是要看它报什么错
        print(f"{title}\n  -> {type(error).__name__}: {error}\n")
        return error
    print(f"{title}\n  -> 没有报错\n")
    return None


error = show("model.fit(x, y, nb_epoch=2)", lambda: model.fit(x, y, nb_epoch=2, verbose=0))
assert isinstance(error, TypeError) and "nb_epoch" in str(error)

history = model.fit(x, y, epochs=2)  # 今天的写法
assert len(history.history["loss"]) == 2
# --8<-- [end:nb-epoch]


# --8<-- [start:fit-generator]
def batches():
    while True:
        yield x[:32], y[:32]


error = show(
    "model.fit_generator(batches(), steps_per_epoch=10, epochs=2)",
    lambda: model.fit_generator(batches(), steps_per_epoch=10, epochs=2),
)
assert isinstance(error, AttributeError) and "fit_generator" in str(error)
history = model.fit(batches(), steps_per_epoch=10, epochs=2, verbose=0)  # 今天：生成器直接交给 fit
print("model.fit(batches(), steps_per_epoch=10, epochs=2) ->", len(history.epoch), "个 epoch")
assert history.epoch == [0, 1]
# --8<-- [end:fit-generator]

# --8<-- [start:onehot-encoder]
from sklearn.preprocessing import OneHotEncoder

error = show("OneHotEncoder(sparse=False)", lambda: OneHotEncoder(sparse=False))
assert isinstance(error, TypeError) and "sparse" in str(error)
labels = np.array([3, 0, 3, 1]).reshape(-1, 1)
print(OneHotEncoder(sparse_output=False).fit_transform(labels))  # scikit-learn 1.2 起的参数名
# --8<-- [end:onehot-encoder]

# --8<-- [start:fit-workers]
errors = [
    show("model.fit(x, y, workers=2)", lambda: model.fit(x, y, workers=2, verbose=0)),
    show("model.fit(x, y, use_multiprocessing=True)", lambda: model.fit(x, y, use_multiprocessing=True)),
    show("model.fit(x, y, max_queue_size=1)", lambda: model.fit(x, y, max_queue_size=1, verbose=0)),
]
for error, name in zip(errors, ["workers", "use_multiprocessing", "max_queue_size"]):
    assert isinstance(error, TypeError) and name in str(error)
# 今天：这三个参数写进 keras.utils.PyDataset 子类的 super().__init__(workers=..., ...)
# --8<-- [end:fit-workers]
