"""A benchmark, not a test: one cold and one warm pass over the suite's batch, as a table.

The batch is what a test session runs: every snippet and the pages this backend's
session runs. Cold: every record ignored and JAX's compilation cache emptied
(fresh processes, real runs). Warm: nothing changed, so nothing may run. Rows
per backend go to ``.records/bench.json``; the table (the shape of the
performance issue's) to ``.records/bench.md``.
"""

from __future__ import annotations

import json
import os
import shutil
import time

from harness.child.environment import records_root, shared_folders
from harness.run import page_scripts, versions
from harness.run.report import PhaseCost
from harness.run.runner import Runner, RunSummary
from harness.snippet import discover


def _row(backend: str, jobs: int, cold: RunSummary, warm: RunSummary, warm_s: float) -> dict:
    cost = PhaseCost.of(cold)
    ratio, per_fork, per_spawn = cost.ratio(jobs), cost.per_fork_s, cost.per_spawn_s
    with_spawns = cost.code_s + cost.spawn_overhead_s
    return {
        "backend": backend,
        "snippets": cost.ran - cost.page_sessions,
        "page_sessions": cost.page_sessions,
        "elapsed_s": round(cost.elapsed_s, 1),
        "code_s": round(cost.code_s, 1),
        "limit_s": round(cost.code_s / jobs, 1),
        "ratio": round(ratio, 2) if ratio else None,
        # a fresh-process snippet starts an interpreter and imports Keras on purpose (what it
        # shows needs a new process): the least time counting that work too
        "limit_with_spawns_s": round(with_spawns / jobs, 1),
        "ratio_with_spawns": round(cost.elapsed_s / (with_spawns / jobs), 2) if with_spawns else None,
        "fork_overhead_s": round(cost.fork_overhead_s, 1),
        "per_fork_s": round(per_fork, 2) if per_fork is not None else None,
        "spawns": cost.spawns,
        "per_spawn_s": round(per_spawn, 1) if per_spawn is not None else None,
        "imports_s": round(cost.imports_s, 1),
        "warm_ran": PhaseCost.of(warm).ran,
        "warm_s": round(warm_s, 1),
        "warm_zygotes": PhaseCost.of(warm).zygotes,
    }


def bench(jobs: int = 2) -> dict:
    """The batch the test session runs: every snippet and the pages this backend's session runs."""
    backend = versions.backend()
    snippets = discover()
    pages = [s for s in page_scripts.all_pages() if page_scripts.runs_in_session(s, backend)]
    shutil.rmtree(shared_folders()["JAX_COMPILATION_CACHE_DIR"], ignore_errors=True)
    cold_runner = Runner(jobs=jobs, force=True)
    try:
        cold = cold_runner.run(snippets, pages)
    finally:
        cold_runner.close()
    started = time.perf_counter()
    warm_runner = Runner(jobs=jobs)
    try:
        warm = warm_runner.run(snippets, pages)
    finally:
        warm_runner.close()
    row = _row(backend, jobs, cold, warm, time.perf_counter() - started)
    path = records_root() / "bench.json"
    rows = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    rows[backend] = row
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    (records_root() / "bench.md").write_text(table(rows), encoding="utf-8")
    print(table(rows))
    return row


def table(rows: dict) -> str:
    lines = [
        f"CPU cores: {os.cpu_count()}",
        "",
        "| backend | snippets + page sessions | snippet phase elapsed | snippet code | "
        "limit (code / workers) | ratio | limit with spawns | ratio | "
        "process overhead (forked) | per forked process | spawned: count, each | zygote imports | "
        "warm: ran / s / zygotes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows.values():
        lines.append(
            f"| {r['backend']} | {r['snippets']} + {r.get('page_sessions', 0)} | {r['elapsed_s']} s | "
            f"{r['code_s']} s | {r['limit_s']} s | "
            f"{r['ratio']} | {r.get('limit_with_spawns_s')} s | {r.get('ratio_with_spawns')} | "
            f"{r['fork_overhead_s']} s | {r['per_fork_s']} s | "
            f"{r['spawns']}, {r['per_spawn_s']} s | {r['imports_s']} s | "
            f"{r['warm_ran']} / {r['warm_s']} s / {r['warm_zygotes']} |"
        )
    return "\n".join(lines) + "\n"
