"""Near-miss recall on random edits of every distinctive registered name (not tuned on).

    python bench/drift_random.py [--seed 7] [--per-kind 1]

For each registered word of five letters or more that is no ordinary English word, makes one
random edit of each kind (insertion, deletion, substitution, transposition), puts the result
in a sentence of the registered name's full spelling, and counts how often spelling-drift
flags exactly that word with an accepted spelling of the name. Edits that happen to give
another accepted spelling, a listed misspelling or an English word are skipped.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotelint.linter import lint_text  # noqa: E402
from quotelint.names import form_tokens  # noqa: E402
from quotelint.registry.load import load_registry  # noqa: E402
from quotelint.settings import Settings  # noqa: E402


def edit(word: str, kind: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)  # keep the first letter, as people mostly do
    letter = rng.choice(string.ascii_lowercase)
    if kind == "insertion":
        return word[:i] + letter + word[i:]
    if kind == "deletion":
        return word[:i] + word[i + 1 :]
    if kind == "substitution":
        return word[:i] + letter + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    opts = parser.parse_args()
    rng = random.Random(opts.seed)
    registry = load_registry([str(ROOT / "rules")])
    lexicon, index = registry.words, registry.names
    settings = Settings(select=("spelling-drift",))
    tried: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    listed = {m for e in registry.entities.values() for m in e.misspellings}
    for entity in registry.entities.values():
        accepted = {w for f in entity.forms for w in form_tokens(f)}
        for word in sorted(form_tokens(entity.name)):
            if len(word) < 5 or word.lower() in lexicon.common_words or not word[0].isupper():
                continue
            for kind in ("insertion", "deletion", "substitution", "transposition"):
                wrong = edit(word, kind, rng)
                if wrong == word or wrong in index.known or wrong in listed or lexicon.is_common_word(wrong):
                    continue
                text = f"Officials said {entity.name.replace(word, wrong, 1)} would attend the meeting."
                start = text.index(wrong)
                found = [f for f in lint_text(text, registry, settings) if f.start == start and f.end == start + len(wrong)]
                tried[kind] += 1
                caught[kind] += bool(found) and found[0].suggestion in accepted
    total, hit = sum(tried.values()), sum(caught.values())
    print(f"random near misses flagged with an accepted spelling: {hit}/{total} ({hit / total:.1%})")
    for kind in tried:
        print(f"  {kind:<14} {caught[kind]}/{tried[kind]}")


if __name__ == "__main__":
    main()
