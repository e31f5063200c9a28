"""Compare a run against keras-nightly with the pinned release's records."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from harness import RECORDS_DIR
from harness.run.records import RecordStore
from harness.site.output import printed
from harness.snippet import discover

DRIFT_FILE = RECORDS_DIR / "drift.json"
NIGHTLY_ROOT = RECORDS_DIR / "nightly"


TIMINGS = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|us|µs|s)(?:/step)?\b")


def _output(record) -> str:
    """Printed output with wall-clock timings masked: they differ on every run, not between versions."""
    return TIMINGS.sub("<t>", printed(record))


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
