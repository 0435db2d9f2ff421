"""The claims' verdicts, worked out with fewer questions, are those of asking every question.

Each test holds the earlier way as a reference and compares the two on random texts, the seeds
and the gold documents. Speed is measured by bench/, never here.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

from quotelint.context import Context
from quotelint.document import Document

ROOT = Path(__file__).resolve().parent.parent

PIECES = [
    "Turnout was 54 percent. ", "Turnout was 54.19 percent ", "turnout reached 61%, ", "the threshold of 5 percent ",
    "the threshold of 7% ", "Elections were held; ", "in the polls, 12 seats ", "voters gave 98 seats ", "the vote: 30 percent ",
    "Mazhilis ", "elected by party lists, 29 seats ", "single-mandate 69 seats ", "a referendum with 68 percent ",
    "women hold 30 percent ", "the presidential vote of 81 percent ", "on 19 March 2023, ", "on 20 March, ", "in 2019 ",
    "Canada, which averages 54 percent, ", "from 7% to 5% ", "previously seven percent ", "about 50 percent ", ". ",
    "\n\n", "69 will be elected in single-mandate districts. ", "In all, 29 were elected from party lists. ",
    "Seven parties ran; ", "Six parties took part, ", "more than 300 ", "turnout is expected to reach 60 percent ",
]


def _texts(seed: int, count: int, size: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, size))) for _ in range(count)]


def _documents() -> list[str]:
    paths = sorted((ROOT / "seeds").rglob("*.txt")) + sorted((ROOT / "tests" / "gold").rglob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _verdicts_asking_every_figure(stated, fits):  # type: ignore[no-untyped-def]
    """`statements.verdicts` as it was when every figure of every claim was asked whether it fits."""
    from quotelint.claims import agrees

    kept = []
    for claim, of_unit, at in stated:
        candidates = [f for f in of_unit if fits(claim, f)]
        if candidates:
            kept.append((claim, candidates, at))
    for claim, candidates, at in kept:
        if any(agrees(claim, f.figure) for f in candidates):
            continue
        rest = [f for f in candidates if not any(f in theirs and agrees(other, f.figure) for other, theirs, _ in kept if other is not claim)]
        if rest:
            yield claim, min(rest, key=lambda f: abs(f.figure.start - at))


def test_verdicts_asking_fewer_figures_are_those_of_asking_every_figure() -> None:
    """`verdicts` asks `fits` only until a claim is settled; its verdicts are those of asking
    every figure, with the subjects' own answers and with answers drawn at random (so that
    agreeing figures that do not fit, and figures that two claims account for, come up)."""
    from quotelint.claims import about_same, applies, context_index
    from quotelint.claims.statements import cues, verdicts
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    claims = [c for c in registry.claims if c.pattern is not None]
    flagged = settled = 0
    for n, text in enumerate(_texts(31, 300, 40) + _documents()):
        ctx = Context(Document.from_text(text), registry)
        some = claims if n % 2 else [c for c in claims if applies(c, ctx, context_index(ctx))]
        layout = ctx.layout

        def drawn(claim, fact):  # type: ignore[no-untyped-def]
            return zlib.crc32(f"{n} {claim.id} {fact.figure.start}".encode()) % 3 != 0

        for fits in (lambda claim, fact: about_same(claim, fact, layout), drawn):
            for _, stated in cues(ctx, some):
                expected = list(_verdicts_asking_every_figure(stated, fits))
                assert list(verdicts(stated, fits)) == expected, text[:80]
                flagged += len(expected)
                settled += len(stated) - len(expected)
    assert flagged > 300 and settled > 300
