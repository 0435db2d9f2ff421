"""Write everything quotelint finds on the project's corpora, to compare two versions.

    python bench/snapshot.py OUT_DIR [--realnews ../shared/realnews/docs]
    diff -r BEFORE_DIR AFTER_DIR        # empty when nothing changed

Speed work must not change a finding: run this before and after a change and diff the two folders.
It runs the real command (`quotelint check --format json` with the project registry, and
`quotelint extract --format json` without and with it) on the seeds, the project's gold folders and,
when present, the real-news documents, one output file per corpus and command.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": ROOT / "seeds",
    "wire": ROOT / "tests" / "gold" / "wire",
    "heldout": ROOT / "tests" / "gold" / "heldout",
    "heldout2": ROOT / "tests" / "gold" / "heldout2",
}
RUNS = {
    "check": ["check", "--format", "json", "--exit-zero", "--no-cache", "--registry", "rules"],
    "extract": ["extract", "--format", "json", "--no-cache", "--registry", "rules"],
    "extract-bare": ["extract", "--format", "json", "--no-cache", "--no-registry-required"],
}


def _run(args: list[str], folder: Path, out: Path) -> None:
    command = [sys.executable, "-m", "quotelint", *args, str(folder)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})
    if done.returncode not in (0, 1) or not done.stdout.startswith("{"):
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    # Paths are printed absolute: name the corpus instead, so that two worktrees compare equal.
    out.write_text(done.stdout.replace(str(folder.resolve()), out.stem.split(".")[0]), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--realnews", type=Path, default=ROOT.parent / "shared" / "realnews" / "docs",
                        help="the real-news documents (default: ../shared/realnews/docs)")
    options = parser.parse_args(argv)
    corpora = dict(CORPORA)
    if options.realnews.is_dir():
        corpora["realnews"] = options.realnews
    options.out.mkdir(parents=True, exist_ok=True)
    for name, folder in corpora.items():
        for run, args in RUNS.items():
            if run == "extract-bare" and name != "realnews":
                continue
            _run(args, folder, options.out / f"{name}.{run}.json")
            print(f"{name}.{run}.json", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
