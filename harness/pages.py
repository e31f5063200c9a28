"""Read the pages: which snippets and sections they include, and their code blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from harness import DOCS_DIR

INCLUDE_RE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
FENCE_RE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*)$")
PYTHON_LANGS = {"python", "py", "python3", "pycon", "py3"}


@dataclass(frozen=True)
class Include:
    page: Path
    line: int
    path: str  # as written, relative to a snippets base_path
    section: str | None
    in_fence: bool


@dataclass(frozen=True)
class CodeBlock:
    page: Path
    line: int
    lang: str
    info: str
    body: list[str]


def pages() -> list[Path]:
    return sorted(p for p in DOCS_DIR.rglob("*.md") if "generated" not in p.relative_to(DOCS_DIR).parts)


def _split_target(target: str) -> tuple[str, str | None]:
    path, _, section = target.partition(".py:")
    if section:
        return path + ".py", section
    return target, None


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
            path, section = _split_target(include.group("target"))
            includes.append(Include(page, number, path, section, fence is not None))
    return includes, blocks
