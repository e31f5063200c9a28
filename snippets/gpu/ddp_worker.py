"""每个 DDP 进程执行的内容。torch_ddp.py 用 spawn 方式启动新进程，新进程按模块名 import 这个文件。"""

# harness: backends=torch -- DistributedDataParallel 是 PyTorch 的接口，模型要是 torch.nn.Module
import datetime
import os
import sys

os.environ["KERAS_BACKEND"] = "torch"  # 新进程从头 import，后端要在这里定

import keras
import numpy as np
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

# gloo 在进程之间用 TCP 传梯度，默认绑定主机名解析到的网卡；单机演示固定用本机回环网卡，不经过真实网络
os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo0" if sys.platform == "darwin" else "lo")


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu", name="hidden"),
            keras.layers.Dense(10, name="logits"),  # 输出 logits，交给 PyTorch 的 CrossEntropyLoss
        ]
    )


def load_data(count=4096):
    (x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
    x = x_train[:count].reshape(-1, 784).astype("float32") / 255
    return torch.from_numpy(x), torch.from_numpy(y_train[:count].astype("int64"))


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
    torch.manual_seed(0)  # 每个进程建出同样的初始参数（DDP 开始时也会从 0 号进程广播一次）
    model = make_model()  # PyTorch 后端的 Keras 模型本身就是一个 torch.nn.Module
    ddp_model = DistributedDataParallel(model)  # 反向传播时，把各进程的梯度取平均
    optimizer = torch.optim.Adam(ddp_model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()

    dataset = TensorDataset(*load_data())  # 每个进程都读整份数据……
    sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, shuffle=False)
    loader = DataLoader(dataset, batch_size=64, sampler=sampler)  # ……但只用属于自己的那一份

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
    # 先释放 DDP 模型，再销毁进程组。顺序反过来时，最后一个进程组引用留在 DDP 里，随函数返回被释放：
    # 那次释放不让出 GIL，却要等 gloo 的后台线程结束，而后台线程正在等 GIL，进程就再也退不出来
    del ddp_model
    dist.destroy_process_group()
