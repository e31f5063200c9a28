"""What goes into the built site and its checks, as one key: unchanged key, unchanged site.

Computed after rendering, from the pages and fragments themselves, the site code,
the browser tests and the versions of the tools that build and drive the site.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from harness import DOCS_DIR, REPO_ROOT
from harness.run.versions import dist_version

TOOLS = [
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "mkdocs-jupyter",
    "jieba",
    "playwright",
    "nbformat",
]
BROWSER = Path("/usr/bin/chromium")


def site_key(extra_files: list[Path]) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in DOCS_DIR.rglob("*") if p.is_file())
    files += sorted((REPO_ROOT / "harness" / "site").glob("*.py")) + [REPO_ROOT / "mkdocs.yml", *extra_files]
    for path in files:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for tool in TOOLS:
        digest.update(f"{tool}={dist_version(tool)}".encode())
    if BROWSER.exists():
        real = BROWSER.resolve()
        digest.update(f"{real}:{real.stat().st_size}:{real.stat().st_mtime_ns}".encode())
    return digest.hexdigest()
