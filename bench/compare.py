"""quotelint beside codespell and typos on the same files, in one run, as one table.

    pip install codespell typos          # the peers, from PyPI (or: pip install -e '.[bench]')
    python bench/compare.py --quick      # 1 MB, the 100,000 registry, one run each: ~70 s of CPU
    python bench/compare.py              # 10 MB and 50 MB, registries of 1,000 to 100,000, median of 3
    python bench/compare.py --sizes 10 --runs 5 --registries 100000

The inputs are built in a temporary folder: for each size, article-sized files of 5-20 KB made
from the seeds' paragraphs, drawn at random and with words and figures changed, so that no two
articles repeat each other (quotelint's per-document memos do not hit, as they do on repeated
seeds, see bench/speed.py); and the same articles as one file. Registries of 1,000 to 100,000
people and quotes come from bench/large_registry.py, added to the project's registry.

Printed, one row per measure: MB/s (file size over wall time, start-up included; median of
--runs), peak memory (maximum resident set of the largest process, from wait4) and CPU seconds
(user + system, workers included) of `quotelint check` with --jobs 1 and --jobs 2, codespell and
typos; the latency of one 5 KB article with a warm registry cache; quotelint's ratios to the
peers (MB/s: quotelint / peer, higher is better; memory, CPU and latency: quotelint / peer, lower
is better); --jobs 2 over --jobs 1 (MB/s: the speed-up; CPU: what the second process costs); quotelint's MB/s with each large
registry; and the time to load the 100,000 registry from its cache. The machine may be shared:
compare the CPU figures as well as the wall times, and ratios taken in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\b[a-z]{4,}\b")
FIGURE = re.compile(r"\d")


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system, waited-for descendants included
    peak_mib: float  # the largest process's maximum resident set


def measure(command: list[str], env: dict[str, str], runs: int) -> Run:
    """Median wall and CPU time, and the highest peak, of `runs` runs of a command."""
    done = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        code = os.waitstatus_to_exitcode(status)
        if code < 0 or (command[1:3] == ["-m", "quotelint"] and code > 1):  # the peers exit non-zero when they find something
            sys.exit(f"{' '.join(command[:4])} ... failed ({code}): {err[:500]}")
        done.append(Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
    return Run(statistics.median(r.seconds for r in done), statistics.median(r.cpu for r in done), max(r.peak_mib for r in done))


def paragraphs() -> list[str]:
    return [line for p in sorted((ROOT / "seeds").glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def article(rng: random.Random, pool: list[str], vocabulary: list[str]) -> str:
    """5-20 KB of paragraphs drawn from the seeds, about one word in eight and every digit changed."""
    target = rng.randint(5_000, 20_000)
    out: list[str] = []
    size = 0
    while size < target:
        text = rng.choice(pool)
        text = WORD.sub(lambda m: rng.choice(vocabulary) if rng.random() < 0.12 else m.group(), text)
        text = FIGURE.sub(lambda m: str(rng.randint(0, 9)), text)
        out.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(out) + "\n"


def build_corpus(folder: Path, megabytes: float, seed: int = 0) -> tuple[Path, Path]:
    """`folder/files/` with articles of `megabytes` MB in all, and `folder/one.txt` holding them all."""
    rng = random.Random(seed)
    pool = paragraphs()
    vocabulary = sorted({w for p in pool for w in WORD.findall(p)})
    files = folder / "files"
    files.mkdir(parents=True)
    target, written, texts = megabytes * 1_000_000, 0, []
    while written < target:
        text = article(rng, pool, vocabulary)
        (files / f"{len(texts):05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
        written += len(text.encode("utf-8"))
    one = folder / "one.txt"
    one.write_text("\n".join(texts), encoding="utf-8")
    return files, one


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.iterdir()) / 1e6


def peers() -> dict[str, list[str]]:
    """The peers' commands, for those installed."""
    found = {}
    for name in ("codespell", "typos"):
        exe = shutil.which(name) or (str(Path(sys.executable).parent / name) if (Path(sys.executable).parent / name).exists() else None)
        if exe:
            found[name] = [exe]
        else:
            print(f"({name} is not installed: pip install {name})", file=sys.stderr)
    return found


