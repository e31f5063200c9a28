"""tf.data.Dataset 喂给 fit：有限的数据集每个 epoch 都能从头再来。"""

# harness: backends=tensorflow -- tf.data 是 TensorFlow 的输入管道

# --8<-- [start:tfdata]
import keras
import tensorflow as tf

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:2000].reshape(-1, 784).astype("float32") / 255
x_test = x_test[:500].reshape(-1, 784).astype("float32") / 255
y_train, y_test = y_train[:2000], y_test[:500]

train_ds = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .shuffle(2000)  # 每次重新遍历都会重新打乱
    .batch(64)
    .prefetch(tf.data.AUTOTUNE)
)
test_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(100)
print("每个 epoch 的批数:", int(train_ds.cardinality()))


class StepsPerEpoch(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.steps = []

    def on_epoch_begin(self, epoch, logs=None):
        self.steps.append(0)

    def on_train_batch_end(self, batch, logs=None):
        self.steps[-1] += 1


model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
counter = StepsPerEpoch()
history = model.fit(train_ds, epochs=3, validation_data=test_ds, callbacks=[counter], verbose=2)
print("每个 epoch 的步数:", counter.steps)
assert counter.steps == [32, 32, 32], "有限的 tf.data 数据集每个 epoch 都完整遍历一遍"
assert history.history["val_accuracy"][-1] > 0.7
# --8<-- [end:tfdata]
