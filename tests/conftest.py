"""Shared fixtures: one Runner per test session, snippets run once (cached) in parallel.

The site's own checks (marked ``site`` and ``browser``) are cached like snippets:
their verdicts are kept under the site's key (``harness.site.site_key``), so an
unchanged site is neither rebuilt nor re-tested. A harness test that starts
processes of its own is marked ``cached_verdict(paths...)``: it passes again from
its verdict while those files, its own file, the installed distributions and the
child environment are unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from harness.run import page_scripts
from harness.run.report import merge, print_summary
from harness.run.runner import NoGPU, Runner, RunSummary
from harness.snippet import discover

SNIPPETS = {s.rel: s for s in discover()}
PAGES = {scripts[0].page: scripts for scripts in page_scripts.all_pages()}  # writes the session scripts
SUMMARIES = pytest.StashKey[list]()
# Which snippet a selected test is about, read from its node id alone: pytest items of
# other kinds (pytest-codeblocks' blocks in docs/*.md) have no callspec or originalname.
SNIPPET_TEST_ID = re.compile(r"^tests/test_snippets\.py::test_snippet\[(?P<rel>.+)\]$")


def pytest_addoption(parser):
    group = parser.getgroup("harness")
    group.addoption("--device", default="cpu", choices=["cpu", "gpu"], help="device the snippets must run on")
    group.addoption("--jobs", type=int, default=2, help="snippets run in parallel")
    group.addoption("--spawn", action="store_true", help="a new interpreter per snippet instead of forking")
    group.addoption("--force-rerun", action="store_true", help="ignore cached records")


def pytest_sessionstart(session):
    """A GPU run must fail at once, not after an hour of CPU runs mislabelled as GPU."""
    if session.config.option.device == "gpu":
        try:
            Runner(device="gpu").require_gpu()
        except NoGPU as error:
            pytest.exit(str(error), returncode=3)


@pytest.fixture(scope="session")
def runner(request):
    opts = request.config.option
    runner = Runner(device=opts.device, jobs=opts.jobs, spawn_all=opts.spawn, force=opts.force_rerun)
    yield runner
    runner.close()  # the zygotes serve every run in this session, then end here


@pytest.fixture(scope="session")
def run_snippets(request, runner):
    """Run snippets (and pages) through the session's runner and keep the summary for the report."""

    def run(snippets, pages=()) -> RunSummary:
        summary = runner.run(list(snippets), list(pages))
        request.config.stash.setdefault(SUMMARIES, []).append(summary)
        return summary

    return run


def selected_snippets(items) -> list[str]:
    wanted = set()
    for item in items:
        match = SNIPPET_TEST_ID.match(item.nodeid)
        if match and match["rel"] in SNIPPETS:
            wanted.add(match["rel"])
    return sorted(wanted)


HARNESS_CASES = Path(__file__).parent / "harness_cases"


def selected_work(items) -> tuple[list, list]:
    """What the selected tests need run: (snippets, pages). The site needs every snippet and
    page; a page test its page's sessions; test_harness.py its cases."""
    from harness.run import versions
    from harness.snippet import parse

    site = versions.backend() == "tensorflow" and any(
        item.get_closest_marker(m) for item in items for m in SITE_MARKERS
    )
    rels = set(SNIPPETS) if site else set(selected_snippets(items))
    snippets = [SNIPPETS[rel] for rel in sorted(rels)]
    if any(item.nodeid.startswith("tests/test_harness.py::") for item in items):
        snippets += [parse(path) for path in sorted(HARNESS_CASES.glob("*.py"))]
    pages_tested = site or any(item.nodeid.startswith(PAGE_TEST_PREFIX) for item in items)
    pages = [scripts for scripts in PAGES.values() if page_runs_here(scripts)] if pages_tested else []
    return snippets, pages


PAGE_TEST_PREFIX = "tests/test_page_notebooks.py::test_page_runs_in_order["


