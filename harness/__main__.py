"""Command line: ``python -m harness run|render|prefetch``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from harness import snippet as snippet_mod


def _select(paths: list[str]):
    snippets = snippet_mod.discover()
    if not paths:
        return snippets
    wanted = {Path(p).resolve() for p in paths}
    chosen = [s for s in snippets if s.path in wanted or any(w in s.path.parents for w in wanted)]
    if not chosen:
        sys.exit(f"no snippet matches {paths}")
    return chosen


def cmd_run(args) -> int:
    from harness.run.report import print_summary
    from harness.run.runner import Runner

    runner = Runner(device=args.device, jobs=args.jobs, spawn_all=args.spawn, force=args.force)
    try:
        summary = runner.run(_select(args.paths))
    finally:
        runner.close()
    print_summary(summary, sys.stdout)
    bad = [o for o in summary.outcomes.values() if o.record.failed]
    return 1 if bad else 0


def cmd_pages(args) -> int:
    from harness.run import page_scripts
    from harness.run.runner import Runner

    runner = Runner(jobs=args.jobs, force=args.force)
    try:
        results = runner.run_pages(page_scripts.all_pages(args.pages))
    finally:
        runner.close()
    bad = 0
    for page, outcomes in sorted(results.items()):
        records = [o.record for o in outcomes]
        scripts = next(s for s in page_scripts.all_pages([page]))
        problems = page_scripts.report(scripts, records)
        bad += bool(problems)
        states = ", ".join(
            f"{r.status}{' (cached)' if o.cached else ''} {r.seconds:.0f}s"
            for r, o in zip(records, outcomes, strict=True)
        )
        print(f"{page}: {states}")
        for line in problems:
            print("  " + line)
    return 1 if bad else 0


def cmd_render(args) -> int:
    from harness.site.render import render_all

    written = render_all(device=args.device, allow_missing=args.allow_missing)
    print(f"rendered {written} fragments into docs/generated/")
    return 0


def cmd_build(args) -> int:
    from harness.site.build import mkdocs_build
    from harness.site.render import render_all

    render_all()
    return mkdocs_build(Path(args.site_dir), capture=False).returncode


def cmd_build_page(args) -> int:
    from harness.site.build import build_page

    return build_page(Path(args.page))


def cmd_drift(args) -> int:
    from harness.run.drift import write_report

    write_report()
    return 0


def cmd_bench(args) -> int:
    from harness.run.bench import bench

    bench(jobs=args.jobs)
    return 0


def cmd_prefetch(args) -> int:
    from harness.run.prefetch import prefetch

    return prefetch()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m harness")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run snippets (cached) and store their records")
    run.add_argument("paths", nargs="*", help="snippet files or folders (default: all)")
    run.add_argument("--device", choices=["cpu", "gpu"], default="cpu")
    run.add_argument("--jobs", type=int, default=2)
    run.add_argument("--spawn", action="store_true", help="a new interpreter per snippet (no fork)")
    run.add_argument("--force", action="store_true", help="ignore cached records")
    run.set_defaults(func=cmd_run)
    pages = sub.add_parser("pages", help="run each page's code in page order, as a notebook would (cached)")
    pages.add_argument("pages", nargs="*", help="docs/<name>.md (default: every page with examples)")
    pages.add_argument("--jobs", type=int, default=2)
    pages.add_argument("--force", action="store_true", help="ignore cached records")
    pages.set_defaults(func=cmd_pages)
    render = sub.add_parser("render", help="write page fragments from records")
    render.add_argument("--device", choices=["cpu", "gpu"], default="cpu")
    render.add_argument(
        "--allow-missing", action="store_true", help="skip snippets without a current passing record"
    )
    render.set_defaults(func=cmd_render)
    build = sub.add_parser("build", help="render from records, then mkdocs build --strict")
    build.add_argument("--site-dir", default="site")
    build.set_defaults(func=cmd_build)
    page = sub.add_parser("build-page", help="strict-build a single page (for writing one page)")
    page.add_argument("page", help="docs/<name>.md")
    page.set_defaults(func=cmd_build_page)
    drift = sub.add_parser("drift", help="compare keras-nightly records with the pinned ones")
    drift.set_defaults(func=cmd_drift)
    bench = sub.add_parser("bench", help="a cold and a warm pass, written to .records/bench.md")
    bench.add_argument("--jobs", type=int, default=2)
    bench.set_defaults(func=cmd_bench)
    prefetch = sub.add_parser("prefetch", help="download the real assets into the Keras cache")
    prefetch.set_defaults(func=cmd_prefetch)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
