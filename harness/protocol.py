"""What crosses a process boundary, and what a record says: typed, in one place.

The runner sends a ``RunRequest`` to a zygote (a JSON line) or to a spawned
interpreter (a JSON file); the child writes a ``ChildResult``; the zygote
answers with a ``ProcessExit``. Every verdict is a ``Status``; every way a run
can go wrong is a ``Failure`` made by one of its named constructors.
"""

from __future__ import annotations

import dataclasses
import json
import traceback
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Self, TypeVar

T = TypeVar("T")


class Status(StrEnum):
    """A record's verdict (the first four), or what the site knows about a cell (all six)."""

    PASSED = "passed"
    FAILED = "failed"
    TIMEOUT = "timeout"
    UNSUPPORTED = "unsupported"  # the snippet says it does not run here, with its reason
    STALE = "stale"  # a record exists, but something that could change its output changed
    MISSING = "missing"  # no record at all


@dataclass(frozen=True)
class Failure:
    location: str  # "snippets/x/y.py:12" where known, else the snippet's path
    kind: str  # the exception's name, or one of the harness's own kinds below
    message: str
    traceback: str = ""

    @classmethod
    def from_exception(cls, exc: BaseException, snippet: Path, where: str) -> Self:
        """Where in the snippet it failed (its deepest frame in the file), and the whole traceback."""
        line = exc.lineno if isinstance(exc, SyntaxError) and exc.filename == str(snippet) else None
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename == str(snippet):
                line = frame.lineno
        location = f"{where}:{line}" if line else where
        return cls(location, type(exc).__name__, str(exc), "".join(traceback.format_exception(exc)))

    @classmethod
    def timeout(cls, where: str, budget_s: int, line: int | None = None) -> Self:
        """``line``: where the snippet was when it was stopped (its stack, printed then, is in stderr)."""
        return cls(
            f"{where}:{line}" if line else where,
            "Timeout",
            f"exceeded its time budget of {budget_s} s "
            "(raise it with '# harness: timeout=SECONDS' if the snippet really needs longer; "
            "the stacks of its processes when it was stopped end its stderr)",
        )

    @classmethod
    def crashed(cls, where: str, exit_code: int | None) -> Self:
        return cls(where, "Crashed", f"the snippet's process exited with code {exit_code} before reporting")

    @classmethod
    def wrong_device(cls, where: str, asked: str, got: str) -> Self:
        return cls(where, "WrongDevice", f"asked for {asked.upper()} but the snippet ran on {got}")

    @classmethod
    def required_failed(cls, where: str, required: str, cause: Failure | None, stderr: str) -> Self:
        why = cause.message if cause else stderr
        return cls(
            where,
            "RequiredSnippetFailed",
            f"required snippet {required} failed first: {why}",
            cause.traceback if cause else "",
        )

    @classmethod
    def missing_figure(cls, where: str, path: str) -> Self:
        return cls(
            where, "MissingFigure", f"the figure {path} was drawn here, but the file was gone at the end"
        )

    @classmethod
    def network_blocked(cls, where: str, message: str) -> Self:
        return cls(where, "NetworkBlocked", message)

    @classmethod
    def unsupported(cls, where: str, reason: str) -> Self:
        return cls(where, "Unsupported", reason)

    def report(self) -> str:
        text = f"{self.location}: {self.kind}: {self.message}"
        return text + ("\n\n" + self.traceback if self.traceback else "")


@dataclass(frozen=True)
class RunRequest:
    snippet: str  # absolute path
    workdir: str
    result: str  # where the child writes its ChildResult
    stdout: str
    stderr: str
    timeout_s: int
    network_log: str  # every process the snippet starts appends the addresses it was refused here


@dataclass(frozen=True)
class ProcessExit:
    exit_code: int | None
    timed_out: bool
    wall_s: float


@dataclass
class ChildResult:
    status: Status
    failure: Failure | None
    seconds: float
    chunks: list[list]  # [line, text]: what the snippet printed, by module-level line
    figures: list[dict]  # {"line", "path"}: images it drew, relative to the workdir
    standins: dict[str, str]  # asset name -> what stood in for it
    network_attempts: list[str]
    device: str  # "CPU" | "GPU", as the backend saw it
    backend: str
    keras: str


# -- JSON ----------------------------------------------------------------------
def to_json(value: Any) -> str:
    return json.dumps(dataclasses.asdict(value), ensure_ascii=False)


def from_dict(cls: type[T], data: dict) -> T:
    """Rebuild a dataclass from ``asdict`` output; fields typed Failure / Status are restored."""
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        if value is not None and "Failure" in str(f.type):
            value = Failure(**value)
        elif value is not None and "Status" in str(f.type):
            value = Status(value)
        kwargs[f.name] = value
    unknown = set(data) - {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    if unknown:
        raise TypeError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
    return cls(**kwargs)


def from_json(cls: type[T], text: str) -> T:
    return from_dict(cls, json.loads(text))
