"""Linting a corpus on a dask `distributed` cluster (`pip install 'quotelint[dask]'`).

    from dask.distributed import Client
    from quotelint.distributed import lint_bag

    with Client("tcp://scheduler:8786") as client:
        report = lint_bag(["articles/a.md", "articles/b.md"], registry=["registry/"], client=client)
    print(render(report, "markdown"))  # quotelint.commands.report.render, as `quotelint report` prints

The registry is loaded once, on the client, from its YAML files (not from the registry cache,
which is a file on this machine) and sent once to every worker (`Client.scatter(broadcast=True)`);
the tasks name it, and each worker keeps the one copy with the indexes it builds on first use.
Each document becomes what `quotelint report` keeps of it (a `FileReport`), and the files are
gathered into one `Report` in the order they were given, as a local run makes it. Paths are read by
the workers, as the workers see them (a shared folder); a bag of `(name, text)` pairs carries
its text along instead. Documentation: docs/distributed.md.

dask is imported here only: nothing else in quotelint imports this module but `--scheduler`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from quotelint.commands.parallel import Job, Task, Unread, lint_files
from quotelint.errors import UserError
from quotelint.registry import Registry
from quotelint.settings import Settings

if TYPE_CHECKING:
    from quotelint.report.model import Report, RunInfo

Outcome = tuple[str, object, list[Unread]]  # path, the task's value or Unread, problems


def dask_modules() -> tuple[Any, Any]:
    """dask.bag and distributed, or a UserError that says how to install them."""
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise UserError("linting on a dask cluster needs the dask extra: pip install 'quotelint[dask]'") from None
    return dask.bag, distributed


def lint_bag(
    documents: Any,
    registry: Registry | Sequence[str] = (),
    settings: Settings | None = None,
    client: Any = None,
    run: RunInfo | None = None,
) -> Report:
    """Lint a dask bag of paths or of `(name, text)` pairs, or a list of paths, on the cluster of
    `client` (default: the current one), and gather the findings into one report.

    `registry` is a Registry or the registry's files and folders (loaded here, from YAML);
    `settings` as `quotelint.settings.load_settings` gives them. A file that cannot be read, or a
    rule skipped for a file, is a problem of the report (its `problems`), as in a local run."""
    from quotelint.commands.report import analyse
    from quotelint.report.build import build_report

    settings = settings or Settings()
    outcomes = lint_outcomes(documents, registry, settings, client, analyse)
    files = [value for _, value, _ in outcomes if not isinstance(value, Unread)]
    problems = [(u.path or path, u.message) for path, value, found in outcomes for u in ([value] if isinstance(value, Unread) else found)]
    return build_report(files, problems, settings.fail_on, run)  # type: ignore[arg-type]


def lint_outcomes(documents: Any, registry: Registry | Sequence[str], settings: Settings, client: Any = None, task: Task | None = None) -> list[Outcome]:
    """Each document's (path, the task's value or Unread when not read, problems), in the bag's
    order; the task is `quotelint report`'s by default (a FileReport per document)."""
    bag_module, distributed = dask_modules()
    if task is None:
        from quotelint.commands.report import analyse as task
    if not isinstance(registry, Registry):
        registry = load(tuple(registry))
    client = client or distributed.get_client()
    if not isinstance(documents, bag_module.Bag):
        items = list(documents)
        documents = bag_module.from_sequence(items, npartitions=partitions(len(items), client))
    shipped = client.scatter(registry, broadcast=True, hash=False)
    return list(documents.map_partitions(lint_partition, shipped, settings, task).compute(scheduler=client))


def on_scheduler(job: Job, paths: list[str]) -> list[Outcome]:
    """`--scheduler ADDRESS` of check, extract and report: the run's task on that cluster."""
    if "-" in paths:
        raise UserError("--scheduler reads files, not standard input (-)")
    _, distributed = dask_modules()
    try:
        client = distributed.Client(job.scheduler, timeout="20s")
    except (OSError, ValueError) as exc:
        raise UserError(f"--scheduler {job.scheduler}: cannot reach the dask scheduler ({exc})") from None
    with client:
        return lint_outcomes(paths, job.registry, job.settings, client, job.task)


def load(paths: tuple[str, ...]) -> Registry:
    if not paths:
        return Registry()
    from quotelint.registry.load import load_registry

    return load_registry(paths)


def partitions(count: int, client: Any) -> int:
    """About four partitions a worker thread, so that an uneven one does not leave a core idle."""
    threads = sum(client.nthreads().values()) or 1
    return max(1, min(count, threads * 4))


def lint_partition(items: Iterable[str | tuple[str, str]], registry: Registry, settings: Settings, task: Task) -> list[Outcome]:
    """Runs on a worker: one partition's documents, with the worker's one copy of the registry."""
    from quotelint.linter import Plan

    return lint_files(items, Plan.make(registry, settings), task, settings.max_file_size)
