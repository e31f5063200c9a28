"""The Keras 2 → 3 table cannot drift from what the suite verifies.

Each row names the snippet sections that verify it (the 验证 column):

* the old API (first column) and its replacement (second column) must both
  appear in those sections as code that runs (a line that only appears in a
  comment does not count), so a row whose code changes or disappears fails;
* the result column (今天执行旧写法) is checked too: every `code` span in it
  must appear in those sections as code too, every exception or warning class it names
  must be used as code there (an ``except``, ``isinstance`` or warning-category
  check, not just a printed word), and a cell that names none must say the old
  line still runs (不报错 / 仍可用 / 只…).

The tf_keras column names sections under ``snippets/tf_keras/`` that run the
same old line under tf_keras (verbatim, or with the package name ``keras``
spelled ``tf_keras``; comments do not count). Each such section prints exactly one kind of verdict,
``print("tf_keras: OK", ...)`` or ``print("tf_keras: FAILS", ...)``, and the
cell's first word must agree: 能 for OK, 不能 for FAILS. A FAILS section must
catch exactly the exceptions the cell names (no more, no fewer) and raise
``AssertionError`` when the old line does not fail; an OK section runs the old line unguarded (no ``except``),
so the snippet itself fails if the line stops working.
"""

from __future__ import annotations

import io
import re
import tokenize

import pytest

from harness import DOCS_DIR, REPO_ROOT, SNIPPETS_DIR
from harness.snippet import parse

TABLE_PAGE = DOCS_DIR / "migration.md"
REF_RE = re.compile(r"snippets/[\w/]+\.py:[a-z][-_0-9a-z]*")
CODE_RE = re.compile(r"`([^`]+)`")
CLASS_RE = re.compile(r"\b[A-Z]\w*(?:Error|Warning|Exception)\b")
VERDICT_RE = re.compile(r"""print\(\s*["']tf_keras: (OK|FAILS)["']""")
STILL_RUNS = ("不报错", "仍可用", "只")  # result cells that name no exception must say the line runs

COLUMNS = {
    "old": "Keras 2（原笔记）",
    "new": "Keras 3",
    "result": "今天执行旧写法",
    "tf_keras": "tf_keras 下原样能否运行",
    "verified": "验证",
}
TF_KERAS_DIR = "snippets/tf_keras/"
VERDICT_FOR = {"OK": "能", "FAILS": "不能"}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table() -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """Column index by name, and (line number, cells) for every row that names a snippet."""
    lines = TABLE_PAGE.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("|") and COLUMNS["old"] in line)
    names = _cells(lines[header])
    index = {key: names.index(title) for key, title in COLUMNS.items()}
    found = []
    for number, line in enumerate(lines[header + 2 :], start=header + 3):
        if not line.startswith("|"):
            break
        cells = _cells(line)
        if REF_RE.search(line):
            assert len(cells) == len(names), f"line {number}: {len(cells)} cells, {len(names)} titles"
            found.append((number, cells))
    return index, found


INDEX, ROWS = _table()


def rows():
    return [pytest.param(cells, id=f"migration.md:{number}") for number, cells in ROWS]


def cell(cells: list[str], column: str) -> str:
    return cells[INDEX[column]]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _spans(text: str) -> list[str]:
    return [span.replace("...", "").replace("…", "") for span in CODE_RE.findall(text)]


def section_source(ref: str) -> str:
    path, section = ref.split(":")
    snippet = parse(REPO_ROOT / path)
    assert section in snippet.sections, f"{ref}: no such section"
    info = snippet.sections[section]
    lines = snippet.path.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[info.start - 1 : info.end])


def code_names(source: str) -> set[str]:
    """Identifiers used as code: names inside strings and comments do not count."""
    names = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source + "\n").readline):
            if token.type == tokenize.NAME:
                names.add(token.string)
    except (tokenize.TokenError, IndentationError) as error:  # a section is a whole statement list
        raise AssertionError(f"cannot tokenize the section: {error}") from error
    return names


def without_comments(source: str) -> str:
    """The section's code and strings; a line that only appears in a comment was not run."""
    tokens = tokenize.generate_tokens(io.StringIO(source + "\n").readline)
    return tokenize.untokenize(token for token in tokens if token.type != tokenize.COMMENT)


def as_tf_keras(span: str) -> str:
    """The old line with only the package renamed, as ``import tf_keras`` code spells it."""
    return re.sub(r"(?<![\w.])keras\b", "tf_keras", span)


