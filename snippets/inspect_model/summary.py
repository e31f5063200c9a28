"""查看模型 1：summary() 要带括号；print(model.summary()) 会多打印一个 None。"""

# --8<-- [start:summary]
import keras

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(64, activation="relu", name="hidden"),
        keras.layers.Dropout(0.5, name="dropout"),
        keras.layers.Dense(3, activation="softmax", name="output"),
    ],
    name="classifier",
)
model.summary()
assert model.count_params() == (20 * 64 + 64) + (64 * 3 + 3)  # 1344 + 195 = 1539
# --8<-- [end:summary]

# --8<-- [start:no-parens]
import contextlib
import io

captured = io.StringIO()
with contextlib.redirect_stdout(captured):  # 把这段时间里打印的东西都收集起来
    model.summary  # 原笔记的写法：没有括号，只是取到了这个方法，并没有调用它
print(f"没有括号时打印了 {len(captured.getvalue())} 个字符")
print(model.summary)  # 它是一个“绑定方法”对象
assert captured.getvalue() == ""
assert callable(model.summary) and type(model.summary).__name__ == "method"
# --8<-- [end:no-parens]

# --8<-- [start:print-summary]
captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    print(model.summary())  # summary() 自己打印表格，返回值是 None，print 再把 None 打印出来
tail = captured.getvalue().rstrip().splitlines()[-3:]
print("收集到的输出的最后 3 行：")
print("\n".join(tail))
assert tail[-1] == "None"
assert model.summary(print_fn=lambda *args, **kwargs: None) is None
# --8<-- [end:print-summary]
