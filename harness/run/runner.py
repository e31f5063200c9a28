"""Run snippets (cache-aware, in parallel) and store one record per snippet."""

from __future__ import annotations

import datetime
import functools
import importlib.util
import json
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from harness import REPO_ROOT
from harness.child import stop
from harness.child.environment import child_environment
from harness.protocol import ChildResult, Failure, ProcessExit, RunRequest, Status, from_json, to_json
from harness.run import versions
from harness.run.freshness import Freshness, is_harness_case
from harness.run.page_scripts import SessionScript
from harness.run.records import Record, RecordStore
from harness.run.schedule import ReadyQueue
from harness.snippet import Snippet, parse

STDERR_TAIL_LINES = 30
STACKS_TAIL_LINES = 200  # a timed-out run's stderr ends with the stacks of all its processes


class NoGPU(RuntimeError):
    pass


class Zygote:
    """A ``harness.child.zygote`` process owned by one worker thread."""

    def __init__(self, env: dict[str, str]):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "harness.child.zygote"],
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

    def execute(self, request: RunRequest) -> ProcessExit:
        self.process.stdin.write(to_json(request) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError("the zygote process died")
        return from_json(ProcessExit, reply)

    def close(self) -> None:
        """Between snippets a zygote holds nothing worth an orderly exit, which took ~7 s here
        (TensorFlow's and PyTorch's exit handlers): end it at once."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process.stdin.close()
        self.process.stdout.close()


def spawn(request: RunRequest, env: dict[str, str]) -> ProcessExit:
    """Run a snippet in a brand-new interpreter (it pays the full import)."""
    request_path = Path(request.workdir) / "_request.json"
    request_path.write_text(to_json(request), encoding="utf-8")
    started = time.perf_counter()
    with open(request.stdout, "wb") as out, open(request.stderr, "wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "harness.child.sandbox", str(request_path)],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=REPO_ROOT,
            start_new_session=True,
        )
        timed_out = False
        try:
            process.wait(timeout=request.timeout_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            stop.stop_group(process.pid, lambda: process.poll() is not None)
            process.wait()
    return ProcessExit(process.returncode, timed_out, time.perf_counter() - started)


@dataclass
class Outcome:
    record: Record
    cached: bool


@dataclass
class RunSummary:
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # by snippet (rel path)
    wall_s: float = 0.0
    zygote_import_s: list[float] = field(default_factory=list)
    pages: dict[str, list[Outcome]] = field(default_factory=dict)  # docs/<page>.md -> its sessions, in order


@dataclass
class _Attempt:
    """One process run of one snippet file: how it exited, what it reported, its stderr's end."""

    exit: ProcessExit
    result: ChildResult | None
    stderr_tail: str
    mode: str  # fork | spawn
    stopped_at_line: int | None = None  # a timed-out run: the snippet's line in its printed stack

    @property
    def overhead_s(self) -> float:
        """Fork or spawn to exit, less the snippet's own run time."""
        return self.exit.wall_s - (self.result.seconds if self.result else 0.0)


def _tail(text: str, lines: int) -> str:
    return "\n".join(text.splitlines()[-lines:])


def machine_lacks(snippet: Snippet) -> str | None:
    """On a GPU machine without TensorFlow or Graphviz, why a snippet that needs them cannot run."""
    chain = [parse(p) for p in snippet.requires] + [snippet]
    needs = set().union(*(s.needs for s in chain))
    if "tensorflow" in needs and importlib.util.find_spec("tensorflow") is None:
        return "needs TensorFlow, which this machine does not have"
    if "dot" in needs and shutil.which("dot") is None:
        return "needs Graphviz's dot (plot_model), which this machine does not have"
    return None


class Runner:
    def __init__(self, *, device: str = "cpu", jobs: int = 2, spawn_all: bool = False, force: bool = False):
        self.backend = versions.backend()
        self.device = device
        self.jobs = max(1, jobs)
        self.spawn_all = spawn_all
        self.force = force
        self.freshness = Freshness(self.backend, device)
        self.store = RecordStore(self.backend, device)
        self._idle: queue.Queue[Zygote] = queue.Queue()
        self._zygotes: list[Zygote] = []
        self._new_import_s: list[float] = []
        self._lock = threading.Lock()
        self._env_lock = threading.Lock()
        self._env: dict[str, str] | None = None
        self._gpu_checked = False
        # Snippets others require: set once its run in this session ended; the folder it left, if it passed
        self._finished: dict[Path, threading.Event] = {}
        self._folders: dict[Path, Path] = {}

    # -- cache -------------------------------------------------------------
    def cached(self, snippet: Snippet) -> Record | None:
        """A record with the current key. Failures count only for the harness's own test cases,
        whose failing is the point; a snippet that failed runs again."""
        if self.force:
            return None
        record = self.store.load(snippet.stem)
        if record is None or record.key != self.freshness.key(snippet):
            return None
        if record.passed or is_harness_case(snippet):
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
        """End the zygote processes and drop kept folders; call once, when no more snippets will run."""
        for zygote in self._zygotes:
            zygote.close()
        self._zygotes.clear()
        for folder in self._folders.values():
            shutil.rmtree(folder, ignore_errors=True)
        self._folders.clear()

    def _mode(self, snippet: Snippet) -> str:
        return "spawn" if (self.spawn_all or snippet.fresh_process) else "fork"

    def _execute(self, snippet: Snippet, workdir: Path, tag: str) -> _Attempt:
        request = RunRequest(
            snippet=str(snippet.path),
            workdir=str(workdir),
            result=str(workdir / f"_result-{tag}.json"),
            stdout=str(workdir / f"_stdout-{tag}.txt"),
            stderr=str(workdir / f"_stderr-{tag}.txt"),
            timeout_s=snippet.timeout_s,
            network_log=str(workdir / f"_network-{tag}.log"),
        )
        mode = self._mode(snippet)
        if mode == "spawn":
            exit_ = spawn(request, self.env)
        else:
            zygote = self._acquire_zygote()
            try:
                exit_ = zygote.execute(request)
            finally:
                self._idle.put(zygote)
        result_path = Path(request.result)
        result = (
            from_json(ChildResult, result_path.read_text(encoding="utf-8")) if result_path.exists() else None
        )
        stderr = Path(request.stderr).read_text(encoding="utf-8", errors="replace")
        if not exit_.timed_out:
            return _Attempt(exit_, result, _tail(stderr, STDERR_TAIL_LINES), mode)
        stacks = stop.readable(stderr)
        return _Attempt(
            exit_, result, _tail(stacks, STACKS_TAIL_LINES), mode, stop.line_at_stop(stacks, snippet.path)
        )

    def run_one(self, snippet: Snippet) -> Outcome:
        try:
            return self._run_one(snippet)
        finally:
            if snippet.path in self._finished:
                self._finished[snippet.path].set()  # whatever happened: a dependent waits no longer

    def _run_one(self, snippet: Snippet) -> Outcome:
        reason = snippet.unsupported_reason(self.backend, self.device)
        lacks = machine_lacks(snippet) if reason is None and self.device == "gpu" else None
        if reason or lacks:
            outcome = self._unsupported(snippet, reason or lacks)
            if lacks:
                self.store.save(snippet.stem, outcome.record, [])  # the GPU evidence says why, per snippet
            return outcome
        record = self.cached(snippet)
        if record is not None:
            return Outcome(record, cached=True)
        if self.device == "gpu":
            self.require_gpu()
        workdir = Path(tempfile.mkdtemp(prefix=f"snippet-{snippet.path.stem}-"))
        record, figures = self._run_in(snippet, workdir)
        if not record.passed:
            record.stderr_tail += f"\n(working directory kept at {workdir})"
        self.store.save(snippet.stem, record, figures)
        if record.passed and snippet.path in self._finished:
            earlier = self._folders.pop(snippet.path, None)  # a later batch ran it again
            if earlier is not None:
                shutil.rmtree(earlier, ignore_errors=True)
            self._folders[snippet.path] = workdir  # what a dependent's folder starts from
        elif record.passed:
            shutil.rmtree(workdir, ignore_errors=True)
        return Outcome(record, cached=False)

    def _unsupported(self, snippet: Snippet, reason: str) -> Outcome:
        """Not run: this backend or machine cannot (decided from the file, never cached)."""
        failure = Failure.unsupported(snippet.rel, reason)
        return Outcome(self._record(snippet, "none", Status.UNSUPPORTED, failure), cached=False)

    def _record(
        self,
        snippet: Snippet,
        mode: str,
        status: Status,
        failure: Failure | None,
        attempt: _Attempt | None = None,
        required: list[_Attempt] | None = None,
    ) -> Record:
        """The one place a Record is made. ``required``: the runs of the snippets it requires."""
        result = attempt.result if attempt else None
        required = required or []
        spawned = [a for a in required if a.mode == "spawn"]
        return Record(
            snippet=snippet.rel,
            key=self.freshness.key(snippet),
            code_key=self.freshness.code_key(snippet),
            status=status,
            backend=self.backend,
            device=result.device if result else self.device.upper(),
            versions=self.freshness.installed,
            date=datetime.date.today().isoformat(),
            seconds=result.seconds if result else 0.0,
            wall_seconds=round(attempt.exit.wall_s, 3) if attempt else 0.0,
            mode=mode,
            failure=failure,
            chunks=result.chunks if result else [],
            standins=result.standins if result else {},
            stderr_tail=attempt.stderr_tail if attempt and status != Status.PASSED else "",
            machine=_machine_name(result.device if result else self.device.upper()),
            requires_seconds=round(sum(a.result.seconds for a in required if a.result), 3),
            requires_wall_seconds=round(sum(a.exit.wall_s for a in required), 3),
            requires_runs=len(required),
            requires_spawns=len(spawned),
            requires_spawn_overhead_seconds=round(sum(a.overhead_s for a in spawned), 3),
        )

    def _run_in(self, snippet: Snippet, workdir: Path) -> tuple[Record, list]:
        mode = self._mode(snippet)
        if self._copy_required_folder(snippet, workdir):
            return self._run_main(snippet, workdir, mode)
        done: list[_Attempt] = []
        for index, required_path in enumerate(snippet.requires):
            required = parse(required_path)
            attempt = self._execute(required, workdir, f"requires{index}")
            if attempt.exit.timed_out or attempt.result is None or attempt.result.status != Status.PASSED:
                cause = attempt.result.failure if attempt.result else None
                failure = Failure.required_failed(snippet.rel, required.rel, cause, attempt.stderr_tail)
                return self._record(snippet, mode, Status.FAILED, failure, attempt, done), []
            done.append(attempt)
        return self._run_main(snippet, workdir, mode, done)

    def _copy_required_folder(self, snippet: Snippet, workdir: Path) -> bool:
        """Start from the folder the last required snippet's own run left in this session, when
        it passed after the same earlier requirements: running them all again here would leave
        the same files (PyTorch's project/train.py took 217 s a second time)."""
        last = self._folder_source(snippet)
        finished = self._finished.get(last)
        if finished is None:
            return False
        finished.wait()  # at once: run's scheduler hands this one out only after that run ended
        folder = self._folders.get(last)
        if folder is None:
            return False  # failed, or cached from an earlier session: run the requirements here
        shutil.copytree(folder, workdir, symlinks=True, dirs_exist_ok=True, ignore=HARNESS_FILES)
        return True

    @staticmethod
    def _folder_source(snippet: Snippet) -> Path | None:
        """The snippet whose run's folder this one can start from: its last requirement, when
        that requires exactly the ones before it."""
        if not snippet.requires:
            return None
        last = snippet.requires[-1]
        return last if parse(last).requires == snippet.requires[:-1] else None

    def _run_main(
        self, snippet: Snippet, workdir: Path, mode: str, required: list[_Attempt] | None = None
    ) -> tuple[Record, list]:
        attempt = self._execute(snippet, workdir, "main")
        result = attempt.result
        make = functools.partial(self._record, snippet, mode, attempt=attempt, required=required)
        if attempt.exit.timed_out:
            record = make(
                Status.TIMEOUT, Failure.timeout(snippet.rel, snippet.timeout_s, attempt.stopped_at_line)
            )
            record.seconds = float(snippet.timeout_s)
            return record, []
        if result is None:
            return make(Status.FAILED, Failure.crashed(snippet.rel, attempt.exit.exit_code)), []
        if result.failure is None and result.device != self.device.upper():
            return make(Status.FAILED, Failure.wrong_device(snippet.rel, self.device, result.device)), []
        figures = [(workdir / entry["path"], entry) for entry in result.figures]
        gone = [entry for path, entry in figures if not path.is_file()]
        if gone and result.failure is None:  # drawn, then moved or deleted by the snippet itself
            return make(
                Status.FAILED, Failure.missing_figure(f"{snippet.rel}:{gone[0]['line']}", gone[0]["path"])
            ), []
        record = make(result.status, result.failure)
        return record, [(path, entry) for path, entry in figures if path.is_file()]

    def run_page(self, scripts: list[SessionScript]) -> list[Outcome]:
        """A page's kernel sessions in order, in one working folder; cached together, since
        each session starts from the files the earlier ones left."""
        snippets = [script.snippet for script in scripts]
        reasons = [s.unsupported_reason(self.backend, self.device) for s in snippets]
        # a session this backend cannot run settles nothing by running: only the others decide
        cached = [None if reason else self.cached(s) for s, reason in zip(snippets, reasons, strict=True)]
        if all(record is not None or reason for record, reason in zip(cached, reasons, strict=True)):
            return [
                Outcome(record, cached=True) if record else self._unsupported(snippet, reason)
                for snippet, reason, record in zip(snippets, reasons, cached, strict=True)
            ]
        workdir = Path(tempfile.mkdtemp(prefix=f"page-{scripts[0].path.parent.name}-"))
        outcomes, kept = [], False
        for snippet, reason in zip(snippets, reasons, strict=True):  # a failed session does not stop the next
            figures = []
            if reason:
                record = self._unsupported(snippet, reason).record
            else:
                record, figures = self._run_main(snippet, workdir, self._mode(snippet))
                if not record.passed:
                    kept = True
                    record.stderr_tail += f"\n(working directory kept at {workdir})"
            self.store.save(snippet.stem, record, figures)
            outcomes.append(Outcome(record, cached=False))
        if not kept:
            shutil.rmtree(workdir, ignore_errors=True)
        return outcomes

    def run_pages(self, pages: list[list[SessionScript]]) -> dict[str, list[Outcome]]:
        """Every page's sessions (pages in parallel, the longest first)."""
        return self.run([], pages).pages

    def require_gpu(self) -> None:
        with self._lock:
            if self._gpu_checked:
                return
            probe = [sys.executable, "-m", "harness.child.device"]
            if subprocess.run(probe, env=self.env, cwd=REPO_ROOT).returncode != 0:
                raise NoGPU(f"--device gpu, but backend {self.backend} sees no GPU")
            self._gpu_checked = True

    def run(self, snippets: list[Snippet], pages: list[list[SessionScript]] = ()) -> RunSummary:
        """Snippets and pages (each page's sessions in order) in one batch: a worker that finishes
        takes whatever heads the longest chain of work left, a snippet or a page, so neither
        kind waits behind the other's tail with a core idle (PyTorch's DDP page alone held one
        worker for ~75 s while the other had nothing, when pages ran as a batch of their own)."""
        summary = RunSummary()
        started = time.perf_counter()
        required = {path for snippet in snippets for path in snippet.requires}
        for snippet in snippets:
            if snippet.path in required:
                self._finished.setdefault(snippet.path, threading.Event())
        by_path = {snippet.path: snippet for snippet in snippets}  # Snippet is not hashable; its path is
        by_page = {scripts[0].page: scripts for scripts in pages}

        def cost(item: Path | str) -> float:
            if isinstance(item, str):
                return sum(self._expected_seconds(script.snippet) for script in by_page[item])
            return self._expected_seconds(by_path[item])

        def waits_for(item: Path | str) -> Path | None:
            return None if isinstance(item, str) else self._folder_source(by_path[item])

        ready = ReadyQueue([*by_path, *by_page], cost=cost, waits_for=waits_for)
        outcomes: dict[Path, Outcome] = {}
        page_outcomes: dict[str, list[Outcome]] = {}

        def work() -> None:
            while (item := ready.take()) is not None:
                try:
                    if isinstance(item, str):
                        page_outcomes[item] = self.run_page(by_page[item])
                    else:
                        outcomes[item] = self.run_one(by_path[item])
                finally:
                    ready.ended(item)

        with ThreadPoolExecutor(max_workers=self.jobs) as pool:
            for worker in [pool.submit(work) for _ in range(self.jobs)]:
                worker.result()  # a harness error in a worker surfaces here
        summary.outcomes = {snippet.rel: outcomes[snippet.path] for snippet in snippets}
        summary.pages = {page: page_outcomes[page] for page in by_page}
        with self._lock:
            summary.zygote_import_s, self._new_import_s = self._new_import_s, []
        summary.wall_s = time.perf_counter() - started
        return summary

    def _expected_seconds(self, snippet: Snippet) -> float:
        record = self.store.load(snippet.stem)
        return record.wall_seconds if record else float(snippet.timeout_s)


# what the harness itself writes into a working folder (a dependent's copy leaves them out)
HARNESS_FILES = shutil.ignore_patterns(
    "_request.json", "_result-*.json", "_stdout-*.txt", "_stderr-*.txt", "_network-*.log"
)


@functools.cache
def _machine_name(device: str) -> str:
    """The GPU's name for GPU records (what the evidence page shows), else empty."""
    if device != "GPU":
        return ""
    try:
        out = subprocess.run(
            ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return out.stdout.strip().splitlines()[0] if out.returncode == 0 and out.stdout.strip() else "GPU"
    except (OSError, subprocess.TimeoutExpired):
        return "GPU"
