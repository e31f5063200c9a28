"""Strict-build one page on its own, while other pages are still being written."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from harness import DOCS_DIR, REPO_ROOT
from harness.pages import pages


def build_page(page: Path) -> int:
    page = page.resolve()
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    others = [p.name for p in pages() if p != page and p.name != "index.md"]
    config["nav"] = [{"首页": "index.md"}, {page.stem: page.name}]
    config["exclude_docs"] = "\n".join(["generated/**/*.md", *(f"/{name}" for name in others)])
    config["docs_dir"] = str(DOCS_DIR)
    config["validation"] = {"links": {"not_found": "info"}}  # links to other pages are fine here
    site = Path(tempfile.gettempdir()) / f"preview-{page.stem}"
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=REPO_ROOT, delete=False) as handle:
        yaml.safe_dump(config, handle, allow_unicode=True)
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", handle.name, "-d", str(site)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        code = subprocess.run(command, cwd=REPO_ROOT, env=env).returncode
    finally:
        os.unlink(handle.name)
    if code == 0:
        print(f"built {site / page.stem / 'index.html'}")
    return code
