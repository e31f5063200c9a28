"""Is a record current? One answer, used by the runner (cache) and the site (badges).

A record carries two keys:

* ``code_key``: the snippet and the snippets it requires, all of ``harness/child/``
  (the code that runs in or shapes the snippet's process), the child environment
  as data and the zygote's preload list. A record made on another machine (a GPU
  evidence record, another backend's session) is current when this matches.
* ``key``: ``code_key`` plus the installed versions and the device: a cache hit
  on this machine needs this to match. For the harness's own test cases (files
  outside ``snippets/``), whose records are what the harness tests check, it also
  covers all of ``harness/``: a change to the runner runs them again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from harness import PAGE_SCRIPTS_DIR, SNIPPETS_DIR
from harness.child import CHILD_DIR, environment, zygote
from harness.protocol import Status
from harness.run import versions
from harness.snippet import Snippet, parse


def child_code_digest(folder: Path = CHILD_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


HARNESS_DIR = CHILD_DIR.parent


def is_harness_case(snippet: Snippet) -> bool:
    """A file of the harness's own tests (not an example, not a page's session)."""
    return SNIPPETS_DIR not in snippet.path.parents and PAGE_SCRIPTS_DIR not in snippet.path.parents


class Freshness:
    def __init__(
        self,
        backend: str,
        device: str,
        *,
        installed: dict | None = None,
        child_environment: dict[str, str] | None = None,
        preload: list[str] | None = None,
        child_code: str | None = None,
        harness_code: str | None = None,
    ):
        self.backend, self.device = backend, device.lower()
        self.installed = installed if installed is not None else versions.installed(backend)
        self.child_environment = (
            child_environment
            if child_environment is not None
            else environment.hashed_environment(backend, self.device)
        )
        self.preload = preload if preload is not None else zygote.preload_modules()
        self.child_code = child_code if child_code is not None else child_code_digest()
        self._harness_code = harness_code  # read on first use: only the harness's own cases need it

    def code_key(self, snippet: Snippet) -> str:
        digest = hashlib.sha256()
        for source in [parse(p).source() for p in snippet.requires] + [snippet.source()]:
            digest.update(hashlib.sha256(source).digest())
        digest.update(self.child_code.encode())
        digest.update(json.dumps(self.child_environment, sort_keys=True).encode())
        digest.update(json.dumps(self.preload).encode())
        return digest.hexdigest()

    def key(self, snippet: Snippet) -> str:
        digest = hashlib.sha256(self.code_key(snippet).encode())
        digest.update(json.dumps(self.installed, sort_keys=True).encode())
        digest.update(self.device.encode())
        if is_harness_case(snippet):
            if self._harness_code is None:
                self._harness_code = child_code_digest(HARNESS_DIR)
            digest.update(self._harness_code.encode())
        return digest.hexdigest()

    def verdict(self, record, snippet: Snippet, *, same_machine: bool = True) -> Status:
        """The record's status if it is current, else STALE (MISSING without a record)."""
        if record is None:
            return Status.MISSING
        current = (
            record.key == self.key(snippet) if same_machine else record.code_key == self.code_key(snippet)
        )
        return record.status if current else Status.STALE
