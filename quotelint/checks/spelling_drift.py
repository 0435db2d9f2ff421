"""Names, organizations and terms spelled otherwise than the registry spells them.

## What it does
Flags a known misspelling listed in the registry (`ODHIR` for `ODIHR`), and a word that nobody
listed but that is one or two edits away from a registered name: a letter added, dropped,
changed or swapped, or the wrong case (`Gutteres`, `Tokaev`, `OIDHR`, `tokayev`). Missing
diacritics (`Antonio` for `António`) are an accepted variant, not a misspelling.

## Why it matters
A misspelled name is the error readers notice first and forgive last; near misses slip past
spell checkers because the right spelling is not in any dictionary.

## Precision guards
A word is never taken for a misspelling when it is an ordinary English word or a name in the
dictionary (`Prize` is not `Price`), another registered spelling, or a name that the document
introduces itself with another first name (`Mike Brice` is not `Ned Price`). Near misses must
share the first letter of the name. Words in capitals are not judged for case.

## Options
Add words that must never be flagged to `lexicon: {common_words: {add: [...]}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity
from quotelint.names import Token, fold, max_distance, strip_marks, tokens

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.registry.model import Entity


def best_spelling(entity: Entity, wrong: str) -> str:
    """The accepted spelling closest to a wrong one: ODHIR -> ODIHR rather than the long name."""
    return max(entity.forms, key=lambda form: (fuzz.ratio(form, wrong), -entity.forms.index(form)))


def narrow(wrong: list[Token], right: str) -> tuple[int, int, str]:
    """The span and fix of just the words that differ: `Ayul` in `Ayul party`, not both words."""
    good = tokens(right)
    head = 0
    while head < min(len(wrong), len(good)) - 1 and wrong[head].text == good[head].text:
        head += 1
    tail = 0
    while tail < min(len(wrong), len(good)) - head - 1 and wrong[-1 - tail].text == good[-1 - tail].text:
        tail += 1
    bad, fix = wrong[head : len(wrong) - tail], good[head : len(good) - tail]
    return bad[0].start, bad[-1].end, right[fix[0].start : fix[-1].end]


def describe(entity: Entity, spelling: str) -> str:
    return f"'{spelling}'" if spelling == entity.name else f"'{spelling}' ({entity.name})"


def check(ctx: Context) -> Iterator[Hit]:
    index = ctx.registry.names
    covered: set[int] = set()
    for mention in ctx.mentions:
        covered.update(range(mention.first, mention.first + mention.count))
        if not mention.form.accepted:
            entity = index.entities[mention.form.entity_ids[0]]
            wrong = ctx.prose[mention.start : mention.end]
            right = best_spelling(entity, wrong)
            start, end, fix = narrow(ctx.words[mention.first : mention.first + mention.count], right)
            if fix == right:
                message = f"'{wrong}' is a misspelling of {describe(entity, right)}"
            else:
                whole = right if right == entity.name else f"{right}, {entity.name}"
                message = f"'{ctx.prose[start:end]}' is a misspelling of '{fix}' ({whole})"
            yield Hit(start, end, message, fix, fixable=True)
    words = ctx.words
    anchored = anchored_positions(ctx)
    # A verdict depends on the word and on the anchors beside it, so it is reached once per such triple.
    verdicts: dict[tuple[str | None, str, str | None], tuple[str, Entity] | None] = {}
    for i, word in enumerate(words):
        if i in covered or word.text in index.known:
            continue
        key = (None, word.text, None)
        if i in anchored:
            before = words[i - 1].text if i > 0 else None
            after = words[i + 1].text if i + 1 < len(words) else None
            key = (before if before in index.anchors else None, word.text, after if after in index.anchors else None)
        if key in verdicts:
            found = verdicts[key]
        else:
            found = verdicts[key] = near_miss(ctx, i)
        if found is not None:
            right, entity = found
            what = "has the wrong case for" if right.casefold() == word.text.casefold() else "looks like a misspelling of"
            yield Hit(word.start, word.end, f"'{word.text}' {what} {describe(entity, right)}", right, fixable=True)


def anchored_positions(ctx: Context) -> set[int]:
    """Indexes of the words beside an anchor (a word of a registered name of several words):
    only there does a word's verdict depend on its neighbours."""
    anchors = ctx.registry.names.anchors
    out: set[int] = set()
    for text, places in ctx.positions.items():
        if text in anchors:
            for k in places:
                out.update((k - 1, k + 1))
    return out


MIN_FREE_TARGET = 5  # a name of four letters (Cour, Ayul) is matched by chance too often alone


def near_miss(ctx: Context, i: int) -> tuple[str, Entity] | None:
    index = ctx.registry.names
    words = ctx.words
    word = words[i].text
    if len(word) < 4 or word.isdigit() or is_compound(word, index):
        return None
    anchored = (i > 0 and words[i - 1].text in index.anchors) or (i + 1 < len(words) and words[i + 1].text in index.anchors)
    expected = neighbour_expectations(ctx, i) if anchored else set()
    if index.lexicon.is_common_word(word):
        # An ordinary word is a misspelling only inside a person's name: `Ned Prise`.
        if word.lower() in index.lexicon.title_words:
            return None
        expected = {r for r in expected if any(index.entities[e].kind == "person" for e in index.owners[r])}
        if not expected:
            return None
    same_fold = index.by_fold.get(fold(word), frozenset())
    if same_fold:
        # Only case, diacritics or apostrophes differ. The last two are accepted variants.
        if any(strip_marks(r).replace("'", "") == strip_marks(word).replace("'", "") for r in same_fold):
            return None
        if word.isupper() and len(word) > 1:
            return None  # capitals for emphasis or a headline
        candidates = {r for r in same_fold if distinctive_case(word, r, index.lexicon)}
    else:
        candidates = {r for r in index.near(word) if plausible(word, r) and len(r) >= MIN_FREE_TARGET}
    candidates |= expected
    candidates = {r for r in candidates if not is_plural(word, r)}
    if not candidates:
        return None
    scored = sorted(candidates, key=lambda r: (-(bool(index.owners[r] & ctx.mentioned)), -fuzz.ratio(fold(r), fold(word))))
    right = scored[0]
    if introduced_elsewhere(ctx, word, right):
        return None
    entity_id = sorted(index.owners[right] & ctx.mentioned or index.owners[right])[0]
    return right, index.entities[entity_id]


