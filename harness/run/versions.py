"""What will run a snippet: backend and installed versions, known without importing Keras.

Reading versions from package metadata keeps a warm run (everything cached)
free of the ~6-8 s ``import keras`` cost.
"""

from __future__ import annotations

import os
import platform
from importlib import metadata

from harness import BACKENDS

BACKEND_PACKAGES = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}


def backend() -> str:
    name = os.environ.get("KERAS_BACKEND", "tensorflow")
    if name not in BACKENDS:
        raise ValueError(f"KERAS_BACKEND={name!r}; expected one of {list(BACKENDS)}")
    return name


def dist_version(*names: str) -> str | None:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def installed(backend_name: str) -> dict[str, str | None]:
    return {
        "python": platform.python_version(),
        "keras": dist_version("keras", "keras-nightly"),
        "keras_dist": "keras-nightly" if dist_version("keras") is None else "keras",
        "backend": backend_name,
        "backend_version": dist_version(BACKEND_PACKAGES[backend_name]),
        "numpy": dist_version("numpy"),
        "tf_keras": dist_version("tf-keras"),  # the Keras 2 escape hatch some snippets import
    }
