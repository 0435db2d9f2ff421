"""Matching quotations against the registry's quotes, through an index of word pairs.

Both sides are reduced to plain words: case, diacritics, apostrophes, hyphens and quote marks
set aside, British spellings turned American (the pairs are data, `quotes.yaml`). A quotation is
a list of segments: an ellipsis (`…`, `...`) between two stands for words left out, a
`[bracketed]` insertion for up to four words of the original replaced or none. A quotation
matches an entry when its segments stand in the entry's words in order, with those gaps: a
fragment of a longer registered quote matches too, and so does a quotation that holds a whole
registered quote and goes on.

Candidates come from an inverted index of word pairs (for quotations of one or two words, from
the entries of the quotation's own speaker), so a quotation is compared with a handful of
entries, not with the whole registry. A quotation close to an entry but not matching it (seven
words in ten in order, at least four words) is `altered`, with the words that differ; close to
an entry of another speaker, it is `misattributed`, with the words that differ too.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, repeat
from operator import itemgetter

import regex

from quotelint.lazyre import lazy
from quotelint.names import fold
from quotelint.quotes.words import QuoteWords, quote_words
from quotelint.records import Value
from quotelint.registry.model import Entity, Quote
from quotelint.wordsplit import WORD_SPLIT

_PIECES = lazy(r"(?P<bracket>\[[^\[\]\n]{0,200}\])|(?P<gap>…|\.\s?\.\s?\.)|(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)")
SHORT = 3  # quotations of fewer words are only looked for among their speaker's quotes
Block = tuple[int, int, int]  # a run of words two texts share: where it stands in each, and its length
ALTERED = 0.7  # share of a quotation's words that must match, in order, for `altered`
ALTERED_MIN = 4  # words
ALTERED_OTHER, ALTERED_OTHER_MIN = 0.85, 8  # closer still, and longer, to call altered words another speaker's quote
BRACKET_REACH = 4  # words of the original a bracketed insertion may stand for
CANDIDATES = 8
_COUNT = itemgetter(1)  # a word's count in a Counter's items


class Words(Value):
    """A text cut into matching words, with the words as written and where the gaps are."""

    __slots__ = _fields = ("norm", "shown", "gaps")
    norm: tuple[str, ...]
    shown: tuple[str, ...]
    gaps: tuple[tuple[int, str], ...]  # (word index, "gap" | "bracket") before that word

    def __init__(self, norm: tuple[str, ...], shown: tuple[str, ...], gaps: tuple[tuple[int, str], ...] = ()) -> None:
        self.norm, self.shown, self.gaps = norm, shown, gaps


class Match(Value):
    __slots__ = _fields = ("registry_id", "status", "changes")
    registry_id: str | None
    status: str  # verified | altered | misattributed | unverified
    changes: tuple[tuple[str, str], ...]  # (as written, as registered); one side may be empty

    def __init__(self, registry_id: str | None, status: str, changes: tuple[tuple[str, str], ...] = ()) -> None:
        self.registry_id, self.status, self.changes = registry_id, status, changes


def normalize(word: str, words: QuoteWords) -> str:
    if words is quote_words():
        return _normalized(word)
    return words.american(fold(word).replace("'", "").replace("’", "").replace("-", ""))


@functools.lru_cache(maxsize=65536)
def _normalized(word: str) -> str:
    return quote_words().american(fold(word).replace("'", "").replace("’", "").replace("-", ""))


def cut(text: str, words: QuoteWords | None = None) -> Words:
    words = words or quote_words()
    if words is quote_words():
        return _cut(text)
    return _cut_with(text, functools.partial(normalize, words=words))


@functools.lru_cache(maxsize=512)
def _cut(text: str) -> Words:
    """`cut` with the project's words, the last few hundred kept: a quotation is cut for its
    echoes and again when it is matched against the registry."""
    return _cut_with(text, _normalized)


def _cut_with(text: str, norm: Callable[[str], str]) -> Words:
    pieces = _pieces(text)
    if pieces is None:  # a character beyond ASCII between periods: the pattern judges it
        shown: list[str] = []
        gaps: list[tuple[int, str]] = []
        for bracket, _, word in _PIECES.findall(text):  # the text of each group, "" for one that took no part
            if word:
                shown.append(word)
            else:
                gaps.append((len(shown), "bracket" if bracket else "gap"))
        pieces = shown, gaps
    return Words(tuple(map(norm, pieces[0])), tuple(pieces[0]), tuple(pieces[1]))


_MARKS = ("[", ".", "…")  # what a bracket or a gap starts with; no word holds one
_SPACE = frozenset(" \t\n\r\x0b\x0c")  # `\s` within ASCII


def _pieces(text: str) -> tuple[list[str], list[tuple[int, str]]] | None:
    """The words, brackets and gaps `_PIECES` finds, read without compiling it (0.3 ms): the
    brackets and gaps where their marks stand, read left to right as the pattern reads them, and
    the words between by `WORD_SPLIT`, which every run compiles. None where a character beyond
    ASCII stands between two periods (`\\s` in another script)."""
    shown: list[str] = []
    gaps: list[tuple[int, str]] = []
    ahead = {mark: text.find(mark) for mark in _MARKS}
    words_from = at = 0
    while True:
        found = [k for k in ahead.values() if k >= at]
        if not found:
            break
        at = min(found)
        end, kind = _bracket_or_gap(text, at)
        if end < 0:
            return None
        if end == 0:  # no bracket or gap here: the pattern moves on by one character
            end = at + 1
        else:
            shown += WORD_SPLIT.findall(text, words_from, at)
            gaps.append((len(shown), kind))
            words_from = end
        at = end
        ahead = {mark: k if k >= at or k < 0 else text.find(mark, at) for mark, k in ahead.items()}
    shown += WORD_SPLIT.findall(text, words_from)
    return shown, gaps


def _bracket_or_gap(text: str, at: int) -> tuple[int, str]:
    """Where the bracket (`[...]`, 200 characters at most, no `[` or line break inside) or the
    gap (`…`, `...`, `. . .`) starting at `at` ends and which it is; 0 for none, -1 where that
    turns on a character beyond ASCII."""
    c = text[at]
    if c == "…":
        return at + 1, "gap"
    if c == "[":
        for k in range(at + 1, min(len(text), at + 202)):
            if text[k] == "]":
                return k + 1, "bracket"
            if text[k] in "[\n":
                break
        return 0, ""
    k = at + 1
    for _ in range(2):
        c = text[k : k + 1]
        if c == ".":
            k += 1
        elif c in _SPACE and text.startswith(".", k + 1):
            k += 2
        elif c and not c.isascii() and text.startswith(".", k + 1):
            return -1, ""
        else:
            return 0, ""
    return k, "gap"


class QuoteIndex:
    """The registry's quotes, cut into words and indexed by word pairs. Picklable."""

    def __init__(
        self,
        entries: dict[str, Words],
        speakers: dict[str, str],
        pairs: dict[tuple[str, str], tuple[str, ...]],
        by_speaker: dict[str, tuple[str, ...]],
        family: dict[str, tuple[str, ...]],
    ) -> None:
        self.entries = entries
        self.speakers = speakers
        self.pairs = pairs
        self.by_speaker = by_speaker
        self.family = family  # speaker id -> parent and child organizations, who speak for it

    @classmethod
    def build(cls, quotes: Iterable[Quote], entities: dict[str, Entity] | None = None) -> QuoteIndex:
        entries: dict[str, Words] = {}
        speakers: dict[str, str] = {}
        pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
        by_speaker: dict[str, list[str]] = defaultdict(list)
        for quote in quotes:
            words = cut(quote.text)
            entries[quote.id] = words
            speakers[quote.id] = quote.speaker
            by_speaker[quote.speaker].append(quote.id)
            for pair in set(zip(words.norm, words.norm[1:])):
                pairs[pair].append(quote.id)
        family: dict[str, list[str]] = defaultdict(list)
        for entity in (entities or {}).values():
            if entity.parent:
                family[entity.id].append(entity.parent)
                family[entity.parent].append(entity.id)
        return cls(
            entries,
            speakers,
            {k: tuple(v) for k, v in pairs.items()},
            {k: tuple(v) for k, v in by_speaker.items()},
            {k: tuple(v) for k, v in family.items()},
        )

    def candidates(self, quoted: Words, speaker_id: str | None) -> list[str]:
        if len(quoted.norm) < SHORT:
            if speaker_id is None:
                return []
            return [i for sid in (speaker_id, *self.family.get(speaker_id, ())) for i in self.by_speaker.get(sid, ())]
        hits = Counter(chain.from_iterable(map(self.pairs.get, set(zip(quoted.norm, quoted.norm[1:])), repeat(()))))  # looked up and counted in C
        return [i for i, _ in sorted(hits.items(), key=_COUNT, reverse=True)[:CANDIDATES]]  # most_common's order, sorted in C (its heap steps in Python)

    def match(self, text: str, speaker: str | None, speaker_id: str | None, entities: dict[str, Entity], person: bool = True) -> Match:
        """The quotation's status against the registry. `speaker` is the name as resolved,
        `speaker_id` its registry id when registered; `person` says whether an unregistered
        speaker reads as a person's name (a place or a body standing for a speaker, such as
        "Brussels", is never taken for somebody else)."""
        if speaker_id is None and not person:
            speaker = None
        quoted = cut(text)
        if not quoted.norm:
            return Match(None, "unverified")
        ids = self.candidates(quoted, speaker_id)
        entries = {i: self.entries[i] for i in ids}  # each looked up once (a table of the registry cache)
        parts = segments(quoted)  # cut once, for each candidate
        exact = [i for i in ids if contains(entries[i], quoted, parts)]
        if not exact:  # the quotation holds a whole registered quote and goes on: `"A. B," she said` with A registered
            exact = [i for i in ids if len(entries[i].norm) >= ALTERED_MIN and holds(quoted, entries[i])]
        if exact:
            same = [i for i in exact if same_speaker(self.speakers[i], speaker, speaker_id, entities) is not False]
            if same:
                return Match(same[0], "verified")
            return Match(exact[0], "misattributed")
        if len(quoted.norm) < ALTERED_MIN:
            return Match(None, "unverified")
        return self._altered(quoted, ids, entries, speaker, speaker_id, entities)

    def _altered(self, quoted: Words, ids: list[str], entries: dict[str, Words], speaker: str | None, speaker_id: str | None, entities: dict[str, Entity]) -> Match:
        """The status of a quotation no entry holds: `altered` from the closest entry of its
        speaker, `misattributed` from a closer one of another, or `unverified`."""
        best: tuple[float, str] | None = None
        other: tuple[float, str] | None = None  # the closest entry of another speaker
        counts = Counter(quoted.norm)
        blocks: dict[str, list[Block]] = {}  # each entry lined up with the quotation once, for its score and its changes
        for i in ids:
            if in_entry(quoted, entries[i]) / len(quoted.norm) < ALTERED or shared(counts, entries[i]) / len(quoted.norm) < ALTERED:  # as similarity divides
                continue  # too few words in common for `altered`: no need to line them up
            blocks[i] = aligned(quoted, entries[i])
            score = similarity(quoted, entries[i], blocks[i])
            if score < ALTERED:
                continue
            if same_speaker(self.speakers[i], speaker, speaker_id, entities) is False:
                if score >= ALTERED_OTHER and len(quoted.norm) >= ALTERED_OTHER_MIN and (other is None or score > other[0]):
                    other = (score, i)
            elif best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            return Match(best[1], "altered", changes(quoted, entries[best[1]], blocks[best[1]]))
        if other is not None:  # altered words in another speaker's mouth: a misattribution first
            return Match(other[1], "misattributed", changes(quoted, entries[other[1]], blocks[other[1]]))
        return Match(None, "unverified")


