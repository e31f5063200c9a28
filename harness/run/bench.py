"""A benchmark, not a test: one cold and one warm pass over every snippet, as a table.

Cold: every record ignored (fresh processes, real runs). Warm: nothing changed,
so nothing may run. Rows per backend go to ``.records/bench.json``; the table
(the shape of the performance issue's) to ``.records/bench.md``.
"""

from __future__ import annotations

import json
import os
import time

from harness.child.environment import records_root
from harness.run import versions
from harness.run.runner import Runner, RunSummary
from harness.snippet import discover


def _row(backend: str, jobs: int, cold: RunSummary, warm: RunSummary, warm_s: float) -> dict:
    ran = [o.record for o in cold.outcomes.values() if not o.cached and o.record.mode != "none"]
    code = sum(r.seconds for r in ran)
    wall = sum(r.wall_seconds for r in ran)
    limit = code / jobs
    return {
        "backend": backend,
        "snippets": len(ran),
        "elapsed_s": round(cold.wall_s, 1),
        "code_s": round(code, 1),
        "limit_s": round(limit, 1),
        "ratio": round(cold.wall_s / limit, 2) if limit else None,
        "overhead_s": round(wall - code, 1),
        "per_snippet_s": round((wall - code) / len(ran), 2) if ran else None,
        "imports_s": round(sum(cold.zygote_import_s), 1),
        "warm_ran": sum(not o.cached and o.record.mode != "none" for o in warm.outcomes.values()),
        "warm_s": round(warm_s, 1),
        "warm_zygotes": len(warm.zygote_import_s),
    }


def bench(jobs: int = 2) -> dict:
    backend = versions.backend()
    snippets = discover()
    cold_runner = Runner(jobs=jobs, force=True)
    try:
        cold = cold_runner.run(snippets)
    finally:
        cold_runner.close()
    started = time.perf_counter()
    warm_runner = Runner(jobs=jobs)
    try:
        warm = warm_runner.run(snippets)
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
        "| backend | snippets | snippet phase elapsed | snippet code | limit (code / workers) | ratio | "
        "process overhead | per snippet | zygote imports | warm: ran / s / zygotes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows.values():
        lines.append(
            f"| {r['backend']} | {r['snippets']} | {r['elapsed_s']} s | {r['code_s']} s | {r['limit_s']} s | "
            f"{r['ratio']} | {r['overhead_s']} s | {r['per_snippet_s']} s | {r['imports_s']} s | "
            f"{r['warm_ran']} / {r['warm_s']} s / {r['warm_zygotes']} |"
        )
    return "\n".join(lines) + "\n"
