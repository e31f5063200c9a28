"""Tooltips for every page, from the 术语对照 table (one source for both)."""

from __future__ import annotations

from pathlib import Path

from harness import DOCS_DIR

GLOSSARY_PAGE = DOCS_DIR / "glossary.md"


def terms(glossary: Path = GLOSSARY_PAGE) -> dict[str, str]:
    """中文术语 -> API, from the two-column table of the glossary page."""
    found = {}
    for row in glossary.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("中文术语", "---") and row.strip().startswith("|"):
            found[cells[0]] = cells[1].replace("`", "")
    return found


def abbreviations(glossary: Path = GLOSSARY_PAGE) -> str:
    return "\n".join(f"*[{term}]: {api}" for term, api in terms(glossary).items()) + "\n"
