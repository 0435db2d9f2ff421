"""Start-up and memory of `quotelint check`: the pre-commit case, and peak memory at scale.

    python bench/startup.py                      # latency (10 runs) and memory (50 MB)
    python bench/startup.py --runs 20 --no-memory
    python bench/startup.py --no-memory --instructions   # also instructions counted by valgrind
    python bench/startup.py --no-latency --megabytes 10 --cases files
    PYTHONPATH=../other-checkout python bench/startup.py   # another checkout's quotelint, same inputs

Latency: one article of about 5 KB (paragraphs of the seeds) in a folder whose pyproject.toml
names a copy of the project registry, checked with the registry cache warm, as pre-commit runs
it (`quotelint check one.txt` in that folder). Printed: the median wall and CPU time of the
whole process, of `python -c pass` (the interpreter), of codespell on the same file when it is
installed, and a breakdown measured inside one process: imports (the modules a check run
loads), the settings and registry (the cache), and the lint (read, analyse, render); and,
across those phases, the classes built (a dataclass or NamedTuple compiles generated code when
its module is imported: Python 3.11 compiles each of a dataclass's methods, and each field's
annotation of a NamedTuple) and the patterns compiled (`regex` parses each one in Python).

Memory: peak resident memory of `quotelint check --format json` on MEGABYTES of article-sized
files (about 20 KB each, made of the seeds' paragraphs shuffled, so that no two are the same)
and on one file of MEGABYTES (the same paragraphs, shuffled). Runs write and use Python's
bytecode cache, as an installed quotelint does (PYTHONDONTWRITEBYTECODE is unset). Wall times
on a shared machine are noisy: compare the CPU times, and medians of several runs, or the
instructions `--instructions` counts with valgrind (one run each, the same under load). For the
figure a user gets, run it with the Python of a regular install (`pip install .` into a scratch
venv): an editable install (`pip install -e .`) adds its import finder, about 10 ms of CPU, to
every start of Python, `python -c pass` included.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = 20_000  # bytes of one article-sized file in the memory case

# Run inside the project folder: times the phases of one `quotelint check one.txt` in one process,
# and, across them, the classes built (each dataclass and NamedTuple compiles generated code when
# its module is imported) and the patterns compiled (`regex` parses a pattern in Python).
BREAKDOWN = """
import sys, time
from importlib.machinery import PathFinder
t0, c0 = time.perf_counter(), time.process_time()
import typing, regex._main

def tallied(module, name, tally):
    real = getattr(module, name, None)
    if real is None:  # another Python's or regex's internals: not counted
        return
    def wrapper(*args, **kwargs):
        a, b = time.perf_counter(), time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            tally[0] += time.perf_counter() - a
            tally[1] += time.process_time() - b
            tally[2] += 1
    setattr(module, name, wrapper)

class Dataclasses:  # its class builder counted if the run imports dataclasses (and inspect with it)
    def find_spec(self, name, path=None, target=None):
        if name != "dataclasses":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            tallied(module, "_process_class", classes)
        spec.loader.exec_module = exec_module
        return spec

classes, patterns = [0.0, 0.0, 0], [0.0, 0.0, 0]
sys.meta_path.insert(0, Dataclasses())
tallied(typing, "_make_nmtuple", classes)
tallied(regex._main, "_compile", patterns)
import quotelint.commands.common as common
from quotelint.cli import main
for name in sys.argv[1:]:
    __import__(name)
t1, c1 = time.perf_counter(), time.process_time()
spent = [0.0, 0.0]
load = common.registry_from
def timed(*args):
    a, b = time.perf_counter(), time.process_time()
    try:
        return load(*args)
    finally:
        spent[0] += time.perf_counter() - a
        spent[1] += time.process_time() - b
common.registry_from = timed
import contextlib, io  # loaded already by quotelint.cli
with contextlib.redirect_stdout(io.StringIO()):  # not -o /dev/null: a run would load quotelint.writes for it, and refuse a device
    code = main(["check", "one.txt"])
