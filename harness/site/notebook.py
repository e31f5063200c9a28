"""An executed .ipynb for each snippet: its cells are the snippet's sections, with the recorded outputs."""

from __future__ import annotations

import base64
from pathlib import Path

import nbformat

from harness.run.records import Record
from harness.site import output
from harness.site.evidence import describe_run
from harness.snippet import DIRECTIVE_RE, SECTION_RE, Snippet


def _cells_ranges(snippet: Snippet, total_lines: int) -> list[tuple[int, int]]:
    """Contiguous line ranges (1-based, inclusive): each section, and the code between sections."""
    ranges, cursor = [], 1
    for section in sorted(snippet.sections.values(), key=lambda s: s.start):
        if section.start - 1 > cursor:
            ranges.append((cursor, section.start - 2))  # code before the start marker
        ranges.append((section.start, section.end))
        cursor = section.end + 2  # skip the end marker
    if cursor <= total_lines:
        ranges.append((cursor, total_lines))
    return ranges


def build(snippet: Snippet, record: Record, figures_dir: Path) -> nbformat.NotebookNode:
    lines = snippet.path.read_text(encoding="utf-8").splitlines()
    ranges = _cells_ranges(snippet, len(lines))
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells.append(
        nbformat.v4.new_markdown_cell(
            f"`{snippet.rel}` — 由 Keras 实战笔记的测试套件执行：{describe_run(record)}"
        )
    )
    for index, (start, end) in enumerate(ranges):
        last = index == len(ranges) - 1
        source = [
            line
            for line in lines[start - 1 : end]
            if not SECTION_RE.search(line) and not DIRECTIVE_RE.match(line.strip())
        ]
        code = "\n".join(source).strip("\n")
        if not code:
            continue

        cell = nbformat.v4.new_code_cell(code, execution_count=index + 1)
        text = output.printed(record, (start, end), last)
        if text:
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=text + "\n"))
        for figure in output.figures(record, (start, end), last):
            path = figures_dir / figure["file"]
            if path.suffix == ".png":
                data = {"image/png": base64.b64encode(path.read_bytes()).decode("ascii")}
                cell.outputs.append(nbformat.v4.new_output("display_data", data=data))
        notebook.cells.append(cell)
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # nbformat draws random ids: the same record must give the same file
    return notebook
