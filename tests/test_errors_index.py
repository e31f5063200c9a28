"""The 常见报错 index (docs/errors.md) cannot drift from what the snippets assert.

Every ``### `` heading is an exception type and an exact error text (or an exact prefix of it).
Right below it: a 修复 line, a 详见 link to the page that explains it, and the one-line include of the
snippet section that triggers the error. The heading text, with Markdown's backslash escapes removed,
must occur in a string literal of that very section, and the section must assert something; the
heading must also render as exactly that text (escapes are there so that ``__init__`` or a trailing
``{...}`` are not eaten by Markdown).

The recorded output (that the run printed this text) is checked by the harness once records carry
section output; this test checks the source side without running anything.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
import pytest

from harness.site.errors_index import HEADING_RE, INCLUDE_RE, entries_by_section

REPO_ROOT = Path(__file__).resolve().parents[1]
DOCS = REPO_ROOT / "docs"
PAGE = DOCS / "errors.md"
SNIPPETS = REPO_ROOT / "snippets" / "errors"
MIN_ENTRIES = 30

ERROR_TEXT_RE = re.compile(r"^[A-Z][A-Za-z0-9_]*(Error|Exception|Warning|Exit|Interrupt): \S")
FIX_RE = re.compile(r"^(\*\*)?修复[：:]")
SEE_RE = re.compile(r"^(\*\*)?详见[：:].*?\]\((?P<page>[-a-z0-9_]+\.md)(#(?P<anchor>[^)\s]+))?\)")
LINK_RE = re.compile(r"\]\((?P<page>[-a-z0-9_]+\.md)(#(?P<anchor>[^)\s]+))?\)")
SECTION_RE = re.compile(r"#\s*-+8<-+\s*\[\s*(start|end)\s*:\s*([a-z][-_0-9a-z]*)\s*\]")
MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")


@dataclass
class Entry:
    line: int
    raw: str  # the heading as written, without "### " and the {#id}
    id: str
    body: list[str]

    @property
    def text(self) -> str:
        """The error text the heading stands for: Markdown backslash escapes removed."""
        return MARKDOWN_ESCAPE_RE.sub(r"\1", self.raw)

    @property
    def where(self) -> str:
        return f"docs/errors.md:{self.line}"


def entries() -> list[Entry]:
    found: list[Entry] = []
    current: Entry | None = None
    for number, line in enumerate(PAGE.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("### "):
            match = HEADING_RE.match(line)
            raw, anchor = (match["text"], match["id"]) if match else (line[4:], "")
            current = Entry(number, raw, anchor, [])
            found.append(current)
        elif line.startswith("#"):
            current = None  # a # or ## heading closes the entry above it
        elif current is not None:
            current.body.append(line)
    return found


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["toc", "attr_list", "admonition", "md_in_html"])


@cache
def anchors(page: str) -> frozenset[str]:
    """The heading ids mkdocs gives a page (default toc slugs, or explicit { #id })."""
    md = _markdown()
    md.convert((DOCS / page).read_text(encoding="utf-8"))

    def walk(tokens):
        for token in tokens:
            yield token["id"]
            yield from walk(token["children"])

    return frozenset(walk(md.toc_tokens))


@cache
def section_source(file: str, section: str) -> str | None:
    path = SNIPPETS / f"{file}.py"
    if not path.is_file():
        return None
    lines, start = path.read_text(encoding="utf-8").splitlines(), None
    for index, line in enumerate(lines):
        marker = SECTION_RE.search(line)
        if marker and marker.group(2) == section:
            if marker.group(1) == "start":
                start = index + 1
            elif start is not None:
                return "\n".join(lines[start:index])
    return None


def string_literals(source: str) -> list[str]:
    """Every str constant in the code, implicit concatenation joined, f-string parts included."""
    return [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def include_of(entry: Entry) -> re.Match | None:
    includes = [m for m in (INCLUDE_RE.match(line.strip()) for line in entry.body) if m]
    return includes[0] if len(includes) == 1 else None


ENTRIES = entries()


def test_there_are_enough_entries():
    assert len(ENTRIES) >= MIN_ENTRIES, (
        f"docs/errors.md has {len(ENTRIES)} entries, expected >= {MIN_ENTRIES}"
    )


def test_ids_are_unique():
    ids = [entry.id for entry in ENTRIES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id or str(e.line))
def test_entry(entry: Entry):
    problems = []
    if not entry.id:
        problems.append("heading must end in an explicit anchor ' {#some-id}'")
    if not ERROR_TEXT_RE.match(entry.text):
        problems.append(f"heading must start with an exception type and ': ', got {entry.text!r}")

    # The heading renders as the error text (no emphasis, no swallowed {...}, no HTML).
    md = _markdown()
    md.convert(f"### {entry.raw} {{#{entry.id}}}\n")
    (token,) = md.toc_tokens
    rendered = html.unescape(token["name"])
    if rendered != entry.text.replace("`", "") or token["id"] != entry.id:
        problems.append(
            f"heading renders as {rendered!r} (id {token['id']!r}); escape it to read as the text"
        )

    body = [line.strip() for line in entry.body if line.strip()]
    if not any(FIX_RE.match(line) for line in body):
        problems.append("missing a '修复：...' line")
    see = [m for m in (SEE_RE.match(line) for line in body) if m]
    if not see:
        problems.append("missing a '详见：[page](page.md#anchor)' line")
    for match in see:
        page, anchor = match["page"], match["anchor"]
        if page == PAGE.name or not (DOCS / page).is_file():
            problems.append(f"详见 links to {page}, which is not another page in docs/")
        elif anchor and anchor not in anchors(page):
            problems.append(f"详见 links to {page}#{anchor}, but {page} has no such heading id")

    include = include_of(entry)
    if include is None:
        problems.append('needs exactly one --8<-- "generated/errors/<file>/<section>.md" below the heading')
    else:
        source = section_source(include["file"], include["section"])
        if source is None:
            problems.append(f"snippets/errors/{include['file']}.py has no section '{include['section']}'")
        else:
            if not any(entry.text in literal for literal in string_literals(source)):
                problems.append(
                    f"the text {entry.text!r} is not in any string literal of "
                    f"snippets/errors/{include['file']}.py:{include['section']}"
                )
            if not re.search(r"^\s*assert\b", source, re.MULTILINE):
                problems.append(f"snippets/errors/{include['file']}.py:{include['section']} asserts nothing")
    assert not problems, f"{entry.where}: " + "\n  ".join(problems)


def test_every_errors_section_is_shown_once_in_file_order():
    """Readers copy a file's sections top to bottom; the page must show them all, in that order."""
    shown: dict[str, list[str]] = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = INCLUDE_RE.match(line.strip())
        if match:
            shown.setdefault(match["file"], []).append(match["section"])
    problems = []
    for path in sorted(SNIPPETS.glob("*.py")):
        markers = SECTION_RE.finditer(path.read_text(encoding="utf-8"))
        in_file = [m.group(2) for m in markers if m.group(1) == "start"]
        if shown.get(path.stem) != in_file:
            problems.append(f"{path.name}: file order {in_file}, page shows {shown.get(path.stem)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", ["errors.md", "pitfalls.md"])
def test_links_to_other_pages_resolve(page):
    problems = []
    for number, line in enumerate((DOCS / page).read_text(encoding="utf-8").splitlines(), start=1):
        for match in LINK_RE.finditer(line):
            target, anchor = match["page"], match["anchor"]
            if not (DOCS / target).is_file():
                problems.append(f"docs/{page}:{number}: {target} does not exist")
            elif anchor and anchor not in anchors(target):
                problems.append(f"docs/{page}:{number}: {target} has no heading id '{anchor}'")
    assert not problems, "\n".join(problems)


def test_the_drift_report_can_name_every_entry():
    """The 版本漂移 page names an entry whose text changed on nightly by this map: it must know every one."""
    mapped = {entry.anchor for entry in entries_by_section().values()}
    assert mapped == {entry.id for entry in entries()}
