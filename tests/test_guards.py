"""Guards that keep pages and snippets honest.

Every snippet is used by a page; every include resolves; every code include is
followed by the output rendered from that very snippet and section; every
Python block a reader sees is either an included snippet or an inline block
that pytest-codeblocks executes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from harness import DOCS_DIR, REPO_ROOT
from harness.pages import PYTHON_LANGS, pages, scan
from harness.snippet import discover, parse

PAGES = pages()
SNIPPETS = discover()


def _where(page: Path, line: int) -> str:
    return f"{page.relative_to(REPO_ROOT)}:{line}"


def test_there_are_pages_and_snippets():
    assert PAGES and SNIPPETS


def test_every_snippet_is_used_by_a_page():
    used = {inc.path for page in PAGES for inc in scan(page)[0]}
    unused = [s.rel for s in SNIPPETS if s.rel not in used]
    assert not unused, f"snippets no page includes (delete them or show them): {unused}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_code_includes_resolve_and_carry_their_output(page):
    includes, _ = scan(page)
    problems = []
    for index, inc in enumerate(includes):
        if not inc.path.startswith("snippets/"):
            continue
        where = _where(page, inc.line)
        target = REPO_ROOT / inc.path
        if not target.is_file():
            problems.append(f"{where}: includes missing file {inc.path}")
            continue
        if inc.section and inc.section not in parse(target).sections:
            problems.append(f"{where}: {inc.path} has no section '{inc.section}'")
        if not inc.in_fence:
            problems.append(f"{where}: a snippet include must sit inside a ```python fence")
        stem = Path(inc.path).relative_to("snippets").with_suffix("").as_posix()
        expected = f"generated/{stem}/{inc.section or '_file'}.md"
        following = includes[index + 1] if index + 1 < len(includes) else None
        if following is None or following.path != expected:
            problems.append(f'{where}: must be followed by --8<-- "{expected}" (the output of that run)')
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_python_block_is_verified(page):
    """Titled blocks hold one include of the titled file; untitled ones run under pytest-codeblocks."""
    _, blocks = scan(page)
    problems = []
    text = page.read_text(encoding="utf-8")
    if "pytest-codeblocks:skip" in text or "pytest.mark.skip" in text:
        problems.append(f"{page.name}: skipping a code block would leave it unverified")
    for block in blocks:
        if block.lang not in PYTHON_LANGS:
            continue
        where = _where(page, block.line)
        title = re.search(r'title="([^"]+)"', block.info)
        body = [line for line in block.body if line.strip()]
        includes = [line for line in body if "--8<--" in line]
        if title:
            expected = title.group(1)
            if len(body) != 1 or len(includes) != 1 or f'"{expected}' not in includes[0]:
                problems.append(f"{where}: a titled python block must hold one include of {expected}")
        elif block.info != "python":
            problems.append(
                f"{where}: untitled python blocks must be plain ```python (pytest-codeblocks runs them)"
            )
        elif includes:
            problems.append(f'{where}: an include needs title="snippets/..." on its fence')
    assert not problems, "\n".join(problems)


def test_pages_are_flat_and_all_in_nav():
    """Rendered figures are linked as generated/...; that only resolves from top-level pages."""
    nested = [p.relative_to(DOCS_DIR).as_posix() for p in PAGES if p.parent != DOCS_DIR]
    assert not nested, f"pages must live directly in docs/: {nested}"
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)

    in_nav = set(walk(config["nav"]))
    missing = [p.name for p in PAGES if p.name not in in_nav]
    assert not missing, f"pages missing from nav in mkdocs.yml: {missing}"


def test_no_snippet_shadows_an_installed_module():
    """`python snippets/x/tensorboard.py` puts snippets/x first on sys.path, hiding the real package."""
    import importlib.util

    shadows = [s.rel for s in SNIPPETS if importlib.util.find_spec(s.path.stem) is not None]
    assert not shadows, f"rename these snippets, they share a name with an importable module: {shadows}"
