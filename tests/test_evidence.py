"""What the site says about a record: current records pass, stale ones say 过期 with their date."""

from __future__ import annotations

import dataclasses

import pytest

from harness import REPO_ROOT
from harness.protocol import Status
from harness.run.freshness import Freshness
from harness.run.records import Record, RecordStore
from harness.site import evidence
from harness.snippet import parse

SNIPPET = parse(REPO_ROOT / "snippets" / "install" / "version.py")


@pytest.fixture()
def records(tmp_path, monkeypatch):
    monkeypatch.setenv("HARNESS_RECORDS_DIR", str(tmp_path / "records"))
    monkeypatch.setattr(evidence, "EVIDENCE_DIR", tmp_path / "evidence")
    return tmp_path


def plant(root, backend: str, device: str, **changes) -> Record:
    fresh = Freshness(backend, device)
    record = Record(
        snippet=SNIPPET.rel,
        key=fresh.key(SNIPPET),
        code_key=fresh.code_key(SNIPPET),
        status=Status.PASSED,
        backend=backend,
        device=device.upper(),
        versions=fresh.installed,
        date="2026-11-30",
        seconds=0.1,
        wall_seconds=0.2,
        mode="fork",
        machine="NVIDIA H200" if device == "gpu" else "",
    )
    record = dataclasses.replace(record, **changes)
    RecordStore(backend, device, root=root).save(SNIPPET.stem, record, [])
    return record


def test_a_stale_record_shows_as_stale_with_its_date_never_passed(records):
    plant(records / "records", "tensorflow", "cpu", code_key="an-older-snippet", key="an-older-key")
    line = evidence.Evidence([SNIPPET], "tensorflow").line(SNIPPET)
    assert 'class="run-stale"' in line and "TensorFlow 过期" in line
    assert "2026-11-30" in line  # the hover says when it ran
    assert "run-passed" not in line.split("JAX")[0]


def test_committed_gpu_evidence_shows_the_machine_and_goes_stale_when_the_snippet_changes(records):
    plant(records / "evidence", "jax", "gpu")
    line = evidence.Evidence([SNIPPET], "tensorflow").line(SNIPPET)
    assert "GPU 通过（NVIDIA H200 · JAX）" in line
    plant(records / "evidence", "jax", "gpu", code_key="the snippet changed since")
    line = evidence.Evidence([SNIPPET], "tensorflow").line(SNIPPET)
    assert "GPU 过期" in line and "GPU 通过" not in line


def test_the_line_uses_theme_icons_not_emoji(records):
    line = evidence.Evidence([SNIPPET], "tensorflow").line(SNIPPET)
    assert line.count('<svg class="run-icon"') == 4  # three CPU backends and one GPU summary
    assert "✅" not in line and "✓" not in line