def verdicts(source: str) -> set[str]:
    return set(VERDICT_RE.findall(source))


def test_the_table_has_rows():
    assert len(ROWS) >= 20


@pytest.mark.parametrize("cells", rows())
def test_row_is_verified_by_its_snippet(cells):
    refs = REF_RE.findall(cell(cells, "verified"))
    assert refs, "the 验证 column must name snippets/<file>.py:<section>"
    code = _squash(without_comments("\n".join(section_source(ref) for ref in refs)))
    for column in ("old", "new"):
        spans = _spans(cell(cells, column))
        assert spans, f"the {column} column needs the API in `code`"
        missing = [span for span in spans if _squash(span) not in code]
        assert not missing, f"{column} API {missing} is not run in {refs} (comments do not count)"


@pytest.mark.parametrize("cells", rows())
def test_result_column_matches_its_snippet(cells):
    result = cell(cells, "result")
    refs = REF_RE.findall(cell(cells, "verified"))
    raw = "\n".join(section_source(ref) for ref in refs)
    code = _squash(without_comments(raw))
    missing = [span for span in _spans(result) if _squash(span) not in code]
    assert not missing, f"the result column mentions {missing}, which {refs} never run"
    classes = set(CLASS_RE.findall(result))
    unused = sorted(classes - code_names(raw))
    assert not unused, f"the result column names {unused}, but {refs} never catch or check them"
    if not classes:
        assert result.startswith(STILL_RUNS), (
            f"the result column names no exception, so it must say the old line still runs: {result!r}"
        )


@pytest.mark.parametrize("cells", rows())
def test_tf_keras_column_matches_its_snippet(cells):
    text = cell(cells, "tf_keras")
    refs = REF_RE.findall(text)
    assert refs, "the tf_keras column must name snippets/tf_keras/<file>.py:<section>"
    assert all(ref.startswith(TF_KERAS_DIR) for ref in refs), f"{refs}: the evidence lives in {TF_KERAS_DIR}"
    claim = text.split("<br>")[0]
    said = "不能" if claim.startswith("不能") else "能" if claim.startswith("能") else None
    assert said, f"the tf_keras column starts with 能 or 不能: {claim!r}"
    sources = {ref: section_source(ref) for ref in refs}
    raw = "\n".join(sources.values())
    source = _squash(raw)

    code = _squash(without_comments(raw))
    old = _spans(cell(cells, "old"))
    missing = [s for s in old if _squash(s) not in code and _squash(as_tf_keras(s)) not in code]
    assert not missing, f"old API {missing} is not run in {refs} (verbatim, or with keras spelled tf_keras)"
    missing = [s for s in _spans(claim) if _squash(s) not in source]
    assert not missing, f"the tf_keras column mentions {missing}, which {refs} never show"

    for ref, section in sources.items():
        found = verdicts(section)
        assert len(found) == 1, f'{ref} must print one kind of verdict: "tf_keras: OK" or "tf_keras: FAILS"'
        (verdict,) = found
        assert said == VERDICT_FOR[verdict], f"{ref} prints tf_keras: {verdict}, but the cell says {claim!r}"
        if verdict == "FAILS":
            assert "raise AssertionError" in section, f"{ref} must fail when the old line stops failing"
        else:
            guarded = re.search(r"^\s*except\b", section, re.M)
            assert not guarded, f"{ref} says OK, so the old line must run unguarded (no except)"

    classes = set(CLASS_RE.findall(claim))
    if said == "不能":
        assert classes, "a 不能 cell names the exception the old line raises under tf_keras"
        caught = {name for name in code_names(raw) if CLASS_RE.fullmatch(name)} - {"AssertionError"}
        assert classes == caught, f"the cell names {sorted(classes)}, but {refs} catch {sorted(caught)}"
    unused = sorted(classes - code_names(raw))
    assert not unused, f"the tf_keras column names {unused}, but {refs} never catch them"


def test_every_tf_keras_verdict_is_in_the_table():
    cited = {ref for _, cells in ROWS for ref in REF_RE.findall(cell(cells, "tf_keras"))}
    for path in sorted((SNIPPETS_DIR / "tf_keras").glob("*.py")):
        snippet = parse(path)
        for name in snippet.sections:
            ref = f"{snippet.rel}:{name}"
            if verdicts(section_source(ref)):
                assert ref in cited, f"{ref} prints a tf_keras verdict that no row of migration.md cites"