t2, c2 = time.perf_counter(), time.process_time()
print(t1 - t0, c1 - c0, spent[0], spent[1], t2 - t1 - spent[0], c2 - c1 - spent[1], *classes, *patterns, code)
"""
IMPORTED = (
    "import contextlib, io, sys; from quotelint.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', 'one.txt'])\n"
    "print(' '.join(m for m in sys.modules if m.startswith('quotelint')))"
)


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return out


def article(paras: list[str], rng: random.Random, size: int) -> str:
    chosen: list[str] = []
    total = 0
    while total < size:
        p = rng.choice(paras)
        chosen.append(p)
        total += len(p.encode("utf-8")) + 2
    return "\n\n".join(chosen) + "\n"


def timed_run(command: list[str], cwd: Path, env: dict[str, str], ok: int = 1) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak resident KiB and exit code of one process (an exit code
    above `ok` stops the bench)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode > ok:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}): {stderr[:500]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


def median_run(command: list[str], cwd: Path, env: dict[str, str], runs: int, ok: int = 1) -> tuple[float, float]:
    results = [timed_run(command, cwd, env, ok) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def instructions(command: list[str], cwd: Path, env: dict[str, str], folder: Path) -> int:
    """Instructions the whole process runs, counted by valgrind's callgrind: the same from run
    to run whatever else the machine does (string hashing fixed by PYTHONHASHSEED=0)."""
    out = folder / "callgrind.out"
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command], cwd=cwd, env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True
    )
    out.unlink(missing_ok=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"valgrind counted nothing for {' '.join(command)}: {done.stderr[-500:]}")
    return int(found.group(1))


def latency(folder: Path, env: dict[str, str], runs: int, counting: bool = False) -> None:
    project = folder / "project"
    project.mkdir()
    shutil.copytree(ROOT / "rules", project / "rules")
    (project / "pyproject.toml").write_text('[tool.quotelint]\nregistry = ["rules"]\n', encoding="utf-8")
    (project / "one.txt").write_text(article(paragraphs(), random.Random(5), 5_000), encoding="utf-8")
    check = [sys.executable, "-m", "quotelint", "check", "one.txt"]
    timed_run(check, project, env)  # fills the registry cache
    commands = [("python -c pass", [sys.executable, "-c", "pass"], 1), ("quotelint check one.txt", check, 1)]
    codespell = shutil.which("codespell") or shutil.which("codespell", path=os.path.dirname(sys.executable))
    if codespell:
        commands.append(("codespell one.txt", [codespell, "one.txt"], 255))
    rows = [(name, median_run(command, project, env, runs, ok)) for name, command, ok in commands]
    size = (project / "one.txt").stat().st_size
    print(f"One article of {size:,} bytes, registry cache warm; median of {runs} runs")
    counted = {name: instructions(command, project, env, folder) for name, command, _ in commands} if counting else {}
    print(f"{'':28} {'wall ms':>8} {'CPU ms':>8}" + (f" {'M instr':>8}" if counted else ""))
    for name, (wall, cpu) in rows:
        print(f"{name:28} {wall * 1000:8.1f} {cpu * 1000:8.1f}" + (f" {counted[name] / 1e6:8.1f}" if counted else ""))
    modules = subprocess.run([sys.executable, "-c", IMPORTED], cwd=project, env=env, capture_output=True, text=True, check=True).stdout.split()
    phases = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", BREAKDOWN, *modules], cwd=project, env=env, capture_output=True, text=True, check=True)
        phases.append([float(x) for x in out.stdout.split()[:12]])
    print(f"inside one process ({len(modules)} quotelint modules), median of {runs}:")
    for k, name in enumerate(("imports", "settings and registry", "lint and output")):
        wall = statistics.median(p[2 * k] for p in phases)
        cpu = statistics.median(p[2 * k + 1] for p in phases)
        print(f"  {name:26} {wall * 1000:8.1f} {cpu * 1000:8.1f}")
    print("across the phases:")
    for k, name in ((6, "classes built"), (9, "patterns compiled")):
        wall = statistics.median(p[k] for p in phases)
        cpu = statistics.median(p[k + 1] for p in phases)
        label = f"{name} ({int(phases[0][k + 2])})"
        print(f"  {label:26} {wall * 1000:8.1f} {cpu * 1000:8.1f}")


def memory(folder: Path, env: dict[str, str], megabytes: int, cases: list[str]) -> None:
    paras = paragraphs()
    rng = random.Random(16)
    many = folder / "articles"
    many.mkdir()
    target = megabytes * 1_000_000
    written = count = 0
    while written < target:
        text = article(paras, rng, ARTICLE).encode("utf-8")
        (many / f"{count:05}.txt").write_bytes(text)
        written += len(text)
        count += 1
    one = folder / "one-file.txt"
    with open(one, "wb") as fh:
        size = 0
        while size < target:
            text = article(paras, rng, ARTICLE).encode("utf-8") + b"\n"
            fh.write(text)
            size += len(text)
    settings = folder / "unlimited.yaml"  # the project's registry, without the file size limit
    settings.write_text(f'registry: ["{ROOT / "rules"}"]\nmax-file-size: 0\n', encoding="utf-8")
    print(f"Peak memory of `quotelint check --format json` (MiB); MB is 10^6 bytes")
    chosen = {"files": (f"{megabytes} MB as {count:,} files", many), "one": (f"one {megabytes} MB file", one)}
    for name, path in (chosen[c] for c in cases):
        wall, cpu, peak, _ = timed_run([sys.executable, "-m", "quotelint", "check", "--config", str(settings), "--format", "json", str(path)], folder, env)
        print(f"  {name:28} {peak / 1024:8.0f} MiB  ({wall:.1f} s wall, {cpu:.1f} s CPU, {megabytes / wall:.2f} MB/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="runs per latency figure (median)")
    parser.add_argument("--megabytes", type=int, default=50, help="size of each memory case")
    parser.add_argument("--no-latency", dest="latency", action="store_false")
    parser.add_argument("--no-memory", dest="memory", action="store_false")
    parser.add_argument("--instructions", action="store_true", help="also count each latency command's instructions with valgrind (callgrind): steady on a busy machine")
    parser.add_argument("--cases", nargs="+", choices=("files", "one"), default=["files", "one"], help="memory cases: article-sized files, one file")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"QUOTELINT_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"})
        if opts.latency:
            if opts.instructions and not shutil.which("valgrind"):
                sys.exit("--instructions needs valgrind")
            latency(folder, env, opts.runs, opts.instructions)
        if opts.memory:
            memory(folder, env, opts.megabytes, opts.cases)


if __name__ == "__main__":
    main()
