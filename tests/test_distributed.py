"""The dask path (quotelint/distributed.py, `report --scheduler`) finds what a local run finds,
on a LocalCluster of two small worker processes that the tests start."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_quotelint

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

from quotelint.commands.report import analyse, render  # noqa: E402
from quotelint.distributed import lint_bag  # noqa: E402
from quotelint.linter import Plan  # noqa: E402
from quotelint.registry.load import load_registry  # noqa: E402
from quotelint.report.build import build_report  # noqa: E402
from quotelint.settings import Settings  # noqa: E402
from quotelint.document import read_document  # noqa: E402

SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
REALNEWS = Path(os.environ.get("QUOTELINT_REALNEWS") or ROOT.parent / "shared" / "realnews" / "docs")
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", worker_dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: object) -> Iterator[object]:
    with distributed.Client(cluster) as c:
        yield c


def local_report(paths: list[str]) -> str:
    registry = load_registry([str(ROOT / "rules")])
    plan = Plan.make(registry, Settings())
    return render(build_report([analyse(read_document(p), plan, []) for p in paths]), "json")


def test_lint_bag_of_paths_finds_what_a_local_run_finds(client: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = lint_bag(SEEDS, registry=[str(ROOT / "rules")], client=client)
    assert sum(len(f.items) for f in report.files) > 20
    assert render(report, "json") == local_report(SEEDS)


def test_lint_bag_of_texts_in_a_dask_bag(client: object) -> None:
    import dask.bag

    pairs = [(p, (ROOT / p).read_text(encoding="utf-8")) for p in SEEDS]
    bag = dask.bag.from_sequence(pairs, npartitions=3)
    registry = load_registry([str(ROOT / "rules")])
    report = lint_bag(bag, registry=registry, client=client)
    assert [f.path for f in sorted(report.files, key=lambda f: f.path)] == SEEDS
    assert render(report, "json") == local_report([str(ROOT / p) for p in SEEDS]).replace(str(ROOT) + "/", "")


def test_a_file_not_read_is_a_problem_of_the_report(client: object, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    report = lint_bag([str(bad), str(ROOT / SEEDS[0])], registry=[str(ROOT / "rules")], client=client)
    assert [p for p, _ in report.problems] == [str(bad)]  # the file, with its message
    assert "not valid UTF-8" in report.problems[0][1]
    assert len(report.files) == 1


def scheduler_run(cluster: object, *paths: str) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    args = ("report", *paths, "--registry", "rules", "--format", "json")
    local = run_quotelint(*args, "--jobs", "1", env=ENV)
    remote = run_quotelint(*args, "--scheduler", cluster.scheduler_address, env=ENV)  # type: ignore[attr-defined]
    return local, remote


def test_report_scheduler_prints_the_local_report(cluster: object, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    local, remote = scheduler_run(cluster, "seeds", "missing.txt", str(bad))
    assert remote.returncode == local.returncode == 2, remote.stderr
    assert remote.stdout == local.stdout and '"findings"' in remote.stdout
    assert remote.stderr == local.stderr and "missing.txt: no such file" in remote.stderr and "bad.txt:1: not valid UTF-8" in remote.stderr


def test_check_and_extract_on_a_scheduler_print_what_a_local_run_prints(cluster: object, tmp_path: Path) -> None:
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    for command in (("check", "--also-write", "sarif:{}.sarif"), ("extract", "--format", "json")):
        runs = []
        for where in (("--jobs", "1"), ("--scheduler", address)):
            out = tmp_path / where[0].strip("-")
            args = [a.format(out) for a in command]
            done = run_quotelint(*args, "seeds", "--registry", "rules", *where)
            runs.append((done.stdout, done.stderr, done.returncode, out.with_suffix(".sarif").read_text() if command[0] == "check" else ""))
        assert runs[0] == runs[1]
        assert runs[0][0].count("\n") > 20


@pytest.mark.skipif(not REALNEWS.is_dir(), reason="no ../shared/realnews/docs beside the repository")
def test_report_scheduler_on_the_real_news(cluster: object) -> None:
    local, remote = scheduler_run(cluster, str(REALNEWS))
    assert remote.returncode == local.returncode
    assert remote.stdout == local.stdout and remote.stderr == local.stderr


def test_no_dask_installed_is_a_clear_error() -> None:
    code = "import sys; sys.modules['distributed'] = None; from quotelint.cli import main; raise SystemExit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, "report", "seeds", "--scheduler", "tcp://127.0.0.1:1"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'quotelint[dask]'" in done.stderr and "Traceback" not in done.stderr


def test_a_scheduler_address_that_is_not_one_is_a_clear_error() -> None:
    done = run_quotelint("report", "seeds", "--scheduler", "nonsense://here")
    assert done.returncode == 2 and "cannot reach the dask scheduler" in done.stderr and "Traceback" not in done.stderr


def test_a_local_run_does_not_import_dask() -> None:
    code = "import sys; from quotelint.cli import main; main(['report', 'seeds', '--jobs', '2', '-o', '/dev/null']); print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr
