"""Records: what one run of one snippet produced, kept per backend and device.

Layout (``.records`` is git-ignored; ``evidence/`` is committed, for machines CI cannot reach)::

    <root>/<backend>-<device>/<topic>/<name>.json
    <root>/<backend>-<device>/<topic>/<name>.files/figure-1.png
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from harness.child.environment import records_root
from harness.protocol import Failure, Status, from_dict


@dataclass
class Record:
    snippet: str  # repository-relative path
    key: str  # code_key + versions + device: a cache hit on this machine needs this to match
    code_key: str  # the code and the child environment: current anywhere when this matches
    status: Status  # passed | failed | timeout | unsupported
    backend: str
    device: str  # "CPU" | "GPU"
    versions: dict
    date: str
    seconds: float  # the snippet's own run time
    wall_seconds: float  # fork/spawn to exit, what the reader would wait minus imports
    mode: str  # fork | spawn | none (not run)
    failure: Failure | None = None
    chunks: list = field(default_factory=list)  # [line, text]
    figures: list = field(default_factory=list)  # {"line", "file"} under <name>.files/
    standins: dict = field(default_factory=dict)
    stderr_tail: str = ""
    machine: str = ""  # where it ran, for committed evidence (e.g. "NVIDIA H200")
    # the snippets it requires, run first in its folder (code time, and fork/spawn to exit)
    requires_seconds: float = 0.0
    requires_wall_seconds: float = 0.0
    # how many processes those were, and the spawned ones' overhead (each counts in its own mode)
    requires_runs: int = 0
    requires_spawns: int = 0
    requires_spawn_overhead_seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == Status.PASSED

    @property
    def failed(self) -> bool:
        return self.status in (Status.FAILED, Status.TIMEOUT)

    def failure_report(self) -> str:
        if self.failure is None:
            return f"{self.snippet}: {self.status}"
        report = self.failure.report()
        if self.stderr_tail:
            report += "\n--- stderr (last lines) ---\n" + self.stderr_tail
        return report


class RecordStore:
    def __init__(self, backend: str, device: str, root: Path | None = None):
        root = root or records_root()
        self.backend, self.device = backend, device.lower()
        self.folder = root / f"{backend}-{device.lower()}"

    def json_path(self, stem: str) -> Path:
        return self.folder / f"{stem}.json"

    def files_dir(self, stem: str) -> Path:
        return self.folder / f"{stem}.files"

    def load(self, stem: str) -> Record | None:
        path = self.json_path(stem)
        if not path.exists():
            return None
        try:
            return from_dict(Record, json.loads(path.read_text(encoding="utf-8")))
        except (TypeError, ValueError):
            return None  # written by an older harness: treat as absent

    def save(self, stem: str, record: Record, figure_sources: list[tuple[Path, dict]]) -> None:
        files = self.files_dir(stem)
        shutil.rmtree(files, ignore_errors=True)
        record.figures = []
        for index, (source, entry) in enumerate(figure_sources, start=1):
            files.mkdir(parents=True, exist_ok=True)
            name = f"figure-{index}{source.suffix.lower()}"
            shutil.copyfile(source, files / name)
            record.figures.append({"line": entry["line"], "file": name})
        path = self.json_path(stem)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(dataclasses.asdict(record), ensure_ascii=False, indent=1)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)  # a reader (the site build, another session) never sees half a record
