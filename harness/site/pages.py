"""Read the pages: which examples (snippet sections) they show, in order, and their code blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from harness import DOCS_DIR, REPO_ROOT

INCLUDE_RE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
EXAMPLE_RE = re.compile(r"^generated/(?P<stem>.+)/(?P<section>[^/]+)\.md$")
FENCE_RE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*)$")
PYTHON_LANGS = {"python", "py", "python3", "pycon", "py3"}
FILE_FRAGMENT = "_file"


@dataclass(frozen=True)
class Include:
    page: Path
    line: int
    target: str  # as written, relative to docs/ or the repository
    in_fence: bool

    @property
    def example(self) -> tuple[str, str | None] | None:
        """(snippet path, section or None for the whole file) when this shows an example."""
        match = EXAMPLE_RE.match(self.target)
        if not match or match["stem"].startswith("_"):
            return None
        section = None if match["section"] == FILE_FRAGMENT else match["section"]
        return f"snippets/{match['stem']}.py", section

    @property
    def where(self) -> str:
        return f"docs/{self.page.relative_to(DOCS_DIR).as_posix()}:{self.line}"


@dataclass(frozen=True)
class CodeBlock:
    page: Path
    line: int
    lang: str
    info: str
    body: list[str]


def pages() -> list[Path]:
    return sorted(p for p in DOCS_DIR.rglob("*.md") if "generated" not in p.relative_to(DOCS_DIR).parts)


def scan(page: Path) -> tuple[list[Include], list[CodeBlock]]:
    includes, blocks = [], []
    fence = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        opener = FENCE_RE.match(line)
        if fence is None and opener:
            info = opener.group("info").strip()
            lang = info.split()[0].strip("{}.") if info else ""
            fence = (opener.group("fence"), CodeBlock(page, number, lang, info, []))
            continue
        if (
            fence is not None
            and line.strip().startswith(fence[0])
            and not line.strip()[len(fence[0]) :].strip()
        ):
            blocks.append(fence[1])
            fence = None
            continue
        if fence is not None:
            fence[1].body.append(line)
        include = INCLUDE_RE.match(line)
        if include:
            includes.append(Include(page, number, include.group("target"), fence is not None))
    return includes, blocks


def examples(page: Path) -> list[Include]:
    """The page's examples, in page order."""
    return [inc for inc in scan(page)[0] if inc.example is not None]


def nav_pages() -> list[str]:
    """Page file names in mkdocs.yml's nav, in nav order."""
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    found: list[str] = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config["nav"])
    return found
