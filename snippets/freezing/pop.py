"""冻结层 3：Sequential 的 pop() 删掉最后一层。"""

# --8<-- [start:pop]
import keras

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),  # Input 不算在 model.layers 里
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(32, activation="relu"),
    ]
)
print("层数:", len(model.layers), " 输出形状:", model.output_shape)
assert len(model.layers) == 2

model.pop()  # 删掉最后加入的那一层
print("pop 之后层数:", len(model.layers), " 输出形状:", model.output_shape)
assert len(model.layers) == 1

model.add(keras.layers.Dense(10, activation="softmax"))  # 常见用法：换一个新的输出层
print("换上新输出层:", len(model.layers), model.output_shape)
assert model.output_shape == (None, 10)

functional = keras.Model(model.inputs, model.outputs)  # 同样的层，包成函数式模型
print("函数式模型有 pop 吗？", hasattr(functional, "pop"))
assert not hasattr(functional, "pop")
# --8<-- [end:pop]
