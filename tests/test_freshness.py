"""A record is current only while nothing that could change its output has changed."""

from __future__ import annotations

import shutil

import pytest

from harness import REPO_ROOT
from harness.child import CHILD_DIR, environment
from harness.protocol import Status
from harness.run.freshness import Freshness, child_code_digest
from harness.run.records import Record
from harness.snippet import parse

SNIPPET = parse(REPO_ROOT / "tests" / "harness_cases" / "failing_assert.py")
INSTALLED = {"python": "3.11", "keras": "3.15.1", "backend_version": "x", "numpy": "2"}


def freshness(**overrides) -> Freshness:
    settings = {
        "installed": INSTALLED,
        "child_environment": environment.hashed_environment("tensorflow", "cpu", inherited={}),
        "preload": ["numpy", "keras"],
        "child_code": child_code_digest(),
    }
    return Freshness("tensorflow", "cpu", **{**settings, **overrides})


def record_made_by(made_by: Freshness) -> Record:
    return Record(
        snippet=SNIPPET.rel,
        key=made_by.key(SNIPPET),
        code_key=made_by.code_key(SNIPPET),
        status=Status.PASSED,
        backend="tensorflow",
        device="CPU",
        versions=INSTALLED,
        date="2026-12-02",
        seconds=1.0,
        wall_seconds=1.0,
        mode="fork",
    )


def test_an_unchanged_world_keeps_the_record_current():
    record = record_made_by(freshness())
    assert freshness().verdict(record, SNIPPET) == Status.PASSED
    assert freshness().verdict(record, SNIPPET, same_machine=False) == Status.PASSED
    assert freshness().verdict(None, SNIPPET) == Status.MISSING


@pytest.mark.parametrize("child_file", sorted(p.name for p in CHILD_DIR.glob("*.py")))
def test_editing_any_child_side_file_makes_records_stale(child_file, tmp_path):
    record = record_made_by(freshness())
    copy = tmp_path / "child"
    shutil.copytree(CHILD_DIR, copy)
    with (copy / child_file).open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    edited = freshness(child_code=child_code_digest(copy))
    assert edited.verdict(record, SNIPPET) == Status.STALE
    assert edited.verdict(record, SNIPPET, same_machine=False) == Status.STALE


@pytest.mark.parametrize(
    "name, value",
    [
        ("COLUMNS", "80"),
        ("PYTHONHASHSEED", "1"),
        ("MPLBACKEND", "svg"),
        ("TF_CPP_MIN_LOG_LEVEL", "0"),
        ("CUDA_VISIBLE_DEVICES", "0"),
        ("JAX_PLATFORMS", "cuda"),
    ],
)
def test_changing_one_child_environment_value_makes_records_stale(name, value):
    record = record_made_by(freshness())
    changed = {**environment.hashed_environment("tensorflow", "cpu", inherited={}), name: value}
    assert freshness(child_environment=changed).verdict(record, SNIPPET) == Status.STALE


def test_an_inherited_framework_variable_is_part_of_the_environment():
    plain = environment.hashed_environment("jax", "cpu", inherited={"PATH": "/x", "PWD": "/y"})
    flagged = environment.hashed_environment(
        "jax", "cpu", inherited={"XLA_FLAGS": "--xla_cpu_fast_math", "OMP_NUM_THREADS": "1"}
    )
    assert "PATH" not in plain and "PWD" not in plain  # a shell's own variables never reach the output
    assert flagged["XLA_FLAGS"] == "--xla_cpu_fast_math"
    assert flagged["OMP_NUM_THREADS"] == "1"  # a thread count changes the order of float sums


def test_changing_the_zygote_preload_list_makes_records_stale():
    record = record_made_by(freshness())
    assert freshness(preload=["numpy", "keras", "pandas"]).verdict(record, SNIPPET) == Status.STALE


def test_the_environment_of_the_real_runner_is_the_hashed_one():
    """What the child gets and what the key hashes are the same settings (one source)."""
    env = environment.child_environment("torch", "cpu")
    for name, value in environment.harness_settings("torch", "cpu").items():
        assert env[name] == value


def test_new_versions_make_the_local_record_stale_but_not_another_machines():
    record = record_made_by(freshness())
    upgraded = freshness(installed={**INSTALLED, "keras": "3.16.0"})
    assert upgraded.verdict(record, SNIPPET) == Status.STALE
    assert upgraded.verdict(record, SNIPPET, same_machine=False) == Status.PASSED  # e.g. GPU evidence


def test_a_change_to_the_harness_reruns_its_own_cases_but_not_the_examples():
    example = parse(REPO_ROOT / "snippets" / "install" / "version.py")
    before, after = freshness(harness_code="runner v1"), freshness(harness_code="runner v2")
    assert before.key(SNIPPET) != after.key(SNIPPET)  # tests/harness_cases/: they check the runner
    assert before.key(example) == after.key(example)  # an example's output does not depend on it


def test_a_page_runs_again_only_for_a_session_this_backend_can_run(monkeypatch):
    """A session the backend cannot run (gpu.md has some on each backend) has no passing record;
    it must not make a cached page run again (it did: the PyTorch DDP session ran on every warm run)."""
    from harness.run import page_scripts
    from harness.run.runner import Runner

    runner = Runner()
    (scripts,) = page_scripts.all_pages(["gpu.md"])
    can_run = [not s.snippet.unsupported_reason(runner.backend, "cpu") for s in scripts]
    assert any(can_run) and not all(can_run), "gpu.md no longer has sessions for one backend only"
    ran = []
    monkeypatch.setattr(runner.store, "save", lambda *a: None)  # the real records stay as they are
    monkeypatch.setattr(runner, "_run_main", lambda snippet, *a: ran.append(snippet.rel) or (record, []))
    record = record_made_by(freshness())
    # as in the store: a passing record for each session that ran, none that cached() takes for the others
    monkeypatch.setattr(
        runner, "cached", lambda s: None if s.unsupported_reason(runner.backend, "cpu") else record
    )
    outcomes = runner.run_page(scripts)
    assert ran == []
    expected = [Status.PASSED if ok else Status.UNSUPPORTED for ok in can_run]
    assert [o.record.status for o in outcomes] == expected
    monkeypatch.setattr(runner, "cached", lambda snippet: None)  # nothing cached: every runnable one runs
    runner.run_page(scripts)
    assert ran == [s.snippet.rel for s, ok in zip(scripts, can_run, strict=True) if ok]
