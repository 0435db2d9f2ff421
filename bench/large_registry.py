"""Speed and memory of quotelint on large generated registries: people and quotes by the thousand.

    python bench/large_registry.py                   # 1,000, 10,000 and 100,000 people and quotes
    python bench/large_registry.py --sizes 1000 10000

For each size, a registry of that many people and as many quotes is written to a temporary
folder (made-up names and sentences, the same on every run, 10,000 entries a file), with a one-paragraph article that
names a few of the people and quotes them. Printed for each size: `registry check` (seconds,
peak resident MB), the first `check` of the article (it fills the registry cache), a warm
`check` of the same file (median of three) and the size of the cache on disk. Runs write and
use Python's bytecode cache, as an installed quotelint does (PYTHONDONTWRITEBYTECODE is unset).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from child import run_quotelint  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PER_FILE = 10_000  # people (or quotes) in one registry file
SYLLABLES = "ka ri to mel an sor vi den lu mar tes ol ga bri nor hal ze quin pa dro wen ly fe cas tor um bel sid ra".split()
WORDS = (
    "the council will review every budget line before the summer and we expect that schools hospitals "
    "roads and water pipes come first because people have waited long enough for them our plan is "
    "simple open honest and fair to all families in the region nobody should pay more than they can"
).split()


def name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def write_registry(folder: Path, count: int) -> list[tuple[str, str, str]]:
    """Write people.yaml and quotes.yaml; return (full name, surname, quote) for a few of them."""
    rng = random.Random(count)
    people, quotes, sample = [], [], []
    seen: set[str] = set()
    while len(people) < count:
        first, last = name(rng, 2), name(rng, 3)
        full = f"{first} {last}"
        if full in seen:
            continue
        seen.add(full)
        pid = f"p{len(people)}"
        people.append(
            f"  - id: {pid}\n    name: {full}\n    aliases: [\"{first[0]}. {last}\"]\n"
            f"    roles:\n      - title: Councillor\n        from: 2020-01-01\n"
        )
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))).capitalize()
        quotes.append(f"  - id: q{len(quotes)}\n    speaker: {pid}\n    text: \"{text}\"\n    date: 2024-05-01\n    source: https://example.org/{pid}\n")
        if len(sample) < 3 and rng.random() < 0.5:
            sample.append((full, last, text))
    for start in range(0, count, PER_FILE):  # files of a few MB: a registry file may hold 10 MB at most
        part = f"{start // PER_FILE:03d}"
        (folder / f"people-{part}.yaml").write_text("people:\n" + "".join(people[start : start + PER_FILE]), encoding="utf-8")
        (folder / f"quotes-{part}.yaml").write_text("quotes:\n" + "".join(quotes[start : start + PER_FILE]), encoding="utf-8")
    return sample


def write_article(path: Path, sample: list[tuple[str, str, str]]) -> None:
    lines = []
    for full, last, text in sample:
        lines.append(f"Councillor {full} spoke on Monday. “{text},” {last} said.")
    (a_full, _, _), (b_full, b_last, b_text) = sample[0], sample[1]
    lines.append(f"“{b_text},” said {a_full}. Later {b_last} added: “Nothing here was said by anyone.”")
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def run(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MB of one quotelint run."""
    elapsed, usage = run_quotelint(args, env)
    return elapsed, usage.ru_maxrss // 1024


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--write", nargs=2, metavar=("SIZE", "FOLDER"), help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.write:
        folder = Path(opts.write[1])
        (folder / "registry").mkdir()
        write_article(folder / "article.md", write_registry(folder / "registry", int(opts.write[0])))
        return
    print(f"{'people+quotes':>13} | {'registry check':>16} | {'first check':>16} | {'warm check':>16} | {'cache MB':>8}")
    for size in opts.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            registry, article = folder / "registry", folder / "article.md"
            # Written by another process: a child's peak memory counts this one's at the fork.
            subprocess.run([sys.executable, __file__, "--write", str(size), str(folder)], check=True)
            cache = folder / "cache"
            env = {**os.environ, "QUOTELINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
            for name in ("QUOTELINT_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):  # timed as a user's Python runs it
                env.pop(name, None)
            reg_t, reg_m = run(["registry", "check", str(registry)], env)
            first_t, first_m = run(["check", "--registry", str(registry), str(article)], env)
            warm = [run(["check", "--registry", str(registry), str(article)], env) for _ in range(3)]
            warm_t, warm_m = statistics.median(t for t, _ in warm), max(m for _, m in warm)
            cells = [f"{t:6.2f} s {m:5d} MB" for t, m in ((reg_t, reg_m), (first_t, first_m), (warm_t, warm_m))]
            print(f"{size:>13,} | {' | '.join(cells)} | {folder_size(cache) / 1e6:8.1f}", flush=True)


if __name__ == "__main__":
    main()
