"""The Keras 2 → 3 table cannot drift from what the suite verifies.

Each row names the snippet section that verifies it. The old API (first
column) and its replacement (second column) must both appear in that section,
so a row whose code changes or disappears fails here.
"""

from __future__ import annotations

import re

import pytest

from harness import DOCS_DIR, REPO_ROOT
from harness.snippet import parse

TABLE_PAGE = DOCS_DIR / "migration.md"
REF_RE = re.compile(r"snippets/[\w/]+\.py:[a-z][-_0-9a-z]*")
CODE_RE = re.compile(r"`([^`]+)`")


def rows():
    found = []
    for number, line in enumerate(TABLE_PAGE.read_text(encoding="utf-8").splitlines(), start=1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not REF_RE.search(line):
            continue
        found.append(pytest.param(cells, id=f"migration.md:{number}"))
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def section_source(ref: str) -> str:
    path, section = ref.split(":")
    snippet = parse(REPO_ROOT / path)
    assert section in snippet.sections, f"{ref}: no such section"
    info = snippet.sections[section]
    lines = snippet.path.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[info.start - 1 : info.end])


def test_the_table_has_rows():
    assert len(rows()) >= 20


@pytest.mark.parametrize("cells", rows())
def test_row_is_verified_by_its_snippet(cells):
    old, new, verified = cells[0], cells[1], cells[-1]
    refs = REF_RE.findall(verified)
    assert refs, "the last column must name snippets/<file>.py:<section>"
    source = _squash("\n".join(section_source(ref) for ref in refs))
    for column, text in (("old", old), ("new", new)):
        spans = [span.replace("...", "").replace("…", "") for span in CODE_RE.findall(text)]
        assert spans, f"the {column} column needs the API in `code`"
        missing = [span for span in spans if _squash(span) not in source]
        assert not missing, f"{column} API {missing} does not appear in {refs}"
