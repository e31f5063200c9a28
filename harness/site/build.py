"""The one way the site is built: ``mkdocs build --strict``, whole or one page at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from harness import DOCS_DIR, REPO_ROOT
from harness.site.pages import pages

CONFIG = REPO_ROOT / "mkdocs.yml"


def mkdocs_build(site_dir: Path, config: Path = CONFIG, capture: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    result = subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=REPO_ROOT,
        capture_output=capture,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode == 0:
        search_index_as_utf8(Path(site_dir) / "search" / "search_index.json")
    return result


def search_index_as_utf8(index: Path) -> None:
    """mkdocs-material writes its index ASCII-escaped: every Chinese character becomes a 6-byte
    ``\\uXXXX`` and so does each U+200B that jieba puts between words, a third of the file.
    The same JSON in UTF-8 is what a browser decodes anyway (``Response.json()``), ~1/3 smaller."""
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build_page(page: Path) -> int:
    """Strict-build one page on its own, while other pages are still being written."""
    page = page.resolve()
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))  # typed values: plugin options are checked
    others = [p for p in pages() if p != page and p.name != "index.md"]
    config["nav"] = [{"首页": "index.md"}, {page.stem: page.name}]
    excluded = [f"/{p.name}" for p in others] + [f"/generated/_notebooks/{p.stem}.ipynb" for p in others]
    config["exclude_docs"] = "\n".join(["generated/**/*.md", *excluded])
    config["docs_dir"] = str(DOCS_DIR)
    config["validation"] = {"links": {"not_found": "info"}}  # links to other pages are fine here
    site = Path(tempfile.gettempdir()) / f"preview-{page.stem}"
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=REPO_ROOT, delete=False) as handle:
        yaml.safe_dump(config, handle, allow_unicode=True)
    try:
        code = mkdocs_build(site, Path(handle.name), capture=False).returncode
    finally:
        os.unlink(handle.name)
    if code == 0:
        print(f"built {site / page.stem / 'index.html'}")
    return code
