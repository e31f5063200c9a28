"""The 常见报错 index (docs/errors.md) as data: which entry shows which snippet section.

The drift report uses it to name the entries whose error text changed on keras-nightly;
tests/test_errors_index.py uses the same patterns to check the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from harness import DOCS_DIR

ERRORS_PAGE = DOCS_DIR / "errors.md"
HEADING_RE = re.compile(r"^### (?P<text>.+?) \{#(?P<id>[a-z0-9][-a-z0-9]*)\}\s*$")
INCLUDE_RE = re.compile(
    r'^--8<-- "generated/errors/(?P<file>[a-z0-9_]+)/(?P<section>[a-z0-9][-_a-z0-9]*)\.md"$'
)


@dataclass(frozen=True)
class ErrorEntry:
    heading: str  # as written in Markdown (backslash escapes kept, so it renders as the error text)
    anchor: str


def entries_by_section(page: Path = ERRORS_PAGE) -> dict[tuple[str, str], ErrorEntry]:
    """(snippet path, section name) -> the entry whose include shows that section."""
    found: dict[tuple[str, str], ErrorEntry] = {}
    current: ErrorEntry | None = None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = HEADING_RE.match(line)
            current = ErrorEntry(heading["text"], heading["id"]) if heading else None
        elif current is not None and (include := INCLUDE_RE.match(line.strip())):
            found[(f"snippets/errors/{include['file']}.py", include["section"])] = current
    return found
