"""Linting many files on every core: `--jobs N` (the `jobs` setting) for check, extract and report.

Each command names a task, a top-level function `task(doc, plan, skipped) -> value` that turns
one document into what the command keeps of it (findings, a file's report, its quotations). A
serial run calls it on each document in turn; a parallel run sends the paths, never the
documents, in chunks of about the same number of bytes to a pool of processes, each of which
builds the registry and the plan once (from the registry cache) when it starts. The results come
back in the order of the paths, and the problems met on the way (a file not read, a rule skipped,
a missing path, an empty folder) are reported in that order too, so that the output, the warnings
and the exit code are those of a serial run, byte for byte.

With a dask scheduler's address (`--scheduler`), the same tasks run on its cluster instead
(quotelint/distributed.py), and their results are replayed here in the same way.

A small run is not worth a pool: by default (`auto`) the pool starts only for two files or more
holding at least `MIN_BYTES` in all. `--jobs 1` is serial; an explicit `--jobs N` uses up to N
processes whenever there are two files or more.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from quotelint.commands.common import Inputs, Note
from quotelint.document import Document, InputError, kind_for, read_document
from quotelint.errors import UserError
from quotelint.linter import Plan
from quotelint.records import Value
from quotelint.settings import Settings

MIN_BYTES = 512_000  # auto: less than this in all is linted in one process (a pool costs ~0.1 s)
CHUNKS_PER_WORKER = 4  # chunks a worker gets, so that an uneven chunk does not leave a core idle

Task = Callable[[Document, Plan, list[InputError]], object]


class Job(Value):
    """What a worker needs to rebuild the run's plan, and the task it runs on each document."""

    __slots__ = _fields = ("registry", "use_cache", "settings", "task", "limit", "jobs", "scheduler")
    registry: tuple[str, ...]  # the registry files or folders, loaded by each worker
    use_cache: bool
    settings: Settings
    task: Task
    limit: int | None  # max-file-size
    jobs: int | None  # processes asked for; None: auto
    scheduler: str | None  # a dask scheduler's address: lint on its cluster (distributed.py)

    def __init__(
        self,
        registry: tuple[str, ...],
        use_cache: bool,
        settings: Settings,
        task: Task,
        limit: int | None,
        jobs: int | None,
        scheduler: str | None = None,
    ) -> None:
        self.registry = registry
        self.use_cache = use_cache
        self.settings = settings
        self.task = task
        self.limit = limit
        self.jobs = jobs
        self.scheduler = scheduler


def job_for(args: argparse.Namespace, settings: Settings, task: Task, serial: bool = False) -> Job:
    """The run's job: `--jobs` beats the `jobs` setting; `serial` forces one process, here."""
    given = getattr(args, "jobs", None)  # a number, "auto" or None (not given: the setting)
    jobs = 1 if serial else settings.jobs if given is None else None if given == "auto" else given
    registry = tuple(getattr(args, "registry", None) or ()) or settings.registry
    scheduler = None if serial else getattr(args, "scheduler", None)
    return Job(registry, not getattr(args, "no_cache", False), settings, task, settings.max_file_size, jobs, scheduler)


class Unread(Value):
    """An InputError as a worker sends it back (the exception's own pickle loses its path and
    line): a file not read, or a rule skipped for a file."""

    __slots__ = _fields = ("message", "path", "line")
    message: str
    path: str | None
    line: int | None

    def __init__(self, message: str, path: str | None, line: int | None) -> None:
        self.message, self.path, self.line = message, path, line

    @classmethod
    def of(cls, exc: InputError) -> Unread:
        return cls(exc.args[0], exc.path, exc.line)

    def error(self) -> InputError:
        return InputError(self.message, path=self.path, line=self.line)


