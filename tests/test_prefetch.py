"""`python -m harness prefetch`, offline: a file served on 127.0.0.1 under its real name.

The download goes through the same Keras code path as on a machine with a network
(only the address is the mirror's), is checked against its hash, lands in the private
KERAS_HOME, and replaces the stand-in: the next run of the snippet that loads it reads
the real file, its record names no stand-in and its fragment shows no stand-in notice.
The snippet's own process still has no network (prefetch runs in the harness's process).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import threading
import zipfile

import pytest

from conftest import in_one_session_only
from harness import REPO_ROOT
from harness.snippet import parse

# Keras processes of its own (~60 s): once, and a pass stands while none of this changed
pytestmark = [in_one_session_only(), pytest.mark.cached_verdict("harness", "tests/prefetch_cases")]
CASE = REPO_ROOT / "tests" / "prefetch_cases" / "uses_mnist.py"
CASE_HASH = "532de24fabe6d4a8ab0b5c85586657411d676002ef257cb040d30e70f5324694"  # the one in CASE
MNIST_ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
NOTICE = "输出来自替身数据"


def small_mnist() -> bytes:
    """An mnist.npz laid out like the real one, 3 training images; the same bytes every time."""
    import numpy as np

    pixels = (np.arange(3 * 28 * 28, dtype=np.uint16) % 256).astype("uint8")
    arrays = {
        "x_train": pixels.reshape(3, 28, 28),
        "y_train": np.array([7, 2, 1], "uint8"),
        "x_test": pixels[: 28 * 28].reshape(1, 28, 28),
        "y_test": np.array([0], "uint8"),
    }
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        for name, array in arrays.items():
            npy = io.BytesIO()
            np.save(npy, array)
            z.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(2019, 1, 1, 0, 0, 0)), npy.getvalue())
    return archive.getvalue()


@pytest.fixture()
def private_records(tmp_path, monkeypatch):
    """Records, KERAS_HOME and stand-ins in tmp: the suite's own cache stays as it is."""
    monkeypatch.setenv("HARNESS_RECORDS_DIR", str(tmp_path / "records"))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "records" / "keras_home"))  # prefetch sets it
    monkeypatch.delenv("HARNESS_PREFETCH_MIRROR", raising=False)
    return tmp_path / "records"


@pytest.fixture()
def mirror(tmp_path):
    """A static file server on 127.0.0.1; yields (base URL, folder it serves, paths requested)."""
    folder = tmp_path / "mirror"
    folder.mkdir()
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            requested.append(self.path)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/files/", folder, requested
    httpd.shutdown()
    httpd.server_close()


def run_case():
    """One `harness run` of the case: a new Runner, which reads the cache key afresh."""
    from harness.run.runner import Runner

    runner = Runner(device="cpu", jobs=1)
    try:
        return runner.run([parse(CASE)]).outcomes[CASE.relative_to(REPO_ROOT).as_posix()].record
    finally:
        runner.close()


def page_fragment(record) -> str:
    from harness.site.fragments import fragment

    return fragment(parse(CASE), record, None, last=True, line="", repo_root=str(REPO_ROOT))


def printed(record) -> str:
    return "".join(text for _, text in record.chunks)


def registry_of_the_case(monkeypatch):
    """prefetch's registry, with mnist.npz fetched the way the case loads it (its hash)."""
    from harness.child import standins
    from harness.run import prefetch

    def fetch():
        import keras

        keras.utils.get_file("mnist.npz", origin=MNIST_ORIGIN, file_hash=CASE_HASH)

    mnist = standins.REGISTRY["mnist.npz"]
    monkeypatch.setattr(
        prefetch, "REGISTRY", {"mnist.npz": standins.StandIn(mnist.description, mnist.build, fetch)}
    )


def test_the_served_file_is_the_one_the_case_expects():
    assert hashlib.sha256(small_mnist()).hexdigest() == CASE_HASH, "numpy's .npy bytes changed: update both"


def test_a_prefetched_file_replaces_the_standin_in_the_next_run(private_records, mirror, monkeypatch):
    from harness.child.environment import real_assets, shared_folders
    from harness.run.prefetch import prefetch

    base, folder, requested = mirror
    before = run_case()
    assert before.passed, before.failure_report()
    assert list(before.standins) == ["mnist.npz"]
    assert "x_train (1437, 28, 28)" in printed(before) and NOTICE in page_fragment(before)
    cached = shared_folders()["KERAS_HOME"] / "datasets" / "mnist.npz"
    standin = shared_folders()["HARNESS_STANDIN_DIR"] / "mnist.npz"
    assert cached.is_symlink() and cached.resolve() == standin.resolve()
    standin_bytes = standin.read_bytes()

    (folder / "files").mkdir()
    (folder / "files" / "mnist.npz").write_bytes(small_mnist())
    registry_of_the_case(monkeypatch)
    assert prefetch(mirror=base) == 0
    assert requested == ["/files/mnist.npz"]
    assert cached.is_file() and not cached.is_symlink(), "the real file takes the stand-in's place"
    assert standin.read_bytes() == standin_bytes, "the download must not be written through the link"
    assert real_assets() == ["mnist.npz"]  # part of the cache key: the case runs again

    after = run_case()
    assert after.passed, after.failure_report()
    assert after.key != before.key
    assert after.standins == {}
    assert "x_train (3, 28, 28) y_train [7, 2, 1]" in printed(after)
    assert NOTICE not in page_fragment(after)


def test_a_mirrored_file_with_a_wrong_hash_is_refused(private_records, mirror, monkeypatch, capsys):
    from harness.child.environment import real_assets, shared_folders
    from harness.run.prefetch import prefetch

    base, folder, requested = mirror
    (folder / "files").mkdir()
    (folder / "files" / "mnist.npz").write_bytes(small_mnist() + b"tampered")
    registry_of_the_case(monkeypatch)
    assert prefetch(mirror=base) == 1
    assert requested == ["/files/mnist.npz"]
    err = capsys.readouterr().err
    assert "FAILED   mnist.npz" in err and "file hash does not match" in err, err
    assert not (shared_folders()["KERAS_HOME"] / "datasets" / "mnist.npz").exists(), (
        "a bad download is removed"
    )
    assert real_assets() == []


def test_every_registered_asset_is_fetched_from_the_mirror_and_hash_checked(private_records, mirror, capsys):
    """The real registry, its own hashes: files of the right names but not the real content fail."""
    from harness.child.environment import real_assets
    from harness.child.standins import REGISTRY
    from harness.run.prefetch import prefetch

    base, folder, requested = mirror
    (folder / "files").mkdir()
    for name in REGISTRY:
        (folder / "files" / name).write_bytes(b"not the real " + name.encode())
    assert prefetch(mirror=base) == 1
    err = capsys.readouterr().err
    for name in REGISTRY:
        assert f"FAILED   {name}: " in err, err
    # Keras's MobileNetV2 loader passes no hash: from a mirror, such a file is not even requested
    unhashed = [name for name in REGISTRY if f"{name}: no hash to check" in err]
    assert unhashed == ["mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5"], err
    assert sorted(requested) == sorted(f"/files/{name}" for name in REGISTRY if name not in unhashed)
    assert err.count("file hash does not match") == len(REGISTRY) - len(unhashed), err
    assert real_assets() == []
