"""预训练模型 1：keras.applications 今天提供哪些模型。"""

# --8<-- [start:list]
import inspect

import keras

constructors = sorted(
    name
    for name, obj in vars(keras.applications).items()
    if callable(obj) and not inspect.ismodule(obj) and name[0].isupper()
)
print(f"keras.applications 里共有 {len(constructors)} 个模型构造函数:")
for start in range(0, len(constructors), 5):
    print("  " + ", ".join(constructors[start : start + 5]))

in_notes = [  # 原笔记列出的 10 个（DenseNet、NASNet 取其中一个具体型号）
    "Xception", "VGG16", "VGG19", "ResNet50", "InceptionV3",
    "InceptionResNetV2", "MobileNet", "DenseNet121", "NASNetMobile", "MobileNetV2",
]  # fmt: skip
missing = [name for name in in_notes if name not in constructors]
print("原笔记里的模型都还在?", not missing)
assert not missing, missing
newer = [n for n in constructors if n.startswith(("EfficientNet", "ConvNeXt", "MobileNetV3", "ResNet50V2"))]
print(f"原笔记没有列出的一部分（{len(newer)} 个）:", ", ".join(newer))
assert {"EfficientNetV2S", "ConvNeXtTiny", "MobileNetV3Small"} <= set(newer)
# --8<-- [end:list]
