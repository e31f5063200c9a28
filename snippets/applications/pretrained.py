"""预训练模型 2：加载 ImageNet 权重的 MobileNetV2 和 VGG16（卷积部分），预处理、预测、解码。"""

# --8<-- [start:mobilenet]
import keras
import numpy as np
from sklearn.datasets import load_sample_image

model = keras.applications.MobileNetV2(weights="imagenet")  # 默认：224×224 输入，带 1000 类的分类头
print("输入:", model.input_shape, " 输出:", model.output_shape, f" 参数量: {model.count_params():,}")
print("image_data_format:", keras.config.image_data_format())  # 来自 ~/.keras/keras.json，默认 channels_last
assert keras.config.image_data_format() == "channels_last"
assert model.input_shape == (None, 224, 224, 3) and model.output_shape == (None, 1000)
# --8<-- [end:mobilenet]

# --8<-- [start:predict]
from keras.applications.mobilenet_v2 import decode_predictions, preprocess_input

image = load_sample_image("china.jpg")  # scikit-learn 自带的一张照片，uint8，(427, 640, 3)
batch = keras.ops.image.resize(image[None].astype("float32"), (224, 224))  # 缩放到模型要求的大小
batch = preprocess_input(np.array(batch))  # MobileNetV2 要求的取值范围 [-1, 1]
print(f"预处理后取值范围: [{batch.min():.2f}, {batch.max():.2f}]")

probabilities = model.predict(batch, verbose=0)
print("输出形状:", probabilities.shape, f" 概率之和: {probabilities.sum():.4f}")
top3 = decode_predictions(probabilities, top=3)[0]  # 每项是 (WordNet 编号, 类名, 概率)
for wnid, name, score in top3:
    print(f"  {wnid}  {name:24s} {score:.4f}")
assert probabilities.shape == (1, 1000) and abs(probabilities.sum() - 1) < 1e-3
assert len(top3) == 3 and top3[0][2] >= top3[1][2] >= top3[2][2]
# --8<-- [end:predict]

# --8<-- [start:vgg16]
conv_base = keras.applications.VGG16(weights="imagenet", include_top=False)  # 只要卷积部分
print("VGG16 卷积部分：输入", conv_base.input_shape, "输出", conv_base.output_shape)
features = conv_base.predict(keras.applications.vgg16.preprocess_input(np.zeros((1, 224, 224, 3))), verbose=0)
print("224×224 的图得到的特征图:", features.shape)
assert conv_base.input_shape == (None, None, None, 3) and features.shape == (1, 7, 7, 512)
# --8<-- [end:vgg16]
