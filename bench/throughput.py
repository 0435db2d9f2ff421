"""Single-core throughput of `quotelint check` on distinct article-sized files, and where it goes.

    python bench/throughput.py                    # 10 MB as ~500 files, three runs, median
    python bench/throughput.py --mb 2 --runs 5
    python bench/throughput.py --stages           # in-process: CPU seconds per stage and rule
    python bench/throughput.py --cprofile out.prof --mb 2

The articles come from bench/articles.py (paragraphs of the seeds shuffled, numbers and words
varied, so that memos keyed on repeated text do not flatter). Each run is the real command, every
rule on, the project registry rules/, one process (`--jobs 1`: one core), its registry cache
warm. MB/s is given twice: from the child's CPU time (user + system, from os.wait4; steadier on
a shared machine) and from its wall time.

--stages lints the files in this process instead (no start-up) and charges CPU time to stages: the
analysis a rule shares (words, mentions, quotations, sentences, figures, facts...) is computed first,
in a fixed order, each timed on its own, then each rule is timed with that analysis in hand, and
last the release of the document's analysis (freeing its objects, in a run when the next document
is read).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import write_articles  # noqa: E402
from child import run_quotelint  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Context properties in the order the stage table computes them (a later one reuses earlier ones).
STAGES = ("words", "positions", "word_starts", "mentions", "quote_scan", "quotes",
          "sentences", "figures", "layout", "facts")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one quotelint process."""
    wall, usage = run_quotelint(args, env)
    return usage.ru_utime + usage.ru_stime, wall


def whole_runs(folder: Path, settings: Path, runs: int, env: dict[str, str]) -> None:
    args = ["check", "--jobs", "1", "--config", str(settings), "--format", "json", "--exit-zero", str(folder)]
    run(args, env)  # warm the registry cache and the page cache
    results = [run(args, env) for _ in range(runs)]
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    cpu = statistics.median(c for c, _ in results)
    wall = statistics.median(w for _, w in results)
    files = len(list(folder.iterdir()))
    print(f"{files} files, {size:.2f} MB, one process, {runs} runs (median)")
    print(f"CPU  {cpu:7.2f} s  {size / cpu:5.2f} MB/s")
    print(f"wall {wall:7.2f} s  {size / wall:5.2f} MB/s")


def stages(folder: Path, cprofile: str | None) -> None:
    import gc

    from quotelint.context import Context
    from quotelint.document import read_document
    from quotelint.linter import Plan, lint_document
    from quotelint.registry.cache import load_cached
    from quotelint.settings import Settings

    registry = load_cached((str(ROOT / "rules"),))
    plan = Plan.make(registry, Settings(max_file_size=None))
    paths = sorted(folder.iterdir())
    size = sum(p.stat().st_size for p in paths) / 1e6
    gc.set_threshold(50_000, 20, 20)  # as the CLI runs
    if cprofile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        for path in paths:
            lint_document(read_document(str(path), limit=None), plan, merge=False, skipped=[])
        profiler.disable()
        profiler.dump_stats(cprofile)
        print(f"profile of {len(paths)} files written to {cprofile}")
        return
    spent: dict[str, float] = {}
    clock = time.process_time
    total_start = clock()
    for path in paths:
        t = clock()
        doc = read_document(str(path), limit=None)
        ctx = Context(doc, plan.registry, plan.settings)
        spent["read"] = spent.get("read", 0.0) + clock() - t
        for name in STAGES:
            t = clock()
            getattr(ctx, name)
            spent[name] = spent.get(name, 0.0) + clock() - t
        for rule in plan.rules:
            t = clock()
            list(rule.check(ctx))
            key = rule.id if "/" not in rule.id else "yaml rules"
            spent[key] = spent.get(key, 0.0) + clock() - t
        t = clock()
        lint_document(doc, plan, ctx, merge=False, skipped=[])  # findings, suppressions, sorting
        spent["findings (rules again)"] = spent.get("findings (rules again)", 0.0) + clock() - t
        t = clock()
        del ctx  # the document's analysis freed: its words above all, a few objects each
        spent["release"] = spent.get("release", 0.0) + clock() - t
    total = clock() - total_start
    rules_again = spent.pop("findings (rules again)")
    rule_time = sum(v for k, v in spent.items() if k not in STAGES and k != "read")
    spent["findings, suppressions, sort"] = max(0.0, rules_again - rule_time)
    total -= rules_again - spent["findings, suppressions, sort"]
    print(f"{len(paths)} files, {size:.2f} MB, in process: {total:.2f} s CPU, {size / total:.2f} MB/s")
    print(f"{'stage':<32} {'s':>7} {'share':>6}")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:<32} {seconds:7.2f} {seconds / total:6.1%}")
    print(json.dumps({"files": len(paths), "mb": round(size, 3), "cpu_s": round(total, 3)}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (10**6 bytes)")
    parser.add_argument("--size", type=int, default=20_000, help="bytes per article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="use the articles in this folder (written there if it is empty)")
    parser.add_argument("--stages", action="store_true", help="CPU per stage and rule, in process")
    parser.add_argument("--cprofile", metavar="FILE", help="write a cProfile of the in-process run")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        # A registry cache of this run's own: another checkout's runs may prune a shared one.
        os.environ["QUOTELINT_CACHE_DIR"] = str(Path(tmp) / "cache")
        folder = options.corpus or Path(tmp) / "articles"
        if not folder.is_dir() or not any(folder.iterdir()):
            write_articles(folder, int(options.mb * 1_000_000), options.size)
        if options.stages or options.cprofile:
            stages(folder, options.cprofile)
            return 0
        env = {**os.environ, "NO_COLOR": "1"}
        settings = Path(tmp) / "settings.yaml"
        settings.write_text(f"registry: [{json.dumps(str(ROOT / 'rules'))}]\nmax-file-size: 0\n", encoding="utf-8")
        whole_runs(folder, settings, options.runs, env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
