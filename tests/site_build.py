"""Build the site once per test session, from verified records."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from harness import REPO_ROOT
from harness.render import render_all


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    return subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def build_site(site_dir: Path) -> subprocess.CompletedProcess:
    render_all()
    return mkdocs_build(REPO_ROOT / "mkdocs.yml", site_dir)
