"""How long each word file of quotelint.knowledge takes to load, and what it holds in memory.

    python bench/knowledge_load.py            # five fresh processes, median per file
    python bench/knowledge_load.py --runs 9

Each run is a fresh Python process that imports quotelint.knowledge (which reads nothing) and
then loads every file once, timing each load; the figures are the median over the runs, in
milliseconds, with the file's entries, its size on disk and the memory the loaded set or dict
holds (the container, its strings and, for given names, the tuples and floats), measured by
tracemalloc in a second load apart from the timed one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

PROBE = """
import json, time, tracemalloc
from quotelint import knowledge

def load(name):
    return knowledge.given_names() if name == "given_names.tsv" else knowledge.words(name)

out = {}
for name in knowledge.FILES:
    start = time.perf_counter()
    entries = len(load(name))
    elapsed = time.perf_counter() - start
    knowledge.given_names.cache_clear(), knowledge.words.cache_clear()
    tracemalloc.start()  # slows allocation down: measured apart from the time
    kept = load(name)
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    out[name] = [elapsed, memory, entries]
print(json.dumps(out))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout))
    from quotelint.knowledge import DATA, FILES

    print(f"{'file':24} {'entries':>8} {'bytes':>8} {'load ms':>8} {'memory KB':>10}")
    for name in FILES:
        load = statistics.median(run[name][0] for run in runs) * 1000
        memory = statistics.median(run[name][1] for run in runs) / 1024
        entries = runs[0][name][2]
        size = os.path.getsize(os.path.join(DATA, name))
        print(f"{name:24} {entries:8} {size:8} {load:8.2f} {memory:10.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
