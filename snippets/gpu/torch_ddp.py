"""PyTorch 后端的数据并行：两个进程各训练一份 Keras 模型，DistributedDataParallel 同步梯度。"""

# harness: backends=torch -- DistributedDataParallel 是 PyTorch 的接口
# harness: devices=cpu -- 两个 CPU 进程用 gloo 通信；多卡要换 nccl 并给每个进程选卡，见页面
# harness: fresh-process -- 从模板进程 fork 出的进程里，启动子进程的 DDP 例子曾卡死在继承来的锁上
# harness: timeout=240 -- 两个新进程各自 import Keras 与 PyTorch；这里 10 次最慢 48 s
# --8<-- [start:ddp-run]
import os
import tempfile

import numpy as np
import torch.multiprocessing as mp
from ddp_worker import train_worker

if __name__ == "__main__":  # spawn 出的新进程会重新 import 这个文件，但不会执行这里
    world_size = 2
    store_file = os.path.join(tempfile.mkdtemp(), "ddp_store")  # 每次运行用一个新文件
    mp.start_processes(train_worker, args=(world_size, store_file), nprocs=world_size, start_method="spawn")

    ranks = [np.load(f"rank{rank}.npz") for rank in range(world_size)]
    for rank, result in enumerate(ranks):
        print(
            f"进程 {rank}: {len(result['indices'])} 个样本（前几个下标 {result['indices'][:4].tolist()}），"
            f"每个 epoch 的 loss: {result['losses'].round(3).tolist()}"
        )
    first, second = ranks
    print("两个进程训练后的 kernel 完全相同:", np.array_equal(first["kernel"], second["kernel"]))
    assert len(first["indices"]) == len(second["indices"]) == 4096 // 2
    assert not set(first["indices"]) & set(second["indices"]), "两个进程读的是不同的样本"
    assert np.array_equal(first["kernel"], second["kernel"]), "看的数据不同，参数却一致：梯度同步了"
    assert all(r["losses"][1] < r["losses"][0] for r in ranks)
# --8<-- [end:ddp-run]
