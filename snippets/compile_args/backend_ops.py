"""keras.backend 里的数学函数（K.mean、K.sum……）在 Keras 3 中已经移除，改用 keras.ops。"""

# --8<-- [start:backend-gone]
import numpy as np
from keras import backend as K  # 原笔记的导入方式，导入本身仍然可以

for name, old_line in [("K.mean", lambda: K.mean), ("K.sum", lambda: K.sum)]:
    try:
        old_line()  # 执行原笔记的 K.mean、K.sum
    except AttributeError as error:
        message = str(error)
        print(f"{name} -> AttributeError: {message}")
    else:
        raise AssertionError(f"{name} 仍然存在")
    assert "has no attribute" in message

print("keras.backend 还剩下的:", [n for n in dir(K) if not n.startswith("_")][:8], "...")
print("例如 K.epsilon() =", K.epsilon(), "  K.image_data_format() =", K.image_data_format())
# --8<-- [end:backend-gone]

# --8<-- [start:ops]
from keras import ops

t = np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32")
print("ops.mean:", float(ops.mean(t)), "  ops.sum(axis=0):", ops.convert_to_numpy(ops.sum(t, axis=0)))
assert float(ops.mean(t)) == 2.5
assert np.array_equal(ops.convert_to_numpy(ops.sum(t, axis=0)), [4.0, 6.0])
# ops 的函数名与 NumPy 一致：ops.argmax、ops.square、ops.sqrt、ops.clip……
assert int(ops.argmax(ops.convert_to_tensor([0.1, 0.7, 0.2]))) == 1
# --8<-- [end:ops]
