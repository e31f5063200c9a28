"""Forbid network access inside a snippet's process.

Any attempt to reach a non-loopback address raises ``NetworkBlocked`` (an
``OSError``, so libraries report it through their usual error paths) and is
also remembered, so the runner fails the snippet even if it swallowed the
error.
"""

from __future__ import annotations

import ipaddress
import socket

attempts: list[str] = []

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
    attempts.append(target)
    raise NetworkBlocked(MESSAGE.format(target=target))


def install() -> None:
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

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
