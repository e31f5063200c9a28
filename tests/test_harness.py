"""The harness itself: failures are reported precisely, guards really guard."""

from __future__ import annotations

import pytest

from conftest import HARNESS_CASES as CASES
from harness import REPO_ROOT
from harness.child.stop import STACKS_GRACE_S
from harness.protocol import Status
from harness.site.fragments import fragment
from harness.site.output import terminal_text
from harness.site.page_plan import new_process_reason
from harness.snippet import SnippetError, parse


@pytest.fixture(scope="module")
def outcomes(suite_runs, run_snippets):
    """The cases, from the session's batch (conftest.selected_work puts them there)."""
    cases = [parse(p) for p in sorted(CASES.glob("*.py"))]
    if all(case.rel in suite_runs.outcomes for case in cases):
        return suite_runs.outcomes
    return run_snippets(cases).outcomes


def record(outcomes, name):
    return outcomes[f"tests/harness_cases/{name}.py"].record


def test_a_failing_assertion_names_file_and_line(outcomes):
    r = record(outcomes, "failing_assert")
    assert r.status == Status.FAILED
    assert r.failure.location == "tests/harness_cases/failing_assert.py:2"
    assert "arithmetic is broken" in r.failure_report()


def test_network_access_fails_the_snippet_even_when_swallowed(outcomes):
    r = record(outcomes, "swallows_network_error")
    assert r.status == Status.FAILED
    assert r.failure.kind == "NetworkBlocked"
    assert "example.com" in r.failure.message and "never use the network" in r.failure.message


def test_network_access_from_a_process_the_snippet_started_fails_the_snippet(outcomes):
    r = record(outcomes, "worker_swallows_network_error")
    assert r.status == Status.FAILED
    assert r.failure.kind == "NetworkBlocked"
    assert "example.org" in r.failure.message
    printed = "".join(text for _, text in r.chunks)
    assert "worker swallowed: URLError" in printed  # the worker ran, was refused, and hid it


def test_a_snippet_over_its_time_budget_is_stopped(outcomes):
    r = record(outcomes, "sleeps_too_long")
    assert r.status == Status.TIMEOUT
    assert r.wall_seconds < 15
    assert "time budget of 3 s" in r.failure.message
    assert r.failure.location == "tests/harness_cases/sleeps_too_long.py:4"  # its stack, printed when stopped
    assert 'sleeps_too_long.py", line 4 in <module>' in r.stderr_tail


def test_a_timed_out_snippet_reports_the_stacks_of_the_processes_it_started(outcomes):
    r = record(outcomes, "worker_hangs")
    assert r.status == Status.TIMEOUT
    assert r.failure.location == "tests/harness_cases/worker_hangs.py:13"  # its own process comes first
    assert 'worker_hangs.py", line 8 in wait_forever' in r.stderr_tail  # the worker's stack too
    assert r.wall_seconds < 6 + 2 * STACKS_GRACE_S + 3  # the budget, two grace periods, process start


def test_output_lands_under_the_statement_that_produced_it(outcomes):
    snippet = parse(CASES / "sections_and_figures.py")
    r = record(outcomes, "sections_and_figures")
    assert r.passed, r.failure_report()
    define, use = snippet.sections["define"], snippet.sections["use"]
    first = fragment(snippet, r, define, last=False, line="", repo_root=str(REPO_ROOT))
    second = fragment(snippet, r, use, last=True, line="", repo_root=str(REPO_ROOT))
    assert 'title="tests/harness_cases/sections_and_figures.py"' in first  # the code is in the fragment
    assert "def report(value):" in first and "report(42)" not in first
    assert "defined" in first and "value is 42" not in first
    assert "value is 42" in second  # printed inside report(), called from the 'use' section
    assert "figure-1.png" in second and "figure-1.png" not in first


def test_real_offline_data_and_the_mnist_standin(outcomes):
    r = record(outcomes, "offline_datasets")
    assert r.passed, r.failure_report()
    printed = "".join(text for _, text in r.chunks)
    assert "fashion (60000, 28, 28) (10000, 28, 28)" in printed
    assert "mnist (1437, 28, 28) (360, 28, 28) uint8" in printed
    assert "in keras cache: True" in printed  # linked where a real download would land
    assert list(r.standins) == ["mnist.npz"], "the page must be told a stand-in was used"