def quotelint(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotelint", "check", "--format", "json", "--exit-zero", *args]


def cache_load_seconds(registry: Path, env: dict[str, str], runs: int) -> float:
    """Median time to load a registry from its (warm) cache, in a fresh process each time."""
    code = (
        "import sys, time; from quotelint.registry.cache import load_cached; "
        "t = time.perf_counter(); load_cached(sys.argv[1:]); print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(max(3, runs)):
        out = subprocess.run([sys.executable, "-c", code, str(ROOT / "rules"), str(registry)], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        times.append(float(out.stdout))
    return statistics.median(times)


def cell(value: float | None, fmt: str = "{:.2f}") -> str:
    return "-" if value is None else fmt.format(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50], help="corpus sizes in MB (default: 10 50)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measure; the median is printed (default 3)")
    parser.add_argument("--registries", type=int, nargs="*", default=[1_000, 10_000, 100_000], help="sizes of the generated registries")
    parser.add_argument("--quick", action="store_true", help="1 MB, one run, the 100,000 registry only")
    opts = parser.parse_args()
    if opts.quick:
        opts.sizes, opts.runs, opts.registries = [1], 1, [100_000]
    with tempfile.TemporaryDirectory(prefix="quotelint-bench-") as tmp:
        table(Path(tmp), opts)


def table(tmp: Path, opts: argparse.Namespace) -> None:
    env = {**os.environ, "QUOTELINT_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1"}
    env.pop("QUOTELINT_NO_CACHE", None)
    settings = tmp / "settings.yaml"  # the project's registry, without the file size limit
    settings.write_text(f"registry: [{json.dumps(str(ROOT / 'rules'))}]\nmax-file-size: 0\n", encoding="utf-8")
    base = ["--config", str(settings)]
    tools = {"quotelint -j1": quotelint(*base, "--jobs", "1"), "quotelint -j2": quotelint(*base, "--jobs", "2"), **peers()}
    names = list(tools)
    rows: list[tuple[str, dict[str, str]]] = []

    def add(label: str, size: float, runs: dict[str, Run], what: str) -> None:
        value = {name: (size / r.seconds if what == "MB/s" else r.peak_mib if what == "peak MiB" else r.cpu) for name, r in runs.items()}
        row = {name: cell(v, "{:.2f}" if what != "peak MiB" else "{:.0f}") for name, v in value.items()}
        for peer in ("codespell", "typos"):
            if peer in value:
                row[f"/ {peer}"] = cell(value["quotelint -j1"] / value[peer], "{:.2f}×")
        if what != "peak MiB":
            row["j2 / j1"] = cell(value["quotelint -j2"] / value["quotelint -j1"], "{:.2f}×")  # MB/s: speed-up; CPU: cost
        rows.append((f"{label}: {what}", row))

    measure(quotelint(*base, str(ROOT / "seeds" / "000_4fd708e834c0927c.txt")), env, 1)  # fill the registry cache
    for mb in opts.sizes:
        folder = tmp / f"corpus-{mb:g}"
        files, one = build_corpus(folder, mb)
        count = len(list(files.iterdir()))
        for label, target in ((f"{size_mb(files):.3g} MB as {count} files", files), (f"{size_mb(one):.3g} MB as one file", one)):
            size = size_mb(target)
            runs = {name: measure([*command, str(target)], env, opts.runs) for name, command in tools.items() if not (name == "quotelint -j2" and target == one)}
            runs.setdefault("quotelint -j2", runs["quotelint -j1"])  # one file: one process whatever --jobs says
            for what in ("MB/s", "peak MiB", "CPU s"):
                add(label, size, runs, what)
    small = next(p for p in sorted((tmp / f"corpus-{opts.sizes[0]:g}" / "files").iterdir()) if 4_000 <= p.stat().st_size <= 6_500)
    latency = {name: measure([*command, str(small)], env, max(5, opts.runs)) for name, command in tools.items()}
    row = {name: f"{r.seconds * 1000:.0f}" for name, r in latency.items()}
    for peer in ("codespell", "typos"):
        if peer in latency:
            row[f"/ {peer}"] = f"{latency['quotelint -j1'].seconds / latency[peer].seconds:.2f}×"
    rows.append((f"one {small.stat().st_size / 1000:.1f} KB article: ms", row))
    registries(tmp, opts, env, rows)
    print_table(rows, names + [c for c in ("/ codespell", "/ typos", "j2 / j1") if any(c in r for _, r in rows)])


def registries(tmp: Path, opts: argparse.Namespace, env: dict[str, str], rows: list[tuple[str, dict[str, str]]]) -> None:
    """quotelint's MB/s with the project's registry plus each generated one; cache load time."""
    files = tmp / f"corpus-{opts.sizes[0]:g}" / "files"
    size = size_mb(files)
    for count in opts.registries:
        folder = tmp / f"registry-{count}"
        folder.mkdir()
        # Written by another process: a child's peak memory would count this one's at the fork.
        subprocess.run([sys.executable, str(ROOT / "bench" / "large_registry.py"), "--write", str(count), str(folder)], check=True)
        registry = folder / "registry"
        command = [sys.executable, "-m", "quotelint", "check", "--format", "json", "--exit-zero", "--registry", str(ROOT / "rules"), "--registry", str(registry), "--jobs", "1", str(files)]
        measure([*command[:-1], str(folder / "article.md")], env, 1)  # fill the cache
        run = measure(command, env, opts.runs)
        load = cache_load_seconds(registry, env, opts.runs)
        rows.append((f"+ registry of {count:,}: MB/s on {size:.3g} MB", {"quotelint -j1": f"{size / run.seconds:.2f}"}))
        rows.append((f"+ registry of {count:,}: peak MiB", {"quotelint -j1": f"{run.peak_mib:.0f}"}))
        rows.append((f"+ registry of {count:,}: cache load s", {"quotelint -j1": f"{load:.3f}"}))


def print_table(rows: list[tuple[str, dict[str, str]]], columns: list[str]) -> None:
    first = max(len(label) for label, _ in rows)
    widths = [max(len(c), *(len(r.get(c, "-")) for _, r in rows)) for c in columns]
    print(f"| {'measure':<{first}} | " + " | ".join(f"{c:>{w}}" for c, w in zip(columns, widths)) + " |")
    print(f"| {'-' * first} | " + " | ".join("-" * (w - 1) + ":" for w in widths) + " |")
    for label, row in rows:
        print(f"| {label:<{first}} | " + " | ".join(f"{row.get(c, '-'):>{w}}" for c, w in zip(columns, widths)) + " |")


if __name__ == "__main__":
    main()
