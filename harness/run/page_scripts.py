"""A page's kernel sessions as scripts the runner executes like snippets.

Each session of ``harness.site.page_plan`` becomes one generated file under
``.records/page-scripts/<page>/session-<n>.py``: the session's cells in page order,
then the same cells again (a reader pressing "Run All" twice in one kernel). The
sessions of a page run one after another in one working folder, each in its own
process, so files written by an earlier session are there, variables are not.

Three lines emulate what a Jupyter kernel does and ``python file.py`` does not:
the working folder is importable, ``__main__`` has no ``__file__`` (so a process
started with multiprocessing's spawn does not run the notebook's code again, as it
would run a script's: two DDP workers re-ran an earlier cell's ``save_weights``
and collided on the file's lock), and ``%%writefile NAME`` writes a cell to NAME.
Nothing else is added to the code the page shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from harness import BACKENDS, PAGE_SCRIPTS_DIR
from harness.site.page_plan import Cell, PagePlan
from harness.snippet import Snippet, parse

PASSES = 2  # the second pass is the notebook re-run rule
KERNEL = (
    "import os as _kernel_os, sys as _kernel_sys\n"
    "_kernel_sys.path.insert(0, _kernel_os.getcwd())  # 像 Jupyter 一样：notebook 所在的文件夹可以 import\n"
    "del __file__  # 像 Jupyter 一样：spawn 出的子进程不会重新运行 notebook 的代码\n"
)
LOCATION_RE = re.compile(r":(?P<line>\d+)$")


@dataclass(frozen=True)
class CellSpan:
    cell: Cell
    run: int  # 1: first run, 2: the re-run
    start: int  # first script line of the cell (1-based)
    end: int


@dataclass
class SessionScript:
    page: str  # docs/<page>.md
    index: int  # 1-based
    path: Path
    text: str
    spans: list[CellSpan]

    @property
    def snippet(self) -> Snippet:
        return parse(self.path)

    def first_run(self) -> list[CellSpan]:
        return [span for span in self.spans if span.run == 1]

    def locate(self, location: str) -> str:
        """A failure's script line, told as the page block it came from."""
        match = LOCATION_RE.search(location)
        line = int(match["line"]) if match else 0
        for span in self.spans:
            if span.start <= line <= span.end:
                shown = span.cell.snippet.rel + (f" [{span.cell.section}]" if span.cell.section else "")
                run = "第一次运行" if span.run == 1 else "第二次运行（notebook 重跑）"
                return f"{span.cell.where} ({shown}, {run}, 该块第 {line - span.start + 1} 行)"
        return f"{self.page} session {self.index}"


def cell_source(cell: Cell) -> str:
    """What runs for a cell: its code, or writing it to the file it is saved as."""
    if cell.save_as:
        text = cell.code + "\n"
        return f"open({cell.save_as!r}, 'w', encoding='utf-8').write({text!r})  # %%writefile {cell.save_as}"
    return cell.code


def session_scripts(plan: PagePlan, root: Path = PAGE_SCRIPTS_DIR) -> list[SessionScript]:
    page = f"docs/{plan.page.name}"
    folder = root / plan.stem
    scripts = []
    for index, session in enumerate(plan.sessions, start=1):
        path = folder / f"session-{index}.py"
        head = [f'"""{page}, kernel session {index}: generated from the page; do not edit."""']
        unique = {cell.snippet.rel: cell.snippet for cell in session.cells}
        timeout = PASSES * sum(s.timeout_s for s in unique.values())
        head.append(f"# harness: timeout={timeout}")
        fresh = [s.fresh_process for s in unique.values() if s.fresh_process]
        if fresh:
            head.append(f"# harness: fresh-process -- {fresh[0]}")
        if session.backends != BACKENDS:
            reasons = "; ".join(sorted({s.backends_reason for s in unique.values() if s.backends_reason}))
            head.append(f"# harness: backends={','.join(session.backends)} -- {reasons}")
        head += [f"# harness: requires=session-{earlier}.py" for earlier in range(1, index)]
        lines = [*head, *KERNEL.splitlines()]
        spans = []
        for run in range(1, PASSES + 1):
            for cell in session.cells:
                shown = f"{cell.snippet.rel} [{cell.section or '整个文件'}]"
                lines.append(f"# ---- {cell.where} · {shown} · run {run}")
                source = cell_source(cell).splitlines()
                spans.append(CellSpan(cell, run, len(lines) + 1, len(lines) + len(source)))
                lines.extend(source)
        scripts.append(SessionScript(page, index, path, "\n".join(lines) + "\n", spans))
    return scripts


def write(scripts: list[SessionScript]) -> None:
    """Write the scripts whose text changed (an unchanged file keeps its cache key anyway)."""
    for script in scripts:
        script.path.parent.mkdir(parents=True, exist_ok=True)
        if not script.path.exists() or script.path.read_text(encoding="utf-8") != script.text:
            script.path.write_text(script.text, encoding="utf-8")


def all_pages(names: list[str] | None = None) -> list[list[SessionScript]]:
    """The sessions of every page that shows examples (or of the pages named), written to disk."""
    from harness.site.page_plan import plan
    from harness.site.pages import pages

    chosen = [p for p in pages() if not names or p.name in names or f"docs/{p.name}" in names]
    found = []
    for page in chosen:
        scripts = session_scripts(plan(page))
        if scripts:
            write(scripts)
            found.append(scripts)
    return found


def runs_in_session(scripts: list[SessionScript], backend: str) -> bool:
    """Does this backend's test session run the page? TensorFlow runs every page; the others
    only pages with a session TensorFlow cannot run, so each session runs in one test session."""
    return backend == "tensorflow" or any("tensorflow" not in s.snippet.backends for s in scripts)


def report(scripts: list[SessionScript], records: list) -> list[str]:
    """One line per session that did not pass, told as the page block it stopped at."""
    lines = []
    for script, record in zip(scripts, records, strict=True):
        if record.failed:
            where = script.locate(record.failure.location) if record.failure else script.page
            message = record.failure.message if record.failure else record.status
            lines.append(f"{where}: {record.failure.kind if record.failure else ''}: {message}")
    return lines
