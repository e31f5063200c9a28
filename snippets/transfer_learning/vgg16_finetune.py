"""迁移学习第二步：解冻 VGG16 的最后一个卷积块（block5），用很小的学习率微调。"""

# harness: requires=vgg16_head.py

# --8<-- [start:unfreeze]
import keras
import numpy as np

data = np.load("fashion_2class_64.npz")
model = keras.models.load_model("vgg16_stage1.keras")  # 第一步训练好分类头的模型
base = model.get_layer("vgg16")

base.trainable = True  # 先整体解冻，再把 block5 以外的层重新冻结
for layer in base.layers:
    layer.trainable = layer.name.startswith("block5")
print("可训练的层:", [layer.name for layer in base.layers if layer.trainable and layer.weights])

# 改了 trainable 之后要重新 compile；学习率比第一步小 100 倍，避免破坏预训练的特征
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="binary_crossentropy", metrics=["accuracy"]
)
print("可训练的权重张量:", len(model.trainable_weights), " 不可训练:", len(model.non_trainable_weights))
assert len(model.trainable_weights) == 4 + 6  # 分类头 4 个 + block5 的 3 个卷积层各 2 个
assert len(model.non_trainable_weights) == 20  # block1 到 block4 的 10 个卷积层
block5_params = sum(layer.count_params() for layer in base.layers if layer.name.startswith("block5"))
print(f"block5 的参数: {block5_params:,}")
assert block5_params == 3 * (3 * 3 * 512 * 512 + 512)
# --8<-- [end:unfreeze]

# --8<-- [start:finetune]
block4_before = base.get_layer("block4_conv3").get_weights()[0].copy()
block5_before = base.get_layer("block5_conv3").get_weights()[0].copy()
history = model.fit(data["x_train"], data["y_train"], batch_size=32, epochs=1, verbose=2)
loss = history.history["loss"][-1]
assert np.isfinite(loss)
assert np.array_equal(base.get_layer("block4_conv3").get_weights()[0], block4_before), "block4 仍是冻结的"
assert not np.array_equal(base.get_layer("block5_conv3").get_weights()[0], block5_before), "block5 被更新了"
# --8<-- [end:finetune]
