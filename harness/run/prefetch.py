"""Download the real assets the stand-ins replace, into the Keras cache.

For readers behind slow or blocked networks: run once on a machine that can
reach the download hosts, then copy ``~/.keras`` (or ``$KERAS_HOME``) over.
The harness uses a file already in the cache, with the right hash, in
preference to its stand-in. Run inside the harness's environment
(``python -m harness prefetch``) it fills the private KERAS_HOME the snippets use.
"""

from __future__ import annotations

import os
import sys

from harness.child.environment import prepare_shared_folders
from harness.child.standins import REGISTRY


def prefetch() -> int:
    os.environ["KERAS_HOME"] = str(prepare_shared_folders()["KERAS_HOME"])
    failures = 0
    for name, standin in REGISTRY.items():
        try:
            standin.fetch()
            print(f"ok       {name}")
        except Exception as error:  # noqa: BLE001 - report every asset, then fail
            failures += 1
            print(f"FAILED   {name}: {error}", file=sys.stderr)
    return 1 if failures else 0
