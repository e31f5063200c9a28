"""What a record printed and drew, selected by snippet lines (one rule for pages and notebooks)."""

from __future__ import annotations

from harness.run.records import Record


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


def _inside(line: int, lines: tuple[int, int] | None, last: bool) -> bool:
    """In the range; the last range also takes what came after it (images found at the end)."""
    if lines is None:
        return True
    return lines[0] <= line <= lines[1] or (last and line > lines[1])


def printed(record: Record, lines: tuple[int, int] | None = None, last: bool = True) -> str:
    return terminal_text("".join(text for line, text in record.chunks if _inside(line, lines, last)))


def figures(record: Record, lines: tuple[int, int] | None = None, last: bool = True) -> list[dict]:
    return [figure for figure in record.figures if _inside(figure["line"], lines, last)]
