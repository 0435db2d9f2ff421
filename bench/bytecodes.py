"""Python bytecodes per article of the claims' analysis and rules: a count that load does not move.

    python bench/bytecodes.py                     # 40 bench articles, facts + QL301 + QL302
    python bench/bytecodes.py --corpus /tmp/tp/a40 --by function

Each article is read twice in one process and only the second pass is counted, so that the run's
word memos have seen the words before (as in a long run). The words, positions, sentences,
figures and layout are computed first, uncounted; then the facts, the claim verdicts (QL301) and
the conflicts (QL302) run under a tracer that counts each bytecode the interpreter executes.
Work done in C (set operations, bisection, a regex search) counts as the one call that does it,
so the count says where Python loops were cut, not how long the run takes: time comes from
bench/throughput.py, instructions from valgrind.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import write_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def count(paths: Sequence[Path]) -> collections.Counter[str]:
    """The bytecodes each function executed over the second pass (`""`: all of them)."""
    from quotelint.checks import claim_conflict
    from quotelint.claims import mismatches
    from quotelint.context import Context
    from quotelint.document import read_document
    from quotelint.registry.cache import load_cached

    registry = load_cached((str(ROOT / "rules"),))
    docs = [read_document(str(p), limit=None) for p in paths]
    counts: collections.Counter[str] = collections.Counter()

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            counts[""] += 1
            counts[f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_qualname}"] += 1
        return tracer

    for counted in (False, True):
        for doc in docs:
            ctx = Context(doc, registry)
            ctx.figures, ctx.sentences, ctx.distinct, ctx.layout  # noqa: B018 - computed uncounted
            if counted:
                sys.settrace(tracer)
            ctx.facts  # noqa: B018
            list(mismatches(ctx))
            list(claim_conflict.check(ctx))
            sys.settrace(None)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="the articles in this folder (else 40 bench articles are written)")
    parser.add_argument("--by", choices=("total", "function"), default="total", help="also the 30 dearest functions")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = sorted(options.corpus.iterdir()) if options.corpus else write_articles(Path(tmp), 40 * 20_000)
        counts = count(paths)
    print(f"bytecodes per article (facts + QL301 + QL302): {counts[''] // len(paths):,}")
    if options.by == "function":
        for name, n in counts.most_common(31)[1:]:
            print(f"{n // len(paths):>9,} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
