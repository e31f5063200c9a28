"""The environment a snippet's process starts with, and the shared folders it relies on.

Set once, here. ``hashed_environment`` is the same environment as data for the
cache key: what the harness sets (machine paths written relative to the
repository) plus the framework variables inherited from the caller.
"""

from __future__ import annotations

import os
from pathlib import Path

from harness import REPO_ROOT
from harness.child import datasets

# Inherited variables that change what Keras or a framework computes (thread counts too: they
# change the order of float sums); anything else a shell carries (PATH, PWD, a virtualenv's
# location) does not reach a snippet's output.
FRAMEWORK_PREFIXES = (
    "KERAS_",
    "TF_",
    "XLA_",
    "JAX_",
    "TORCH_",
    "PYTORCH_",
    "CUDA_",
    "OMP_",
    "MKL_",
    "OPENBLAS_",
)
NOT_OUTPUT = {"HARNESS_FASHION_MNIST_DIR"}  # where the data lies, not what it is
# Its sitecustomize guards every Python process started under a snippet (harness/child/network.py)
STARTUP = REPO_ROOT / "harness" / "child" / "startup"


def records_root() -> Path:
    """``.records`` for the pinned release; the drift session points this elsewhere."""
    return Path(os.environ.get("HARNESS_RECORDS_DIR", REPO_ROOT / ".records"))


def harness_settings(backend: str, device: str) -> dict[str, str]:
    """What the harness sets for every snippet process (before machine paths are filled in)."""
    settings = {
        "KERAS_BACKEND": backend,
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "COLUMNS": "100",  # the width of every summary() table
        # Two snippets share the cores. OpenMP's idle threads spin by default (PyTorch's CPU
        # kernels): two children each spinning on two cores took 59 s for what takes 13 s when
        # idle threads sleep; alone, a child still uses every core. TF and XLA use their own pools.
        "OMP_WAIT_POLICY": "PASSIVE",
        # A snippet over its budget gets SIGABRT first: every Python process it started prints
        # its stacks (harness.child.stop), so a hang says where it hung, even in a worker process.
        "PYTHONFAULTHANDLER": "1",
    }
    if device == "cpu":
        settings["CUDA_VISIBLE_DEVICES"] = ""  # the CPU suite must not pick up a GPU by accident
        settings["JAX_PLATFORMS"] = "cpu"
        settings.update(JAX_CACHE_SETTINGS)
    else:
        settings["XLA_PYTHON_CLIENT_PREALLOCATE"] = "false"  # two workers share one GPU under JAX
    return settings


# JAX compiles every operation it meets (even a single `+`: ~40 ms on this CPU), and each snippet
# is a new process: on CPU, compiled programs are kept on disk and shared by the children (JAX's
# persistent compilation cache; the same program gives the same executable, so outputs cannot
# change). A cold JAX suite took 450 -> 370 s of code here. A size limit turns on JAX's file lock,
# so two children never read an entry half written; it needs `filelock` (the `jax` group has it),
# which a GPU runner may lack: there the cache stays off.
JAX_CACHE_SETTINGS = {
    "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS": "0",
    "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES": "-1",
    "JAX_COMPILATION_CACHE_MAX_SIZE": str(4 * 2**30),
}


def shared_folders(device: str = "cpu") -> dict[str, Path]:
    root = records_root()
    folders = {"KERAS_HOME": root / "keras_home", "HARNESS_STANDIN_DIR": root / "standins"}
    if device == "cpu":
        folders["JAX_COMPILATION_CACHE_DIR"] = root / "jax_cache"
    return folders


def prepare_shared_folders(device: str = "cpu") -> dict[str, Path]:
    """Create the private KERAS_HOME (with real offline data) and the stand-in folder.

    Safe when threads and processes do it at once on an empty folder.
    """
    folders = shared_folders(device)
    datasets.prepare_keras_home(folders["KERAS_HOME"])  # private: never the user's ~/.keras
    for name, folder in folders.items():
        if name != "KERAS_HOME":
            folder.mkdir(parents=True, exist_ok=True)
    return folders


def child_environment(backend: str, device: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(harness_settings(backend, device))
    env.update({name: str(path) for name, path in prepare_shared_folders(device).items()})
    paths = [str(REPO_ROOT), str(STARTUP), os.environ.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(paths).rstrip(os.pathsep)
    return env


def hashed_environment(backend: str, device: str, inherited: dict[str, str] | None = None) -> dict[str, str]:
    """The child environment as data: every value that can change a snippet's output."""
    inherited = dict(os.environ) if inherited is None else inherited
    settings = harness_settings(backend, device)
    data = {
        name: value
        for name, value in inherited.items()
        if name.startswith(FRAMEWORK_PREFIXES) and name not in settings and name not in NOT_OUTPUT
    }
    data.update(settings)
    for name, path in shared_folders(device).items():
        data[name] = _relative(path)
    data["PYTHONPATH"] = os.pathsep.join(["<repo>", _relative(STARTUP)])
    data["real assets"] = ",".join(real_assets())  # prefetched files replace stand-ins: outputs change
    return data


def real_assets() -> list[str]:
    """Registered assets present for real (not as a stand-in link) in the private Keras cache."""
    from harness.child.standins import REGISTRY

    keras_home = shared_folders()["KERAS_HOME"]
    found = []
    for name in REGISTRY:
        for sub in ("datasets", "models"):
            path = keras_home / sub / name
            if path.is_file() and not path.is_symlink():
                found.append(name)
    return sorted(set(found))


def _relative(path: Path) -> str:
    try:
        return "<repo>/" + path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)
