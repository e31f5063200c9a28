"""What a reader copies from a page, in page order: cells, grouped into kernel sessions.

A page's notebook is made of exactly the code the page shows, one cell per shown
example section. Cells run in one Python process (one Jupyter kernel) until the
page says to start a new one; a new session starts where

* an example ``requires`` another script: the harness verified it in a separate
  process after that script, in the same folder (files on disk stay, variables go);
* an example needs a brand-new interpreter (``# harness: fresh-process``) or a process
  in which the earlier cells never ran (``# harness: new-session``);
* an example cannot run on the backends of the session so far (a JAX-only example
  after TensorFlow-only ones: a new kernel with another ``KERAS_BACKEND``).

A snippet that other snippets of its folder ``import`` is a module file: the page
asks the reader to save it under its name, and the notebook writes it
(``%%writefile``) before it is imported.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from harness import BACKENDS, REPO_ROOT
from harness.site.pages import examples
from harness.snippet import DIRECTIVE_RE, SECTION_RE, Snippet, discover


@dataclass(frozen=True)
class Cell:
    snippet: Snippet
    section: str | None  # None: the whole file
    where: str  # docs/<page>.md:<line> of the include
    code: str  # as the page shows it, without harness directive comments
    lines: tuple[int, int] | None  # the snippet lines it shows (None: the whole file)
    save_as: str | None = None  # a module file the reader saves under this name


@dataclass
class Session:
    """Cells that run in one Python process, top to bottom."""

    cells: list[Cell] = field(default_factory=list)
    backends: tuple[str, ...] = BACKENDS
    why_new: str = ""  # why the reader starts a new process here (empty for the first session)


@dataclass
class PagePlan:
    page: Path
    title: str
    sessions: list[Session]

    @property
    def stem(self) -> str:
        return self.page.stem


@cache
def _snippets_by_rel() -> dict[str, Snippet]:
    return {s.rel: s for s in discover()}


@cache
def module_files() -> frozenset[str]:
    """Snippets imported by name from a sibling snippet: files a reader saves, not runs."""
    by_folder: dict[Path, dict[str, Snippet]] = {}
    for snippet in _snippets_by_rel().values():
        by_folder.setdefault(snippet.path.parent, {})[snippet.path.stem] = snippet
    modules = set()
    for snippet in _snippets_by_rel().values():
        siblings = by_folder[snippet.path.parent]
        for node in ast.walk(ast.parse(snippet.source())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module.split(".")[0]]
            modules.update(siblings[n].rel for n in names if n in siblings and siblings[n] is not snippet)
    return frozenset(modules)


def _code(snippet: Snippet, section: str | None) -> str:
    if section is not None:
        return snippet.section_text(section)
    kept = [
        line
        for line in snippet.lines()
        if not DIRECTIVE_RE.match(line.strip()) and not SECTION_RE.search(line)  # markers, not code
    ]
    return "\n".join(kept).strip("\n")


def new_process_reason(snippet: Snippet, modules: frozenset[str] | None = None) -> str:
    """Why this example runs in a new Python process wherever it is shown (empty if it does not)."""
    modules = module_files() if modules is None else modules
    if snippet.fresh_process:
        return f"这一步要在一个全新的 Python 进程里运行：{snippet.fresh_process}"
    if snippet.new_session:
        return f"这一步要在一个新的 Python 进程里运行：{snippet.new_session}"
    required = [p for p in snippet.requires if p.relative_to(REPO_ROOT).as_posix() not in modules]
    if required:
        names = "、".join(f"`{p.name}`" for p in required)
        return f"`{snippet.path.name}` 是在 {names} 运行完之后、在同一个文件夹里的另一个 Python 进程中验证的"
    return ""


def _why_new(snippet: Snippet, current: Session, modules: frozenset[str]) -> str:
    reason = new_process_reason(snippet, modules)
    if reason:
        return reason
    if current.cells and not set(snippet.backends) & set(current.backends):
        backends = "、".join(snippet.backends)
        return f"`{snippet.path.name}` 只在 {backends} 后端上运行：{snippet.backends_reason}"
    return ""


def plan(page: Path, title: str = "") -> PagePlan:
    by_rel, modules = _snippets_by_rel(), module_files()
    sessions = [Session()]
    started: set[str] = set()  # a snippet opens a new session at its first shown section only
    for include in examples(page):
        rel, section = include.example
        snippet = by_rel.get(rel)
        if snippet is None or (section is not None and section not in snippet.sections):
            continue  # the page guard reports includes of missing snippets and sections
        if snippet.devices == ("gpu",):
            continue  # GPU-only examples show no code until a GPU ran them (see render)
        current = sessions[-1]
        why = _why_new(snippet, current, modules) if rel not in started else ""
        if why and current.cells:  # the first session is a fresh kernel anyway
            current = Session(why_new=why)
            sessions.append(current)
        started.add(rel)
        current.backends = tuple(b for b in current.backends if b in snippet.backends)
        span = (snippet.sections[section].start, snippet.sections[section].end) if section else None
        current.cells.append(
            Cell(
                snippet=snippet,
                section=section,
                where=include.where,
                code=_code(snippet, section),
                lines=span,
                save_as=snippet.path.name if rel in modules else None,
            )
        )
    return PagePlan(page, title or page.stem, [s for s in sessions if s.cells])
