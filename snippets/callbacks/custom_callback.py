"""自定义回调：各个钩子的调用顺序；一个达到目标准确率就停止训练的回调。"""

# --8<-- [start:hooks]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
perm = np.random.permutation(len(digits.target))
x = (digits.data[perm] / 16).astype("float32")
y = digits.target[perm]
x_train, y_train, x_val, y_val = x[:1200], y[:1200], x[1200:], y[1200:]


def build():
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


class TraceHooks(keras.callbacks.Callback):
    """把 fit 调用的每个钩子按顺序记下来。"""

    def __init__(self):
        super().__init__()
        self.calls = []

    def on_train_begin(self, logs=None):
        self.calls.append("on_train_begin")

    def on_epoch_begin(self, epoch, logs=None):
        self.calls.append(f"on_epoch_begin({epoch})")

    def on_train_batch_end(self, batch, logs=None):
        self.calls.append(f"on_train_batch_end({batch})")

    def on_test_begin(self, logs=None):
        self.calls.append("on_test_begin")

    def on_test_end(self, logs=None):
        self.calls.append("on_test_end")

    def on_epoch_end(self, epoch, logs=None):
        self.calls.append(f"on_epoch_end({epoch}) logs={sorted(logs)}")

    def on_train_end(self, logs=None):
        self.calls.append("on_train_end")


trace = TraceHooks()
build().fit(
    x_train[:64],  # 64 个样本、batch_size=32：每个 epoch 2 步
    y_train[:64],
    batch_size=32,
    epochs=2,
    validation_data=(x_val, y_val),
    callbacks=[trace],
    verbose=0,
)
print("\n".join(trace.calls))
assert trace.calls[0] == "on_train_begin" and trace.calls[-1] == "on_train_end"
assert trace.calls[1:6] == [
    "on_epoch_begin(0)",
    "on_train_batch_end(0)",
    "on_train_batch_end(1)",
    "on_test_begin",  # 验证在 on_epoch_end 之前做完，所以 logs 里已经有 val_loss
    "on_test_end",
]
assert trace.calls[6] == "on_epoch_end(0) logs=['accuracy', 'loss', 'val_accuracy', 'val_loss']"
# --8<-- [end:hooks]


# --8<-- [start:stop-at-target]
class StopAtAccuracy(keras.callbacks.Callback):
    """val_accuracy 达到目标就停：在 on_epoch_end 里把 model.stop_training 设为 True。"""

    def __init__(self, target):
        super().__init__()
        self.target = target
        self.reached_at = None

    def on_epoch_end(self, epoch, logs=None):
        if logs["val_accuracy"] >= self.target:
            self.reached_at = epoch
            self.model.stop_training = True
            print(f"epoch {epoch + 1}: val_accuracy {logs['val_accuracy']:.4f} >= {self.target}，停止训练")


stopper = StopAtAccuracy(target=0.9)
history = build().fit(
    x_train, y_train, epochs=50, validation_data=(x_val, y_val), callbacks=[stopper], verbose=0
)
print("val_accuracy:", [round(v, 4) for v in history.history["val_accuracy"]])
assert stopper.reached_at is not None and len(history.epoch) == stopper.reached_at + 1
assert all(v < 0.9 for v in history.history["val_accuracy"][:-1]), "之前的 epoch 都还没达到目标"
# --8<-- [end:stop-at-target]
