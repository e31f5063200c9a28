"""tf.data 的 map 里做增强：keras.Sequential 只在 TensorFlow 后端能用，keras.layers.Pipeline 都能用。"""

# --8<-- [start:sequential]
import keras
import numpy as np
import tensorflow as tf

backend = keras.config.backend()
images = np.random.default_rng(0).random((8, 32, 32, 3)).astype("float32") * 255
ds = tf.data.Dataset.from_tensor_slices(images).batch(4)

as_sequential = keras.Sequential([keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.1)])
try:
    ds.map(lambda x: as_sequential(x, training=True))
    outcome = "可以运行"
except NotImplementedError as error:
    outcome = str(error).strip().splitlines()[-1].strip()  # 报错很长，最后一行是原因
print(f"后端 {backend}：keras.Sequential 放进 map →\n  {outcome}")

expected_error = (
    "NotImplementedError: Cannot convert a symbolic tf.Tensor (args_0:0) to a numpy array. "
    "This error may indicate that you're trying to pass a Tensor to a NumPy call, which is not supported."
)
assert outcome == ("可以运行" if backend == "tensorflow" else expected_error)
# --8<-- [end:sequential]

# --8<-- [start:pipeline]
augment = keras.layers.Pipeline([keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.1)])
aug_ds = ds.map(lambda x: augment(x, training=True), num_parallel_calls=tf.data.AUTOTUNE)
batch = next(iter(aug_ds))
change = float(tf.reduce_mean(tf.abs(batch - images[:4])))
print(f"后端 {backend}：keras.layers.Pipeline 放进 map → 输出 {type(batch).__name__} {tuple(batch.shape)}")
print(f"像素的平均变化: {change:.1f}")
assert isinstance(batch, tf.Tensor) and tuple(batch.shape) == (4, 32, 32, 3)
assert change > 1  # 真的做了增强

unchanged = keras.ops.convert_to_numpy(augment(images[:4], training=False))  # 推理时原样放行
assert np.array_equal(unchanged, images[:4])
# --8<-- [end:pipeline]
