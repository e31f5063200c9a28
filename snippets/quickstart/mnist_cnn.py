"""快速上手 3：卷积网络（CNN）识别手写数字，Adam 优化器。"""

# harness: timeout=300 -- PyTorch 的 CPU 卷积在 2 核上要一分钟以上

# --8<-- [start:data]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
# 卷积层要 (高, 宽, 通道)：灰度图补一个通道维，变成 (N, 28, 28, 1)
x_train = x_train[..., None].astype("float32") / 255
x_test = x_test[..., None].astype("float32") / 255
y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)
print("输入:", x_train.shape, " 标签:", y_train.shape)
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, kernel_size=(5, 5), activation="relu"),
        keras.layers.MaxPooling2D(pool_size=(2, 2)),
        keras.layers.Conv2D(64, kernel_size=(5, 5), activation="relu"),
        keras.layers.MaxPooling2D(pool_size=(2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(1024, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.summary()
# --8<-- [end:model]

# --8<-- [start:train]
model.fit(
    x_train,
    y_train,
    batch_size=64,
    epochs=5,
    shuffle=True,
    validation_data=(x_test, y_test),
    verbose=2,
)
# --8<-- [end:train]

# --8<-- [start:evaluate]
loss, accuracy = model.evaluate(x_test, y_test, batch_size=128, verbose=0)
print(f"Test loss: {loss:.4f}")
print(f"Test accuracy: {accuracy:.4f}")
assert accuracy > 0.90, f"测试准确率应高于 0.90，实际 {accuracy:.4f}"
# --8<-- [end:evaluate]
