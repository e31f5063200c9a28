"""原笔记说 Keras 兼容 Python 2.7–3.6；看看今天安装的 Keras 自己声明需要哪个 Python。"""

# --8<-- [start:requires]
import importlib.metadata
import sys

for package in ["keras", "tensorflow"]:
    meta = importlib.metadata.metadata(package)
    print(f"{package} {meta['Version']}  Requires-Python: {meta['Requires-Python']}")
print("当前 Python:", sys.version.split()[0])

requires = importlib.metadata.metadata("keras")["Requires-Python"]
assert requires.startswith(">=3."), requires
minimum = tuple(int(part) for part in requires.removeprefix(">=").split("."))
assert minimum > (3, 6), "Python 2.7–3.6 早已不在支持范围内"
assert sys.version_info[:2] >= minimum
# --8<-- [end:requires]
