"""Compare a run against keras-nightly with the pinned release's records."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from harness import RECORDS_DIR
from harness.run.records import Record, RecordStore
from harness.site.output import printed
from harness.snippet import Snippet, discover

DRIFT_FILE = RECORDS_DIR / "drift.json"
NIGHTLY_ROOT = RECORDS_DIR / "nightly"


TIMINGS = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|us|µs|s)(?:/step)?\b")


def _output(record: Record, lines: tuple[int, int] | None = None) -> str:
    """Printed output with wall-clock timings masked: they differ on every run, not between versions."""
    return TIMINGS.sub("<t>", printed(record, lines, last=lines is None))


def changed_sections(snippet: Snippet, old: Record | None, new: Record | None) -> list[str]:
    """Sections whose printed output differs, or that hold the line nightly failed at."""
    if new is None:
        return []
    failed_line = None
    if new.failure is not None and ":" in new.failure.location:
        failed_line = int(new.failure.location.rsplit(":", 1)[1])
    changed = []
    for section in snippet.ordered_sections():
        lines = (section.start, section.end)
        if failed_line is not None and lines[0] <= failed_line <= lines[1]:
            changed.append(section.name)
        elif new.passed and old is not None and old.passed:
            if _output(old, lines) != _output(new, lines):
                changed.append(section.name)
    return changed


def compare(backend: str = "tensorflow", device: str = "cpu") -> dict:
    pinned = RecordStore(backend, device)
    nightly = RecordStore(backend, device, root=NIGHTLY_ROOT)
    rows = []
    for snippet in discover():
        old, new = pinned.load(snippet.stem), nightly.load(snippet.stem)
        if new is None:
            verdict = "not run"
        elif not new.passed:
            verdict = "fails on nightly"
        elif old is None or not old.passed:
            verdict = "passes on nightly only"
        elif _output(old) != _output(new):
            verdict = "output changed"
        else:
            verdict = "same"
        rows.append(
            {
                "snippet": snippet.rel,
                "verdict": verdict,
                "pinned": old.versions["keras"] if old else None,
                "nightly": new.versions["keras"] if new else None,
                "error": new.failure_report().splitlines()[0] if new and not new.passed else "",
                "sections": changed_sections(snippet, old, new),
            }
        )
    return {"date": datetime.date.today().isoformat(), "backend": backend, "device": device, "rows": rows}


def write_report(path: Path = DRIFT_FILE) -> dict:
    report = compare()
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    counts = {}
    for row in report["rows"]:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    print(f"drift report written to {path}: {counts}")
    return report
