"""Maintainer entry points. `nox -s tests` runs every snippet and every guard."""

import nox

nox.options.reuse_venv = "yes"  # a warm `nox -s tests` should re-run nothing and install nothing new
nox.options.sessions = ["lint", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
RUNTIME = ("keras", "tensorflow", "docs")  # what running snippets and building pages needs


def install(session, *groups):
    session.install(*nox.project.dependency_groups(PYPROJECT, *groups))


@nox.session
def tests(session):
    """Every snippet in a fresh process (cached), the guards, harness self-tests, strict site build."""
    install(session, *RUNTIME, "test")
    session.run("pytest", *session.posargs)


def _build(session):
    install(session, *RUNTIME)
    session.run("python", "-m", "harness", "run")  # cached: only changed snippets run
    session.run("python", "-m", "harness", "render")
    session.run("mkdocs", "build", "--strict", env={"NO_MKDOCS_2_WARNING": "1"})


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
    session.run("mkdocs", "serve", "--dev-addr", address, "--no-livereload", env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session
def lint(session):
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
