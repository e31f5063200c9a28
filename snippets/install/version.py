"""安装与环境 1：确认 Keras 能导入，查看版本和当前使用的后端。"""

# --8<-- [start:version]
import keras

print("Keras 版本:", keras.__version__)
major = int(keras.__version__.split(".")[0])
assert major == 3, f"本站的代码针对 Keras 3，实际是 {keras.__version__}"
# --8<-- [end:version]

# --8<-- [start:backend]
import importlib

backend = keras.config.backend()  # "tensorflow"、"jax" 或 "torch"
engine = importlib.import_module(backend)  # 后端本身也是一个 Python 包
print("当前后端:", backend, engine.__version__)
assert backend in ("tensorflow", "jax", "torch")
assert keras.backend.backend() == backend  # 旧名字 keras.backend.backend() 仍然可用
# --8<-- [end:backend]
