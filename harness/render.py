"""Turn records into the Markdown fragments pages include under each code block.

For every snippet ``snippets/<stem>.py`` this writes
``docs/generated/<stem>/<section>.md`` for each section and ``_file.md`` for the
whole file, plus the figures. A page shows an example as::

    ```python title="snippets/quickstart/regression.py"
    --8<-- "snippets/quickstart/regression.py:train"
    ```

    --8<-- "generated/quickstart/regression/train.md"

Nothing here is typed by hand: a snippet without a passing record for the
current code and versions stops the render, and so the site build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from harness import GENERATED_DIR, versions
from harness.records import Record, RecordStore
from harness.runner import Runner
from harness.snippet import Snippet, discover

LONG_OUTPUT_LINES = 25
FILE_FRAGMENT = "_file"


class RenderError(RuntimeError):
    pass


def terminal_text(raw: str) -> str:
    """What a terminal would show: apply carriage returns and backspaces."""
    lines = []
    for line in raw.split("\n"):
        screen: list[str] = []
        cursor = 0
        for char in line:
            if char == "\r":
                cursor = 0
            elif char == "\b":
                cursor = max(0, cursor - 1)
            else:
                if cursor < len(screen):
                    screen[cursor] = char
                else:
                    screen.append(char)
                cursor += 1
        lines.append("".join(screen).rstrip())
    return "\n".join(lines).strip("\n")


def stamp(record: Record) -> str:
    v = record.versions
    return (
        f"已验证 · Keras {v['keras']} · {record.backend} {v['backend_version']} · "
        f"{record.device} · Python {v['python']} · {record.date} · {record.seconds:.1f} s"
    )


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.splitlines())


def fragment(snippet: Snippet, record: Record, lines: tuple[int, int] | None, last: bool) -> str:
    """Output, figures, stand-in notice and stamp for a line range (None: whole file)."""

    def inside(line: int) -> bool:
        if lines is None:
            return True
        return lines[0] <= line <= lines[1] or (last and line > lines[1])

    text = terminal_text("".join(chunk for line, chunk in record.chunks if inside(line)))
    parts = []
    if text:
        count = len(text.splitlines())
        if count > LONG_OUTPUT_LINES:
            head = f'??? output "输出（{count} 行，点击展开）"'
        else:
            head = '!!! output "输出"'
        parts.append(f"{head}\n\n{_indent('```text' + chr(10) + text + chr(10) + '```')}\n")
    for figure in record.figures:
        if inside(figure["line"]):
            src = f"generated/{snippet.stem}/{figure['file']}"
            parts.append(f"![{snippet.path.name} 运行生成的图]({src}){{ .snippet-figure loading=lazy }}\n")
    for fname, note in sorted(record.standins.items()):
        parts.append(f'??? standin "输出来自替身数据：{fname}"\n\n{_indent(note)}\n')
    parts.append(f'<p class="verified-stamp" markdown>{stamp(record)}</p>\n')
    return "\n".join(parts)


def render_all(device: str = "cpu", out_dir: Path = GENERATED_DIR, allow_missing: bool = False) -> int:
    runner = Runner(device=device)
    store = RecordStore(versions.backend(), device)
    problems = []
    snippets = discover()
    shutil.rmtree(out_dir, ignore_errors=True)
    written = 0
    for snippet in snippets:
        record = store.load(snippet.stem)
        if record is None:
            problems.append(f"{snippet.rel}: no record yet")
            continue
        if not record.passed:
            problems.append(
                f"{snippet.rel}: last run {record.status}: {record.failure_report().splitlines()[0]}"
            )
            continue
        if record.key != runner.key_for(snippet):
            problems.append(f"{snippet.rel}: record is stale (code or versions changed since it ran)")
            continue
        folder = out_dir / snippet.stem
        folder.mkdir(parents=True, exist_ok=True)
        for figure in record.figures:
            shutil.copyfile(store.files_dir(snippet.stem) / figure["file"], folder / figure["file"])
        ordered = sorted(snippet.sections.values(), key=lambda s: s.start)
        for section in ordered:
            is_last = section is ordered[-1]
            body = fragment(snippet, record, (section.start, section.end), is_last)
            (folder / f"{section.name}.md").write_text(body, encoding="utf-8")
            written += 1
        (folder / f"{FILE_FRAGMENT}.md").write_text(fragment(snippet, record, None, True), encoding="utf-8")
        written += 1
    if problems and allow_missing:
        print("not rendered (pages that include these will not build):\n  " + "\n  ".join(problems))
    elif problems:
        raise RenderError(
            "cannot render pages without verified output; run `nox -s tests` "
            "(or `python -m harness run`) first:\n  " + "\n  ".join(problems)
        )
    return written
