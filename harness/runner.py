"""Run snippets (cache-aware, in parallel) and store one record per snippet."""

from __future__ import annotations

import datetime
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from harness import RECORDS_DIR, REPO_ROOT, datasets, versions
from harness.records import Record, RecordStore
from harness.snippet import Snippet, parse


class NoGPU(RuntimeError):
    pass


def child_environment(backend: str, device: str) -> dict[str, str]:
    """The environment every snippet process starts with (set once, here)."""
    env = dict(os.environ)
    keras_home = datasets.prepare_keras_home(RECORDS_DIR / "keras_home")
    env.update(
        KERAS_BACKEND=backend,
        KERAS_HOME=str(keras_home),  # private: never the user's ~/.keras
        HARNESS_STANDIN_DIR=str(RECORDS_DIR / "standins"),
        MPLBACKEND="Agg",
        PYTHONHASHSEED="0",
        PYTHONPATH=os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        TF_CPP_MIN_LOG_LEVEL="2",
        COLUMNS="100",
    )
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""  # the CPU suite must not pick up a GPU by accident
        env["JAX_PLATFORMS"] = "cpu"
    return env


class Zygote:
    """A ``harness.zygote`` process owned by one worker thread."""

    def __init__(self, env: dict[str, str]):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "harness.zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd=REPO_ROOT,
            text=True,
        )
        hello = self.process.stdout.readline()
        if not hello:
            raise RuntimeError("the zygote process died while importing Keras; see stderr above")
        self.import_s = json.loads(hello)["import_s"]

    def execute(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError("the zygote process died")
        return json.loads(reply)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


def spawn(request: dict, env: dict[str, str]) -> dict:
    """Run a snippet in a brand-new interpreter (it pays the full import)."""
    request_path = Path(request["workdir"]) / "_request.json"
    request_path.write_text(json.dumps(request), encoding="utf-8")
    started = time.perf_counter()
    with open(request["stdout"], "wb") as out, open(request["stderr"], "wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "harness.sandbox", str(request_path)],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=REPO_ROOT,
            start_new_session=True,
        )
        timed_out = False
        try:
            process.wait(timeout=request["timeout"])
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return {"exit": process.returncode, "timed_out": timed_out, "wall_s": time.perf_counter() - started}


@dataclass
class Outcome:
    record: Record
    cached: bool


@dataclass
class RunSummary:
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    wall_s: float = 0.0
    zygote_import_s: list[float] = field(default_factory=list)


class Runner:
    def __init__(self, *, device: str = "cpu", jobs: int = 2, spawn_all: bool = False, force: bool = False):
        self.backend = versions.backend()
        self.device = device
        self.jobs = max(1, jobs)
        self.spawn_all = spawn_all
        self.force = force
        self.versions = versions.installed(self.backend)
        self.store = RecordStore(self.backend, device)
        self._idle: queue.Queue[Zygote] = queue.Queue()
        self._zygotes: list[Zygote] = []
        self._new_import_s: list[float] = []
        self._lock = threading.Lock()
        self._env_lock = threading.Lock()
        self._env: dict[str, str] | None = None

    # -- cache -------------------------------------------------------------
    def source_key_for(self, snippet: Snippet) -> str:
        sources = [parse(p).source() for p in snippet.requires] + [snippet.source()]
        return versions.source_key(sources)

    def key_for(self, snippet: Snippet) -> str:
        return versions.cache_key(self.source_key_for(snippet), self.versions, self.device)

    def cached(self, snippet: Snippet) -> Record | None:
        record = self.store.load(snippet.stem)
        if record and record.passed and record.key == self.key_for(snippet) and not self.force:
            return record
        return None

    # -- running -----------------------------------------------------------
    @property
    def env(self) -> dict[str, str]:
        with self._env_lock:  # worker threads ask at once; the shared folders are prepared once
            if self._env is None:
                self._env = child_environment(self.backend, self.device)
            return self._env

    def _acquire_zygote(self) -> Zygote:
        """An idle zygote from the pool, or a new one (kept for later runs in this session)."""
        while True:
            try:
                zygote = self._idle.get_nowait()
            except queue.Empty:
                break
            if zygote.process.poll() is None:
                return zygote
        zygote = Zygote(self.env)
        with self._lock:
            self._zygotes.append(zygote)
            self._new_import_s.append(zygote.import_s)
        return zygote

    def close(self) -> None:
        """End the zygote processes; call once, when no more snippets will run."""
        for zygote in self._zygotes:
            zygote.close()
        self._zygotes.clear()

    def _execute(self, snippet: Snippet, workdir: Path, tag: str) -> tuple[dict, dict | None, str]:
        request = {
            "snippet": str(snippet.path),
            "workdir": str(workdir),
            "result": str(workdir / f"_result-{tag}.json"),
            "stdout": str(workdir / f"_stdout-{tag}.txt"),
            "stderr": str(workdir / f"_stderr-{tag}.txt"),
            "timeout": snippet.timeout_s,
        }
        if self.spawn_all or snippet.fresh_process:
            reply = spawn(request, self.env)
        else:
            zygote = self._acquire_zygote()
            try:
                reply = zygote.execute(request)
            finally:
                self._idle.put(zygote)
        result_path = Path(request["result"])
        result = json.loads(result_path.read_text(encoding="utf-8")) if result_path.exists() else None
        stderr = Path(request["stderr"]).read_text(encoding="utf-8", errors="replace")
        return reply, result, "\n".join(stderr.splitlines()[-30:])

    def run_one(self, snippet: Snippet) -> Outcome:
        reason = snippet.unsupported_reason(self.backend, self.device)
        if reason:
            return Outcome(self._unsupported(snippet, reason), cached=False)
        record = self.cached(snippet)
        if record is not None:
            return Outcome(record, cached=True)
        if self.device == "gpu":
            self.require_gpu()
        workdir = Path(tempfile.mkdtemp(prefix=f"snippet-{snippet.path.stem}-"))
        record, figures = self._run_in(snippet, workdir)
        if record.passed:
            self.store.save(snippet.stem, record, figures)
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            if record.error is not None:
                record.error["message"] += f"\n(working directory kept at {workdir})"
            self.store.save(snippet.stem, record, figures)
        return Outcome(record, cached=False)

    def _unsupported(self, snippet: Snippet, reason: str) -> Record:
        return Record(
            snippet=snippet.rel,
            key="",
            source_key=self.source_key_for(snippet),
            status="unsupported",
            backend=self.backend,
            device=self.device.upper(),
            versions=self.versions,
            date=datetime.date.today().isoformat(),
            seconds=0.0,
            wall_seconds=0.0,
            mode="none",
            error={"location": snippet.rel, "type": "Unsupported", "message": reason, "traceback": ""},
        )

    def _run_in(self, snippet: Snippet, workdir: Path) -> tuple[Record, list]:
        base = dict(
            snippet=snippet.rel,
            key=self.key_for(snippet),
            source_key=self.source_key_for(snippet),
            backend=self.backend,
            device=self.device.upper(),
            versions=self.versions,
            date=datetime.date.today().isoformat(),
            mode="spawn" if (self.spawn_all or snippet.fresh_process) else "fork",
        )
        for index, required in enumerate(snippet.requires):
            reply, result, stderr = self._execute(parse(required), workdir, f"requires{index}")
            if not result or result["status"] != "passed" or reply["timed_out"]:
                where = parse(required).rel
                why = (result or {}).get("error") or {"message": stderr}
                error = {
                    "location": snippet.rel,
                    "type": "RequiredSnippetFailed",
                    "message": f"required snippet {where} failed first: {why.get('message')}",
                    "traceback": why.get("traceback", ""),
                }
                return Record(
                    **base, status="failed", seconds=0.0, wall_seconds=reply["wall_s"], error=error
                ), []
        reply, result, stderr = self._execute(snippet, workdir, "main")
        if reply["timed_out"]:
            error = {
                "location": snippet.rel,
                "type": "Timeout",
                "message": f"exceeded its time budget of {snippet.timeout_s} s "
                "(raise it with '# harness: timeout=SECONDS' if the snippet really needs longer)",
                "traceback": "",
            }
            record = Record(
                **base, status="timeout", seconds=snippet.timeout_s, wall_seconds=reply["wall_s"], error=error
            )
            record.stderr_tail = stderr
            return record, []
        if result is None:
            error = {
                "location": snippet.rel,
                "type": "Crashed",
                "message": f"the snippet's process exited with code {reply['exit']} before reporting",
                "traceback": "",
            }
            record = Record(**base, status="failed", seconds=0.0, wall_seconds=reply["wall_s"], error=error)
            record.stderr_tail = stderr
            return record, []
        base["device"] = result["device"]
        record = Record(
            **base,
            status=result["status"],
            seconds=result["seconds"],
            wall_seconds=round(reply["wall_s"], 3),
            error=result["error"],
            chunks=result["chunks"],
            standins=result["standins"],
            stderr_tail="" if result["status"] == "passed" else stderr,
        )
        if record.device != self.device.upper():
            record.status = "failed"
            record.error = {
                "location": snippet.rel,
                "type": "WrongDevice",
                "message": f"asked for {self.device.upper()} but the snippet ran on {record.device}",
                "traceback": "",
            }
        figures = [(workdir / entry["path"], entry) for entry in result["figures"]]
        return record, figures

    def require_gpu(self) -> None:
        with self._lock:
            if getattr(self, "_gpu_checked", False):
                return
            probe = (
                "from harness.sandbox import _device; import sys; sys.exit(0 if _device() == 'GPU' else 3)"
            )
            code = subprocess.run([sys.executable, "-c", probe], env=self.env, cwd=REPO_ROOT).returncode
            if code != 0:
                raise NoGPU(f"--device gpu, but backend {self.backend} sees no GPU")
            self._gpu_checked = True

    def run(self, snippets: list[Snippet]) -> RunSummary:
        summary = RunSummary()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=self.jobs) as pool:
            # the longest first, judged by the last run, so a slow snippet does not start last
            ordered = sorted(snippets, key=self._expected_seconds, reverse=True)
            for snippet, outcome in zip(ordered, pool.map(self.run_one, ordered), strict=True):
                summary.outcomes[snippet.rel] = outcome
        with self._lock:
            summary.zygote_import_s, self._new_import_s = self._new_import_s, []
        summary.wall_s = time.perf_counter() - started
        return summary

    def _expected_seconds(self, snippet: Snippet) -> float:
        record = self.store.load(snippet.stem)
        return record.wall_seconds if record else float(snippet.timeout_s)
