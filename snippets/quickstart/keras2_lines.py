"""原笔记中的 Keras 2 写法，今天在 Keras 3 里各自会发生什么。"""

import keras


def show(title, action):
    """执行一行旧写法，打印它今天的结果（报错或警告）。"""
    try:
        action()
    except Exception as error:  # noqa: BLE001 - 我们就是要看它报什么错
        print(f"{title}\n  -> {type(error).__name__}: {error}\n")
        return error
    print(f"{title}\n  -> 没有报错\n")
    return None


# --8<-- [start:np-utils]
def import_np_utils():
    from keras.utils import np_utils  # noqa: F401  Keras 2 的写法


error = show("from keras.utils import np_utils", import_np_utils)
assert isinstance(error, ImportError)
# 今天：keras.utils.to_categorical(y, num_classes=10)
print(keras.utils.to_categorical([0, 2], num_classes=3))
# --8<-- [end:np-utils]

# --8<-- [start:dense-output-dim]
error = show("Dense(output_dim=1, input_dim=1)", lambda: keras.layers.Dense(output_dim=1, input_dim=1))
assert isinstance(error, TypeError) and "units" in str(error)
# 今天：keras.layers.Dense(1)，输入形状交给 keras.Input(shape=(1,))
# --8<-- [end:dense-output-dim]

# --8<-- [start:optimizer-lr]
error = show("RMSprop(lr=0.001)", lambda: keras.optimizers.RMSprop(lr=0.001))
assert isinstance(error, ValueError) and "lr" in str(error)
# 今天：keras.optimizers.RMSprop(learning_rate=0.001)
# --8<-- [end:optimizer-lr]
