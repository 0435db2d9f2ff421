"""Speed and memory of `quotelint check` on the seeds scaled up, start-up included.

    python bench/speed.py            # 1 MB and 10 MB, three runs each, median
    python bench/speed.py --sizes 1 10 100 --runs 5

Prints, for each size, the median wall time, MB/s (file size over median wall time, as in
../shared/PERFORMANCE.md) and the peak resident memory of the quotelint process; and the
start-up time on a one-line file with the registry cache warm and cold.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, megabytes: int) -> Path:
    seeds = b"\n\n".join(p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt")))
    target = megabytes * 1_000_000
    path = folder / f"corpus-{megabytes}mb.txt"
    with open(path, "wb") as fh:
        written = 0
        while written < target:
            fh.write(seeds + b"\n\n")
            written += len(seeds) + 2
    return path


def run(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in MB of one quotelint run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "quotelint", *args], cwd=ROOT, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode > 1:
        sys.exit(f"quotelint failed: {proc.stderr.decode()[:500]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10], help="corpus sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="json")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QUOTELINT_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}
        one = folder / "one.txt"
        one.write_text("Turnout was high, officials said.\n", encoding="utf-8")
        cold, _ = run(["check", "--no-cache", str(one)], env)
        run(["check", str(one)], env)  # fill the cache
        warm = statistics.median(run(["check", str(one)], env)[0] for _ in range(max(3, opts.runs)))
        print(f"start-up, one-line file: {warm * 1000:.0f} ms with the registry cache, {cold * 1000:.0f} ms without")
        print(f"{'size':>6} {'median s':>9} {'MB/s':>7} {'peak MB':>8}")
        settings = folder / "unlimited.yaml"  # the project's settings without the file size limit
        settings.write_text(f"registry: [{json.dumps(str(ROOT / 'rules'))}]\nmax-file-size: 0\n", encoding="utf-8")
        for size in opts.sizes:
            path = corpus(folder, size)
            results = [run(["check", "--config", str(settings), "--format", opts.format, str(path)], env) for _ in range(opts.runs)]
            median = statistics.median(t for t, _ in results)
            peak = max(m for _, m in results)
            mb = path.stat().st_size / 1e6
            print(f"{size:>4}MB {median:>9.2f} {mb / median:>7.2f} {peak:>8}")


if __name__ == "__main__":
    main()
