"""Cross-backend agreement: do TensorFlow, JAX and PyTorch print the same numbers for an example?

Only current passing CPU records count (``harness.site.evidence.Evidence``, which judges them
with ``harness.run.freshness``); a backend that is stale, missing, failed or unsupported is
shown as such and left out of the comparison.

How numbers are lined up, per section (the whole file when a snippet has none):

1. The section's printed text is what its fragment shows (``output.printed``, machine paths
   removed), split into lines; blank lines are dropped.
2. When the backends print a different number of lines, the section's numbers are not
   compared: its structure differs (:attr:`Verdict.STRUCTURE`).
3. Otherwise line *i* is compared across backends when every backend has the same count of
   numbers on it; the words around the numbers may differ (``tf.Tensor(...)`` against
   ``Array(...)``). A line whose counts differ is *unaligned*, which also makes the structure
   differ.
4. Numbers are paired by position within the line.

A *number* is a decimal literal (sign, point and exponent allowed) that is not part of a
word or of a dotted version: not ``dense_4``, ``float32``, ``27ms`` (timings carry a unit and
drop out), ``0x7f``, ``2.21.0``.

Two printed numbers *a*, *b* differ by ``max(0, |a-b| - rounding) / max(|a|, |b|, FLOOR)``,
where ``rounding`` is half a unit in the last printed digit of each (``0.013`` stands for
anything in [0.0125, 0.0135]; integers are exact). An example agrees when every aligned pair
is within :data:`TOLERANCE`. A flagged example (numbers beyond the tolerance, or a structure
that differs) must have an explanation in ``docs/agreement-notes.yml``, or the render fails.
"""

from __future__ import annotations

import enum
import html
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from harness import BACKENDS, DOCS_DIR
from harness.protocol import Status
from harness.site import output
from harness.site.evidence import BACKEND_NAMES, STATUS_LABELS, Evidence
from harness.site.fragments import without_machine_paths
from harness.snippet import Snippet

TOLERANCE = 1e-3  # float32 with different kernels and summation orders stays far below this
FLOOR = 0.1  # below this magnitude a difference is measured against 0.1: 1e-6 vs 3e-5 is noise
TOLERANCE_TEXT = f"{TOLERANCE:.1%}"
NOTES_FILE = DOCS_DIR / "agreement-notes.yml"
PAGE_URL = "agreement.md"  # pages are flat under docs/, so fragments link to it like this
WHOLE_FILE = "_file"

_NUMBER = re.compile(
    r"(?<![\w.])(?P<text>-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(?!\w|\.\d)",
    re.ASCII,
)


_REASON_NAME = re.compile(r"[a-z0-9-]+")


class Verdict(enum.Enum):
    AGREE = "一致"
    DIFFER = "超出容差"
    STRUCTURE = "输出结构不同"
    NO_NUMBERS = "没有可比的数字"
    TOO_FEW = "不足两个后端"

    @property
    def flagged(self) -> bool:
        return self in (Verdict.DIFFER, Verdict.STRUCTURE)


@dataclass(frozen=True)
class Number:
    text: str
    value: float
    rounding: float  # half a unit in the last printed digit; 0 for an integer

    @classmethod
    def parse(cls, text: str) -> Number:
        mantissa, _, exponent = text.lower().partition("e")
        digits = len(mantissa.partition(".")[2])
        if "." not in mantissa and not exponent:
            return cls(text, float(text), 0.0)
        return cls(text, float(text), 0.5 * 10.0 ** (int(exponent or 0) - digits))


def numbers(line: str) -> tuple[Number, ...]:
    return tuple(Number.parse(m["text"]) for m in _NUMBER.finditer(line))


def difference(a: Number, b: Number) -> float:
    """Relative difference of two printed numbers, rounding taken off, with an absolute floor."""
    excess = max(0.0, abs(a.value - b.value) - a.rounding - b.rounding)
    return excess / max(abs(a.value), abs(b.value), FLOOR)


@dataclass(frozen=True)
class LineComparison:
    texts: tuple[str, ...]  # one per compared backend
    numbers: tuple[tuple[Number, ...], ...]

    @property
    def aligned(self) -> bool:
        return len({len(n) for n in self.numbers}) == 1

    @property
    def count(self) -> int:
        return len(self.numbers[0]) if self.aligned else 0

    @property
    def differences(self) -> tuple[float, ...]:
        """Per position: the largest difference between any two backends."""
        if not self.aligned:
            return ()
        return tuple(
            max(difference(a, b) for a, b in itertools.combinations(column, 2))
            for column in zip(*self.numbers, strict=True)
        )

    @property
    def largest(self) -> float:
        return max(self.differences, default=0.0)


