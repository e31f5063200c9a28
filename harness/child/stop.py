"""Stopping a snippet's process group at its time budget, after it says where it was.

Every child starts with ``PYTHONFAULTHANDLER=1`` (``environment.harness_settings``), so
SIGABRT makes a Python process print every thread's stack to the snippet's stderr and
die. The snippet's own process is asked first, alone, so its stack comes first and
names the line the snippet was stuck on; then the processes it started; SIGKILL ends
whatever is left.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

STACKS_GRACE_S = 2.0  # printing the stacks takes milliseconds; a process stuck in C still prints


def stop_group(pid: int, exited: Callable[[], bool]) -> None:
    """``pid`` leads its own process group (setsid); ``exited`` says whether it has ended."""
    _signal_and_wait(lambda: os.kill(pid, signal.SIGABRT), exited)  # the snippet's own process
    _signal_and_wait(lambda: os.killpg(pid, signal.SIGABRT), lambda: _group_gone(pid))  # what it started
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _signal_and_wait(send: Callable[[], None], ended: Callable[[], bool]) -> None:
    try:
        send()
    except ProcessLookupError:
        return
    deadline = time.monotonic() + STACKS_GRACE_S
    while time.monotonic() < deadline and not ended():
        time.sleep(0.02)


def _group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def line_at_stop(stderr: str, snippet: Path) -> int | None:
    """The snippet's line in the first stack printed: its own process's, innermost frame first."""
    match = re.search(rf'File "{re.escape(str(snippet))}", line (\d+)', stderr)
    return int(match.group(1)) if match else None


def readable(stderr: str) -> str:
    """The stacks without faulthandler's list of every loaded extension module (one line of ~8 kB)."""
    return "\n".join(line for line in stderr.splitlines() if not line.startswith("Extension modules: "))
