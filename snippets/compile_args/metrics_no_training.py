"""指标只负责“看”，不参与训练：多加一个指标，训练出的权重逐位相同；写进损失才会改变训练。"""

# --8<-- [start:train-twice]
import keras
import numpy as np
from keras import ops
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.data[:600] / 16.0).astype("float32")
y = digits.target[:600]


def mean_pred(y_true, y_pred):
    """原笔记官方示例里的自定义指标：预测值的平均数（K.mean 换成 ops.mean）。"""
    return ops.mean(y_pred)


initial = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)


def train(loss, metrics):
    model = keras.models.clone_model(initial)
    model.set_weights(initial.get_weights())  # 同样的初始权重
    model.compile(optimizer="sgd", loss=loss, metrics=metrics)
    history = model.fit(x, y, batch_size=32, epochs=3, shuffle=False, verbose=0)  # 同样的数据顺序
    return model, history


plain, _ = train("sparse_categorical_crossentropy", ["accuracy"])
watched, history = train(
    "sparse_categorical_crossentropy", ["accuracy", mean_pred, "sparse_top_k_categorical_accuracy"]
)
print("多出来的记录:", sorted(set(history.history) - {"loss", "accuracy"}))

pairs = zip(plain.get_weights(), watched.get_weights(), strict=True)
identical = all(np.array_equal(a, b) for a, b in pairs)
print("多加两个指标后，权重逐位相同:", identical)
assert identical, "指标不应影响训练"
# --8<-- [end:train-twice]


# --8<-- [start:into-loss]
def crossentropy_plus_confidence(y_true, y_pred):
    """想让某个量参与训练，就把它写进损失：这里额外惩罚“最大概率”过高（过度自信）。"""
    confidence = ops.max(y_pred, axis=-1)
    return keras.losses.sparse_categorical_crossentropy(y_true, y_pred) + 0.5 * confidence


changed, _ = train(crossentropy_plus_confidence, ["accuracy"])
difference = max(np.abs(a - b).max() for a, b in zip(plain.get_weights(), changed.get_weights(), strict=True))
print(f"写进损失后，权重的最大差异: {difference:.2e}")
assert difference > 0, "损失变了，梯度就变了"
# --8<-- [end:into-loss]
