"""`--jobs`: a run in several processes prints what a serial run prints, byte for byte, and a
worker that dies or a Ctrl-C ends the run at once with a message (the real command throughout)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotelint.commands import parallel
from tests.conftest import ROOT, run_quotelint

CORPORA = ["seeds", "tests/gold/wire", "tests/gold/heldout", "tests/gold/heldout2"]
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}  # the report's date, the same in both runs


def same_as_serial(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    serial = run_quotelint(*args, "--jobs", "1", cwd=cwd, env=ENV)
    both = run_quotelint(*args, "--jobs", "2", cwd=cwd, env=ENV)
    assert (both.stdout, both.stderr, both.returncode) == (serial.stdout, serial.stderr, serial.returncode)
    return both


def test_check_every_format_is_the_same_in_two_processes(tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        also = [f"--also-write={fmt}:{tmp_path / f'{jobs}.{fmt}'}" for fmt in ("json", "sarif", "github")]
        done = run_quotelint("check", *CORPORA, "--jobs", jobs, *also, env=ENV)
        assert done.returncode == 1, done.stderr
        files = {fmt: (tmp_path / f"{jobs}.{fmt}").read_text(encoding="utf-8") for fmt in ("json", "sarif", "github")}
        files["github"] = re.sub(r"\b[0-9a-f]{32}\b", "TOKEN", files["github"])  # a random token per run
        outputs[jobs] = (done.stdout, done.stderr, files)
    assert outputs["1"] == outputs["2"]
    assert "Found" in outputs["2"][0] and '"findings"' in outputs["2"][2]["json"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_report_is_the_same_in_two_processes(fmt: str) -> None:
    done = same_as_serial("report", *CORPORA, "--format", fmt)
    assert done.returncode == 1 and "seeds" in done.stdout


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_extract_is_the_same_in_two_processes(fmt: str) -> None:
    done = same_as_serial("extract", *CORPORA, "--format", fmt)
    assert done.returncode == 0 and done.stdout.count("\n") > 100


def test_problems_are_reported_where_a_serial_run_reports_them(tmp_path: Path) -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "002_binary.txt").write_bytes(b"Caf\xe9 owners said \xff\xfe.\n")
    (tmp_path / "empty").mkdir()
    done = same_as_serial("check", str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "empty"))
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert errors[0].startswith(f"quotelint: {tmp_path / '002_binary.txt'}:1: not valid UTF-8")
    assert errors[1] == f"quotelint: {tmp_path / 'missing.txt'}: no such file or directory"
    assert "no file quotelint reads in this folder" in errors[2]
    assert "Found" in done.stdout and "in 5 files" in done.stdout  # the other files are checked


def test_jobs_must_be_a_number_or_auto(tmp_path: Path) -> None:
    done = run_quotelint("check", "seeds", "--jobs", "0")
    assert done.returncode == 2 and "--jobs" in done.stderr and "Traceback" not in done.stderr
    (tmp_path / ".quotelint.yaml").write_text("jobs: many\n", encoding="utf-8")
    done = run_quotelint("check", str(ROOT / "seeds"), "--registry", str(ROOT / "rules"), cwd=tmp_path)
    assert done.returncode == 2 and "setting 'jobs'" in done.stderr
    (tmp_path / ".quotelint.yaml").write_text("jobs: 2\n", encoding="utf-8")
    assert run_quotelint("check", str(ROOT / "seeds"), "--registry", str(ROOT / "rules"), cwd=tmp_path).returncode == 1


def test_a_small_run_starts_no_pool_unless_asked() -> None:
    seeds = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert parallel.workers_for(None, seeds) == 1  # 100 KB: not worth a pool
    assert parallel.workers_for(None, seeds[:1]) == 1
    assert parallel.workers_for(2, seeds) == 2
    assert parallel.workers_for(8, seeds) == len(seeds)
    assert parallel.workers_for(2, [*seeds, "-"]) == 1
    assert parallel.workers_for(1, seeds) == 1


def test_chunks_keep_the_order_and_split_by_bytes(tmp_path: Path) -> None:
    paths = []
    for i, size in enumerate([10, 10, 10, 10, 400, 10, 10, 10]):
        path = tmp_path / f"{i}.txt"
        path.write_text("x" * size, encoding="utf-8")
        paths.append(str(path))
    out = parallel.chunks(paths, 2)
    assert [p for chunk in out for p in chunk] == paths
    assert [paths[4]] in out  # the large file alone
    assert 3 <= len(out) <= 8


# Runs the real command with the workers' function replaced: one that dies, or one that waits.
DRIVER = """
import os, sys, time
import quotelint.commands.parallel as parallel

def lint_chunk(paths):
    if os.environ["WORKER"] == "die":
        os._exit(3)
    with open(os.environ["MARK"], "a") as fh:
        fh.write(f"{os.getpid()}\\n")
    time.sleep(120)

parallel.lint_chunk = lint_chunk
from quotelint.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def driver(worker: str, mark: Path, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1", "WORKER": worker, "MARK": str(mark), "QUOTELINT_CACHE_DIR": str(ROOT / ".pytest_cache" / "quotelint")}
    return subprocess.Popen([sys.executable, "-c", DRIVER, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)  # type: ignore[call-overload]


def test_a_worker_that_dies_ends_the_run_with_exit_2(tmp_path: Path) -> None:
    proc = driver("die", tmp_path / "mark", "check", "seeds", "--jobs", "2")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert "a worker process stopped unexpectedly" in err and "Traceback" not in err
    assert out == ""


def test_a_small_run_or_one_file_lints_in_the_one_process(tmp_path: Path) -> None:
    for args in (("seeds",), ("seeds/000_4fd708e834c0927c.txt", "--jobs", "2")):  # auto, 100 KB; one file
        proc = driver("die", tmp_path / "mark", "check", *args)  # a worker would die: none starts
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 1 and "worker" not in err, err
        assert "Found" in out


def test_fix_lints_in_one_process_whatever_jobs_says(tmp_path: Path) -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    proc = driver("die", tmp_path / "mark", "check", str(tmp_path), "--fix", "--jobs", "2", "--registry", "rules")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "worker" not in err, err
    assert "fixed" in (out + err).lower()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_ctrl_c_stops_every_process(tmp_path: Path) -> None:
    mark = tmp_path / "mark"
    proc = driver("wait", mark, "check", "seeds", "--jobs", "2", start_new_session=True)
    deadline = time.monotonic() + 30
    while not (mark.exists() and len(mark.read_text().split()) == 2) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(pid) for pid in mark.read_text().split()]
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the whole process group
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err.strip() == "quotelint: interrupted" and out == ""
    time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
