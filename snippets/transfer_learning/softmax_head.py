"""只有一个输出单元时，softmax 永远输出 1：和 sigmoid、两个单元的 softmax 对比。"""

# --8<-- [start:softmax-vs-sigmoid]
import warnings

import keras
import numpy as np

rng = np.random.default_rng()
labels = rng.integers(0, 2, size=2000)
points = rng.normal(size=(2000, 2)) + 3 * labels[:, None]  # 两团很好分开的点

heads = {
    "Dense(1, softmax)": (keras.layers.Dense(1, activation="softmax"), "binary_crossentropy"),
    "Dense(1, sigmoid)": (keras.layers.Dense(1, activation="sigmoid"), "binary_crossentropy"),
    "Dense(2, softmax)": (keras.layers.Dense(2, activation="softmax"), "sparse_categorical_crossentropy"),
}
for name, (head, loss) in heads.items():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 单个单元的 softmax 会触发 UserWarning，上一段已经看过
        model = keras.Sequential([keras.Input(shape=(2,)), head])
        model.compile(optimizer=keras.optimizers.Adam(0.05), loss=loss, metrics=["accuracy"])
        model.fit(points, labels, epochs=1, batch_size=20, verbose=0)  # 100 步
        accuracy = model.evaluate(points, labels, verbose=0)[1]
        predicted = model.predict(points, verbose=0)[:, -1]  # “类别 1”的概率
    print(f"{name}: 预测值范围 [{predicted.min():.3f}, {predicted.max():.3f}]  accuracy {accuracy:.3f}")
    if name == "Dense(1, softmax)":
        one_ulp = np.finfo(np.float32).epsneg  # 有的 CPU 上算出 0.99999994：float32 里紧挨着 1 的数
        assert np.all(np.abs(predicted - 1.0) <= one_ulp), "永远预测 1"
        assert abs(accuracy - labels.mean()) < 1e-6, "准确率就是标签 1 的比例"
    else:
        assert accuracy > 0.9, f"{name} 能把两团点分开"
print(f"标签 1 的比例: {labels.mean():.3f}")
# --8<-- [end:softmax-vs-sigmoid]
