"""The site builds with --strict from verified records, and broken includes break it."""

from __future__ import annotations

import re
import textwrap

import pytest

from harness import REPO_ROOT
from harness.site.build import mkdocs_build


@pytest.mark.site
def test_site_builds_strict_from_verified_records(built_site):
    page = (built_site / "quickstart" / "index.html").read_text(encoding="utf-8")
    assert "已验证 · Keras" in page, "the quickstart page must carry its verification stamp"
    assert "test accuracy" in page, "the quickstart page must show the run's printed output"
    assert "generated/quickstart/regression/figure-1.png" in page, "the regression figure must be on the page"
    assert (built_site / "generated" / "quickstart" / "regression" / "regression.ipynb").is_file()


@pytest.mark.parametrize(
    "target, message",
    [
        ("generated/quickstart/regression/no-such-section.md", "no-such-section"),
        ("snippets/quickstart/no_such_file.py", "no_such_file.py"),
    ],
)
def test_a_broken_include_fails_the_build(tmp_path, target, message):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f'--8<-- "{target}"\n', encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""
            site_name: include check
            docs_dir: {docs}
            markdown_extensions:
              - pymdownx.superfences
              - pymdownx.snippets:
                  base_path: ["{REPO_ROOT}"]
                  check_paths: true
            """
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "site", config)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


MACHINE_PATH = re.compile(
    r"(?:(?<![\w.])(?:/root|/home|/work|/tmp|/opt|/usr/lib)/|\.nox/|\.venv/)[^\s\"'<>]*"
)
# Paths that are facts about Keras, written in a page's prose, not where this machine keeps things.
# Matched whole: an output that prints a file under one of them is still caught.
DOCUMENTED_PATHS = {
    "/tmp/.keras/datasets/": "install.md: where Keras falls back to when the home folder is not writable",
}


@pytest.mark.site
def test_no_machine_paths_in_rendered_outputs(built_site):
    """Outputs quote tracebacks and ImportErrors; the builder's paths must not reach the reader."""
    found = []
    for page in built_site.rglob("*.html"):
        for match in MACHINE_PATH.finditer(page.read_text(encoding="utf-8")):
            if match.group(0) in DOCUMENTED_PATHS:
                continue
            found.append(f"{page.relative_to(built_site)}: {match.group(0)}")
    assert not found, "\n".join(found[:20])


@pytest.mark.site
def test_every_page_with_code_has_its_notebook_on_the_site(built_site):
    """Viewer page, downloadable .ipynb and a Colab link for each page; none in the search index."""
    import json

    import nbformat

    from conftest import PAGES

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {entry["location"].split("#")[0] for entry in index["docs"]}
    for page in PAGES:
        stem = page.removeprefix("docs/").removesuffix(".md")
        folder = built_site / "generated" / "_notebooks" / stem
        notebook = nbformat.read(folder / f"{stem}.ipynb", as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code and all(cell.outputs is not None for cell in code), page
        assert "jp-Notebook" in (folder / "index.html").read_text(encoding="utf-8"), page
        html = (built_site / stem / "index.html").read_text(encoding="utf-8")
        assert f"generated/_notebooks/{stem}/{stem}.ipynb" in html, f"{page}: no download link"
        assert "colab.research.google.com" in html, f"{page}: no Colab link"
        assert f"generated/_notebooks/{stem}/" not in indexed, f"{page}: its notebook is in the search index"
