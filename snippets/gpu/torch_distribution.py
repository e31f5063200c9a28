"""PyTorch 后端：keras.distribution 在这里没有实现（DistributedDataParallel 的例子在 torch_ddp.py）。"""

# harness: backends=torch -- 演示的就是 keras.distribution 与 DistributedDataParallel 在 PyTorch 后端上的表现
# harness: devices=cpu -- 用两个 CPU 设备名演示 DataParallel 没有效果；GPU 上的多卡写法见页面

# --8<-- [start:keras-distribution]
import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

try:
    keras.distribution.list_devices()
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("PyTorch 后端上 list_devices() 没有报错")
assert "list_devices" in message  # PyTorch 后端没有 keras.distribution 的实现，调用时才发现

(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:4096].reshape(-1, 784).astype("float32") / 255
y_train = y_train[:4096].astype("int64")


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu", name="hidden"),
            keras.layers.Dense(10, name="logits"),  # 输出 logits，交给 PyTorch 的 CrossEntropyLoss
        ]
    )


# 手写设备名可以建出 DataParallel，set_distribution 也照单全收……
distribution = keras.distribution.DataParallel(devices=["cpu:0", "cpu:1"])
keras.distribution.set_distribution(distribution)
model = make_model()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, batch_size=128, epochs=1, verbose=2)
kernel = model.get_layer("hidden").kernel.value
print("kernel:", type(kernel).__name__, "在", kernel.device)
assert type(kernel) is torch.nn.Parameter  # ……但模型只有这一份普通的参数，训练只在一个设备上进行
keras.distribution.set_distribution(None)
# --8<-- [end:keras-distribution]
