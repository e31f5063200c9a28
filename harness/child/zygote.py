"""A template process: import Keras once, then fork one fresh child per snippet.

Why: ``import keras`` with TensorFlow costs ~6-8 s here, more than most
snippets take to run. The template imports Keras and the heavy libraries but
runs no snippet code and initialises no device, so each forked child starts
from the same pristine state a new interpreter would reach after its imports:
nothing one snippet defines or registers is visible to another, and a model
saved by one process is loaded by a different one. Snippets that need a truly
new interpreter say so (``# harness: fresh-process -- reason``) and are spawned.

Protocol: one ``RunRequest`` per line on stdin, one ``ProcessExit`` per line on
stdout (``harness.protocol``), after a first line saying how long the imports took.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import time
import traceback

from harness.child import stop
from harness.protocol import ProcessExit, RunRequest, from_json, to_json

PRELOAD = ["numpy", "keras", "matplotlib.pyplot", "PIL.Image", "h5py"]
# A third of the examples use TensorFlow (tf.data, the dataset utilities) whatever the backend:
# importing it here once saves each of those forked JAX/PyTorch children ~5 s. Importing
# initialises no device, so forking stays safe (the TensorFlow zygote has always done it).
# A spawned child imports it only when something uses it (harness.child.seeding).
PRELOAD_IF_INSTALLED = ["tensorflow"]


def preload_modules() -> list[str]:
    """What the zygote imports, in order (part of every cache key)."""
    extra = [name for name in PRELOAD_IF_INSTALLED if importlib.util.find_spec(name) is not None]
    return extra + PRELOAD


def _preload() -> float:
    started = time.perf_counter()
    for name in preload_modules():
        importlib.import_module(name)
    return time.perf_counter() - started


def _child(request: RunRequest) -> None:
    from harness.child import sandbox

    os.setsid()  # own process group: a timeout kills everything it started
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    out = os.open(request.stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(request.stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.chdir(request.workdir)
    sandbox.run(request)


class _Child:
    """A forked child's exit status, reaped at most once."""

    def __init__(self, pid: int):
        self.pid, self.status = pid, None

    def exited(self) -> bool:
        if self.status is None:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = status
        return self.status is not None

    def wait(self) -> None:
        if self.status is None:
            self.status = os.waitpid(self.pid, 0)[1]


def _fork_and_wait(request: RunRequest) -> ProcessExit:
    sys.stdout.flush()
    sys.stderr.flush()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            _child(request)
        except BaseException:  # noqa: BLE001 - report and exit, never return to the loop
            traceback.print_exc()
            code = 70
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    deadline = started + request.timeout_s
    child = _Child(pid)
    timed_out = False
    while not child.exited():
        if time.perf_counter() > deadline:
            timed_out = True
            stop.stop_group(pid, child.exited)
            child.wait()
            break
        time.sleep(0.02)
    status = child.status
    return ProcessExit(os.waitstatus_to_exitcode(status), timed_out, time.perf_counter() - started)


def main() -> None:
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # stray prints from imports must not corrupt the protocol
    import_s = _preload()
    protocol.write(json.dumps({"ready": True, "import_s": import_s, "pid": os.getpid()}) + "\n")
    for line in sys.stdin:
        if line.strip():
            protocol.write(to_json(_fork_and_wait(from_json(RunRequest, line))) + "\n")


if __name__ == "__main__":
    main()
