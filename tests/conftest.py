"""Shared fixtures: one Runner per test session, snippets run once (cached) in parallel."""

from __future__ import annotations

import pytest

from harness.report import merge, print_summary
from harness.runner import Runner, RunSummary
from harness.snippet import discover

SNIPPETS = {s.rel: s for s in discover()}
SUMMARIES = pytest.StashKey[list]()


def pytest_addoption(parser):
    group = parser.getgroup("harness")
    group.addoption("--device", default="cpu", choices=["cpu", "gpu"], help="device the snippets must run on")
    group.addoption("--jobs", type=int, default=2, help="snippets run in parallel")
    group.addoption("--spawn", action="store_true", help="a new interpreter per snippet instead of forking")
    group.addoption("--force-rerun", action="store_true", help="ignore cached records")


@pytest.fixture(scope="session")
def runner(request) -> Runner:
    opts = request.config.option
    return Runner(device=opts.device, jobs=opts.jobs, spawn_all=opts.spawn, force=opts.force_rerun)


@pytest.fixture(scope="session")
def run_snippets(request, runner):
    """Run a list of snippets through the session's runner and keep the summary for the report."""

    def run(snippets) -> RunSummary:
        summary = runner.run(list(snippets))
        request.config.stash.setdefault(SUMMARIES, []).append(summary)
        return summary

    return run


@pytest.fixture(scope="session")
def selected_snippet_outcomes(request, run_snippets):
    """Run (in one parallel batch) every snippet whose test pytest selected."""
    wanted = sorted(
        {item.callspec.params["rel"] for item in request.session.items if item.originalname == "test_snippet"}
    )
    return run_snippets(SNIPPETS[rel] for rel in wanted).outcomes


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    summary = merge(config.stash.get(SUMMARIES, []), prefix="snippets/")
    if summary.outcomes:
        terminalreporter.section("snippet runs (the harness's own test cases are not listed)")
        print_summary(summary, terminalreporter)
