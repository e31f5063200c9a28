"""A template process: import Keras once, then fork one fresh child per snippet.

Why: ``import keras`` with TensorFlow costs ~6-8 s here, more than most
snippets take to run. The template imports Keras and the heavy libraries but
runs no snippet code and initialises no device, so each forked child starts
from the same pristine state a new interpreter would reach after its imports:
nothing one snippet defines or registers is visible to another, and a model
saved by one process is loaded by a different one. Snippets that need a truly
new interpreter say so (``# harness: fresh-process -- reason``) and are spawned.

Protocol: one JSON request per line on stdin, one JSON reply per line on stdout.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import traceback

PRELOAD = ["numpy", "keras", "matplotlib.pyplot", "PIL.Image", "h5py"]


def _preload() -> float:
    started = time.perf_counter()
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    return time.perf_counter() - started


def _child(request: dict) -> None:
    from harness import sandbox

    os.setsid()  # own process group: a timeout kills everything it started
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.chdir(request["workdir"])
    sandbox.run(request)


def _fork_and_wait(request: dict) -> dict:
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
    deadline = started + request["timeout"]
    timed_out = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() > deadline:
            timed_out = True
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, status = os.waitpid(pid, 0)
            break
        time.sleep(0.02)
    return {
        "exit": os.waitstatus_to_exitcode(status),
        "timed_out": timed_out,
        "wall_s": time.perf_counter() - started,
    }


def main() -> None:
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # stray prints from imports must not corrupt the protocol
    import_s = _preload()
    protocol.write(json.dumps({"ready": True, "import_s": import_s, "pid": os.getpid()}) + "\n")
    for line in sys.stdin:
        if line.strip():
            protocol.write(json.dumps(_fork_and_wait(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