@pytest.fixture(scope="session")
def suite_runs(request, run_snippets) -> RunSummary:
    """Everything the selected tests need, in one parallel batch: snippets, page sessions and
    the harness's own cases share the workers, so no kind waits out another's tail."""
    return run_snippets(*selected_work(request.session.items))


@pytest.fixture(scope="session")
def selected_snippet_outcomes(suite_runs):
    """Every snippet whose test pytest selected (run in the session's one batch)."""
    return suite_runs.outcomes


def in_one_session_only():
    """For a test of harness machinery that no backend changes and that starts Keras processes
    of its own: it runs in the TensorFlow session (the default backend's), not three times."""
    from harness.run import versions

    return pytest.mark.skipif(
        versions.backend() != "tensorflow",
        reason="harness machinery, the same on every backend: checked in the TensorFlow session",
    )


SITE_MARKERS = ("site", "browser")
SITE_CHECKS = [Path(__file__).parent / name for name in ("conftest.py", "test_site.py", "test_browser.py")]
SITE_CHECKS.append(Path(__file__).parent.parent / "package-lock.json")  # the axe-core they inject
# `nox -s zensical` sets this: the same pages built by Zensical, the same browser tests (a canary)
SITE_BUILDER = os.environ.get("HARNESS_SITE_BUILDER", "mkdocs")


def _site_root() -> Path:
    from harness.child.environment import records_root

    return records_root() / "site"


class SiteState:
    """The rendered site's key, computed once per session, after the snippets ran."""

    key: str | None = None
    tried = False

    @classmethod
    def current_key(cls) -> str | None:
        if not cls.tried:
            cls.tried = True
            from harness.run import versions
            from harness.site.render import RenderError, render_all
            from harness.site.site_key import site_key

            if versions.backend() == "tensorflow":
                try:
                    render_all()
                    cls.key = site_key(SITE_CHECKS)
                    if SITE_BUILDER != "mkdocs":  # its own site and verdicts, kept apart
                        builder = f"{SITE_BUILDER}={versions.dist_version(SITE_BUILDER)}"
                        cls.key = hashlib.sha256(f"{cls.key}:{builder}".encode()).hexdigest()
                except RenderError:
                    cls.key = None  # the site tests run, and fail with the reason
        return cls.key


def _verdict_file(key: str, nodeid: str) -> Path:
    return _site_root() / f"{key[:20]}.verdicts" / hashlib.sha256(nodeid.encode()).hexdigest()[:24]


VERDICT = pytest.StashKey[Path]()


@functools.cache
def _distributions() -> list[str]:
    """Every installed distribution, read once a session (reading them all takes ~0.3 s)."""
    return sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())


def _inputs_verdict_file(item, paths: tuple[str, ...]) -> Path:
    """Where a ``cached_verdict`` test's pass is kept: keyed by everything that can change it."""
    from harness import REPO_ROOT
    from harness.child.environment import hashed_environment, records_root
    from harness.run import versions

    backend = versions.backend()
    digest = hashlib.sha256(item.nodeid.encode())
    digest.update(json.dumps([backend, _distributions(), hashed_environment(backend, "cpu")]).encode())
    files = [Path(item.path), Path(__file__)]
    for rel in paths:
        path = REPO_ROOT / rel
        files += sorted(path.rglob("*")) if path.is_dir() else [path]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(
                path.resolve().relative_to(REPO_ROOT).as_posix().encode() + b"\0" + path.read_bytes()
            )
    return records_root() / "verdicts" / digest.hexdigest()[:24]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """A site check that passed for this very site key, or a ``cached_verdict`` test whose
    inputs are unchanged, passes again without running."""
    marker = item.get_closest_marker("cached_verdict")
    if marker:  # known before it runs: the test may point the records folder elsewhere
        verdict = item.stash[VERDICT] = _inputs_verdict_file(item, marker.args)
    elif any(item.get_closest_marker(m) for m in SITE_MARKERS) and SiteState.current_key() is not None:
        verdict = _verdict_file(SiteState.current_key(), item.nodeid)
    else:
        return None
    if not verdict.exists():
        return None
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    for when in ("setup", "call", "teardown"):
        report = pytest.TestReport(
            item.nodeid, item.location, {}, "passed", None, when, [("verdict cache", "unchanged")], 0.0
        )
        item.ihook.pytest_runtest_logreport(report=report)
    # tear down what earlier items set up, as the normal protocol would before ``nextitem``
    item.session._setupstate.teardown_exact(nextitem)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.passed:
        return
    verdict = item.stash.get(VERDICT, None)
    if verdict is None and SiteState.key and any(item.get_closest_marker(m) for m in SITE_MARKERS):
        verdict = _verdict_file(SiteState.key, item.nodeid)  # the key as the built site has it now
    if verdict is not None:
        verdict.parent.mkdir(parents=True, exist_ok=True)
        verdict.write_text(item.nodeid, encoding="utf-8")


