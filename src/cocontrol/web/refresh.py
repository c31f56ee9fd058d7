"""Background recomputation of a region's results (后台重新计算).

After a data change (the generation counter in the ``settings`` table is bumped) the pages keep
answering from the last complete :class:`~cocontrol.reports.workspace.Results` while a job
recomputes (region, year) for the new generation in a worker thread owned by the app.

* **One job per (region, year, generation).** A job queued for an older generation is skipped
  when a newer one is queued behind it; a generation already computed is never recomputed.
* **Shared between worker processes.** Results are pickled to
  ``COCONTROL_HOME/results/<release>+<code digest>/<region>/<year>/<generation>.pickle`` (written whole through
  :func:`cocontrol.files.write_atomic`); progress and errors go to ``status.json`` beside them.
  A file lock (``fcntl.flock`` on ``lock`` in the same folder) lets one process compute while
  the others wait for its file, then read it instead of computing it again. The kernel drops
  the lock when a process dies, so a crashed worker never blocks the others.
* **Errors are recorded, never swallowed.** A failing job is logged with its traceback and its
  message is written to ``status.json`` (``state: failed``); every process then shows it, the
  last good results stay on the pages, and the next data change (or :meth:`Refresher.retry`)
  tries again.

The pickles are written and read only by this application under ``COCONTROL_HOME``; that folder
must not be writable by anyone else (the same trust as the database file).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cocontrol.files import write_atomic, write_bytes_atomic
from cocontrol.fingerprint import code_fingerprint
from cocontrol.reports.workspace import LAYER_NAMES, Results

log = logging.getLogger(__name__)

Key = tuple[str, int]
"""(region, year)."""

Compute = Callable[[str, int, Callable[[str], None]], Results]
"""``compute(region, year, progress)``: the results, calling ``progress(step label)`` per step."""

STEPS = ("读取规划与填报数据", *LAYER_NAMES.values(), "保存计算结果")
"""The steps a job reports (database read, the four layers of ``gather``, saving)."""

KEEP = 2
"""Result files kept per (region, year): the newest and the one before (a reader may hold it)."""


@dataclass(frozen=True)
class Progress:
    """Where the results of one (region, year) stand against the wanted data generation.

    ``state``: ``done`` (results of ``generation`` or newer in hand), ``queued`` (waiting for a
    worker thread here), ``running`` (being computed, by this or another process), ``waiting``
    (another process holds the lock), ``failed`` (the job for ``generation`` failed: ``error``).
    ``shown`` is the generation of the results the pages show (None: nothing computed yet).
    """

    region: str
    year: int
    generation: int
    shown: int | None
    state: str
    step: str = ""
    index: int = 0
    total: int = len(STEPS)
    error: str | None = None

    @property
    def fraction(self) -> float:
        """Share of the job done (0–1): finished steps over all steps."""
        return 1.0 if self.state == "done" else min(self.index, self.total) / self.total

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "fraction": round(self.fraction, 3)}


def _folder_name(region: str) -> str:
    """A file-system-safe, collision-free folder name for a region (readable part + hash)."""
    readable = re.sub(r"\W", "_", region)[:40]
    return f"{readable}-{hashlib.sha256(region.encode('utf-8')).hexdigest()[:10]}"


class ResultFiles:
    """Result pickles, ``status.json`` and the lock file of every (region, year)."""

    def __init__(self, home: Path) -> None:
        self.root = home / "results" / code_fingerprint()  # results of other code are not reused

    def folder(self, key: Key) -> Path:
        return self.root / _folder_name(key[0]) / str(key[1])

    def newest(self, key: Key) -> tuple[int, Path] | None:
        """(generation, path) of the newest result file, None when there is none."""
        try:
            names = os.listdir(self.folder(key))
        except FileNotFoundError:
            return None
        gens = [int(n[:-7]) for n in names if n.endswith(".pickle") and n[:-7].isdigit()]
        return (max(gens), self.folder(key) / f"{max(gens)}.pickle") if gens else None

    def load(self, key: Key) -> tuple[int, Results] | None:
        """The newest results (retrying when a writer pruned the file just listed); None when
        there are none or the file cannot be read (logged; the job then computes it again)."""
        for _ in range(3):
            found = self.newest(key)
            if found is None:
                return None
            try:
                with open(found[1], "rb") as fh:
                    return found[0], pickle.load(fh)
            except FileNotFoundError:
                continue
            except Exception:  # unreadable (e.g. written by other code): recompute, never crash a page
                log.warning("cannot read %s; it will be computed again", found[1], exc_info=True)
                return None
        return None

    def save(self, key: Key, gen: int, results: Results) -> Path:
        """Write the results of ``gen`` whole (temporary file and rename), prune older files."""
        path = write_atomic(self.folder(key) / f"{gen}.pickle",
                            lambda tmp: Path(tmp).write_bytes(pickle.dumps(results, protocol=5)))
        gens = sorted(int(p.stem) for p in self.folder(key).glob("*.pickle") if p.stem.isdigit())
        for old in gens[:-KEEP]:
            (self.folder(key) / f"{old}.pickle").unlink(missing_ok=True)
        return path

    def read_status(self, key: Key) -> dict[str, Any] | None:
        try:
            return json.loads((self.folder(key) / "status.json").read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def write_status(self, key: Key, **status: Any) -> None:
        data = json.dumps({**status, "pid": os.getpid(), "at": time.time()}, ensure_ascii=False)
        write_bytes_atomic(self.folder(key) / "status.json", data.encode("utf-8"))

    @contextmanager
    def try_lock(self, key: Key) -> Iterator[bool]:
        """Hold the (region, year) lock if nobody else does; yields whether it was taken."""
        self.folder(key).mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder(key) / "lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(fd)  # closing the descriptor releases the lock


class Refresher:
    """Worker threads that bring each (region, year) up to the wanted data generation.

    With ``remote`` (the app's default) a worker thread hands the computation to a child
    process (a ``spawn`` process pool of ``workers`` processes), which reports its steps to
    ``status.json`` and writes the results file; the request threads then never compete with
    the computation for the interpreter lock. Without it (or after ``compute`` is replaced —
    tests wrap it, e.g. to make it wait on an event) ``compute`` runs in the worker thread.
    :meth:`start`/:meth:`stop` belong to the app's lifespan; :meth:`ensure` also starts the
    threads when no lifespan ran (a bare ``TestClient``).
    """

    def __init__(self, files: ResultFiles, compute: Compute, workers: int = 1, poll: float = 0.2,
                 remote: Callable[[str, int, int], None] | None = None) -> None:
        self.files, self.workers, self.poll = files, max(1, workers), poll
        self._compute_fn = compute
        self.remote = remote
        self._processes: ProcessPoolExecutor | None = None
        self.prepare: Callable[[Results], None] | None = None
        """Called in the worker thread with new results before the pages see them (to derive
        what every page needs, so the first request after a job does not pay for it)."""
        self.version = 0
        """Bumped whenever newer results are installed (memoised views depend on it)."""
        self._results: dict[Key, tuple[int, Results]] = {}
        self._jobs: dict[Key, int] = {}
        self._local: dict[Key, Progress] = {}
        self._failed: dict[Key, Progress] = {}
        self._queue: queue.Queue[tuple[Key, int] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

    @property
    def compute(self) -> Compute:
        """The computation run in a worker thread (when there is no ``remote``)."""
        return self._compute_fn

    @compute.setter
    def compute(self, fn: Compute) -> None:
        """Replace the computation (tests wrap it); it then runs in the worker thread."""
        self._compute_fn, self.remote = fn, None

    def start(self) -> None:
        with self._lock:
            if self._threads and not self._stopping.is_set():
                return
            self._stopping.clear()
            self._threads = [threading.Thread(target=self._worker, daemon=True, name=f"cocontrol-refresh-{i}")
                             for i in range(self.workers)]
            for t in self._threads:
                t.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the worker threads (a running job finishes its step; queued jobs are dropped)."""
        self._stopping.set()
        for _ in self._threads:
            self._queue.put(None)
        for t in self._threads:
            t.join(timeout)
        with self._lock:
            if self._processes is not None:
                self._processes.shutdown(wait=True, cancel_futures=True)
                self._processes = None
            self._threads = []
            self._jobs.clear()
            self._local.clear()

    # -- reading -------------------------------------------------------------------------------

    def latest(self, key: Key, wanted: int) -> tuple[int, Results] | None:
        """The newest complete results (generation, results) — from memory, or from the files
        another process (or an earlier run) wrote when memory holds nothing as new as ``wanted``."""
        hit = self._results.get(key)
        if hit and hit[0] >= wanted:
            return hit
        found = self.files.newest(key)
        if found and (hit is None or found[0] > hit[0]):
            loaded = self.files.load(key)
            if loaded:
                self._install(key, *loaded)
                return self._results[key]
        return hit

    def _install(self, key: Key, gen: int, results: Results, prepare: bool = False) -> None:
        if prepare and self.prepare is not None:
            try:
                self.prepare(results)
            except Exception:  # deriving is the pages' business; they report their own gaps
                log.exception("preparing the results of %s %s", *key)
        with self._lock:
            hit = self._results.get(key)
            if hit is None or hit[0] < gen:
                self._results[key] = (gen, results)
                self.version += 1
            self._changed.notify_all()

    def progress(self, key: Key, gen: int) -> Progress:
        """Where (region, year) stands against generation ``gen`` (see :class:`Progress`)."""
        hit = self.latest(key, gen)
        shown = hit[0] if hit else None
        if shown is not None and shown >= gen:
            return Progress(key[0], key[1], gen, shown, "done", index=len(STEPS))
        st = self.files.read_status(key)
        if st and st.get("generation", -1) >= gen and st.get("state") in ("running", "failed"):
            return Progress(key[0], key[1], gen, shown, st["state"], st.get("step", ""),
                            int(st.get("index", 0)), len(STEPS), st.get("error"))
        failed = self._failed.get(key)
        if failed is not None and failed.generation >= gen:
            return Progress(key[0], key[1], gen, shown, "failed", error=failed.error)
        local = self._local.get(key)
        if local is not None and local.generation >= gen:
            return Progress(key[0], key[1], gen, shown, local.state, local.step, local.index)
        return Progress(key[0], key[1], gen, shown, "idle")

    # -- scheduling ----------------------------------------------------------------------------

    def ensure(self, key: Key, gen: int) -> Progress:
        """Schedule a job for ``gen`` unless it is done, queued here, or failed (then its error
        stands until the data changes again or :meth:`retry`); returns the progress. A job
        another process runs is still queued here: it waits on the lock and reads that
        process's file (or computes, should that process have died)."""
        now = self.progress(key, gen)
        if now.state in ("done", "failed"):
            return now
        with self._lock:
            if self._jobs.get(key, -1) >= gen:
                return now
            self._jobs[key] = gen
            self._local[key] = Progress(key[0], key[1], gen, now.shown, "queued")
            self._queue.put((key, gen))
        self.start()
        return self.progress(key, gen)

    def retry(self, key: Key, gen: int) -> Progress:
        """Clear a recorded failure of ``gen`` and schedule it again."""
        with self._lock:
            self._failed.pop(key, None)
        st = self.files.read_status(key)
        if st and st.get("state") == "failed" and st.get("generation", -1) >= gen:
            with self.files.try_lock(key) as got:
                if got:
                    self.files.write_status(key, generation=gen, state="retry", step="", index=0, error=None)
        return self.ensure(key, gen)

    def wait(self, keys: list[Key], gen: int, timeout: float) -> list[Progress]:
        """Block until every key is done or failed for ``gen`` (or ``timeout`` seconds pass)."""
        deadline = time.monotonic() + timeout
        while True:
            states = [self.ensure(k, gen) for k in keys]
            if all(p.state in ("done", "failed") for p in states) or time.monotonic() >= deadline:
                return states
            with self._changed:
                self._changed.wait(min(self.poll, max(0.0, deadline - time.monotonic())))

    # -- the job -------------------------------------------------------------------------------

    def _worker(self) -> None:
        while not self._stopping.is_set():
            item = self._queue.get()
            if item is None:
                return
            key, gen = item
            if self._jobs.get(key) != gen:  # superseded by a newer generation
                continue
            try:
                self._job(key, gen)
            except Exception as exc:  # e.g. the results folder cannot be written
                self._record_failure(key, gen, exc)
            finally:
                with self._lock:
                    if self._jobs.get(key) == gen:
                        del self._jobs[key]
                        self._local.pop(key, None)
                    self._changed.notify_all()

    def _record_failure(self, key: Key, gen: int, exc: Exception, index: int = 0) -> None:
        """Log the traceback, keep the error for this process and write it to ``status.json``
        for the others (when even that fails, this process still shows it)."""
        log.error("recomputing %s %s (generation %s) failed", key[0], key[1], gen, exc_info=exc)
        error = failure_text(exc)
        with self._lock:
            self._failed[key] = Progress(key[0], key[1], gen, None, "failed", index=index, error=error)
        try:
            self.files.write_status(key, generation=gen, state="failed", step="", index=index, error=error)
        except OSError:
            log.exception("could not record the failure of %s %s in status.json", key[0], key[1])

    def _set_local(self, key: Key, gen: int, state: str, step: str = "", index: int = 0) -> None:
        with self._lock:
            self._local[key] = Progress(key[0], key[1], gen, None, state, step, index)

    def _job(self, key: Key, gen: int) -> None:
        while not self._stopping.is_set():
            with self.files.try_lock(key) as got:
                if got:
                    found = self.files.newest(key)
                    loaded = self.files.load(key) if found and found[0] >= gen else None
                    if loaded and loaded[0] >= gen:  # another process finished it
                        self._install(key, *loaded, prepare=True)
                        return
                    self._compute(key, gen)
                    return
            # another process computes this (region, year): wait for its file or its error
            self._set_local(key, gen, "waiting", "其他进程正在计算")
            found = self.files.newest(key)
            if found and found[0] >= gen:
                self.latest(key, gen)
                return
            st = self.files.read_status(key)
            if st and st.get("generation", -1) >= gen and st.get("state") == "failed":
                return
            self._stopping.wait(self.poll)

    def _compute(self, key: Key, gen: int) -> None:
        started = time.monotonic()
        steps: list[str] = []
        try:
            if self.remote is not None:  # in a child process: it writes the file and the steps
                pool = self._pool()
                if pool is None:  # the app is stopping: leave the job to the next start
                    return
                pool.submit(self.remote, key[0], key[1], gen).result()
                loaded = self.files.load(key)
                if loaded is None or loaded[0] < gen:
                    raise RuntimeError(f"the computing process wrote no results for generation {gen}")
                results = loaded[1]
            else:
                progress = status_writer(self.files, key, gen, steps)
                results = self.compute(key[0], key[1], progress)
                progress(STEPS[-1])
                self.files.save(key, gen, results)
        except Exception as exc:
            if self._stopping.is_set():  # interrupted by the app stopping: not a failure
                return
            if isinstance(exc, BrokenProcessPool):  # a child died (e.g. killed): fresh pool next time
                with self._lock:
                    self._processes = None
            self._record_failure(key, gen, exc, max(0, len(steps) - 1))
            return
        self._install(key, gen, results, prepare=True)
        self.files.write_status(key, generation=gen, state="done", step="", index=len(STEPS), error=None,
                                seconds=round(time.monotonic() - started, 2))

    def _pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._stopping.is_set():
                return None
            if self._processes is None:
                self._processes = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                      initializer=die_with_parent, initargs=(os.getpid(),))
            return self._processes


PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal the kernel sends this process when its parent dies."""


def die_with_parent(parent: int) -> None:
    """In a computing child process: ask the kernel (Linux ``prctl(PR_SET_PDEATHSIG,
    SIGKILL)``) to kill this process when the server that started it dies, even by ``kill -9``;
    exit at once when it already has. Elsewhere (no ``prctl``) the pool's own shutdown applies."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def status_writer(files: ResultFiles, key: Key, gen: int, steps: list[str] | None = None) -> Callable[[str], None]:
    """A ``progress`` callback writing each step (label and index) to ``status.json``."""
    seen = steps if steps is not None else []

    def progress(step: str) -> None:
        seen.append(step)
        files.write_status(key, generation=gen, state="running", step=step, index=len(seen) - 1, error=None)

    return progress


def compute_in_process(compute: Callable[[], Compute], home: Path, region: str, year: int, gen: int) -> None:
    """Run in a child process: compute (region, year) with the computation ``compute()``
    builds, reporting steps to ``status.json``, and write the results file the parent then
    reads (:meth:`Refresher._compute`)."""
    files = ResultFiles(home)
    progress = status_writer(files, (region, year), gen)
    results = compute()(region, year, progress)
    progress(STEPS[-1])
    files.save((region, year), gen, results)


def failure_text(exc: BaseException) -> str:
    """What a page says of a failed computation: the user's own error in both languages
    (``中文 / English``, :func:`cocontrol.messages.texts`) when it is one, else nothing — the
    page then says the error is in the server log (never an exception's type or text)."""
    from cocontrol.errors import CocontrolError

    if isinstance(exc, CocontrolError):
        from cocontrol.messages import texts

        zh, en = texts(exc)
        return zh if not en or en == zh else f"{zh} / {en}"
    return ""
