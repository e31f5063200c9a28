"""安装与环境 2：后端由 KERAS_BACKEND 环境变量或 keras.json 决定，而且只在 import keras 时读取一次。"""

# --8<-- [start:helper]
import json
import os
import subprocess
import sys
from pathlib import Path

KERAS_HOME = Path("my_keras_home").resolve()  # 演示用的配置目录，不动你自己的 ~/.keras


def run_python(code, **env_vars):
    """在一个全新的 Python 进程里执行 code，返回 (退出码, 标准输出, 标准错误的最后一行)。"""
    env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}  # 先去掉已有的设置
    env["KERAS_HOME"] = str(KERAS_HOME)
    env.update(env_vars)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    last_error_line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return done.returncode, done.stdout.strip(), last_error_line


CHECK = "import keras; print('backend =', keras.config.backend())"
# --8<-- [end:helper]

# --8<-- [start:env-var]
config_file = KERAS_HOME / "keras.json"
config_file.unlink(missing_ok=True)  # 重跑这一段时，先删掉上一次生成的文件

# 第一次 import keras，用环境变量指定一个 Keras 3 没有的后端
code, out, error = run_python(CHECK, KERAS_BACKEND="theano")
print("退出码:", code)
print(error)
assert code != 0 and error == "ValueError: Unable to import backend : theano"

# 导入虽然失败了，keras.json 却已经按默认值创建好
print(f"\n{config_file.name} 的内容：")
print(config_file.read_text())
assert json.loads(config_file.read_text())["backend"] == "tensorflow"  # 文件写的是默认值，环境变量优先
# --8<-- [end:env-var]

# --8<-- [start:keras-json]
config = json.loads(config_file.read_text())
config["backend"] = "theano"  # 这次改配置文件，不设环境变量
config_file.write_text(json.dumps(config, indent=4))

code, out, error = run_python(CHECK)
print("退出码:", code)
print(error)
assert code != 0 and error == "ValueError: Unable to import backend : theano"  # 说明 keras.json 被读取了
# --8<-- [end:keras-json]

# --8<-- [start:in-script]
# 同一个 keras.json（backend 仍是 "theano"），但脚本在 import keras 之前设置了环境变量
script = """
import os
os.environ["KERAS_BACKEND"] = "tensorflow"  # 必须写在 import keras 之前

import keras
print("backend =", keras.config.backend())
"""
code, out, _ = run_python(script)
print(out)
assert code == 0 and out == "backend = tensorflow", "环境变量优先于 keras.json"
# --8<-- [end:in-script]

# --8<-- [start:too-late]
import keras  # 本进程已经导入了 Keras

backend_before = keras.config.backend()
os.environ["KERAS_BACKEND"] = "torch" if backend_before != "torch" else "jax"  # 导入之后再改
print("KERAS_BACKEND =", os.environ["KERAS_BACKEND"], "  keras.config.backend() =", keras.config.backend())
assert keras.config.backend() == backend_before  # 不起作用：后端在 import 时已经定下
os.environ["KERAS_BACKEND"] = backend_before  # 改回来：之后从这里启动的子进程（下文的例子）会继承这个变量
# --8<-- [end:too-late]
