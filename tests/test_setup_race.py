"""Shared setup is safe when threads and processes do it at once on an empty folder.

A fresh clone has no ``.records/``: the first run's worker threads (and, in CI,
separate pytest processes) all prepare the private KERAS_HOME together.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import in_one_session_only
from harness import REPO_ROOT
from harness.child import datasets

THREADS, PROCESSES, ROUNDS = 8, 4, 12

WORKER = """
import sys, time
from pathlib import Path
from harness.child import datasets
start, roots = float(sys.argv[1]), sys.argv[2:]
for index, root in enumerate(roots):
    time.sleep(max(0.0, start + index * 0.05 - time.time()))
    datasets.prepare_keras_home(Path(root))
"""


def _expected_links(keras_home: Path) -> dict[str, Path]:
    folder = keras_home / "datasets" / "fashion-mnist"
    return {name: folder / name for name in datasets.FASHION_MNIST_FILES}


# the same code on every backend; it starts processes: run again only when harness/child changes
@in_one_session_only()
@pytest.mark.cached_verdict("harness/child")
def test_threads_and_processes_prepare_the_same_empty_keras_home_at_once(tmp_path):
    roots = [tmp_path / f"round-{i}" / "keras_home" for i in range(ROUNDS)]
    start = time.time() + 1.5  # every worker (thread or process) begins each round together
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(start), *map(str, roots)],
            cwd=REPO_ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    errors: list[str] = []

    def thread_worker():
        for index, root in enumerate(roots):
            time.sleep(max(0.0, start + index * 0.05 - time.time()))
            try:
                datasets.prepare_keras_home(root)
            except Exception as error:  # noqa: BLE001 - collected and reported below
                errors.append(f"thread, {root.parent.name}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=thread_worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for process in processes:
        _, stderr = process.communicate(timeout=60)
        if process.returncode != 0:
            errors.append(f"process exited {process.returncode}: {stderr.strip().splitlines()[-1]}")
    assert not errors, "\n".join(errors)
    for root in roots:
        for name, link in _expected_links(root).items():
            assert link.read_bytes()[:4] == (datasets.FASHION_MNIST_SOURCE / name).read_bytes()[:4], link
        leftovers = [p.name for p in (root / "datasets" / "fashion-mnist").iterdir()]
        assert sorted(leftovers) == sorted(datasets.FASHION_MNIST_FILES), leftovers
