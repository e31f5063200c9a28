"""What will run a snippet: versions, backend and device, known without importing Keras.

Reading versions from package metadata keeps a warm run (everything cached)
free of the ~6-8 s ``import keras`` cost.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from importlib import metadata

from harness import REPO_ROOT

BACKEND_PACKAGES = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}
# Files whose content changes what a snippet does when it runs; a change to
# any of them invalidates every cached record.
EXECUTION_FILES = [
    "harness/sandbox.py",
    "harness/capture.py",
    "harness/network.py",
    "harness/standins.py",
    "harness/datasets.py",
]


def backend() -> str:
    name = os.environ.get("KERAS_BACKEND", "tensorflow")
    if name not in BACKEND_PACKAGES:
        raise ValueError(f"KERAS_BACKEND={name!r}; expected one of {sorted(BACKEND_PACKAGES)}")
    return name


def _dist_version(*names: str) -> str | None:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def installed(backend_name: str) -> dict[str, str | None]:
    return {
        "python": platform.python_version(),
        "keras": _dist_version("keras", "keras-nightly"),
        "keras_dist": "keras-nightly" if _dist_version("keras") is None else "keras",
        "backend": backend_name,
        "backend_version": _dist_version(BACKEND_PACKAGES[backend_name]),
        "numpy": _dist_version("numpy"),
    }


def source_key(sources: list[bytes]) -> str:
    """What the code is: the snippet, the snippets it requires, the harness code that runs it."""
    digest = hashlib.sha256()
    for blob in sources:
        digest.update(hashlib.sha256(blob).digest())
    for rel in EXECUTION_FILES:
        digest.update((REPO_ROOT / rel).read_bytes())
    return digest.hexdigest()


def cache_key(source: str, versions: dict, device: str) -> str:
    """What a run depends on: the code, the installed versions, the device."""
    digest = hashlib.sha256(source.encode())
    digest.update(json.dumps(versions, sort_keys=True).encode())
    digest.update(device.encode())
    return digest.hexdigest()
