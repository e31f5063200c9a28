"""踩坑合集：拿测试集挑模型，测试集上的成绩就不再是公正的估计。"""

# --8<-- [start:pick-on-test]
import keras
import numpy as np

rng = np.random.default_rng()
# 极端的例子：标签随机，与特征毫无关系。任何模型在没见过的数据上都只能猜，准确率约 0.5
x_test, y_test = rng.normal(size=(60, 10)), rng.integers(0, 2, 60)
x_new, y_new = rng.normal(size=(5000, 10)), rng.integers(0, 2, 5000)  # 从没用过的新数据

base = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1, activation="sigmoid")])


def accuracy(model, x, y):
    predicted = keras.ops.convert_to_numpy(model(x))[:, 0] > 0.5
    return float(np.mean(predicted == y))


# 100 个候选模型（代表 100 组超参数、100 个 epoch 的检查点……），按测试集上的准确率挑最好的
candidates = [keras.models.clone_model(base) for _ in range(100)]  # clone_model 会重新初始化权重
test_scores = [accuracy(model, x_test, y_test) for model in candidates]
chosen = candidates[int(np.argmax(test_scores))]
new_score = accuracy(chosen, x_new, y_new)
print(f"按测试集挑中的模型：测试集准确率 {max(test_scores):.3f}")
print(f"同一个模型在 5000 个新样本上：   准确率 {new_score:.3f}")
assert max(test_scores) > 0.55, "挑出来的“最好”成绩明显高于瞎猜"
assert abs(new_score - 0.5) < 0.05, "换一批数据，它还是只能瞎猜"
# --8<-- [end:pick-on-test]

# --8<-- [start:pick-on-validation]
# 正确做法：从训练数据里另外划出验证集来挑，测试集只在最后用一次
x_val, y_val = rng.normal(size=(60, 10)), rng.integers(0, 2, 60)
val_scores = [accuracy(model, x_val, y_val) for model in candidates]
chosen = candidates[int(np.argmax(val_scores))]
test_score, new_score = accuracy(chosen, x_test, y_test), accuracy(chosen, x_new, y_new)
print(f"按验证集挑中的模型：验证集 {max(val_scores):.3f}   测试集 {test_score:.3f}   新样本 {new_score:.3f}")
assert max(val_scores) > 0.55, "偏高的是验证集上的成绩"
assert abs(test_score - new_score) < 0.25, "测试集没参与挑选，它的成绩和新数据上的一致（只差抽样误差）"
# --8<-- [end:pick-on-validation]
