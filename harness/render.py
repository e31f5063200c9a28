"""Turn records into the Markdown fragments pages include under each code block.

For every snippet ``snippets/<stem>.py`` this writes
``docs/generated/<stem>/<section>.md`` for each section and ``_file.md`` for the
whole file, plus the figures. A page shows an example as::

    ```python title="snippets/quickstart/regression.py"
    --8<-- "snippets/quickstart/regression.py:train"
    ```

    --8<-- "generated/quickstart/regression/train.md"

Nothing here is typed by hand: a snippet without a passing record for the
current code and versions stops the render, and so the site build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from harness import DOCS_DIR, GENERATED_DIR, notebook, output
from harness.records import BACKENDS, DEVICES, Record, RecordStore
from harness.runner import Runner
from harness.snippet import Snippet, discover

STATUS_LABELS = {
    "passed": "通过",
    "failed": "失败",
    "timeout": "超时",
    "unsupported": "不支持",
    "stale": "代码已改，待重跑",
    "missing": "未运行",
}

LONG_OUTPUT_LINES = 25
KEPT_LINES = 4  # of a collapsed long output: the end of a training log is what readers look for
FILE_FRAGMENT = "_file"


class RenderError(RuntimeError):
    pass


def stamp(record: Record) -> str:
    v = record.versions
    return (
        f"已验证 · Keras {v['keras']} · {record.backend} {v['backend_version']} · "
        f"{record.device} · Python {v['python']} · {record.date} · {record.seconds:.1f} s"
    )


class Matrix:
    """Every record of one snippet: backend × device → status, for badges and the report."""

    def __init__(self, snippet: Snippet, source_key: str):
        self.snippet = snippet
        self.source_key = source_key
        self.cells: dict[tuple[str, str], tuple[str, Record | None, str]] = {}
        for device in DEVICES:
            for backend in BACKENDS:
                self.cells[(backend, device)] = self._cell(backend, device)

    def _cell(self, backend: str, device: str) -> tuple[str, Record | None, str]:
        reason = self.snippet.unsupported_reason(backend, device)
        if reason:
            return "unsupported", None, reason
        record = RecordStore(backend, device).load(self.snippet.stem)
        if record is None:
            return "missing", None, ""
        if record.source_key != self.source_key:
            return "stale", record, ""
        return record.status, record, ""


def _title(record: Record | None, note: str) -> str:
    if record is None:
        return note
    v = record.versions
    return (
        f"Keras {v['keras']} · {record.backend} {v['backend_version']} · Python {v['python']} · "
        f"{record.date} · {record.seconds:.1f} s"
    )


def badges(matrix: Matrix) -> str:
    spans = []
    for (backend, device), (status, record, note) in matrix.cells.items():
        label = f"{backend} · {device.upper()} · {STATUS_LABELS[status]}"
        if status == "passed":
            label += f" · {record.seconds:.1f} s"
        title = _title(record, note).replace('"', "'")
        spans.append(f'<span class="run-badge run-{status}" title="{title}">{label}</span>')
    return f'<p class="run-matrix">{" ".join(spans)}</p>\n'


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.splitlines())


def _text_block(text: str) -> str:
    return _indent("```text\n" + text + "\n```")


def output_block(text: str) -> str:
    """Short output open; long output collapsed, with its last lines kept in view."""
    lines = text.splitlines()
    if len(lines) <= LONG_OUTPUT_LINES:
        return f'!!! output "输出"\n\n{_text_block(text)}\n'
    tail = "\n".join(lines[-KEPT_LINES:])
    return (
        f'!!! output "输出（最后 {KEPT_LINES} 行）"\n\n{_text_block(tail)}\n\n'
        f'??? output "完整输出（共 {len(lines)} 行，点击展开）"\n\n{_text_block(text)}\n'
    )


def fragment(
    snippet: Snippet, record: Record, lines: tuple[int, int] | None, last: bool, matrix: Matrix | None = None
) -> str:
    """Output, figures, stand-in notice and stamp for a line range (None: whole file)."""

    text = output.printed(record, lines, last)
    parts = [output_block(text)] if text else []
    for figure in output.figures(record, lines, last):
        src = f"generated/{snippet.stem}/{figure['file']}"
        parts.append(f"![{snippet.path.name} 运行生成的图]({src}){{ .snippet-figure loading=lazy }}\n")
    for fname, note in sorted(record.standins.items()):
        parts.append(f'??? standin "输出来自替身数据：{fname}"\n\n{_indent(note)}\n')
    name = snippet.path.stem
    base = f"generated/{snippet.stem}/{name}"
    # Markdown links (not raw HTML) so MkDocs rewrites them relative to each page's URL
    downloads = (
        f" · [{name}.py]({base}.py){{ download }} · [{name}.ipynb（含输出）]({base}.ipynb){{ download }}"
    )
    parts.append(f'<p class="verified-stamp" markdown>{stamp(record)}{downloads}</p>\n')
    if matrix is not None:
        parts.append(badges(matrix))
    # outputs, stamps and badges repeat on every page: keep them out of the search index
    return '<div class="snippet-run" data-search-exclude markdown="1">\n\n' + "\n".join(parts) + "\n</div>\n"


def primary_record(snippet: Snippet, runner: Runner, device: str) -> tuple[Record | None, str]:
    """The record whose output the page shows: the current backend first, then the others.

    The current backend's record must match code AND installed versions; another
    backend's record (made in another environment) must match the code.
    """
    order = [runner.backend] + [b for b in BACKENDS if b != runner.backend]
    problem = "no record yet"
    for backend in order:
        if snippet.unsupported_reason(backend, device):
            continue
        record = RecordStore(backend, device).load(snippet.stem)
        if record is None:
            continue
        if not record.passed:
            problem = f"last {backend} run {record.status}: {record.failure_report().splitlines()[0]}"
            continue
        current = record.key == runner.key_for(snippet) if backend == runner.backend else True
        if record.source_key != runner.source_key_for(snippet) or not current:
            problem = f"{backend} record is stale (code or versions changed since it ran)"
            continue
        return record, ""
    return None, problem


def render_all(device: str = "cpu", out_dir: Path = GENERATED_DIR, allow_missing: bool = False) -> int:
    runner = Runner(device=device)
    problems, matrices = [], []
    snippets = discover()
    shutil.rmtree(out_dir, ignore_errors=True)
    written = 0
    for snippet in snippets:
        matrix = Matrix(snippet, runner.source_key_for(snippet))
        matrices.append(matrix)
        record, problem = primary_record(snippet, runner, device)
        if record is None:
            problems.append(f"{snippet.rel}: {problem}")
            continue
        store = RecordStore(record.backend, device)
        folder = out_dir / snippet.stem
        folder.mkdir(parents=True, exist_ok=True)
        for figure in record.figures:
            shutil.copyfile(store.files_dir(snippet.stem) / figure["file"], folder / figure["file"])
        shutil.copyfile(snippet.path, folder / snippet.path.name)
        executed = notebook.build(snippet, record, store.files_dir(snippet.stem))
        nbformat.write(executed, folder / f"{snippet.path.stem}.ipynb")
        ordered = sorted(snippet.sections.values(), key=lambda s: s.start)
        for section in ordered:
            is_last = section is ordered[-1]
            body = fragment(snippet, record, (section.start, section.end), is_last, matrix)
            (folder / f"{section.name}.md").write_text(body, encoding="utf-8")
            written += 1
        whole = fragment(snippet, record, None, True, matrix)
        (folder / f"{FILE_FRAGMENT}.md").write_text(whole, encoding="utf-8")
        written += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "_report.md").write_text(report_table(matrices), encoding="utf-8")
    from harness.drift import render_markdown

    (out_dir / "_abbreviations.md").write_text(abbreviations(), encoding="utf-8")
    (out_dir / "_drift.md").write_text(render_markdown(), encoding="utf-8")
    if problems and allow_missing:
        print("not rendered (pages that include these will not build):\n  " + "\n  ".join(problems))
    elif problems:
        raise RenderError(
            "cannot render pages without verified output; run `nox -s tests` "
            "(or `python -m harness run`) first:\n  " + "\n  ".join(problems)
        )
    return written


def report_table(matrices: list[Matrix]) -> str:
    """The 验证报告 page: every snippet × backend × device."""
    columns = [(b, d) for d in DEVICES for b in BACKENDS]
    header = "| 例子 | " + " | ".join(f"{b} · {d.upper()}" for b, d in columns) + " |"
    lines = [header, "|" + " --- |" * (len(columns) + 1)]
    totals = {column: {} for column in columns}
    for matrix in sorted(matrices, key=lambda m: m.snippet.rel):
        cells = []
        for column in columns:
            status, record, note = matrix.cells[column]
            totals[column][status] = totals[column].get(status, 0) + 1
            text = STATUS_LABELS[status]
            if record is not None and status == "passed":
                v = record.versions
                text += f"<br><small>{record.seconds:.1f} s · Keras {v['keras']} · {v['backend_version']}"
                text += f" · {record.date}</small>"
            elif note:
                text += f"<br><small>{note}</small>"
            cells.append(text)
        lines.append(f"| `{matrix.snippet.rel}` | " + " | ".join(cells) + " |")
    summary = [
        "| 合计 | "
        + " | ".join(
            "<br>".join(f"{STATUS_LABELS[k]} {n}" for k, n in sorted(totals[c].items())) for c in columns
        )
        + " |"
    ]
    return "\n".join(lines[:2] + summary + lines[2:]) + "\n"


def abbreviations(glossary: Path = DOCS_DIR / "glossary.md") -> str:
    """Tooltips for every page, from the 术语对照 table (one source for both)."""
    lines = []
    for row in glossary.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("中文术语", "---"):
            api = cells[1].replace("`", "")
            lines.append(f"*[{cells[0]}]: {api}")
    return "\n".join(lines) + "\n"
