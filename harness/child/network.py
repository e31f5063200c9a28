"""Forbid network access inside a snippet's process and every Python process it starts.

Any attempt to reach a non-loopback address raises ``NetworkBlocked`` (an
``OSError``, so libraries report it through their usual error paths) and is
also written to the run's log (``LOG_VARIABLE``), so the runner fails the
snippet even if it, or a worker process, swallowed the error. New interpreters
the snippet starts install the guard at start-up (``harness/child/startup``).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

LOG_VARIABLE = "HARNESS_NETWORK_LOG"  # set by the sandbox; inherited by every process the snippet starts

MESSAGE = (
    "snippet tried to reach the network ({target}); tests never use the network. "
    "Offline data comes from the harness (harness/child/datasets.py, harness/child/standins.py)."
)


class NetworkBlocked(OSError):
    pass


def _is_local(host) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(target: str):
    log = os.environ.get(LOG_VARIABLE)
    if log:
        with open(log, "a", encoding="utf-8") as file:  # one short append: whole lines, whoever writes
            file.write(target + "\n")
    raise NetworkBlocked(MESSAGE.format(target=target))


def attempts(log: str) -> list[str]:
    """Every address refused in the run that wrote ``log``, in any of its processes."""
    path = Path(log)
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def install() -> None:
    """Idempotent: a forked child inherits the guard its template installed at start-up."""
    if getattr(socket.socket.connect, "_harness_guard", False):
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def _check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _refuse(f"{address[0]}:{address[1]}")

    def connect(self, address):
        _check(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        _check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, port, *args, **kwargs):
        if not _is_local(host):
            _refuse(f"{host}:{port}")
        return real_getaddrinfo(host, port, *args, **kwargs)

    connect._harness_guard = True
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
