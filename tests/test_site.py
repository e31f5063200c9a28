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


@pytest.mark.site
def test_no_machine_paths_in_rendered_outputs(built_site):
    """Outputs quote tracebacks and ImportErrors; the builder's paths must not reach the reader."""
    found = []
    for page in built_site.rglob("*.html"):
        for match in MACHINE_PATH.finditer(page.read_text(encoding="utf-8")):
            found.append(f"{page.relative_to(built_site)}: {match.group(0)}")
    assert not found, "\n".join(found[:20])
