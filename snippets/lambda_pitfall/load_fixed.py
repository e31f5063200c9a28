"""Lambda 层的坑 4：新进程里加载两个修好的模型，safe_mode 保持默认（开启）。"""
# harness: requires=save_fixed.py
# harness: requires=resize_layer.py
# harness: backends=tensorflow -- 依赖 save_fixed.py 的输出

# --8<-- [start:load]
import keras
import numpy as np
import resize_layer  # noqa: F401  注册 ResizeTo；内置的 Resizing 不需要任何准备

x, expected = np.load("x.npy"), np.load("pred.npy")
for path in ["with_resizing.keras", "with_custom.keras"]:
    model = keras.models.load_model(path)  # 默认 safe_mode=True，不需要 custom_objects
    gap = np.abs(model.predict(x, verbose=0) - expected).max()
    print(f"{path:20s} 加载成功，输出 {model.output_shape}，与保存前相差 {gap:.2e}")
    assert gap < 1e-5
# --8<-- [end:load]