@dataclass(frozen=True)
class SectionComparison:
    name: str
    line_counts: tuple[int, ...]  # one per compared backend
    lines: tuple[LineComparison, ...]  # empty when the line counts differ

    @classmethod
    def of(cls, name: str, texts: tuple[str, ...]) -> SectionComparison:
        split = [[ln for ln in text.splitlines() if ln.strip()] for text in texts]
        counts = tuple(len(lines) for lines in split)
        if len(set(counts)) != 1:
            return cls(name, counts, ())
        return cls(
            name,
            counts,
            tuple(LineComparison(row, tuple(numbers(t) for t in row)) for row in zip(*split, strict=True)),
        )

    @property
    def aligned(self) -> bool:
        return len(set(self.line_counts)) == 1 and all(line.aligned for line in self.lines)

    @property
    def count(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def largest(self) -> float:
        return max((line.largest for line in self.lines), default=0.0)

    @property
    def flagged(self) -> bool:
        return not self.aligned or self.largest > TOLERANCE


@dataclass(frozen=True)
class ExampleAgreement:
    snippet: str  # repository-relative path
    backends: tuple[str, ...]  # the backends whose current passing records were compared
    left_out: tuple[tuple[str, Status], ...]  # the others, with why
    sections: tuple[SectionComparison, ...]

    @property
    def count(self) -> int:
        return sum(s.count for s in self.sections)

    @property
    def largest(self) -> float:
        return max((s.largest for s in self.sections), default=0.0)

    @property
    def verdict(self) -> Verdict:
        if len(self.backends) < 2:
            return Verdict.TOO_FEW
        if not all(s.aligned for s in self.sections):
            return Verdict.STRUCTURE
        if self.largest > TOLERANCE:
            return Verdict.DIFFER
        return Verdict.AGREE if self.count else Verdict.NO_NUMBERS

    @property
    def anchor(self) -> str:
        return "agreement-" + self.snippet.removeprefix("snippets/").removesuffix(".py").replace("/", "-")


def section_texts(snippet: Snippet, records: dict, repo_root: str) -> list[tuple[str, tuple[str, ...]]]:
    """(section name, printed text per backend) as the fragments show it; the whole file without sections."""
    ordered = snippet.ordered_sections()
    ranges = [(s.name, (s.start, s.end), s is ordered[-1]) for s in ordered] or [(WHOLE_FILE, None, True)]
    return [
        (
            name,
            tuple(without_machine_paths(output.printed(r, lines, last), repo_root) for r in records.values()),
        )
        for name, lines, last in ranges
    ]


def compare(snippet: Snippet, evidence: Evidence, repo_root: str) -> ExampleAgreement:
    cells = evidence.cells[snippet.rel]
    records = {b: cells[(b, "cpu")].record for b in BACKENDS if cells[(b, "cpu")].status == Status.PASSED}
    left_out = tuple((b, cells[(b, "cpu")].status) for b in BACKENDS if b not in records)
    sections = ()
    if len(records) >= 2:
        sections = tuple(SectionComparison.of(n, t) for n, t in section_texts(snippet, records, repo_root))
    return ExampleAgreement(snippet.rel, tuple(records), left_out, sections)


def load_notes(path: Path = NOTES_FILE) -> dict[str, str]:
    """snippet path -> explanation; a value naming one of ``reasons`` stands for that reason's text."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    reasons = data.get("reasons") or {}
    notes = {}
    for rel, text in (data.get("examples") or {}).items():
        if _REASON_NAME.fullmatch(text) and text not in reasons:
            raise ValueError(f"{path.name}: {rel} names reason {text!r}, which reasons does not define")
        # YAML block text, written one clause a line: Chinese joins lines without a space
        notes[rel] = "".join(line.strip() for line in reasons.get(text, text).splitlines())
    return notes


def _percent(value: float) -> str:
    if value == 0:
        return "0"
    if value < 1e-4:
        return f"{value:.1e}"
    return f"{value:.2%}" if value < 0.1 else f"{value:.0%}"


class Agreement:
    """Every example's comparison, the explanations, the page and the flags on example pages."""

    def __init__(self, snippets: list[Snippet], evidence: Evidence, repo_root: str, notes: dict[str, str]):
        self.examples = {s.rel: compare(s, evidence, repo_root) for s in snippets}
        self.notes = notes

    def problems(self) -> list[str]:
        missing = [
            f"{rel}: its numbers differ between backends ({a.verdict.value}, largest "
            f"{_percent(a.largest)}) and {NOTES_FILE.name} does not explain why"
            for rel, a in self.examples.items()
            if a.verdict.flagged and rel not in self.notes
        ]
        unknown = [
            f"{NOTES_FILE.name} names {rel}, which is not a snippet"
            for rel in self.notes
            if rel not in self.examples
        ]
        return missing + unknown

    def flag(self, snippet: Snippet, section: str | None) -> str:
        """A collapsed note under a fragment whose numbers differ between backends (empty when they agree);
        it starts with a blank line, to end the raw HTML evidence line it follows."""
        example = self.examples[snippet.rel]
        if not example.verdict.flagged:
            return ""
        if section is not None and not any(s.flagged for s in example.sections if s.name == section):
            return ""
        note = self.notes.get(snippet.rel, "")
        size = f"（最大相对差 {_percent(example.largest)}，容差 {TOLERANCE_TEXT}）" if example.largest else ""
        return (
            f'\n??? info "跨后端对照：{example.verdict.value}{size}"\n\n'
            f"    {note} [各后端逐行对照]({PAGE_URL}#{example.anchor})\n"
        )

    def page(self, groups: list[tuple[str, str, list[Snippet]]]) -> str:
        """The table: grouped by page, one row per example, the side-by-side numbers collapsed under it."""
        head = "<tr><th>例子</th><th>比较的数字</th><th>最大相对差</th><th>结论</th></tr>"
        rows = []
        for title, url, snippets in groups:
            rows.append(f'<tr class="agreement-page"><th colspan="4"><a href="{url}">{title}</a></th></tr>')
            for snippet in snippets:
                rows += self._rows(self.examples[snippet.rel])
        totals = {}
        for example in self.examples.values():
            totals[example.verdict] = totals.get(example.verdict, 0) + 1
        summary = "，".join(f"{v.value} {totals[v]} 个" for v in Verdict if v in totals)
        return (
            f"容差：相对差 {TOLERANCE_TEXT}（绝对值小于 {FLOOR} 的数按 {FLOOR} 计），"
            "已扣除打印时的舍入。"
            f"共 {len(self.examples)} 个例子：{summary}。\n\n"
            f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n"
        )

    def _rows(self, example: ExampleAgreement) -> list[str]:
        name = example.snippet.removeprefix("snippets/").removesuffix(".py").replace("/", "/<wbr>")
        left_out = "".join(
            f"<br><small>{BACKEND_NAMES[b]} {STATUS_LABELS[s]}，未参与</small>" for b, s in example.left_out
        )
        verdict = example.verdict.value
        if example.verdict.flagged:
            verdict = f"<strong>{verdict}</strong>"
            note = self.notes.get(example.snippet)
            verdict += f"<br><small>{html.escape(note)}</small>" if note else ""
        compared = len(example.backends) >= 2
        rows = [
            f'<tr id="{example.anchor}"><td><code>{name}</code>{left_out}</td>'
            f"<td>{example.count if compared else '—'}</td>"
            f"<td>{_percent(example.largest) if compared else '—'}</td><td>{verdict}</td></tr>"
        ]
        if compared and (example.count or not all(s.aligned for s in example.sections)):
            rows.append(f'<tr class="agreement-details"><td colspan="4">{self._details(example)}</td></tr>')
        return rows

    def _details(self, example: ExampleAgreement) -> str:
        heads = "".join(f"<th>{BACKEND_NAMES[b]}</th>" for b in example.backends)
        body = []
        for section in example.sections:
            label = "整个文件" if section.name == WHOLE_FILE else section.name
            if len(set(section.line_counts)) != 1:
                counts = "".join(f"<td>{n} 行</td>" for n in section.line_counts)
                body.append(f"<tr><td><code>{label}</code></td>{counts}<td>行数不同，未比较</td></tr>")
                continue
            for line in section.lines:
                if not any(line.numbers):
                    continue
                cells = "".join("<td>" + ", ".join(n.text for n in nums) + "</td>" for nums in line.numbers)
                diff = _percent(line.largest) if line.aligned else "数字个数不同，未比较"
                if not line.aligned or line.largest > TOLERANCE:
                    diff = f"<strong>{diff}</strong>"
                body.append(f"<tr><td><code>{label}</code></td>{cells}<td>{diff}</td></tr>")
        return (
            "<details><summary>逐行对照</summary>\n"
            f"<table><thead><tr><th>段</th>{heads}<th>相对差</th></tr></thead><tbody>\n"
            + "\n".join(body)
            + "\n</tbody></table></details>"
        )
