"""Unlisted near misses of registered names, for spelling drift (spelling_drift.py): the registered
word a document's word most likely stands for, and the guards that keep ordinary words, plurals,
variants and other people's names from being taken for one.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from quotelint.checks.short_names import acronym_candidates, acronyms, defined_acronyms, is_acronym, short_name, slipped
from quotelint.names import END, START, TEXT, fold, max_distance, strip_marks
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.registry.model import Entity

MIN_FREE_TARGET = 5  # a name of four letters (Cour, Ayul) is matched by chance too often alone


class Short(Value):
    __slots__ = _fields = ("acronyms", "defined")
    acronyms: tuple[str, ...]  # the registered acronyms
    defined: frozenset[str]  # the acronyms the document defines

    def __init__(self, acronyms: tuple[str, ...], defined: frozenset[str]) -> None:
        self.acronyms, self.defined = acronyms, defined


def near_miss(ctx: Context, i: int, short: Short | None = None) -> tuple[str, Entity] | None:
    index = ctx.registry.names
    words = ctx.words
    word = words[i][TEXT]
    if is_acronym(word):
        return acronym_miss(ctx, i, short or Short(acronyms(index), defined_acronyms(ctx.prose, {m.end for m in ctx.mentions})))
    before = words[i - 1][TEXT] if i > 0 and words[i - 1][TEXT] in index.anchors else None
    after = words[i + 1][TEXT] if i + 1 < len(words) and words[i + 1][TEXT] in index.anchors else None
    found = kept_candidates(index, before, word, after)
    return None if found is None else best(ctx, word, *found)


CANDIDATES_KEPT = 100_000  # (anchor, word, anchor) keys whose candidates a run keeps, at most


def kept_candidates(index, before: str | None, word: str, after: str | None) -> tuple[set[str], set[str]] | None:  # type: ignore[no-untyped-def]
    """`candidates`, worked out once a run for a word and its anchors (the name index's answers):
    a word that drifts is asked again in each article that writes it, and first by `settled`.
    The sets kept are only read (`best` ranks them)."""
    return index.answer("drift candidates", (before, word, after), lambda: candidates(index, before, word, after), CANDIDATES_KEPT)  # type: ignore[no-any-return]


def candidates(index, before: str | None, word: str, after: str | None) -> tuple[set[str], set[str]] | None:  # type: ignore[no-untyped-def]
    """The registered words a word that is no acronym may stand for, and those of them the anchors
    beside it (`before`, `after`: None where no anchor stands) expect: None when there are none.
    It depends on the word, its anchors and the registry alone, so `near_miss` is None wherever
    this is (spelling_drift.py asks it once per run through `settled`)."""
    if len(word) < 3 or word.isdigit() or is_compound(word, index):
        return None  # three letters: only a name of four missing one (`Zac` for `Zach`), below
    expected = neighbour_expectations(index, before, word, after)
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
        found = {r for r in same_fold if distinctive_case(word, r, index.lexicon)}
    else:
        lexicon = index.lexicon
        found = {r for r in index.near(word) if plausible(word, r) and (len(r) >= MIN_FREE_TARGET or short_name(word, r, lexicon))}
        found |= slipped(word, index.known)
    found |= expected
    found = {r for r in found if not is_plural(word, r) and not ordinary_variant(word, r, index.lexicon)}
    return (found, expected) if found else None


def settled(index, key: str) -> bool:  # type: ignore[no-untyped-def]
    """`candidates` is None for a word and its anchors given as one text: `before`, the word and
    `after`, joined by SEP (an empty text where no anchor stands)."""
    before, word, after = key.split(SEP)
    return kept_candidates(index, before or None, word, after or None) is None


SEP = "\x1f"  # no word holds it


def never_drift(word: str, index) -> bool:  # type: ignore[no-untyped-def]
    """`near_miss` is None for this word wherever no anchor stands beside it: no acronym, and too
    short, a number, a compound of known words or an ordinary word. Judged once per distinct word,
    it spares the search for most words of a document (spelling_drift.py)."""
    if is_acronym(word):
        return False
    return len(word) < 3 or word.isdigit() or is_compound(word, index) or index.lexicon.is_common_word(word)


def acronym_miss(ctx: Context, i: int, short: Short) -> tuple[str, Entity] | None:
    """A registered acronym an all-capitals word is one edit from (short_names.py). Two capitals
    (`BT Bank`) must stand beside another word of the name; three with a letter changed need a
    document that names the body, or that neighbour."""
    index, word = ctx.registry.names, ctx.words[i][TEXT]
    found = acronym_candidates(word, short.acronyms, index.lexicon, short.defined)
    beside = {ctx.words[j][TEXT] for j in (i - 1, i + 1) if 0 <= j < len(ctx.words)}

    def sure(right: str) -> bool:
        if any(right in form.words for w in beside for form in index.by_word.get(w, ())):
            return True
        changed = len(right) == len(word) == 3 and sorted(right) != sorted(word)
        return len(word) > 2 and (not changed or bool(index.owners[right] & ctx.mentioned))

    return best(ctx, word, {r for r in found if sure(r)})


def best(ctx: Context, word: str, candidates: set[str], expected: frozenset[str] | set[str] = frozenset()) -> tuple[str, Entity] | None:
    """The registered word a near miss most likely stands for: the fewest edits away, then one
    the words beside it expect, then not a short name (`Asina` is `Asian` rather than `Asia`),
    then the same letters, then of a name the document uses, then the most alike."""
    index = ctx.registry.names
    if not candidates:
        return None
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    def rank(r: str) -> tuple[int, bool, bool, bool, bool, float]:
        folded, mine = fold(r), fold(word)
        short = len(r) < MIN_FREE_TARGET and not r.isupper()
        swapped = sorted(folded) == sorted(mine)  # `Korae` is `Korea` with two letters swapped rather than `Koran`
        return (OSA.distance(folded, mine), r not in expected, short, not swapped, not index.owners[r] & ctx.mentioned, -fuzz.ratio(folded, mine))

    scored = sorted(candidates, key=rank)
    right = scored[0]
    if introduced_elsewhere(ctx, word, right):
        return None
    owners = index.owners[right]
    entity_id = min(owners, key=lambda e: (right not in index.entities[e].forms, e not in ctx.mentioned, e))  # OSCE: the OSCE's, not ODIHR's
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


def ordinary_variant(word: str, right: str, lexicon) -> bool:  # type: ignore[no-untyped-def]
    """`co-operation` in prose beside `Central Asian`: an ordinary word written another ordinary
    way (case, hyphens, British or American spelling) is no misspelling of a name that holds it."""
    from quotelint.quotes.words import quote_words

    plain = word.lower().replace("-", "")
    if plain not in lexicon.common_words:
        return False
    american = quote_words().american
    return american(plain) == american(right.lower().replace("-", ""))


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
    if right[:1].isupper() and word[:1].islower():
        # the capital slipped: `oTkayev` (swapped), `okayev` (dropped, in a long name only)
        return word[1:2].isupper() or (len(right) >= 7 and fold(right)[1:] == fold(word))
    return True


def neighbour_expectations(index, before: str | None, word: str, after: str | None) -> set[str]:  # type: ignore[no-untyped-def]
    """Words a registered name expects here because its other words stand beside this one: the
    anchors `before` and `after` it (None where none stands).

    `Ned Prise`: `Ned` begins the registered `Ned Price`, so `Price` is expected next, even
    though `price` is an ordinary word that near-miss search never offers on its own.
    """
    targets = [
        target
        for anchor, offset in ((before, 1), (after, -1))
        if anchor is not None  # `of` and `Ministry` stand in too many names to be anchors
        for target in index.neighbours(anchor, offset)
        if target != word and target[:1].casefold() == word[:1].casefold()
        and abs(len(fold(target)) - len(fold(word))) <= max_distance(fold(target))  # letters_apart's floor, without counting
        and letters_apart(fold(target), fold(word)) <= max_distance(fold(target))
    ]
    if not targets:
        return set()  # nothing to compare, and rapidfuzz stays unloaded
    from rapidfuzz.distance import OSA

    return {target for target in targets if OSA.distance(fold(target), fold(word)) <= max_distance(fold(target))}


def letters_apart(a: str, b: str) -> int:
    """A floor under the edit distance of two words, from their letters alone: an edit adds,
    drops or changes one letter (a swap none), so it takes at least as many edits as either word
    has letters the other lacks. Most words beside an anchor are told from its neighbours by this
    without loading rapidfuzz."""
    mine, theirs = Counter(a), Counter(b)
    return max(sum((mine - theirs).values()), sum((theirs - mine).values()))


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
            if ctx.prose[first[END] : second[START]].strip():
                continue  # not one name: punctuation stands between
            if is_other_name(words[j][TEXT], own, lexicon):
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
    if word in words:
        return True
    from rapidfuzz.distance import OSA

    folded = fold(word)
    return any(OSA.distance(folded, fold(w)) <= max_distance(folded) for w in words)
