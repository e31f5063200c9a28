"""迁移学习第一步：VGG16 卷积部分当特征提取器（冻结），只训练新加的分类头。"""

# --8<-- [start:data]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()


def two_class_subset(x, y, n):
    """取“T恤”(0) 与“裤子”(1) 两类的前 n 张，放大成 64×64×3，按 VGG16 的要求预处理。"""
    keep = np.isin(y, [0, 1])
    x, y = x[keep][:n], y[keep][:n].astype("float32")
    x = keras.ops.image.resize(x[..., None].astype("float32"), (64, 64))  # 28×28 → 64×64
    x = keras.ops.repeat(x, 3, axis=-1)  # 灰度 → 3 个通道
    return keras.applications.vgg16.preprocess_input(keras.ops.convert_to_numpy(x)), y


x_train, y_train = two_class_subset(x_train, y_train, 96)
x_test, y_test = two_class_subset(x_test, y_test, 32)
np.savez("fashion_2class_64.npz", x_train=x_train, y_train=y_train)  # 第二步要用
print("训练:", x_train.shape, " 测试:", x_test.shape, f" 训练集里“裤子”的比例: {y_train.mean():.3f}")
# --8<-- [end:data]

# --8<-- [start:base]
base = keras.applications.VGG16(weights="imagenet", include_top=False, input_shape=(64, 64, 3))
print("卷积部分的输出:", base.output_shape, " 层数:", len(base.layers), " 权重张量:", len(base.weights))
assert base.output_shape == (None, 2, 2, 512)  # 5 次 2×2 池化：64 → 2
assert len(base.weights) == 26  # 13 个卷积层，各有 kernel 和 bias
assert not any(isinstance(layer, keras.layers.BatchNormalization) for layer in base.layers)

# 对照：VGG16 预训练时用的 224×224 输入，卷积部分输出 7×7×512（这里只建结构，不加载权重）
full_size = keras.applications.VGG16(weights=None, include_top=False, input_shape=(224, 224, 3))
print("224×224 输入时的输出:", full_size.output_shape)
assert full_size.output_shape == (None, 7, 7, 512)
# --8<-- [end:base]

# --8<-- [start:notes-model]
inputs = keras.Input(shape=(64, 64, 3), name="image_input")
features = base(inputs)
try:
    keras.Model(input=inputs, output=features)  # 原笔记：Model(input=input, output=x)
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message[:100]}...")
else:
    raise AssertionError("Model(input=, output=) 没有报错")
assert "input" in message and "output" in message
# 今天：keras.Model(inputs=..., outputs=...)，或者按位置 keras.Model(inputs, outputs)
# --8<-- [end:notes-model]

# --8<-- [start:notes-softmax]
import warnings

x = keras.layers.Flatten(name="flatten")(features)
x = keras.layers.Dense(4096, activation="relu", name="fc1")(x)
x = keras.layers.Dense(512, activation="relu", name="fc2")(x)
x = keras.layers.Dense(128, activation="relu", name="fc3")(x)
x = keras.layers.Dense(1, activation="softmax", name="predictions")(x)  # 原笔记的输出层
notes_model = keras.Model(inputs=inputs, outputs=x)
print("原笔记的模型里可训练的权重张量:", len(notes_model.trainable_weights))
assert len(notes_model.trainable_weights) == 26 + 8  # VGG16 没有冻结，也会跟着训练
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    predictions = notes_model.predict(x_test[:8], verbose=0)
print("Dense(1, activation='softmax') 的预测:", predictions.ravel())
one_ulp = np.finfo(np.float32).epsneg  # 1 下面紧挨着的 float32 是 1 - epsneg = 0.99999994
assert np.all(np.abs(predictions - 1.0) <= one_ulp), (
    "只有一个输出的 softmax 恒等于 1（至多差一个 float32 舍入单位）"
)
softmax_warnings = [str(w.message) for w in caught if "softmax" in str(w.message)]
if softmax_warnings:  # Keras 3 会提醒（TensorFlow 后端下是这样）
    print("UserWarning:", softmax_warnings[0])
# --8<-- [end:notes-softmax]

# --8<-- [start:build]
base.trainable = False  # 冻结整个卷积部分

inputs = keras.Input(shape=(64, 64, 3))
x = base(inputs, training=False)  # 以推理模式调用：解冻后也不会改变其中 BN 之类层的统计量
x = keras.layers.Flatten()(x)
x = keras.layers.Dense(256, activation="relu")(x)
x = keras.layers.Dropout(0.5)(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)  # 二分类：1 个单元 + sigmoid
model = keras.Model(inputs, outputs)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="binary_crossentropy", metrics=["accuracy"]
)
model.summary()
print("可训练的权重张量:", len(model.trainable_weights), " 不可训练:", len(model.non_trainable_weights))
assert len(model.trainable_weights) == 4  # 两个 Dense 的 kernel 和 bias
assert len(model.non_trainable_weights) == 26  # VGG16 的 13 个卷积层
# --8<-- [end:build]

# --8<-- [start:train]
frozen_before = [w.copy() for w in base.get_weights()]
history = model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=2)
assert np.isfinite(history.history["loss"][-1])
unchanged = all(np.array_equal(a, b) for a, b in zip(frozen_before, base.get_weights(), strict=True))
print("VGG16 的权重没有变:", unchanged)
assert unchanged, "冻结的 VGG16 权重不应改变"
model.save("vgg16_stage1.keras")
# --8<-- [end:train]
