"""Records: what one run of one snippet produced, kept per backend and device.

Layout (git-ignored)::

    .records/<backend>-<device>/<topic>/<name>.json
    .records/<backend>-<device>/<topic>/<name>.files/figure-1.png
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness import RECORDS_DIR

BACKENDS = ("tensorflow", "jax", "torch")
DEVICES = ("cpu", "gpu")


def records_root() -> Path:
    """``.records`` for the pinned release; the drift session points this elsewhere."""
    return Path(os.environ.get("HARNESS_RECORDS_DIR", RECORDS_DIR))


@dataclass
class Record:
    snippet: str  # repository-relative path
    key: str  # source_key + versions + device: a cache hit needs this to match
    source_key: str  # the code alone: tells a stale record from a current one in any environment
    status: str  # passed | failed | timeout
    backend: str
    device: str
    versions: dict
    date: str
    seconds: float  # the snippet's own run time
    wall_seconds: float  # fork/spawn to exit, what the reader would wait minus imports
    mode: str  # fork | spawn
    error: dict | None = None
    chunks: list = field(default_factory=list)  # [line, text]
    figures: list = field(default_factory=list)  # {"line", "file"} under <name>.files/
    standins: dict = field(default_factory=dict)
    stderr_tail: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def failure_report(self) -> str:
        if self.error is None:
            return f"{self.snippet}: {self.status}"
        report = f"{self.error['location']}: {self.error['type']}: {self.error['message']}"
        if self.error.get("traceback"):
            report += "\n\n" + self.error["traceback"]
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
            return Record(**json.loads(path.read_text(encoding="utf-8")))
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
        path.write_text(json.dumps(asdict(record), ensure_ascii=False, indent=1), encoding="utf-8")
