"""自定义对象 3：用注册过的自定义对象搭模型并保存（由 load_registered.py 在新进程里加载）。"""
# harness: requires=my_objects.py
# harness: new-session -- 注册对整个进程有效：上面不注册的例子要在没有 import my_objects 的进程里做完

# --8<-- [start:save]
import keras
import my_objects  # 注册发生在这里
import numpy as np

model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        my_objects.Residual(keras.layers.Dense(4, activation="tanh"), name="residual"),
        my_objects.Scale(0.5, name="scale"),
        keras.layers.Dense(1),
    ]
)
model.compile(optimizer="adam", loss=my_objects.weighted_mse)
rng = np.random.default_rng(0)
x, y = rng.normal(size=(32, 4)).astype("float32"), rng.normal(size=(32, 1)).astype("float32")
model.fit(x, y, epochs=2, verbose=0)
np.save("x.npy", x)
np.save("pred.npy", model.predict(x, verbose=0))
model.save("registered.keras")

print(
    "注册名:",
    keras.saving.get_registered_name(my_objects.Scale),
    keras.saving.get_registered_name(my_objects.weighted_mse),
)
assert keras.saving.get_registered_name(my_objects.Scale) == "my_objects>Scale"
# --8<-- [end:save]

# --8<-- [start:config]
import json
import zipfile

with zipfile.ZipFile("registered.keras") as archive:
    layers = json.loads(archive.read("config.json"))["config"]["layers"]
residual = next(layer for layer in layers if layer["config"]["name"] == "residual")
scale = next(layer for layer in layers if layer["config"]["name"] == "scale")
print("Scale 的 factor 自动存下了:", scale["config"]["factor"])
print(
    "Residual 存下的 inner:",
    residual["config"]["inner"]["class_name"],
    residual["config"]["inner"]["config"]["units"],
)
assert scale["config"]["factor"] == 0.5 and residual["config"]["inner"]["class_name"] == "Dense"
# --8<-- [end:config]
