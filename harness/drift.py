"""Compare a run against keras-nightly with the pinned release's records."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from harness import RECORDS_DIR
from harness.output import printed
from harness.records import RecordStore
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


VERDICT_LABELS = {
    "same": "输出相同",
    "output changed": "输出有变化",
    "fails on nightly": "nightly 上失败",
    "passes on nightly only": "仅 nightly 通过",
    "not run": "未运行",
}


def render_markdown(path: Path = DRIFT_FILE) -> str:
    if not path.exists():
        return (
            '!!! info "尚无漂移记录"\n\n'
            "    构建这份站点的机器上还没有运行过 `nox -s drift`，所以这里没有对比结果。\n"
        )
    report = json.loads(path.read_text(encoding="utf-8"))
    lines = [
        f"对比日期：{report['date']} · 后端：{report['backend']} · 设备：{report['device'].upper()}",
        "",
        "| 例子 | 结论 | 固定版本 | nightly | 说明 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in report["rows"]:
        detail = row["error"].replace("|", "\\|")
        lines.append(
            f"| `{row['snippet']}` | {VERDICT_LABELS[row['verdict']]} | {row['pinned'] or '—'} | "
            f"{row['nightly'] or '—'} | {detail} |"
        )
    return "\n".join(lines) + "\n"
