"""冻结层 4：predict_classes 已删除；softmax 输出取 argmax，sigmoid 输出按 0.5 划分。"""

# --8<-- [start:gone]
import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])
try:
    model.predict_classes(np.zeros((2, 4)))  # Keras 2 写法
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("predict_classes 仍然存在")
assert "predict_classes" in message
# --8<-- [end:gone]

# --8<-- [start:softmax]
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

x, y = load_iris(return_X_y=True)  # 150 朵鸢尾花，3 个类别
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.3, stratify=y, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
assert len(x_test) == 45

iris_model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ]
)
iris_model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.03), loss="sparse_categorical_crossentropy"
)
iris_model.fit(x_train, y_train, epochs=30, batch_size=16, verbose=0)

probabilities = iris_model.predict(x_test, verbose=0)  # 每行 3 个概率
classes = np.argmax(probabilities, axis=1)  # 取每行最大概率所在的列 = 类别号
np.set_printoptions(precision=4, suppress=True)
print("前 3 行概率:\n", probabilities[:3])
print("前 10 个预测类别:", classes[:10])
print("前 10 个真实类别:", y_test[:10])
accuracy = np.mean(classes == y_test)
print(f"测试准确率: {accuracy:.4f}")
assert probabilities.shape == (len(x_test), 3)
assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)
assert accuracy > 0.85, f"鸢尾花测试准确率应高于 0.85，实际 {accuracy:.4f}"
# --8<-- [end:softmax]

# --8<-- [start:inverse]
from sklearn.preprocessing import LabelEncoder

flower_names = load_iris().target_names  # ['setosa' 'versicolor' 'virginica']
encoder = LabelEncoder().fit(flower_names)  # 花名 <-> 类别号 0、1、2
try:
    encoder.inverse_transform([classes])  # 多套一层列表：形状成了 (1, 45)
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("二维输入居然没有报错")
assert message == f"y should be a 1d array, got an array of shape (1, {len(classes)}) instead."

predicted_names = encoder.inverse_transform(classes)  # 一维的类别号直接传
print("前 5 个预测的花名:", predicted_names[:5])
assert predicted_names.shape == (len(classes),)
assert np.mean(predicted_names == flower_names[y_test]) == accuracy  # 换成花名，对错不变
# --8<-- [end:inverse]

# --8<-- [start:sigmoid]
x, y = load_breast_cancer(return_X_y=True)  # 569 个样本，二分类
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.3, stratify=y, random_state=0)
scaler = StandardScaler().fit(x_train)
x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)

cancer_model = keras.Sequential(
    [
        keras.Input(shape=(30,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)
cancer_model.compile(optimizer="adam", loss="binary_crossentropy")
cancer_model.fit(x_train, y_train, epochs=10, batch_size=32, verbose=0)

probabilities = cancer_model.predict(x_test, verbose=0)  # 形状 (样本数, 1)：每个样本一个概率
classes = (probabilities[:, 0] > 0.5).astype("int32")  # 大于 0.5 判为类别 1
print("概率形状:", probabilities.shape)
print("前 10 个概率:", probabilities[:10, 0])
print("前 10 个预测类别:", classes[:10])
accuracy = np.mean(classes == y_test)
print(f"测试准确率: {accuracy:.4f}")
assert accuracy > 0.90, f"乳腺癌数据测试准确率应高于 0.90，实际 {accuracy:.4f}"

wrong = np.argmax(probabilities, axis=1)  # 对单列输出取 argmax：永远是 0
print("误用 argmax 得到的类别:", np.unique(wrong))
assert np.all(wrong == 0)
# --8<-- [end:sigmoid]
