"""Parse a snippet file: its sections and its harness directives.

Sections use the pymdownx.snippets markers the pages include by name::

    # --8<-- [start:train]
    ...
    # --8<-- [end:train]

Directives are comments a reader can ignore, one per line, outside sections::

    # harness: timeout=300
    # harness: fresh-process -- why this snippet needs a brand-new interpreter
    # harness: new-session -- why a reader copying the page starts a new Python here
    # harness: requires=save_model.py
    # harness: backends=tensorflow -- uses tf.distribute, which only TensorFlow has
    # harness: devices=gpu -- needs two real GPUs
"""

from __future__ import annotations

import ast
import functools
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from harness import BACKENDS, DEVICES, PAGE_SCRIPTS_DIR, REPO_ROOT, SNIPPETS_DIR

SECTION_RE = re.compile(r"#\s*-+8<-+\s*\[\s*(start|end)\s*:\s*([a-z][-_0-9a-z]*)\s*\]")
DIRECTIVE_RE = re.compile(r"^#\s*harness:\s*(?P<body>.+?)\s*$")
DEFAULT_TIMEOUT_S = 120


class SnippetError(ValueError):
    """A snippet file is malformed; the message names file and line."""


@dataclass(frozen=True)
class Section:
    name: str
    start: int  # first line inside the section (1-based)
    end: int  # last line inside the section (1-based)


@dataclass
class Snippet:
    path: Path
    sections: dict[str, Section] = field(default_factory=dict)
    timeout_s: int = DEFAULT_TIMEOUT_S
    fresh_process: str | None = None  # the reason, when set
    # The page's notebook starts a new kernel here (the reason, when set). As a snippet it is
    # forked like any other: a child of the import-only template is already such a process.
    new_session: str | None = None
    requires: list[Path] = field(default_factory=list)
    backends: tuple[str, ...] = BACKENDS
    backends_reason: str = ""
    devices: tuple[str, ...] = DEVICES
    devices_reason: str = ""
    needs: frozenset[str] = frozenset()  # "tensorflow", "dot": what it needs beyond Keras and its backend

    @property
    def rel(self) -> str:
        """Repository-relative POSIX path, the snippet's identity everywhere."""
        return self.path.relative_to(REPO_ROOT).as_posix()

    @property
    def stem(self) -> str:
        """Path below snippets/ without the suffix, e.g. ``quickstart/regression``.

        A page's kernel sessions are ``pages/<page>/session-<n>``; files elsewhere
        (the harness's own test cases) keep their repository path.
        """
        if PAGE_SCRIPTS_DIR in self.path.parents:
            return "pages/" + self.path.relative_to(PAGE_SCRIPTS_DIR).with_suffix("").as_posix()
        base = SNIPPETS_DIR if SNIPPETS_DIR in self.path.parents else REPO_ROOT
        return self.path.relative_to(base).with_suffix("").as_posix()

    def source(self) -> bytes:
        return self.path.read_bytes()

    def lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").splitlines()

    def section_text(self, name: str) -> str:
        """The code of one section, dedented, as a page shows it and a reader copies it."""
        section = self.sections[name]
        return textwrap.dedent("\n".join(self.lines()[section.start - 1 : section.end])).strip("\n")

    def ordered_sections(self) -> list[Section]:
        return sorted(self.sections.values(), key=lambda s: s.start)

    def unsupported_reason(self, backend: str, device: str) -> str | None:
        """Why this snippet does not run on ``backend``/``device`` (None when it does)."""
        if backend not in self.backends:
            return f"{backend} not supported: {self.backends_reason}"
        if device not in self.devices:
            return f"{device.upper()} not supported: {self.devices_reason}"
        return None


def parse(path: Path) -> Snippet:
    path = path.resolve()
    snippet = Snippet(path=path)
    open_sections: dict[str, int] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    where = path.relative_to(REPO_ROOT).as_posix() if REPO_ROOT in path.parents else str(path)
    for lineno, line in enumerate(lines, start=1):
        marker = SECTION_RE.search(line)
        if marker:
            kind, name = marker.groups()
            if kind == "start":
                if name in open_sections or name in snippet.sections:
                    raise SnippetError(f"{where}:{lineno}: section '{name}' starts twice")
                open_sections[name] = lineno + 1
            else:
                if name not in open_sections:
                    raise SnippetError(f"{where}:{lineno}: section '{name}' ends but never started")
                snippet.sections[name] = Section(name, open_sections.pop(name), lineno - 1)
            continue
        directive = DIRECTIVE_RE.match(line.strip())
        if directive:
            _apply_directive(snippet, directive.group("body"), f"{where}:{lineno}")
    if open_sections:
        name, start = next(iter(open_sections.items()))
        raise SnippetError(f"{where}:{start - 1}: section '{name}' never ends")
    snippet.needs = _needs("\n".join(lines), where)
    return snippet


TF_PACKAGES = ("tensorflow", "tf_keras")  # tf_keras is Keras 2 on TensorFlow: it needs TensorFlow too


@functools.cache  # pure in its text; pytest parses each file ~10 times a session (4.7 s of ast walks)
def _needs(source: str, where: str) -> frozenset[str]:
    """TensorFlow when the code imports it; Graphviz's ``dot`` when it draws with plot_model."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise SnippetError(f"{where}:{error.lineno}: {error.msg}") from error
    needs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in TF_PACKAGES for a in node.names):
            needs.add("tensorflow")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in TF_PACKAGES:
            needs.add("tensorflow")
        elif isinstance(node, ast.Attribute | ast.Name) and getattr(
            node, "attr", getattr(node, "id", "")
        ) in (
            "plot_model",
            "model_to_dot",
        ):
            needs.add("dot")
    return frozenset(needs)


def _apply_directive(snippet: Snippet, body: str, where: str) -> None:
    key, _, reason = body.partition("--")
    key, _, value = key.strip().partition("=")
    key, value = key.strip(), value.strip()
    if key == "timeout":
        snippet.timeout_s = int(value)
    elif key == "fresh-process":
        if not reason.strip():
            raise SnippetError(f"{where}: fresh-process needs a reason after '--'")
        snippet.fresh_process = reason.strip()
    elif key == "new-session":
        if not reason.strip():
            raise SnippetError(f"{where}: new-session needs a reason after '--'")
        snippet.new_session = reason.strip()
    elif key in ("backends", "devices"):
        allowed = {"backends": BACKENDS, "devices": DEVICES}[key]
        chosen = tuple(v.strip() for v in value.split(",") if v.strip())
        if not chosen or any(v not in allowed for v in chosen):
            raise SnippetError(f"{where}: {key} must be a comma-separated subset of {', '.join(allowed)}")
        if not reason.strip():
            raise SnippetError(f"{where}: restricting {key} needs a reason after '--'")
        setattr(snippet, key, chosen)
        setattr(snippet, f"{key}_reason", reason.strip())
    elif key == "requires":
        required = (snippet.path.parent / value).resolve()
        if not required.is_file():
            raise SnippetError(f"{where}: requires {value}, which does not exist")
        snippet.requires.append(required)
    else:
        raise SnippetError(f"{where}: unknown harness directive '{key}'")


def discover(root: Path = SNIPPETS_DIR) -> list[Snippet]:
    return [parse(p) for p in sorted(root.rglob("*.py")) if "__pycache__" not in p.parts]