def segments(quoted: Words) -> list[tuple[str, tuple[str, ...]]]:
    """The quotation's runs of words, each with the kind of gap before it ("" for the first)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    start, kind = 0, ""
    for at, gap in quoted.gaps:
        if at > start:
            out.append((kind, quoted.norm[start:at]))
            start, kind = at, gap
        elif out or at > 0:
            kind = "gap" if "gap" in (kind, gap) else gap
    if start < len(quoted.norm):
        out.append((kind, quoted.norm[start:]))
    return out


def contains(entry: Words, quoted: Words, parts: list[tuple[str, tuple[str, ...]]] | None = None) -> bool:
    """The quotation's segments stand in the entry's words in order, with the gaps allowed
    (`parts`: `segments(quoted)`, when the caller has them)."""
    parts = segments(quoted) if parts is None else parts
    if not parts:
        return False
    words = entry.norm
    first = parts[0][1]
    return any(_rest(words, p + len(first), parts[1:]) for p in places(words, first))


def holds(quoted: Words, entry: Words) -> bool:
    """The entry's words stand together, in order, in the quotation's words."""
    return next(places(quoted.norm, entry.norm), None) is not None


def places(words: tuple[str, ...], run: tuple[str, ...]) -> Iterator[int]:
    """Where the run of words stands in `words`, in order: the places of its first word found
    in C (`tuple.index`), and only there the run compared."""
    n, last = len(run), len(words) - len(run)  # the last place the run can start
    p = 0
    while p <= last:
        try:
            p = words.index(run[0], p, last + 1)
        except ValueError:
            return
        if words[p : p + n] == run:
            yield p
        p += 1


def _rest(words: tuple[str, ...], pos: int, parts: list[tuple[str, tuple[str, ...]]]) -> bool:
    for kind, seg in parts:
        reach = len(words) if kind == "gap" else pos + BRACKET_REACH
        for p in range(pos, min(reach, len(words) - len(seg)) + 1):
            if words[p : p + len(seg)] == seg:
                pos = p + len(seg)
                break
        else:
            return False
    return True


def shared(counts: Counter[str], entry: Words) -> int:
    """How many of the quotation's words (`counts`) the entry holds too, repeats counted: no
    alignment of the two (`similarity`) can match more of them."""
    theirs = Counter(entry.norm)
    return sum(map(min, counts.values(), map(theirs.get, counts.keys(), repeat(0))))  # `counts & theirs`, summed in C


def in_entry(quoted: Words, entry: Words) -> int:
    """How many of the quotation's words, repeats counted each time, stand anywhere in the
    entry: never fewer than `shared` finds, and found in C (a test that passes over most
    entries before their words are counted)."""
    return sum(map(frozenset(entry.norm).__contains__, quoted.norm))


def aligned(quoted: Words, entry: Words) -> list[Block]:
    """The runs of words the quotation and the entry have in common, in order, as (place in the
    quotation, place in the entry, length), the last one empty: difflib's matching blocks
    (`SequenceMatcher(None, quoted, entry, autojunk=False)`), found as difflib finds them, the
    longest run first and then on either side of it, without the handling of junk and popular
    words that matcher carries (a third of its cost; tests/test_speed_quotes compares the two)."""
    a, b = quoted.norm, entry.norm
    places: dict[str, list[int]] = {}  # each word of the entry -> where it stands, rising
    for j, word in enumerate(b):
        places.setdefault(word, []).append(j)
    found: list[Block] = []
    queue = [(0, len(a), 0, len(b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = _longest(a, places, alo, ahi, blo, bhi)
        if k:
            found.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    found.sort()
    out: list[Block] = []
    for i, j, k in found:  # runs that touch are one
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + k)
        else:
            out.append((i, j, k))
    out.append((len(a), len(b), 0))
    return out


def _longest(a: tuple[str, ...], places: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int) -> Block:
    """The longest run of a[alo:ahi] that stands in b[blo:bhi] (`places`: where each word of b
    stands), the first in a and then in b of the longest; (alo, blo, 0) for none: difflib's
    `find_longest_match` with no junk."""
    besti, bestj, bestsize = alo, blo, 0
    run: dict[int, int] = {}  # place in b -> length of the run ending there and at the word before in a
    for i in range(alo, ahi):
        ending: dict[int, int] = {}
        for j in places.get(a[i], ()):
            if j < blo:
                continue
            if j >= bhi:
                break
            k = ending[j] = run.get(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        run = ending
    return besti, bestj, bestsize


def similarity(quoted: Words, entry: Words, blocks: list[Block] | None = None) -> float:
    """The share of the quotation's words that line up with the entry's (`blocks`: the two
    lined up, when the caller has them)."""
    blocks = aligned(quoted, entry) if blocks is None else blocks
    return sum(size for _, _, size in blocks) / len(quoted.norm)


def changes(quoted: Words, entry: Words, blocks: list[Block] | None = None) -> tuple[tuple[str, str], ...]:
    """The words that differ, as written and as registered, within the stretch of the entry the
    quotation covers; words an ellipsis or a bracket stands for are not counted. `blocks`: the
    two lined up, when the caller has them.

    The stretch holds every block of the two lined up, and difflib lines the quotation up with
    it block for block as with the whole entry (each longest match it finds in the entry lies
    in the stretch): the blocks, moved to the stretch, give its opcodes without lining the two
    up again."""
    blocks = [block for block in (aligned(quoted, entry) if blocks is None else blocks) if block[2]]
    (a0, b0, _), (a1, b1, k1) = blocks[0], blocks[-1]
    lo = max(0, b0 - a0)
    hi = min(len(entry.norm), b1 + k1 + (len(quoted.norm) - a1 - k1))
    in_window = [(i, j - lo, k) for i, j, k in blocks]
    in_window.append((len(quoted.norm), hi - lo, 0))
    gaps = {at for at, _ in quoted.gaps}
    out = []
    for op, i1, i2, j1, j2 in differing(in_window):
        if op == "insert" and i1 in gaps:
            continue
        out.append((" ".join(quoted.shown[i1:i2]), " ".join(entry.shown[lo + j1 : lo + j2])))
    return tuple(out)


def differing(blocks: list[Block]) -> Iterator[tuple[str, int, int, int, int]]:
    """difflib's opcodes other than `equal`, from its matching blocks (the last one empty), as
    `SequenceMatcher.get_opcodes` reads them."""
    i = j = 0
    for a, b, size in blocks:
        if i < a and j < b:
            yield "replace", i, a, j, b
        elif i < a:
            yield "delete", i, a, j, b
        elif j < b:
            yield "insert", i, a, j, b
        i, j = a + size, b + size


def same_speaker(registered: str, speaker: str | None, speaker_id: str | None, entities: dict[str, Entity]) -> bool | None:
    """Whether the quotation's speaker is the entry's: True, False, or None when nobody is named.

    An organization and its parent count as one speaker (ODIHR speaks for the OSCE). A name the
    registry does not know is the registered speaker if its last word is one of theirs.
    """
    if speaker_id is not None:
        if speaker_id == registered:
            return True
        a, b = entities.get(speaker_id), entities.get(registered)
        if a and b and a.kind == b.kind == "person" and _one_person(a, b):
            return True  # one person registered twice (`Hillary Clinton`, `Sen. Hillary Clinton`, `Schumer`)
        return bool(a and b and (a.parent == registered or b.parent == speaker_id))
    if speaker is None:
        return None
    entity = entities.get(registered)
    if entity is None:
        return False
    last = person_key(speaker).rsplit(" ", 1)[-1]
    return any(last == person_key(form).rsplit(" ", 1)[-1] for form in entity.forms if form.split())


_TRIM = lazy(r"\s*\([^()]*\)?$|['’]s?$")  # (D-N.Y.), a possessive
_HONORIFIC = lazy(r"^(?:(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|rev|hon|sir|dame|president|senator|governor)\.?\s+)+", regex.IGNORECASE)


def _one_person(a: Entity, b: Entity) -> bool:
    """Two registry entries that spell one person: a name in common once titles, brackets,
    possessives and initials are set aside, or one entry a bare surname that ends the other's
    name."""
    keys_a, keys_b = {person_key(f) for f in a.forms}, {person_key(f) for f in b.forms}
    if keys_a & keys_b:
        return True
    lasts_a, lasts_b = {k.rsplit(" ", 1)[-1] for k in keys_a}, {k.rsplit(" ", 1)[-1] for k in keys_b}
    bare_a, bare_b = {k for k in keys_a if " " not in k}, {k for k in keys_b if " " not in k}
    return bool(bare_a & lasts_b and all(" " not in k for k in keys_a) or bare_b & lasts_a and all(" " not in k for k in keys_b))


def person_key(name: str) -> str:
    """A person's name reduced for comparing two spellings of one name: no honorific or title in
    front, no bracketed party after, no possessive, no middle initials; folded."""
    name = _TRIM.sub("", _TRIM.sub("", name.strip()))
    name = _HONORIFIC.sub("", name)
    words = [w for w in name.split() if not (len(w.rstrip(".")) == 1 and w[:1].isupper())]
    return fold(" ".join(words))
