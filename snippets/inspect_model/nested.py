"""查看模型 2：嵌套模型的 summary(expand_nested=True)、plot_model 的参数和 model_to_dot。"""

# --8<-- [start:build]
import keras

# 一个小的 Sequential 模型，作为“编码器”整体嵌进另一个模型
encoder = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu", name="enc_hidden"),
        keras.layers.Dense(4, name="enc_code"),
    ],
    name="encoder",
)
inputs = keras.Input(shape=(8,), name="features")
code = encoder(inputs)  # 整个模型像一层一样被调用
outputs = keras.layers.Dense(1, activation="sigmoid", name="score")(code)
model = keras.Model(inputs=inputs, outputs=outputs, name="scorer")
model.summary()
assert [layer.name for layer in model.layers] == ["features", "encoder", "score"]
# --8<-- [end:build]

# --8<-- [start:expand-nested]
model.summary(expand_nested=True)
lines = []
model.summary(expand_nested=True, print_fn=lambda line, **kwargs: lines.append(line))
assert "enc_hidden" in "\n".join(lines)  # 展开后才看得到嵌套模型里面的层
# --8<-- [end:expand-nested]

# --8<-- [start:plot-defaults]
import inspect

signature = inspect.signature(keras.utils.plot_model)
defaults = {
    name: signature.parameters[name].default
    for name in ("show_shapes", "show_layer_names", "expand_nested", "dpi")
}
for name, value in defaults.items():
    print(f"{name}={value!r}")
assert defaults["show_layer_names"] is False  # Keras 2 的默认值是 True
assert defaults["dpi"] == 200  # Keras 2 的默认值是 96
assert defaults["show_shapes"] is False and defaults["expand_nested"] is False
# --8<-- [end:plot-defaults]

# --8<-- [start:plot]
from pathlib import Path

keras.utils.plot_model(
    model,
    to_file="scorer.png",
    show_shapes=True,  # 每层的输入/输出形状
    show_layer_names=True,  # 每层的名字
    expand_nested=True,  # 把 encoder 展开成一个虚线框
    dpi=72,  # 分辨率
)
assert Path("scorer.png").stat().st_size > 0
# --8<-- [end:plot]

# --8<-- [start:expand-dim]
try:
    keras.utils.plot_model(model, to_file="old.png", expand_dim=True)  # 原笔记列出的参数名
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
else:
    raise AssertionError("expand_dim 没有报错")
assert "Unrecognized keyword arguments" in message and "expand_dim" in message
assert not Path("old.png").exists()  # 报错发生在画图之前，什么也没写
# --8<-- [end:expand-dim]

# --8<-- [start:model-to-dot]
dot = keras.utils.model_to_dot(model, show_shapes=True, expand_nested=True)
print(type(dot))  # Keras 3 用的是 pydot 包（不是 pydot_ng）
assert type(dot).__module__.split(".")[0] == "pydot"
svg = dot.create(prog="dot", format="svg")  # 交给 Graphviz 渲染成 SVG，得到 bytes
print(f"SVG: {len(svg)} 字节，开头 {svg[:40]!r}")
assert b"<svg" in svg
# 在 Jupyter 里显示：from IPython.display import SVG; SVG(svg)
# --8<-- [end:model-to-dot]