def cores() -> int:
    """The cores this process may run on (the affinity mask where there is one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int | None, paths: list[str]) -> int:
    """How many processes lint these files: 1 means no pool."""
    if len(paths) < 2 or "-" in paths or jobs == 1:
        return 1
    if jobs is None:
        if total_bytes(paths) < MIN_BYTES:
            return 1
        jobs = cores()
    return max(1, min(jobs, len(paths)))


def total_bytes(paths: Iterable[str]) -> int:
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass  # reported when it is read
    return total


def outcomes(inputs: Inputs, plan: Plan, job: Job) -> Iterator[tuple[str, object]]:
    """(path, value) for each document read, in order; problems reported to `inputs` on the way."""
    entries = list(inputs.entries())
    paths = [e for e in entries if isinstance(e, str)]
    workers = workers_for(job.jobs, paths)
    if job.scheduler:
        from quotelint.distributed import on_scheduler

        results: Iterator[tuple[str, object, list[Unread]]] = iter(on_scheduler(job, paths))
    elif workers == 1:
        yield from serial(inputs, entries, plan, job.task)
        return
    else:
        results = run_pool(job, paths, workers)
    for entry in entries:
        if not isinstance(entry, str):
            inputs.report(entry)
            continue
        path, value, problems = next(results)
        if isinstance(value, Unread):
            inputs.report(value.error())
            continue
        inputs.count += 1
        for problem in problems:
            inputs.report(problem.error())
        yield path, value
    for _ in results:  # lets the pool shut down
        pass


def serial(inputs: Inputs, entries: list[str | InputError | Note], plan: Plan, task: Task) -> Iterator[tuple[str, object]]:
    for entry in entries:
        if not isinstance(entry, str):
            inputs.report(entry)
            continue
        try:
            doc = inputs.read(entry)
        except InputError as exc:
            inputs.report(exc)
            continue
        skipped: list[InputError] = []
        value = task(doc, plan, skipped)
        for problem in skipped:  # a rule that ran out of time: reported like a file not read
            inputs.report(problem)
        yield doc.path, value


def chunks(paths: list[str], workers: int) -> list[list[str]]:
    """Consecutive paths in chunks of about total / (workers * CHUNKS_PER_WORKER) bytes each."""
    sizes = []
    for path in paths:
        try:
            sizes.append(os.stat(path).st_size)
        except OSError:
            sizes.append(0)
    target = max(1, sum(sizes) // (workers * CHUNKS_PER_WORKER))
    out: list[list[str]] = [[]]
    held = 0
    for path, size in zip(paths, sizes):
        if out[-1] and held + size > target:
            out.append([])
            held = 0
        out[-1].append(path)
        held += size
    return out


def run_pool(job: Job, paths: list[str], workers: int) -> Iterator[tuple[str, object, list[Unread]]]:
    """Each path's (path, value or Unread, problems), in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork starts a worker in milliseconds with quotelint already imported; elsewhere the default
    method = "fork" if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=start, initargs=(job,))
    finished = False
    try:
        # Futures, not pool.map: map cancels the pending ones when interrupted, and the pool's own
        # thread then raises on them as the workers stop (InvalidStateError, Python 3.11).
        futures = [pool.submit(lint_chunk, chunk) for chunk in chunks(paths, workers)]
        for future in futures:
            yield from future.result()
        finished = True
    except BrokenProcessPool:
        raise UserError("a worker process stopped unexpectedly (out of memory or killed?); run again with --jobs 1 to see where") from None
    finally:
        if not finished:  # interrupted, failed or abandoned: stop the workers now rather than wait
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True)  # not cancel_futures, for the same reason


# One worker process's plan and task, set once by `start` when the process starts.
_worker: tuple[Plan, Job] | None = None


def start(job: Job) -> None:
    """A worker's initializer: Ctrl-C is the parent's to handle; the registry is loaded once."""
    global _worker
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from quotelint.registry import Registry

    if job.registry:
        from quotelint.registry.cache import load_cached

        registry = load_cached(job.registry, use_cache=job.use_cache)
    else:
        registry = Registry()
    _worker = (Plan.make(registry, job.settings), job)


def lint_chunk(paths: list[str]) -> list[tuple[str, object, list[Unread]]]:
    assert _worker is not None
    plan, job = _worker
    return lint_files(paths, plan, job.task, job.limit)


def lint_files(items: Iterable[str | tuple[str, str]], plan: Plan, task: Task, limit: int | None) -> list[tuple[str, object, list[Unread]]]:
    """Run the task on each file (a path, or a name and its text); problems go back as Unread."""
    out: list[tuple[str, object, list[Unread]]] = []
    for item in items:
        path = item if isinstance(item, str) else item[0]
        try:
            doc = read_document(path, limit=limit) if isinstance(item, str) else Document.from_text(item[1], path, kind_for(path))
        except InputError as exc:
            out.append((path, Unread.of(exc), []))
            continue
        skipped: list[InputError] = []
        value = task(doc, plan, skipped)
        out.append((doc.path, value, [Unread.of(p) for p in skipped]))
    return out