def page_runs_here(scripts) -> bool:
    from harness.run import versions

    return page_scripts.runs_in_session(scripts, versions.backend())


@pytest.fixture(scope="session")
def page_outcomes(suite_runs, run_snippets):
    """Every page's kernel sessions that run in this session (cached like snippets): from the
    session's batch, or run now for a test that was selected without its page test."""
    missing = [s for s in PAGES.values() if page_runs_here(s) and s[0].page not in suite_runs.pages]
    return {**suite_runs.pages, **(run_snippets([], missing).pages if missing else {})}


@pytest.fixture(scope="session")
def built_site(run_snippets, page_outcomes):
    """Every snippet run (cached), fragments rendered, the site built with --strict (once per key)."""
    from harness.run import versions
    from harness.site.build import mkdocs_build
    from harness.site.render import render_all

    if versions.backend() != "tensorflow":
        pytest.skip("the published site is built in the tensorflow session, from its records")
    summary = run_snippets(SNIPPETS.values())
    failed = [rel for rel, o in summary.outcomes.items() if o.record.failed]
    assert not failed, f"cannot build pages over failing snippets: {failed}"
    broken = [page for page, outcomes in page_outcomes.items() if any(o.record.failed for o in outcomes)]
    assert not broken, f"cannot build notebooks of pages whose code fails in page order: {broken}"
    render_all()  # raises with the reason (which snippet lacks a current record)
    SiteState.tried = False  # records may have changed since the first site check asked
    key = SiteState.current_key()
    assert key is not None, "rendering failed"
    site = _site_root() / key[:20]
    if not (site / "index.html").exists():
        for old in _site_root().glob("*"):
            if old.is_dir() and not old.name.startswith(key[:20]) and not old.name.endswith(".verdicts"):
                shutil.rmtree(old, ignore_errors=True)
        partial = site.with_name(site.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        result = mkdocs_build(partial) if SITE_BUILDER == "mkdocs" else zensical_build(partial)
        assert result.returncode == 0, result.stdout + result.stderr
        partial.rename(site)  # only a whole, strict build is ever reused
    return site


def zensical_build(site_dir: Path) -> subprocess.CompletedProcess:
    """mkdocs.yml as Zensical reads it, into ``site_dir``; not strict, so that the browser tests
    show what differs (its warnings are printed with the build's output)."""
    import yaml

    from harness import REPO_ROOT

    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_dir"] = site_dir.resolve().relative_to(REPO_ROOT.resolve()).as_posix()  # must be inside
    config["strict"] = False
    path = REPO_ROOT / ".zensical.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    try:
        command = [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(path)]
        result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
    finally:
        path.unlink()
    print(result.stdout[-4000:], result.stderr[-4000:])
    return result


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    summary = merge(config.stash.get(SUMMARIES, []))
    if summary.outcomes:
        terminalreporter.section("snippet runs (the harness's own test cases are not listed)")
        print_summary(summary, terminalreporter, listed="snippets/")