def test_fresh_process_directive_spawns_a_new_interpreter(outcomes):
    r = record(outcomes, "fresh_interpreter")
    assert r.passed and r.mode == "spawn"


def test_a_dependent_starts_from_the_folder_its_requirement_left_in_this_session(outcomes):
    r = record(outcomes, "reads_the_file")
    assert r.passed, r.failure_report()
    assert "written by another process" in "".join(text for _, text in r.chunks)
    assert r.requires_wall_seconds == 0  # writes_a_file.py's own run left the folder: not run again


def test_requirements_run_again_in_the_folder_when_no_single_run_left_it(outcomes):
    """writes_another_file.py's own run did not follow writes_a_file.py: both run again, in order."""
    r = record(outcomes, "reads_two_files")
    assert r.passed, r.failure_report()
    assert "written by another process and by a third" in "".join(text for _, text in r.chunks)
    assert r.requires_wall_seconds > 0


def test_unterminated_section_is_reported_with_its_line(tmp_path):
    path = tmp_path / "x.py"
    path.write_text("# --8<-- [start:a]\nprint(1)\n")
    with pytest.raises(SnippetError, match=r"x.py:1: section 'a' never ends"):
        parse(path)


def test_terminal_text_keeps_only_the_final_progress_bar():
    raw = "1/3 [==>....]\r\b\b\b2/3 [====>..]\r3/3 [=======] done\nnext line"
    assert terminal_text(raw) == "3/3 [=======] done\nnext line"


def test_phase_cost_counts_required_runs_as_code_and_keeps_spawn_overhead_apart():
    from harness.run.records import Record
    from harness.run.report import PhaseCost
    from harness.run.runner import Outcome, RunSummary

    def made(mode, seconds, wall, requires=(0.0, 0.0), spawned_requirement=None):
        return Record(
            snippet=f"snippets/x/{mode}{seconds}.py",
            key="k",
            code_key="c",
            status=Status.PASSED,
            backend="torch",
            device="CPU",
            versions={},
            date="2026-12-03",
            seconds=seconds,
            wall_seconds=wall,
            mode=mode,
            requires_seconds=requires[0],
            requires_wall_seconds=requires[1],
            requires_runs=1 if requires[1] else 0,
            requires_spawns=1 if spawned_requirement else 0,
            requires_spawn_overhead_seconds=spawned_requirement or 0.0,
        )

    summary = RunSummary(wall_s=20.0, zygote_import_s=[4.0, 5.0])
    for record, cached in [
        (made("fork", 10.0, 10.2, requires=(6.0, 6.2)), False),
        (made("spawn", 2.0, 9.0), False),
        (made("fork", 50.0, 50.0), True),  # a cache hit costs this run nothing
        # a forked snippet that requires a spawned one: that interpreter start is spawn overhead
        (made("fork", 1.0, 1.1, requires=(0.5, 8.5), spawned_requirement=8.0), False),
    ]:
        summary.outcomes[record.snippet] = Outcome(record, cached)
    cost = PhaseCost.of(summary)
    assert (cost.ran, cost.code_s, cost.forks, cost.spawns) == (3, 19.5, 3, 2)
    assert cost.fork_overhead_s == pytest.approx(0.5) and cost.spawn_overhead_s == pytest.approx(15.0)
    assert cost.ratio(workers=2) == pytest.approx(20.0 / 9.75)
    assert (cost.imports_s, cost.zygotes) == (9.0, 2)


def test_new_session_directive_needs_a_reason_and_only_splits_the_page(tmp_path):
    path = tmp_path / "x.py"
    path.write_text("# harness: new-session\nprint(1)\n")
    with pytest.raises(SnippetError, match=r"x.py:1: new-session needs a reason"):
        parse(path)
    path.write_text("# harness: new-session -- 前面的单元格注册过对象\nprint(1)\n")
    snippet = parse(path)
    assert snippet.fresh_process is None  # forked like any example: only the page's kernel restarts
    assert "前面的单元格注册过对象" in new_process_reason(snippet, frozenset())
