"""Guards that keep pages and snippets honest.

Every snippet is shown by a page; every example a page shows exists; no line a
snippet executes is hidden from its page; a page shows a snippet's sections in
file order (so copying the page's blocks in order runs); every other Python block
on a page is an inline block that pytest-codeblocks executes.
"""

from __future__ import annotations

import ast
import importlib.util

import pytest

from harness import DOCS_DIR
from harness.site.pages import PYTHON_LANGS, examples, nav_pages, pages, scan
from harness.snippet import discover

PAGES = pages()
SNIPPETS = {s.rel: s for s in discover()}


def shown() -> dict[str, set[str | None]]:
    """snippet path -> the sections some page shows (None: the whole file)."""
    found: dict[str, set[str | None]] = {}
    for page in PAGES:
        for include in examples(page):
            rel, section = include.example
            found.setdefault(rel, set()).add(section)
    return found


def test_there_are_pages_and_snippets():
    assert PAGES and SNIPPETS


def test_every_snippet_is_shown_by_a_page():
    unused = sorted(set(SNIPPETS) - set(shown()))
    assert not unused, f"snippets no page shows (delete them or show them): {unused}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_example_a_page_shows_exists(page):
    problems = []
    for include in examples(page):
        rel, section = include.example
        if rel not in SNIPPETS:
            problems.append(f"{include.where}: shows {include.target}, but there is no {rel}")
        elif section is not None and section not in SNIPPETS[rel].sections:
            problems.append(f"{include.where}: {rel} has no section '{section}'")
        elif include.in_fence:
            problems.append(f"{include.where}: an example include stands on its own line, outside any fence")
    for include in scan(page)[0]:
        if include.target.startswith("snippets/"):
            problems.append(
                f"{include.where}: include the example's fragment (generated/...), not the snippet"
            )
    assert not problems, "\n".join(problems)


def executed_lines(snippet) -> list[int]:
    """Lines of every top-level statement, the module docstring excepted (it is the file's title)."""
    body = ast.parse(snippet.path.read_text(encoding="utf-8")).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return sorted({n for node in body for n in range(node.lineno, node.end_lineno + 1)})


@pytest.mark.parametrize("rel", sorted(SNIPPETS))
def test_no_line_a_snippet_executes_is_hidden_from_its_pages(rel):
    snippet, sections = SNIPPETS[rel], shown().get(rel, set())
    if None in sections:
        return  # the whole file is shown
    visible = set()
    for name in sections & set(snippet.sections):
        section = snippet.sections[name]
        visible.update(range(section.start, section.end + 1))
    hidden = [f"{rel}:{n}" for n in executed_lines(snippet) if n not in visible]
    assert not hidden, (
        "executed but shown on no page (put it in a shown section, e.g. a 'setup' one):\n" + "\n".join(hidden)
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_shows_each_snippets_sections_in_file_order(page):
    last: dict[str, tuple[int, str]] = {}
    problems = []
    for include in examples(page):
        rel, section = include.example
        if rel not in SNIPPETS or section is None or section not in SNIPPETS[rel].sections:
            continue
        start = SNIPPETS[rel].sections[section].start
        if rel in last and start < last[rel][0]:
            problems.append(
                f"{include.where}: '{section}' of {rel} comes before '{last[rel][1]}' in the file"
            )
        last[rel] = (start, section)
    assert not problems, "copying the page in order would run these out of order:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_other_python_block_runs_under_pytest_codeblocks(page):
    _, blocks = scan(page)
    problems = []
    text = page.read_text(encoding="utf-8")
    if "pytest-codeblocks:skip" in text or "pytest.mark.skip" in text:
        problems.append(f"{page.name}: skipping a code block would leave it unverified")
    for block in blocks:
        if block.lang in PYTHON_LANGS and block.info != "python":
            problems.append(
                f"docs/{page.name}:{block.line}: a python block on a page is plain ```python "
                "(pytest-codeblocks runs it); show snippets through their generated fragment"
            )
    assert not problems, "\n".join(problems)


def test_pages_are_flat_and_all_in_nav():
    """Rendered figures are linked as generated/...; that only resolves from top-level pages."""
    nested = [p.relative_to(DOCS_DIR).as_posix() for p in PAGES if p.parent != DOCS_DIR]
    assert not nested, f"pages must live directly in docs/: {nested}"
    in_nav = set(nav_pages())
    missing = [p.name for p in PAGES if p.name not in in_nav]
    assert not missing, f"pages missing from nav in mkdocs.yml: {missing}"


def test_no_snippet_shadows_an_installed_module():
    """`python snippets/x/tensorboard.py` puts snippets/x first on sys.path, hiding the real package."""
    shadows = [rel for rel, s in SNIPPETS.items() if importlib.util.find_spec(s.path.stem) is not None]
    assert not shadows, f"rename these snippets, they share a name with an importable module: {shadows}"
