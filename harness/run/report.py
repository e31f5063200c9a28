"""Human-readable summaries of a run: per-snippet times and where the time went."""

from __future__ import annotations

from typing import TextIO

from harness.protocol import Status
from harness.run.runner import RunSummary


def merge(summaries: list[RunSummary], prefix: str = "") -> RunSummary:
    """One summary over several runs, keeping only snippets under ``prefix``."""
    merged = RunSummary()
    for summary in summaries:
        for rel, outcome in summary.outcomes.items():
            earlier = merged.outcomes.get(rel)
            if rel.startswith(prefix) and (earlier is None or earlier.cached):
                merged.outcomes[rel] = outcome  # a real run beats a later cache hit
        merged.wall_s += summary.wall_s
        merged.zygote_import_s += summary.zygote_import_s
    return merged


def print_summary(summary: RunSummary, out: TextIO) -> None:
    rows = sorted(summary.outcomes.items())
    width = max((len(rel) for rel, _ in rows), default=10)
    out.write(f"\n{'snippet'.ljust(width)}  status   mode   run s  wall s  cache\n")
    for rel, outcome in rows:
        r = outcome.record
        cache = "hit" if outcome.cached else "ran"
        times = f"{r.seconds:5.1f}  {r.wall_seconds:6.1f}"
        out.write(f"{rel.ljust(width)}  {r.status.value:7}  {r.mode:5}  {times}  {cache}\n")
    ran = [o.record for o in summary.outcomes.values() if not o.cached and o.record.mode != "none"]
    unsupported = sum(o.record.status == Status.UNSUPPORTED for o in summary.outcomes.values())
    cached = len(rows) - len(ran) - unsupported
    run_s = sum(r.seconds for r in ran)
    wall_s = sum(r.wall_seconds for r in ran)
    imports = sum(summary.zygote_import_s)
    out.write(
        f"\n{len(ran)} ran, {cached} cached, {unsupported} not supported here; "
        f"elapsed {summary.wall_s:.1f} s; "
        f"snippet code {run_s:.1f} s, process overhead {wall_s - run_s:.1f} s, "
        f"Keras imports in {len(summary.zygote_import_s)} zygote(s) {imports:.1f} s\n"
    )
    for _rel, outcome in rows:
        if outcome.record.failed:
            out.write(f"\nFAILED {outcome.record.failure_report()}\n")
