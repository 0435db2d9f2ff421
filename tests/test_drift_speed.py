"""Spelling drift's short cuts (QL201): a word settled alone, beside anchors that expect no name
here, is settled beside them without its candidates searched again; candidates kept for the run;
listed misspellings judged once a run."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quotelint.checks.near_miss import SEP, candidates, kept_candidates, near_miss
from quotelint.checks.short_names import is_acronym
from quotelint.checks.spelling_drift import anchor_words, quiet_beside, short_names
from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry.load import load_registry
from tests.test_speed_parts import _drifted

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("seed", range(3))
def test_quiet_beside_anchors_is_settled_asked_of_each_key(seed: int) -> None:
    """A key set aside as quiet is one `candidates` finds nothing for (an acronym: one with no
    verdict at its place), and the candidates kept for the run are those `candidates` gives."""
    rng = random.Random(seed)
    registry = load_registry([str(ROOT / "rules")])
    index = registry.names
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("*/*.txt"))
    asked = loud = acronyms = 0
    for path in rng.sample(paths, 5):
        text = _drifted(path.read_text(encoding="utf-8"), rng) + "Ned Prise and Ned Pryce met Antonio Gutteres.\n"
        ctx = Context(Document.from_text(text), registry)
        anchors, texts = anchor_words(ctx), ctx.word_texts
        for i, word in enumerate(texts):
            before = texts[i - 1] if i > 0 and texts[i - 1] in anchors else ""
            after = texts[i + 1] if i + 1 < len(texts) and texts[i + 1] in anchors else ""
            if not (before or after):
                continue
            key = SEP.join((before, word, after))
            quiet = quiet_beside(index, key)
            if is_acronym(word):  # quiet: no verdict at this place, whatever the document defines
                assert not quiet or near_miss(ctx, i, short_names(ctx)) is None, key
                acronyms += quiet
                continue
            expected = candidates(index, before or None, word, after or None) is None
            assert quiet == expected, key
            found = candidates(index, before or None, word, after or None)
            kept = kept_candidates(index, before or None, word, after or None)  # kept by the run since
            assert kept == found, key
            asked += 1
            loud += not expected
    assert asked > 100 and loud > 0 and acronyms > 0


@pytest.mark.parametrize("seed", range(2))
def test_a_listed_misspelling_judged_once_a_run_is_judged_as_each_place_alone(seed: int) -> None:
    """A misspelling the registry lists gives at each place, in later documents of the run too,
    the hit judging it there gives (the verdict is kept relative to the mention's start)."""
    from quotelint.checks.spelling_drift import listed, listed_once

    rng = random.Random(seed)
    registry = load_registry([str(ROOT / "rules")])
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("*/*.txt"))
    paragraphs = [p for path in paths for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    paragraphs.append("The ODHIR and the OSCE’s ODHIR mission met Ayul party members; the Ayul party spoke.")
    kept: dict = {}  # type: ignore[type-arg]
    judged = 0
    for _ in range(8):
        text = "\n\n".join(rng.sample(paragraphs, 10) + [paragraphs[-1]]) + "\n"
        ctx = Context(Document.from_text(text), registry)
        for m in ctx.mentions:
            if not m.form.accepted:
                assert listed_once(ctx, m, kept) == listed(ctx, m)
                judged += 1
    assert judged > 8 and 0 < len(kept) < judged
