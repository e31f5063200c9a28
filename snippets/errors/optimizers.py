# 常见报错速查 5：优化器参数和 compile 里的名字。

# --8<-- [start:optimizer-lr]
import keras

try:
    keras.optimizers.SGD(lr=0.01, momentum=0.9, nesterov=True)  # Keras 2 的参数名
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("旧写法没有报错")
print(text)
assert text == "ValueError: Argument(s) not recognized: {'lr': 0.01}"
sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)  # 今天的写法
print("今天的写法，learning_rate =", round(float(sgd.learning_rate), 6))
# --8<-- [end:optimizer-lr]

# --8<-- [start:optimizer-decay]
import warnings

import keras

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.optimizers.SGD(learning_rate=0.1, decay=0.5)  # Keras 2 的写法：不报错，只警告
texts = [f"{w.category.__name__}: {w.message}" for w in caught if "decay" in str(w.message)]
print(*texts, sep="\n")
assert texts == ["UserWarning: Argument `decay` is no longer supported and will be ignored."]
schedule = keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=1, decay_rate=0.5)  # 今天的写法
print("今天的写法，第 0、1、2 步的学习率:", [round(float(schedule(step)), 4) for step in range(3)])
# --8<-- [end:optimizer-decay]

# --8<-- [start:metric-acc]
import keras

try:
    keras.metrics.get("acc")  # "acc" 只在 compile(metrics=[...]) 里被特殊处理
except ValueError as error:
    text = f"{type(error).__name__}: {error}"
else:
    raise AssertionError("没有报错")
print(text)
assert text == "ValueError: Could not interpret metric identifier: acc"
print("今天的写法:", type(keras.metrics.CategoricalAccuracy()).__name__)  # 或在 compile 里写字符串
# --8<-- [end:metric-acc]
