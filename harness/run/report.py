"""Human-readable summaries of a run: per-snippet times and where the time went."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from harness.protocol import Status
from harness.run.records import Record
from harness.run.runner import RunSummary


@dataclass(frozen=True)
class PhaseCost:
    """Where one snippet phase's time went; the performance goals are ratios of these.

    Code counts the snippets run first for those that require them, and the pages' kernel
    sessions that ran in the same batch: the phase runs that code too. Overhead is fork/spawn
    to exit minus code, kept apart per mode, each process in its own (a forked snippet may
    require a spawned one): a ``fresh-process`` snippet pays a whole interpreter start on purpose.
    """

    ran: int  # snippets and page sessions
    page_sessions: int
    elapsed_s: float
    code_s: float
    fork_overhead_s: float
    forks: int
    spawn_overhead_s: float
    spawns: int
    imports_s: float
    zygotes: int

    @classmethod
    def of(cls, summary: RunSummary) -> PhaseCost:
        pages = [o for outcomes in summary.pages.values() for o in outcomes]
        ran_sessions = [o.record for o in pages if not o.cached and o.record.mode != "none"]
        ran = [o.record for o in summary.outcomes.values() if not o.cached and o.record.mode != "none"]
        ran += ran_sessions
        spawn_overhead = sum(_spawn_overhead(r) for r in ran)
        return cls(
            ran=len(ran),
            page_sessions=len(ran_sessions),
            elapsed_s=summary.wall_s,
            code_s=sum(_code(r) for r in ran),
            fork_overhead_s=sum(_overhead(r) for r in ran) - spawn_overhead,
            forks=sum((r.mode == "fork") + r.requires_runs - r.requires_spawns for r in ran),
            spawn_overhead_s=spawn_overhead,
            spawns=sum((r.mode == "spawn") + r.requires_spawns for r in ran),
            imports_s=sum(summary.zygote_import_s),
            zygotes=len(summary.zygote_import_s),
        )

    def ratio(self, workers: int) -> float | None:
        """Elapsed over the least time ``workers`` could take for the code alone."""
        return self.elapsed_s / (self.code_s / workers) if self.code_s else None

    @property
    def per_fork_s(self) -> float | None:
        return self.fork_overhead_s / self.forks if self.forks else None

    @property
    def per_spawn_s(self) -> float | None:
        return self.spawn_overhead_s / self.spawns if self.spawns else None


def _code(record: Record) -> float:
    return record.seconds + record.requires_seconds


def _overhead(record: Record) -> float:
    """Of all its processes: fork or spawn to exit, less code."""
    return record.wall_seconds + record.requires_wall_seconds - _code(record)


def _spawn_overhead(record: Record) -> float:
    own = record.wall_seconds - record.seconds if record.mode == "spawn" else 0.0
    return own + record.requires_spawn_overhead_seconds


def merge(summaries: list[RunSummary]) -> RunSummary:
    """One summary over several runs of one session."""
    merged = RunSummary()
    for summary in summaries:
        for rel, outcome in summary.outcomes.items():
            earlier = merged.outcomes.get(rel)
            if earlier is None or earlier.cached:
                merged.outcomes[rel] = outcome  # a real run beats a later cache hit
        for page, outcomes in summary.pages.items():
            earlier = merged.pages.get(page)
            if earlier is None or all(o.cached for o in earlier):
                merged.pages[page] = outcomes
        merged.wall_s += summary.wall_s
        merged.zygote_import_s += summary.zygote_import_s
    return merged


def print_summary(summary: RunSummary, out: TextIO, listed: str = "") -> None:
    """One line per snippet under ``listed``, then where the whole batch's time went."""
    rows = sorted((rel, o) for rel, o in summary.outcomes.items() if rel.startswith(listed))
    width = max((len(rel) for rel, _ in rows), default=10)
    out.write(f"\n{'snippet'.ljust(width)}  status   mode   run s  wall s  cache\n")
    for rel, outcome in rows:
        r = outcome.record
        cache = "hit" if outcome.cached else "ran"
        times = f"{r.seconds:5.1f}  {r.wall_seconds:6.1f}"
        out.write(f"{rel.ljust(width)}  {r.status.value:7}  {r.mode:5}  {times}  {cache}\n")
    cost = PhaseCost.of(summary)
    unsupported = sum(o.record.status == Status.UNSUPPORTED for _, o in rows)
    cached = sum(o.cached for _, o in rows)
    others = cost.ran - cost.page_sessions - (len(rows) - cached - unsupported)
    out.write(
        f"\n{len(rows) - cached - unsupported} ran, {cached} cached, {unsupported} not supported here; "
        f"in the same batch {cost.page_sessions} page sessions and {others} other files ran; "
        f"elapsed {cost.elapsed_s:.1f} s; code {cost.code_s:.1f} s; process overhead "
        f"{cost.fork_overhead_s:.1f} s in {cost.forks} forked, {cost.spawn_overhead_s:.1f} s in "
        f"{cost.spawns} spawned; Keras imports in {cost.zygotes} zygote(s) {cost.imports_s:.1f} s\n"
    )
    for _rel, outcome in rows:
        if outcome.record.failed:
            out.write(f"\nFAILED {outcome.record.failure_report()}\n")
