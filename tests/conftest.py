"""Shared fixtures: one Runner per test session, snippets run once (cached) in parallel."""

from __future__ import annotations

import re

import pytest

from harness.run.report import merge, print_summary
from harness.run.runner import NoGPU, Runner, RunSummary
from harness.snippet import discover

SNIPPETS = {s.rel: s for s in discover()}
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
    """Run a list of snippets through the session's runner and keep the summary for the report."""

    def run(snippets) -> RunSummary:
        summary = runner.run(list(snippets))
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


@pytest.fixture(scope="session")
def selected_snippet_outcomes(request, run_snippets):
    """Run (in one parallel batch) every snippet whose test pytest selected."""
    return run_snippets(SNIPPETS[rel] for rel in selected_snippets(request.session.items)).outcomes


@pytest.fixture(scope="session")
def built_site(run_snippets, tmp_path_factory):
    """Every snippet run (cached), fragments rendered, the site built with --strict."""
    from harness.run import versions
    from harness.site.build import mkdocs_build
    from harness.site.render import render_all

    if versions.backend() != "tensorflow":
        pytest.skip("the published site is built in the tensorflow session, from its records")
    summary = run_snippets(SNIPPETS.values())
    failed = [rel for rel, o in summary.outcomes.items() if o.record.failed]
    assert not failed, f"cannot build pages over failing snippets: {failed}"
    site = tmp_path_factory.mktemp("site")
    render_all()
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    summary = merge(config.stash.get(SUMMARIES, []), prefix="snippets/")
    if summary.outcomes:
        terminalreporter.section("snippet runs (the harness's own test cases are not listed)")
        print_summary(summary, terminalreporter)
