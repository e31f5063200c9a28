"""What the records say about each example, for the page: the stamp, the one-line summary, the report.

Records come from this machine's ``.records/`` and, for machines CI cannot reach
(a GPU), from the committed ``evidence/`` folder. A record is shown as passed
only while it is current (``harness.run.freshness``); otherwise it is 过期 (stale),
with the date it ran.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from harness import BACKENDS, DEVICES, EVIDENCE_DIR
from harness.protocol import Status
from harness.run.freshness import Freshness
from harness.run.records import Record, RecordStore
from harness.snippet import Snippet

STATUS_LABELS = {
    Status.PASSED: "通过",
    Status.FAILED: "失败",
    Status.TIMEOUT: "超时",
    Status.UNSUPPORTED: "不支持",
    Status.STALE: "过期",
    Status.MISSING: "未运行",
}
# Icons from the theme's own icon set (Material Design Icons, shipped with mkdocs-material),
# inlined as SVG: no emoji font needed (Debian's Chromium has none), no extension either.
STATUS_ICONS = {
    Status.PASSED: "check-circle",
    Status.FAILED: "close-circle",
    Status.TIMEOUT: "timer-alert-outline",
    Status.UNSUPPORTED: "minus-circle-outline",
    Status.STALE: "clock-alert-outline",
    Status.MISSING: "circle-outline",
}


@functools.cache
def icon(status: Status) -> str:
    import material  # the theme package

    svg = Path(material.__file__).parent / "templates" / ".icons" / "material" / f"{STATUS_ICONS[status]}.svg"
    return (
        svg.read_text(encoding="utf-8")
        .strip()
        .replace("<svg ", '<svg class="run-icon" aria-hidden="true" ', 1)
    )


BACKEND_NAMES = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}


def describe_run(record: Record) -> str:
    """The one wording of where and on what a record ran (stamp, hover text, notebook header)."""
    v = record.versions
    where = record.device + (f" ({record.machine})" if record.machine else "")
    return (
        f"Keras {v['keras']} · {BACKEND_NAMES.get(record.backend, record.backend)} {v['backend_version']} · "
        f"{where} · Python {v['python']} · {record.date} · {record.seconds:.1f} s"
    )


@dataclass(frozen=True)
class Cell:
    status: Status
    record: Record | None
    note: str  # the unsupported reason, or where a stale record came from

    def hover(self) -> str:
        label = STATUS_LABELS[self.status]
        if self.record is not None:
            label += " · " + describe_run(self.record)
        if self.note:
            label += " · " + self.note
        return label.replace('"', "'")


def load_cell(snippet: Snippet, backend: str, device: str, freshness: Freshness, same_machine: bool) -> Cell:
    reason = snippet.unsupported_reason(backend, device)
    if reason:
        return Cell(Status.UNSUPPORTED, None, reason)
    record = RecordStore(backend, device).load(snippet.stem)
    source = ""
    if record is None and (EVIDENCE_DIR / f"{backend}-{device}").is_dir():
        record = RecordStore(backend, device, root=EVIDENCE_DIR).load(snippet.stem)
        source, same_machine = "committed evidence", False
    status = freshness.verdict(record, snippet, same_machine=same_machine)
    if status == Status.UNSUPPORTED and record is not None and record.failure is not None:
        return Cell(status, record, record.failure.message)
    return Cell(status, record, source)


class Evidence:
    """Every record of every snippet: backend × device → Cell."""

    def __init__(self, snippets: list[Snippet], current_backend: str, evidence_dir: Path = EVIDENCE_DIR):
        self.cells: dict[str, dict[tuple[str, str], Cell]] = {}
        freshness = {(b, d): Freshness(b, d) for d in DEVICES for b in BACKENDS}
        for snippet in snippets:
            self.cells[snippet.rel] = {
                (b, d): load_cell(snippet, b, d, freshness[(b, d)], same_machine=(b == current_backend))
                for d in DEVICES
                for b in BACKENDS
            }

    def line(self, snippet: Snippet) -> str:
        """One compact line under an example: TensorFlow ✓ · JAX ✓ · PyTorch ✓ · GPU …"""
        cells = self.cells[snippet.rel]
        parts = []
        for backend in BACKENDS:
            cell = cells[(backend, "cpu")]
            label = BACKEND_NAMES[backend]
            parts.append(
                _span(
                    cell, label if cell.status == Status.PASSED else f"{label} {STATUS_LABELS[cell.status]}"
                )
            )
        gpu = [cells[(b, "gpu")] for b in BACKENDS]
        best = _gpu_summary(gpu)
        names = [BACKEND_NAMES[b] for b, c in zip(BACKENDS, gpu, strict=True) if c.status == best.status]
        gpu_label = "GPU " + STATUS_LABELS[best.status]
        if best.status in (Status.PASSED, Status.STALE) and best.record is not None:
            gpu_label += f"（{best.record.machine or 'GPU'} · {'、'.join(names)}）"
        parts.append(_span(best, gpu_label))
        return '<p class="run-line">CPU ' + " · ".join(parts) + "</p>\n"


def _gpu_summary(cells: list[Cell]) -> Cell:
    """The GPU part of the line: a failure first, then stale, then passed, then the rest."""
    for status in (Status.FAILED, Status.TIMEOUT, Status.STALE, Status.PASSED, Status.MISSING):
        for cell in cells:
            if cell.status == status:
                return cell
    return cells[0]


def _span(cell: Cell, label: str) -> str:
    return f'<span class="run-{cell.status.value}" title="{cell.hover()}">{icon(cell.status)}{label}</span>'


def report_page(evidence: Evidence, groups: list[tuple[str, str, list[Snippet]]]) -> str:
    """The 验证报告 matrix: one icon per backend × device, rows grouped by page, details on click.

    ``groups``: (page title, page URL relative to the report page, snippets shown there first).
    The filter is a checkbox and CSS (``:has``), so it needs no script.
    """
    columns = [(b, d) for d in DEVICES for b in BACKENDS]
    totals: dict[tuple[str, str], dict[Status, int]] = {c: {} for c in columns}
    head = "".join(f"<th>{BACKEND_NAMES[b]}<br><small>{d.upper()}</small></th>" for b, d in columns)
    rows = []
    for title, url, snippets in groups:
        link = f'<a href="{url}">{title}</a>'
        rows.append(f'<tr class="run-report-page"><th colspan="{len(columns) + 1}">{link}</th></tr>')
        for snippet in snippets:
            cells = evidence.cells[snippet.rel]
            problem = any(cells[c].status in (Status.FAILED, Status.TIMEOUT, Status.STALE) for c in columns)
            tds = []
            for column in columns:
                cell = cells[column]
                totals[column][cell.status] = totals[column].get(cell.status, 0) + 1
                tds.append(
                    f'<td class="run-{cell.status.value}"><details><summary title="{cell.hover()}">'
                    f'{icon(cell.status)}<span class="run-report-label">{STATUS_LABELS[cell.status]}</span>'
                    f"</summary>{cell.hover()}</details></td>"
                )
            name = snippet.rel.removeprefix("snippets/").removesuffix(".py")
            css = "run-report-row run-report-problem" if problem else "run-report-row"
            name = name.replace("/", "/<wbr>")  # break after a folder, never inside a name
            rows.append(f'<tr class="{css}"><td><code>{name}</code></td>{"".join(tds)}</tr>')
    summary = "".join(
        "<td>" + "<br>".join(f"{STATUS_LABELS[s]} {n}" for s, n in sorted(totals[c].items())) + "</td>"
        for c in columns
    )
    return (
        '<div class="run-report-tools"><input type="checkbox" id="run-report-problems">'
        '<label for="run-report-problems">只看失败与过期</label></div>\n'
        '<div class="run-report-wrap"><table class="run-report">\n'
        f"<thead><tr><th>例子</th>{head}</tr></thead>\n"
        f'<tbody>\n<tr class="run-report-total"><td>合计</td>{summary}</tr>\n'
        + "\n".join(rows)
        + "\n</tbody></table></div>\n"
    )
