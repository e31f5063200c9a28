"""The 版本漂移 page names the 常见报错 entries whose error text changed on keras-nightly."""

from __future__ import annotations

import json

from harness.protocol import Failure, Status
from harness.run.drift import changed_sections
from harness.run.records import Record
from harness.site import drift_page
from harness.site.errors_index import entries_by_section
from harness.snippet import parse

ENTRY_KEY, ENTRY = next(iter(entries_by_section().items()))  # the first entry of docs/errors.md
SNIPPET = parse(__import__("harness").REPO_ROOT / ENTRY_KEY[0])
SECTION = SNIPPET.sections[ENTRY_KEY[1]]


def record(status: Status, failure: Failure | None = None, printed: str = "") -> Record:
    return Record(
        snippet=SNIPPET.rel,
        key="k",
        code_key="c",
        status=status,
        backend="tensorflow",
        device="CPU",
        versions={"keras": "3.15.1"},
        date="2026-12-02",
        seconds=0.1,
        wall_seconds=0.2,
        mode="fork",
        failure=failure,
        chunks=[[SECTION.start, printed]],
    )


def test_a_failure_inside_an_entrys_section_flags_that_entry(tmp_path):
    failure = Failure(f"{SNIPPET.rel}:{SECTION.start}", "AssertionError", "the text changed")
    sections = changed_sections(SNIPPET, record(Status.PASSED), record(Status.FAILED, failure))
    assert sections == [ENTRY_KEY[1]]
    report = {"date": "2026-12-02", "backend": "tensorflow", "device": "cpu"}
    report["rows"] = [
        {
            "snippet": SNIPPET.rel,
            "verdict": "fails on nightly",
            "pinned": "3.15.1",
            "nightly": "3.16.0.dev",
            "error": failure.report(),
            "sections": sections,
        }
    ]
    path = tmp_path / "drift.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    page = drift_page.render_markdown(path)
    assert "常见报错：1 条的报错文字在 nightly 上变了" in page
    assert f"[{ENTRY.heading}](errors.md#{ENTRY.anchor})" in page


def test_unchanged_output_flags_nothing(tmp_path):
    same = record(Status.PASSED, printed="ModuleNotFoundError: ...\n")
    assert changed_sections(SNIPPET, same, same) == []
    changed = record(Status.PASSED, printed="ModuleNotFoundError: something else\n")
    assert changed_sections(SNIPPET, same, changed) == [ENTRY_KEY[1]]
