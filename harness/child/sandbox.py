"""Run one snippet inside the current process and write its ``ChildResult``.

This is the only code that runs between a fresh (forked or spawned) process and
the snippet itself: network guard, stand-ins, seed, output and figure capture.
The snippet runs as ``__main__``, exactly as ``python snippet.py`` would.
"""

from __future__ import annotations

import os
import resource
import runpy
import sys
import time
from pathlib import Path

from harness import REPO_ROOT
from harness.child import network, seeding, standins
from harness.child.capture import IMAGE_SUFFIXES, FigureLog, SnippetLocator, TaggedStdout
from harness.child.device import current_device
from harness.protocol import ChildResult, Failure, RunRequest, Status, from_json, to_json


def run(request: RunRequest) -> None:
    snippet = Path(request.snippet)
    where = _rel(snippet)
    # stop.stop_group's SIGABRT must not leave a core file of a TensorFlow-sized process behind
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # inherited by every process the snippet starts
    os.environ[network.LOG_VARIABLE] = request.network_log
    network.install()
    import keras

    standins.install()
    locator = SnippetLocator(snippet)
    figures = FigureLog(locator, Path("_figures"))
    figures.install()
    figures.install_plot_model()
    seeding.seed_everything(keras)

    images_before = _images_in_cwd()
    stdout = TaggedStdout(locator, sys.stdout)
    sys.stdout = stdout
    sys.argv = [str(snippet)]
    sys.path.insert(0, str(snippet.parent))
    failure = None
    started = time.perf_counter()
    try:
        runpy.run_path(str(snippet), run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            failure = Failure.from_exception(exit_, snippet, where)
    except BaseException as exc:  # noqa: BLE001 - everything a snippet raises is a failure
        failure = Failure.from_exception(exc, snippet, where)
    seconds = time.perf_counter() - started
    sys.stdout = sys.__stdout__ if sys.__stdout__ is not None else stdout.echo
    refused = network.attempts(request.network_log)
    if refused and failure is None:
        failure = Failure.network_blocked(where, network.MESSAGE.format(target=", ".join(refused)))
    for path in sorted(_images_in_cwd() - images_before):
        figures.add(path, line=10**9, explicit=False)  # written somehow else: after the last section
    result = ChildResult(
        status=Status.PASSED if failure is None else Status.FAILED,
        failure=failure,
        seconds=round(seconds, 3),
        chunks=stdout.chunks,
        figures=figures.entries,
        standins=dict(standins.used),
        network_attempts=refused,
        device=current_device(),
        backend=keras.backend.backend(),
        keras=keras.__version__,
    )
    Path(request.result).write_text(to_json(result), encoding="utf-8")


def _rel(path: Path) -> str:
    try:
        return path.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def _images_in_cwd() -> set[Path]:
    return {
        p.relative_to(Path.cwd())
        for p in Path.cwd().rglob("*")
        if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
    }


def main() -> None:
    """Spawn mode: ``python -m harness.child.sandbox REQUEST.json`` in a brand-new interpreter."""
    request = from_json(RunRequest, Path(sys.argv[1]).read_text(encoding="utf-8"))
    os.chdir(request.workdir)
    run(request)


if __name__ == "__main__":
    main()
