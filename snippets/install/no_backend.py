"""安装与环境 4：只装 keras、不装后端会怎样；Python 版本要求；下载失败时 mnist.npz 放在哪里。"""

# harness: timeout=120 -- 三个子进程各自导入一次 Keras

# --8<-- [start:no-backend]
import os
import subprocess
import sys
from pathlib import Path

# 在一个全新的进程里模拟“只执行了 pip install keras”：让三个后端包都导入不了
HIDE_BACKENDS = """
import sys

class HideBackends:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("tensorflow", "jax", "torch"):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None

sys.meta_path.insert(0, HideBackends())
import keras
"""
env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}  # 不指定后端：默认 tensorflow
env["KERAS_HOME"] = str(Path("no_backend_home").resolve())  # 不碰你自己的 ~/.keras
done = subprocess.run([sys.executable, "-c", HIDE_BACKENDS], env=env, capture_output=True, text=True)
last_line = done.stderr.strip().splitlines()[-1]
print("退出码:", done.returncode)
print(last_line)
assert done.returncode != 0 and last_line == "ModuleNotFoundError: No module named 'tensorflow'"
# --8<-- [end:no-backend]

# --8<-- [start:requires-python]
import importlib.metadata

requires = importlib.metadata.metadata("keras")["Requires-Python"]
print("keras", importlib.metadata.version("keras"), "要求 Python", requires)
assert requires == ">=3.11"
assert sys.version_info >= (3, 11)
# --8<-- [end:requires-python]

# --8<-- [start:dataset-cache]
import hashlib

fake_home = Path("fake_home").resolve()  # 扮演你的主目录 ~
cached = fake_home / ".keras" / "datasets" / "mnist.npz"
cached.parent.mkdir(parents=True, exist_ok=True)
cached.write_bytes(b"pretend this is mnist.npz")  # 手工放进去的文件
digest = hashlib.sha256(cached.read_bytes()).hexdigest()

GET = f"""
import keras
path = keras.utils.get_file(
    "mnist.npz",
    origin="https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz",
    file_hash="{digest}",  # 哈希对得上：直接用缓存里的文件，不下载
)
print(path)
"""


def where_get_file_looks(**env_vars):
    env = {k: v for k, v in os.environ.items() if k != "KERAS_HOME"}
    env.update(HOME=str(fake_home), **env_vars)
    done = subprocess.run([sys.executable, "-c", GET], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


path = where_get_file_looks()
print("没有 KERAS_HOME:", path.replace(str(fake_home), "~"))
assert path == str(cached)

other = Path("other_keras_home").resolve()
(other / "datasets").mkdir(parents=True, exist_ok=True)
(other / "datasets" / "mnist.npz").write_bytes(cached.read_bytes())
path = where_get_file_looks(KERAS_HOME=str(other))
print("KERAS_HOME=other_keras_home:", Path(path).relative_to(Path.cwd().resolve()))
assert path == str(other / "datasets" / "mnist.npz")
# --8<-- [end:dataset-cache]
