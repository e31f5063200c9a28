"""PyTorch 后端：keras.distribution 在这里没有实现；数据并行改用 PyTorch 自己的 DistributedDataParallel。"""

# harness: backends=torch -- 演示的就是 keras.distribution 与 DistributedDataParallel 在 PyTorch 后端上的表现
# harness: devices=cpu -- 用两个 CPU 进程（gloo 通信）演示 DDP；fork 出的子进程不能再用父进程初始化过的 CUDA

# --8<-- [start:keras-distribution]
import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import numpy as np
import torch

try:
    keras.distribution.list_devices()
except AttributeError as error:
    message = str(error)
    print(f"AttributeError: {message}")
else:
    raise AssertionError("PyTorch 后端上 list_devices() 没有报错")
assert "list_devices" in message  # PyTorch 后端没有 keras.distribution 的实现，调用时才发现

(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
x_train = x_train[:4096].reshape(-1, 784).astype("float32") / 255
y_train = y_train[:4096].astype("int64")


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu", name="hidden"),
            keras.layers.Dense(10, name="logits"),  # 输出 logits，交给 PyTorch 的 CrossEntropyLoss
        ]
    )


# 手写设备名可以建出 DataParallel，set_distribution 也照单全收……
distribution = keras.distribution.DataParallel(devices=["cpu:0", "cpu:1"])
keras.distribution.set_distribution(distribution)
model = make_model()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, batch_size=128, epochs=1, verbose=2)
kernel = model.get_layer("hidden").kernel.value
print("kernel:", type(kernel).__name__, "在", kernel.device)
assert type(kernel) is torch.nn.Parameter  # ……但模型只有这一份普通的参数，训练只在一个设备上进行
keras.distribution.set_distribution(None)
# --8<-- [end:keras-distribution]

# --8<-- [start:ddp-worker]
import datetime
import sys
import tempfile

import torch.distributed as dist
import torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

# gloo 在进程之间用 TCP 传梯度，默认绑定主机名解析到的网卡；单机演示固定用本机回环网卡，不经过真实网络
os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo0" if sys.platform == "darwin" else "lo")


def train_worker(rank, world_size, store_file):
    """每个进程运行一份：rank 是进程编号，0 到 world_size-1。"""
    torch.set_num_threads(1)
    # 进程之间用 gloo 通信（CPU）；它们通过同一个文件找到彼此，60 秒内没连上就报错，而不是一直等下去
    dist.init_process_group(
        "gloo",
        init_method=f"file://{store_file}",
        rank=rank,
        world_size=world_size,
        timeout=datetime.timedelta(seconds=60),
    )
    model = make_model()  # PyTorch 后端的 Keras 模型本身就是一个 torch.nn.Module
    ddp_model = DistributedDataParallel(model)  # 反向传播时，把各进程的梯度取平均
    optimizer = torch.optim.Adam(ddp_model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()

    dataset = TensorDataset(torch.from_numpy(x_train), torch.from_numpy(y_train))
    sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, shuffle=False)
    loader = DataLoader(dataset, batch_size=64, sampler=sampler)  # 每个进程只读属于自己的那一份数据

    epoch_losses = []
    for _ in range(2):  # 2 个 epoch
        total = 0.0
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(ddp_model(x), y)
            loss.backward()  # 梯度在这里跨进程求平均
            optimizer.step()
            total += loss.item()
        epoch_losses.append(total / len(loader))
    kernel = model.get_layer("hidden").kernel.numpy()
    np.savez(f"rank{rank}.npz", indices=list(sampler), losses=epoch_losses, kernel=kernel)  # 交给主进程检查
    dist.destroy_process_group()


# --8<-- [end:ddp-worker]

# --8<-- [start:ddp-run]
if __name__ == "__main__":  # 子进程不会再执行这里
    world_size = 2
    store_file = os.path.join(tempfile.mkdtemp(), "ddp_store")  # 每次运行用一个新文件
    mp.start_processes(train_worker, args=(world_size, store_file), nprocs=world_size, start_method="fork")

    ranks = [np.load(f"rank{rank}.npz") for rank in range(world_size)]
    for rank, result in enumerate(ranks):
        print(
            f"进程 {rank}: {len(result['indices'])} 个样本（前几个下标 {result['indices'][:4].tolist()}），"
            f"每个 epoch 的 loss: {result['losses'].round(3).tolist()}"
        )
    first, second = ranks
    print("两个进程训练后的 kernel 完全相同:", np.array_equal(first["kernel"], second["kernel"]))
    assert len(first["indices"]) == len(second["indices"]) == len(x_train) // 2
    assert not set(first["indices"]) & set(second["indices"]), "两个进程读的是不同的样本"
    assert np.array_equal(first["kernel"], second["kernel"]), "看的数据不同，参数却一致：梯度同步了"
    assert all(r["losses"][1] < r["losses"][0] for r in ranks)
# --8<-- [end:ddp-run]
