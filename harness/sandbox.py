"""Run one snippet inside the current process and write its result as JSON.

This is the only code that runs between a fresh (forked or spawned) process and
the snippet itself: network guard, stand-ins, seed, output and figure capture.
The snippet runs as ``__main__``, exactly as ``python snippet.py`` would.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
import traceback
from pathlib import Path

from harness import REPO_ROOT, network, standins
from harness.capture import IMAGE_SUFFIXES, FigureLog, SnippetLocator, TaggedStdout

SEED = 1337  # the seed the original notes used


def run(request: dict) -> None:
    """``request``: snippet (absolute path), result (JSON path to write)."""
    snippet = Path(request["snippet"])
    network.install()
    import keras

    standins.install()
    locator = SnippetLocator(snippet)
    figures = FigureLog(locator, Path("_figures"))
    figures.install()
    figures.install_plot_model()
    keras.utils.set_random_seed(SEED)

    images_before = _images_in_cwd()
    stdout = TaggedStdout(locator, sys.stdout)
    sys.stdout = stdout
    sys.argv = [str(snippet)]
    sys.path.insert(0, str(snippet.parent))
    status, error = "passed", None
    started = time.perf_counter()
    try:
        runpy.run_path(str(snippet), run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            status, error = "failed", _describe(exit_, snippet)
    except BaseException as exc:  # noqa: BLE001 - everything a snippet raises is a failure
        status, error = "failed", _describe(exc, snippet)
    seconds = time.perf_counter() - started
    sys.stdout = sys.__stdout__ if sys.__stdout__ is not None else stdout.echo
    if network.attempts and status == "passed":
        status = "failed"
        error = {
            "location": _rel(snippet),
            "type": "NetworkBlocked",
            "message": network.MESSAGE.format(target=", ".join(network.attempts)),
            "traceback": "",
        }
    for path in sorted(_images_in_cwd() - images_before):
        figures.add(path, line=10**9, explicit=False)  # written somehow else: after the last section
    result = {
        "status": status,
        "error": error,
        "seconds": round(seconds, 3),
        "chunks": stdout.chunks,
        "figures": figures.entries,
        "standins": dict(standins.used),
        "network_attempts": list(network.attempts),
        "device": _device(),
        "backend": keras.backend.backend(),
        "keras": keras.__version__,
    }
    Path(request["result"]).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def _rel(path: Path) -> str:
    try:
        return path.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def _describe(exc: BaseException, snippet: Path) -> dict:
    """Where in the snippet it failed, the exception, and the full traceback."""
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == str(snippet):
        line = exc.lineno
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == str(snippet):
            line = frame.lineno
    location = f"{_rel(snippet)}:{line}" if line else _rel(snippet)
    return {
        "location": location,
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": "".join(traceback.format_exception(exc)),
    }


def _images_in_cwd() -> set[Path]:
    return {
        p.relative_to(Path.cwd())
        for p in Path.cwd().rglob("*")
        if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
    }


def _device() -> str:
    import keras

    name = keras.backend.backend()
    if name == "tensorflow":
        import tensorflow as tf

        return "GPU" if tf.config.list_logical_devices("GPU") else "CPU"
    if name == "jax":
        import jax

        return "GPU" if jax.devices()[0].platform == "gpu" else "CPU"
    if name == "torch":
        import torch

        return "GPU" if torch.cuda.is_available() else "CPU"
    return "CPU"


def main() -> None:
    """Spawn mode: ``python -m harness.sandbox REQUEST.json`` in a brand-new interpreter."""
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    os.chdir(request["workdir"])
    run(request)


if __name__ == "__main__":
    main()
