"""Turn records into everything the pages include: fragments, figures, notebooks, report pages.

For every snippet ``snippets/<stem>.py`` this writes ``docs/generated/<stem>/<section>.md``
for each section and ``_file.md`` for the whole file (see ``harness.site.fragments``),
plus its figures, the ``.py`` and an executed ``.ipynb``. Nothing here is typed by
hand: a snippet without a current passing record stops the render, and so the build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from harness import BACKENDS, EVIDENCE_DIR, GENERATED_DIR, REPO_ROOT
from harness.protocol import Status
from harness.run import page_scripts, versions
from harness.run.freshness import Freshness
from harness.run.records import Record, RecordStore
from harness.site import agreement, fragments, notebook, page_notebook, page_plan
from harness.site.drift_page import render_markdown as drift_markdown
from harness.site.evidence import Evidence, report_page
from harness.site.glossary import abbreviations
from harness.site.pages import FILE_FRAGMENT, examples, nav_pages, pages
from harness.snippet import Snippet, discover

OTHER_BACKEND_PENDING = (
    '!!! gpu-pending "这个例子只在 {backends} 后端上运行，构建本站的机器上还没有它的记录"\n\n'
    "    本站只展示运行过的代码：先运行 `nox -s tests`（它最后才运行 TensorFlow 会话并构建站点），\n"
    "    或在 CI 里由各后端作业上传记录。\n"
)


class RenderError(RuntimeError):
    pass


GPU_PENDING = (
    '!!! gpu-pending "这个例子只在 GPU 上运行，还没有 GPU 记录"\n\n'
    "    本站只展示运行过的代码：这个例子要等它在 GPU 上跑过一次、\n"
    "    记录提交到 `evidence/` 之后才会出现在这里。\n"
)


def primary_record(snippet: Snippet, device: str) -> tuple[Record | None, RecordStore | None, str]:
    """The record whose output the page shows: the current backend's first, then the others,
    then committed evidence; each must be current for the code (the current backend's also
    for the installed versions)."""
    current = versions.backend()
    device = "gpu" if snippet.devices == ("gpu",) else device
    order = [current] + [b for b in BACKENDS if b != current]
    stores = [(b, RecordStore(b, device), b == current) for b in order]
    stores += [(b, RecordStore(b, device, root=EVIDENCE_DIR), False) for b in order]
    problem = "no record yet"
    for backend, store, same_machine in stores:
        if snippet.unsupported_reason(backend, device):
            continue
        record = store.load(snippet.stem)
        if record is None:
            continue
        verdict = Freshness(backend, device).verdict(record, snippet, same_machine=same_machine)
        if verdict == Status.PASSED:
            return record, store, ""
        if verdict == Status.STALE:
            problem = f"{backend} record is stale (code, environment or versions changed since it ran)"
        elif verdict != Status.UNSUPPORTED:
            problem = f"last {backend} run {verdict}: {record.failure_report().splitlines()[0]}"
    return None, None, problem


def _page_groups(snippets: list[Snippet]) -> list[tuple[str, str, list[Snippet]]]:
    """Snippets grouped by the first page (in nav order) that shows them."""
    in_nav = nav_pages()
    by_rel = {s.rel: s for s in snippets}
    seen: set[str] = set()
    groups = []
    ordered = sorted(pages(), key=lambda p: in_nav.index(p.name) if p.name in in_nav else len(in_nav))
    for page in ordered:
        shown = []
        for include in examples(page):
            rel = include.example[0]
            if rel in by_rel and rel not in seen:
                seen.add(rel)
                shown.append(by_rel[rel])
        if shown:
            groups.append((_title(page), f"../{page.stem}/", shown))
    rest = [s for s in snippets if s.rel not in seen]
    if rest:
        groups.append(("没有页面展示的例子", "../", rest))
    return groups


NOTEBOOK_PENDING = (
    '!!! info "本页的 notebook 还没有生成"\n\n'
    "    它由测试套件按页面顺序运行本页代码后生成：`python -m harness pages`。\n"
)


def render_page_notebooks(device: str, out_dir: Path, allow_missing: bool) -> list[str]:
    """Each page's executed notebook and the line that links to it; problems where a session
    has no current passing record."""
    folder = out_dir / page_notebook.NOTEBOOKS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / page_notebook.META_FILE).write_text(page_notebook.FOLDER_META, encoding="utf-8")
    problems = []
    for page in pages():
        scripts = page_scripts.session_scripts(page_plan.plan(page))
        if not scripts:
            continue
        page_scripts.write(scripts)  # their records are judged against these files
        runs, missing, elsewhere = [], [], False
        for script in scripts:
            record, store, problem = primary_record(script.snippet, device)
            runs.append((record, store))
            if record is None:
                missing.append(f"docs/{page.name} session {script.index}: {problem}")
                elsewhere |= versions.backend() not in script.snippet.backends
        if missing:
            # like an example that runs only on another backend: pending until that session ran
            problems += [] if allow_missing or elsewhere else missing
            (folder / f"{page.stem}.md").write_text(NOTEBOOK_PENDING, encoding="utf-8")
            continue
        plan = page_plan.plan(page)
        notebook = page_notebook.build(
            _title(page), f"../../../{page.stem}/", scripts, runs, [s.why_new for s in plan.sessions]
        )
        nbformat.write(notebook, folder / f"{page.stem}.ipynb")
        fragment = page_notebook.link_fragment(page.stem, len(scripts))
        (folder / f"{page.stem}.md").write_text(fragment, encoding="utf-8")
    return problems


def _title(page: Path) -> str:
    heading = (ln for ln in page.read_text(encoding="utf-8").splitlines() if ln.startswith("# "))
    return next(heading, "# " + page.stem)[2:].strip()


def render_all(device: str = "cpu", out_dir: Path = GENERATED_DIR, allow_missing: bool = False) -> int:
    problems = []
    snippets = discover()
    evidence = Evidence(snippets, versions.backend())
    repo_root = str(REPO_ROOT)
    agree = agreement.Agreement(snippets, evidence, repo_root, agreement.load_notes())
    shutil.rmtree(out_dir, ignore_errors=True)
    written = 0
    for snippet in snippets:
        folder = out_dir / snippet.stem
        folder.mkdir(parents=True, exist_ok=True)
        record, store, problem = primary_record(snippet, device)
        pending = None
        if record is None and snippet.devices == ("gpu",):
            pending = GPU_PENDING  # the render rule for GPU-only examples: no code until a GPU ran it
        elif record is None and versions.backend() not in snippet.backends:
            pending = OTHER_BACKEND_PENDING.format(backends="、".join(snippet.backends))
            print(f"not rendered yet (no record from {', '.join(snippet.backends)}): {snippet.rel}")
        if pending:
            for name in [FILE_FRAGMENT, *snippet.sections]:
                (folder / f"{name}.md").write_text(pending, encoding="utf-8")
            continue
        if record is None:
            problems.append(f"{snippet.rel}: {problem}")
            continue
        for figure in record.figures:
            shutil.copyfile(store.files_dir(snippet.stem) / figure["file"], folder / figure["file"])
        shutil.copyfile(snippet.path, folder / snippet.path.name)
        executed = notebook.build(snippet, record, store.files_dir(snippet.stem))
        nbformat.write(executed, folder / f"{snippet.path.stem}.ipynb")
        line = evidence.line(snippet)
        ordered = snippet.ordered_sections()
        for section in ordered:
            under = line + agree.flag(snippet, section.name)  # the evidence line, and a flag if it differs
            body = fragments.fragment(snippet, record, section, section is ordered[-1], under, repo_root)
            (folder / f"{section.name}.md").write_text(body, encoding="utf-8")
            written += 1
        whole = fragments.fragment(snippet, record, None, True, line + agree.flag(snippet, None), repo_root)
        (folder / f"{FILE_FRAGMENT}.md").write_text(whole, encoding="utf-8")
        written += 1
    problems += render_page_notebooks(device, out_dir, allow_missing)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "_report.md").write_text(report_page(evidence, _page_groups(snippets)), encoding="utf-8")
    (out_dir / "_agreement.md").write_text(agree.page(_page_groups(snippets)), encoding="utf-8")
    problems += agree.problems()  # a flagged example must say why its numbers differ
    (out_dir / "_abbreviations.md").write_text(abbreviations(), encoding="utf-8")
    (out_dir / "_drift.md").write_text(drift_markdown(), encoding="utf-8")
    if problems and allow_missing:
        print("not rendered (pages that include these will not build):\n  " + "\n  ".join(problems))
    elif problems:
        raise RenderError(
            "cannot render pages without verified output; run `nox -s tests` "
            "(or `python -m harness run`) first:\n  " + "\n  ".join(problems)
        )
    return written
