"""CPU dry run of the GPU-only snippets: write a copy of each that runs on CPU.

A copy differs from its snippet only where a CPU run must: the `devices=gpu`
directive is gone, the GPU check accepts a CPU, the sizes are small and the
speed bands only ask for a positive number. Every replacement must find its text,
so a snippet that changed makes this fail instead of dry-running something else.

    python tools/gpu/dry_run_copy.py          # writes snippets/gpu/_dryrun_<name>.py
    python tools/gpu/dry_run_copy.py --clean  # removes them

The copies are never committed: run_on_gpu.sh deletes them, and their records, when it exits.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GPU_DIR = Path(__file__).resolve().parents[2] / "snippets" / "gpu"
CHECK = ("gpu = gpu_name()\n", 'gpu = gpu_name() or "CPU（dry run）"\n')
EDITS = {
    "mixed_precision.py": [
        CHECK,
        ("BATCH, STEPS, ROUNDS = 4096, 20, 3", "BATCH, STEPS, ROUNDS = 128, 2, 2"),
        ("keras.layers.Dense(4096, activation", "keras.layers.Dense(256, activation"),
        ("assert 1.0 < speedup < 30, speedup", "assert speedup > 0, speedup  # dry run: CPU 上不一定更快"),
    ],
    "vgg16_finetune_gpu.py": [
        CHECK,
        (
            "IMAGE_SIZE, BATCH_SIZE, GPU_STEPS, CPU_STEPS = 224, 32, 10, 2",
            "IMAGE_SIZE, BATCH_SIZE, GPU_STEPS, CPU_STEPS = 64, 8, 2, 1",
        ),
        ('assert placement(gpu_model) == "gpu"', 'assert placement(gpu_model) in ("gpu", "cpu")  # dry run'),
        ("assert ratio > 5, ratio", "assert ratio > 0, ratio  # dry run: 两次都在 CPU 上"),
    ],
}


def main() -> int:
    records = GPU_DIR.parents[1] / ".records"
    for path in [*GPU_DIR.glob("_dryrun_*.py"), *records.glob("*/gpu/_dryrun_*.json")]:
        path.unlink()
    if "--clean" in sys.argv:
        return 0
    for name, edits in EDITS.items():
        text = (GPU_DIR / name).read_text(encoding="utf-8")
        text, removed = re.subn(r"^# harness: devices=gpu -- .*\n", "", text, flags=re.M)
        assert removed == 1, f"{name}: no devices=gpu directive"
        for old, new in edits:
            found = text.count(old)
            assert found >= 1, f"{name}: {old!r} not found; update tools/gpu/dry_run_copy.py"
            text = text.replace(old, new)
        copy = GPU_DIR / f"_dryrun_{name}"
        copy.write_text(text, encoding="utf-8")
        print(f"wrote {copy.relative_to(GPU_DIR.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
