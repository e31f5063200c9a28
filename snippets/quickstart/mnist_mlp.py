"""快速上手 2：全连接网络（MLP）识别手写数字，RMSprop 优化器，用 fit 训练。"""

# --8<-- [start:data]
import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
print("原始形状:", x_train.shape, y_train.shape, x_test.shape)

# 28×28 的灰度图拉平成 784 维向量，像素缩放到 [0, 1]
x_train = x_train.reshape(len(x_train), -1).astype("float32") / 255
x_test = x_test.reshape(len(x_test), -1).astype("float32") / 255
# 标签转成 one-hot，配合 categorical_crossentropy
y_train = keras.utils.to_categorical(y_train, num_classes=10)
y_test = keras.utils.to_categorical(y_test, num_classes=10)
print("输入:", x_train.shape, " 标签:", y_train.shape)
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(400, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
optimizer = keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-08)
model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
# --8<-- [end:model]

# --8<-- [start:train]
history = model.fit(x_train, y_train, epochs=4, batch_size=32, verbose=2)
# --8<-- [end:train]

# --8<-- [start:evaluate]
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"test loss: {loss:.4f}   test accuracy: {accuracy:.4f}")
assert accuracy > 0.90, f"测试准确率应高于 0.90，实际 {accuracy:.4f}"
# --8<-- [end:evaluate]
