"""Download the real assets the stand-ins replace, into the Keras cache.

For readers behind slow or blocked networks: run once on a machine that can
reach the download hosts, then copy ``~/.keras`` (or ``$KERAS_HOME``) over.
The harness uses a file already in the cache, with the right hash, in
preference to its stand-in. Run inside the harness's environment
(``python -m harness prefetch``) it fills the private KERAS_HOME the snippets use.

``HARNESS_PREFETCH_MIRROR`` (or ``prefetch(mirror=...)``) names a base URL that
serves the same files under their own names (``<mirror>/mnist.npz``); the tests
point it at a server on 127.0.0.1. Only the address changes: Keras still checks
each download against the hash its loading code carries, and a download without
a hash is refused.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from harness.child.environment import prepare_shared_folders
from harness.child.standins import REGISTRY

MIRROR_VARIABLE = "HARNESS_PREFETCH_MIRROR"


def prefetch(mirror: str | None = None) -> int:
    keras_home = prepare_shared_folders()["KERAS_HOME"]
    os.environ["KERAS_HOME"] = str(keras_home)  # for a Keras imported after this line
    mirror = mirror or os.environ.get(MIRROR_VARIABLE) or None
    failures = 0
    with _downloads_into(keras_home, mirror):
        for name, standin in REGISTRY.items():
            try:
                standin.fetch()
                print(f"ok       {name}")
            except Exception as error:  # noqa: BLE001 - report every asset, then fail
                failures += 1
                print(f"FAILED   {name}: {error}", file=sys.stderr)
    return 1 if failures else 0


@contextlib.contextmanager
def _downloads_into(keras_home: Path, mirror: str | None):
    """Wrap keras' get_file wherever it is bound, for the duration of the prefetch.

    - the file lands in the private KERAS_HOME, even if Keras was imported (and read
      ``$KERAS_HOME``) before this process chose it;
    - a stand-in link where the file belongs is removed first: the download would
      otherwise be written through the link, into the stand-in itself;
    - a download that fails its hash check is removed: left in the cache, it would
      count as a real asset;
    - with a mirror, the file is fetched from ``<mirror>/<file name>``, hash required.
    """
    import keras  # noqa: F401 - every module that binds get_file is imported with it
    from keras.src.utils import file_utils

    real_get_file = file_utils.get_file

    def get_file(fname=None, origin=None, *args, **kwargs):
        name = fname or os.path.basename(urlsplit(origin or "").path)
        kwargs["cache_dir"] = str(keras_home)
        if mirror is not None:
            if not (kwargs.get("file_hash") or kwargs.get("md5_hash")):
                raise ValueError(f"{name}: no hash to check a mirrored download against")
            origin = urljoin(mirror.rstrip("/") + "/", name)
        target = keras_home / kwargs.get("cache_subdir", "datasets") / name
        if target.is_symlink():
            target.unlink()  # a stand-in (standins.py links them); the real file replaces it
        try:
            return real_get_file(fname, origin, *args, **kwargs)
        except Exception:
            if target.is_file() and not _valid(target, kwargs):
                target.unlink()
            raise

    bound = [m for m in list(sys.modules.values()) if getattr(m, "get_file", None) is real_get_file]
    for module in bound:
        module.get_file = get_file
    file_utils.get_file = get_file
    try:
        yield
    finally:
        for module in bound:
            module.get_file = real_get_file
        file_utils.get_file = real_get_file


def _valid(path: Path, kwargs: dict) -> bool:
    from keras.src.utils import file_utils

    file_hash = kwargs.get("file_hash") or kwargs.get("md5_hash")
    return file_hash is not None and file_utils.validate_file(str(path), file_hash)
