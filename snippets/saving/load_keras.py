"""保存与加载 2：在一个新进程里加载 my_model.keras，验证它存下了什么。"""
# harness: requires=save_keras.py

# --8<-- [start:load]
import keras
import numpy as np

model = keras.models.load_model("my_model.keras")  # 不需要先搭结构
X, y = np.load("X.npy"), np.load("y.npy")

difference = np.abs(model.predict(X, verbose=0) - np.load("pred_at_save.npy")).max()
print(f"与保存时的预测最大相差: {difference:.2e}")
assert difference < 1e-6
# --8<-- [end:load]

# --8<-- [start:state]
print("已编译:", model.compiled)
print("损失函数:", model.loss)
print("优化器:", type(model.optimizer).__name__, f"learning_rate={float(model.optimizer.learning_rate):.3g}")
print("optimizer.iterations:", int(model.optimizer.iterations))
assert model.compiled and int(model.optimizer.iterations) == 25  # 训练步数也存下来了
loss, accuracy = model.evaluate(X, y, verbose=0)  # 已编译：可以直接 evaluate
print(f"evaluate: loss={loss:.4f}  accuracy={accuracy:.4f}")
# --8<-- [end:state]

# --8<-- [start:resume]
expected = np.load("weights_one_more_epoch.npz")
expected = [expected[f"arr_{i}"] for i in range(len(expected.files))]

model.fit(X, y, epochs=1, batch_size=30, shuffle=False, verbose=0)  # 接着训练 1 个 epoch
resumed = max(np.abs(a - b).max() for a, b in zip(model.get_weights(), expected, strict=True))
print(f"接着训练 vs. 原进程里接着训练：权重最大相差 {resumed:.2e}")

# 对照：只要结构和权重，换一个全新的 Adam（动量、步数从零开始）
fresh = keras.models.load_model("my_model.keras", compile=False)
fresh.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy")
fresh.fit(X, y, epochs=1, batch_size=30, shuffle=False, verbose=0)
restarted = max(np.abs(a - b).max() for a, b in zip(fresh.get_weights(), expected, strict=True))
print(f"换新优化器再训练 vs. 原进程：权重最大相差 {restarted:.2e}")

assert resumed < 1e-5, "恢复了优化器状态，继续训练应与不中断完全一致"
assert restarted > 1e-3, "新优化器没有动量，结果应明显不同"
# --8<-- [end:resume]

# --8<-- [start:compile-false]
bare = keras.models.load_model("my_model.keras", compile=False)
print("compile=False → 已编译:", bare.compiled, " 有 optimizer 属性:", hasattr(bare, "optimizer"))
same = np.abs(bare.predict(X, verbose=0) - np.load("pred_at_save.npy")).max()
print(f"predict 照常，与保存时相差 {same:.2e}")
try:
    bare.evaluate(X, y, verbose=0)
except (ValueError, AttributeError) as error:  # TensorFlow/JAX: ValueError；PyTorch: AttributeError
    message = str(error)
    print(f"evaluate → {type(error).__name__}: {message}")
else:
    raise AssertionError("未编译的模型不应能 evaluate")
# TensorFlow/JAX 的报错让你先 compile()；PyTorch 报的是没有 optimizer 属性
assert not bare.compiled and same < 1e-6 and ("compile()" in message or "optimizer" in message)
# --8<-- [end:compile-false]