def is_compound(word: str, index) -> bool:  # type: ignore[no-untyped-def]
    """`Kazakh-EU`, `UN-backed`: every part a registered or ordinary word, so no misspelling."""
    parts = word.split("-")
    return len(parts) > 1 and all(p in index.known or p.lower() in index.lexicon.common_words for p in parts)


def distinctive_case(word: str, right: str, lexicon) -> bool:  # type: ignore[no-untyped-def]
    """A difference in case matters only in a part of the name that is no ordinary word.

    `international` beside `International Relations` and `trans-Caspian` beside `Trans-Caspian`
    are ordinary lower-case words; `tokayev` for `Tokayev` is not.
    """
    if word.lower().replace("-", "") in lexicon.common_words:
        return False  # co-operation, an ordinary word however it is cased
    for part, target in zip(word.split("-"), right.split("-")):
        if part != target and part.casefold() == target.casefold() and target.lower() not in lexicon.common_words:
            return True
    return False


def is_plural(word: str, right: str) -> bool:
    """`Khrapunovs` (the family) and `maslikhats` are plurals of a name, not misspellings of it."""
    if right.endswith("s"):
        return False  # Guterress is no plural of Guterres
    return word in (right + "s", right + "es") or (right.endswith("y") and word == right[:-1] + "ies")


def plausible(word: str, right: str) -> bool:
    if right.isupper() and len(right) <= 4:
        return sorted(word.upper()) == sorted(right) and word.isupper()  # a short acronym: swaps only
    if word.isupper() and not right.isupper():
        return False
    return not (right[:1].isupper() and word[:1].islower())


def neighbour_expectations(ctx: Context, i: int) -> set[str]:
    """Words a registered name expects here because its other words stand beside this one.

    `Ned Prise`: `Ned` begins the registered `Ned Price`, so `Price` is expected next, even
    though `price` is an ordinary word that near-miss search never offers on its own.
    """
    from rapidfuzz.distance import OSA

    index, words = ctx.registry.names, ctx.words
    word = words[i].text
    expected: set[str] = set()
    for j, offset in ((i - 1, 1), (i + 1, -1)):
        if not 0 <= j < len(words):
            continue
        anchor = words[j].text
        if anchor not in index.anchors:  # `of` and `Ministry` stand in too many names
            continue
        for form in index.by_word.get(anchor, ()):
            for k, w in enumerate(form.words):
                if w == anchor and 0 <= k + offset < len(form.words):
                    target = form.words[k + offset]
                    if len(target) < 4 or target == word or target[:1].casefold() != word[:1].casefold():
                        continue
                    if OSA.distance(fold(target), fold(word)) <= max_distance(fold(target)):
                        expected.add(target)
    return expected


def introduced_elsewhere(ctx: Context, word: str, right: str) -> bool:
    """The document makes the word part of a name of its own.

    `Mike Brice said` is not Ned Price, and `Leonie Hartmann` is not Leonid Brezhnev: a
    capitalised neighbour that belongs to no spelling of the registered name (nor is a near
    miss of one, a title, an honorific or an ordinary word) marks another person.
    """
    index, words, lexicon = ctx.registry.names, ctx.words, ctx.registry.names.lexicon
    own = set().union(*(index.entity_words[i] for i in index.owners[right]))
    for k in ctx.positions.get(word, ()):
        for j in (k - 1, k + 1):
            if not 0 <= j < len(words):
                continue
            first, second = (words[j], words[k]) if j < k else (words[k], words[j])
            if ctx.prose[first.end : second.start].strip():
                continue  # not one name: punctuation stands between
            if is_other_name(words[j].text, own, lexicon):
                return True
    return False


def is_other_name(neighbour: str, own: set[str], lexicon) -> bool:  # type: ignore[no-untyped-def]
    if not neighbour[:1].isupper() or neighbour.isupper() or near_any(neighbour, own):
        return False
    if neighbour in lexicon.titles or neighbour in lexicon.honorifics or neighbour.lower() in lexicon.title_words:
        return False
    return neighbour.lower() not in lexicon.common_words


def near_any(word: str, words: set[str]) -> bool:
    """The word is one of these, or a near miss of one (`Vladis Dombrowskis`: both drifted)."""
    from rapidfuzz.distance import OSA

    if word in words:
        return True
    folded = fold(word)
    return any(OSA.distance(folded, fold(w)) <= max_distance(folded) for w in words)


RULE = Rule(
    id="QL201",
    name="spelling-drift",
    category="spelling-drift",
    severity=Severity.ERROR,
    summary="A name, organization or term spelled otherwise than the registry spells it",
    check=check,
    doc=__doc__ or "",
    fail=("The mission of the ODHIR observed the vote.", "UN chief Antonio Gutteres spoke first."),
    passing=("The mission of the ODIHR observed the vote.", "The Nobel Prize went to a writer."),
    fixable=True,
)
