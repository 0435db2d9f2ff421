"""The quotation steps made cheaper give what the plainer code they replaced gave.

Each test holds the earlier way as a reference (a pattern where `str.find` now runs, a second
alignment where the first one's blocks now serve, an index of every word where a subset test
now runs) and compares the two on random inputs. Speed is measured by bench/, never here.
"""

from __future__ import annotations

import random
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import regex

from quotelint.context import Context
from quotelint.document import Document
from quotelint.quotes import echo
from quotelint.quotes.attribution import Attribution
from quotelint.quotes.matching import Words, aligned, changes, cut
from quotelint.quotes.spans import _LINE, WRAP_MAX, WRAP_MIN, marks_in, paragraphs
from quotelint.quotes.speakers import Speaker
from quotelint.quotes.words import quote_words
from quotelint.registry import Registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def registry() -> Registry:
    from quotelint.registry.load import load_registry

    return load_registry([str(ROOT / "rules")])


def _texts(pieces: list[str], seed: int, count: int, size: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, size))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(3))
def test_the_marks_found_one_by_one_are_those_a_pattern_of_the_marks_finds(seed: int) -> None:
    chars = frozenset("\"'«»‘’‚“”„「」")
    pattern = regex.compile("[" + "".join(regex.escape(c) for c in sorted(chars)) + "]")
    pieces = ["word", " ", "\n", *chars, "''", "é", "‛", "`"]
    for text in _texts(pieces, seed, 2000, 12):
        assert marks_in(text, chars) == [(m.start(), m.group()) for m in pattern.finditer(text)], repr(text)


def _paragraphs_line_by_line(prose: str) -> list[tuple[int, int]]:
    """`paragraphs` as it read each line with its break, by `_LINE`, and stripped it on both
    sides for where its text begins and ends."""
    out: list[tuple[int, int]] = []
    block: tuple[int, int] | None = None  # the paragraph read so far
    previous = ""
    for at, line in [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(prose) if m.group()]:
        if not line.strip():
            out += [block] if block else []
            block = None
            continue
        lead, end = at + len(line) - len(line.lstrip()), at + len(line.rstrip())
        wrapped = WRAP_MIN <= len(previous) <= WRAP_MAX and line.strip()[0] not in "-–—•*+#>|"
        if block is not None and not wrapped:
            out.append(block)
            block = None
        block = (lead, end) if block is None else (block[0], end)
        previous = line.strip()
    return out + ([block] if block else [])


@pytest.mark.parametrize("seed", range(3))
def test_paragraphs_are_those_read_line_by_line(seed: int) -> None:
    pieces = ["A few words of a line", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u2028", "\x0b", "- item", "x" * 40, "é", "\u00a0", "said.", "."]
    for text in _texts(pieces, seed, 2000, 14):
        assert paragraphs(text) == _paragraphs_line_by_line(text), repr(text)


def _changes_aligned_again(quoted: Words, entry: Words) -> tuple[tuple[str, str], ...]:
    """`changes` as it lined the quotation up a second time with the stretch of the entry."""
    blocks = [b for b in SequenceMatcher(None, quoted.norm, entry.norm, autojunk=False).get_matching_blocks() if b.size]
    lo = max(0, blocks[0].b - blocks[0].a)
    hi = min(len(entry.norm), blocks[-1].b + blocks[-1].size + (len(quoted.norm) - blocks[-1].a - blocks[-1].size))
    window = entry.norm[lo:hi]
    gaps = {at for at, _ in quoted.gaps}
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, quoted.norm, window, autojunk=False).get_opcodes():
        if op == "equal" or (op == "insert" and i1 in gaps):
            continue
        out.append((" ".join(quoted.shown[i1:i2]), " ".join(entry.shown[lo + j1 : lo + j2])))
    return tuple(out)


@pytest.mark.parametrize("seed", range(3))
def test_changes_read_from_the_alignment_are_those_a_second_alignment_gives(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = ["we", "will", "not", "back", "down", "the", "plan", "fails", "now", "and"]
    checked = 0
    for _ in range(3000):
        entry = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 30)))
        quoted = " ".join(rng.choice([*vocabulary, "...", "[it]"]) for _ in range(rng.randint(1, 20)))
        a, b = cut(quoted), cut(entry)
        if not any(size for _, _, size in aligned(a, b)):
            continue  # nothing in common: never asked (no altered quotation without a match)
        assert changes(a, b) == _changes_aligned_again(a, b), (quoted, entry)
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize("seed", range(3))
def test_words_lined_up_are_the_blocks_difflib_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        vocabulary = "abcdefgh"[: rng.randint(1, 8)]  # from one word repeated to few repeats
        a = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 25)))
        b = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 25)))
        expected = [tuple(block) for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()]
        assert aligned(Words(a, a), Words(b, b)) == expected, (a, b)


def _echo_by_index(texts, speech, final, parent, qw) -> None:  # type: ignore[no-untyped-def]
    """`echo` as it indexed every word of the attributed quotations."""
    minor = qw.minor_words | qw.determiners
    content = [frozenset(cut(t, qw).norm) - minor for t in texts]
    holders: dict[str, set[int]] = defaultdict(set)
    for q, words in enumerate(content):
        if speech[q] and final[q] is not None and final[q].speaker is not None and final[q].speaker.kind != "description":
            for w in words:
                holders[w].add(q)
    for q, words in enumerate(content):
        a = final[q]
        unnamed = a is None or (parent[q] < 0 and (a.cand is None and a.speaker is None or a.speaker is not None and a.speaker.kind == "description"))
        if not speech[q] or not unnamed or len(words) < 2:
            continue
        common = set.intersection(*(holders.get(w, set()) for w in words))
        common.discard(q)
        if common:
            source = final[min(common)]
            final[q] = Attribution("echo", source.cand, source.speaker)


@pytest.mark.parametrize("seed", range(3))
def test_an_echo_takes_the_speaker_an_index_of_every_word_gives(seed: int) -> None:
    rng = random.Random(seed)
    qw = quote_words()
    vocabulary = ["plan", "fails", "we", "the", "budget", "cuts", "hurt", "families", "now", "of"]
    speakers = [Speaker("Ada Brook", None, "person"), Speaker("the union", None, "description"), Speaker("Acme", "acme", "organization"), None]
    echoed = 0
    for _ in range(3000):
        n = rng.randint(1, 8)
        texts = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 6))) for _ in range(n)]
        speech = [rng.random() < 0.8 for _ in range(n)]
        parent = [rng.choice([-1, -1, -1, 0]) for _ in range(n)]
        final = [None if rng.random() < 0.4 else Attribution(rng.choice(["after", "before"]), None, rng.choice(speakers)) for _ in range(n)]
        mine, theirs = list(final), list(final)
        echo(texts, speech, mine, parent, qw)
        _echo_by_index(texts, speech, theirs, parent, qw)
        assert mine == theirs, (texts, speech, parent, final)
        echoed += mine != final
    assert echoed > 150


def _all_quotations(texts: list[str], registry: Registry) -> list[tuple[object, ...]]:
    return [
        (q.start, q.kind, q.speaker, q.speaker_span, q.attribution, q.confidence, q.status, q.changes)
        for text in texts
        for q in Context(Document.from_text(text), registry).quotes
    ]


def test_quotations_attributed_past_the_cheap_verb_test_are_those_the_walks_alone_find(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Attributor._verb_within` says "no verb here" before the walks over the words after a
    quotation: the seeds and the gold articles, attributed with it and with the walks alone
    (the test saying yes to every stretch), give the same quotations."""
    from quotelint.quotes.attribution import Attributor

    texts = [p.read_text(encoding="utf-8") for folder in ("seeds", "tests/gold/wire", "tests/gold/heldout", "tests/gold/heldout2") for p in sorted((ROOT / folder).glob("*.txt"))]
    assert len(texts) > 30
    texts.append(  # the verbs only the test's later words find: closing the sentence, phrasal, past a quotation
        "“We were never asked,” Harlow fumed. “Nobody listened,” she began.\n\n“Not again,” Rubio fired back. “Not now,” the tall senator from the coast hit back.\n\n"
        "“Slow” but “steady,” the mission said of the count.\n\nThe plan is “dead,” according to Pell Ostrava.\n"
    )
    fast = _all_quotations(texts, registry)
    monkeypatch.setattr(Attributor, "_verb_within", lambda *args, **kwargs: True)
    assert _all_quotations(texts, registry) == fast
    assert len(fast) > 500


def _quoted_variants(registry: Registry, seed: int) -> list[str]:
    """Articles quoting registered words (whole, cut short, one word changed, one word left
    out) given to their speaker, to another registered speaker, to unknown names (one with a
    registered speaker's surname), to a place, to a pronoun or to nobody: the same words with several speakers over one run."""
    rng = random.Random(seed)
    quotes = list(registry.quotes)
    registered = [registry.speaker_name(q.speaker) for q in quotes]
    unknown = ["Pell Ostrava", "Maria Guterres", "Brussels", "the ministry", "he", ""]  # Guterres: a registered surname
    out = []
    for _ in range(20):
        paragraphs = []
        for _ in range(rng.randint(2, 6)):
            words = rng.choice(quotes).text.split()
            change = rng.randrange(4)
            if change == 1:
                words = words[: max(2, len(words) * 2 // 3)]
            elif change == 2 and len(words) > 4:
                words[rng.randrange(len(words))] = "remarkably"
            elif change == 3 and len(words) > 4:
                del words[rng.randrange(len(words))]
            said = rng.choice(rng.choice((registered, unknown)))
            tail = f" said {said}." if said else "."
            paragraphs.append(f"“{' '.join(words)},”{tail}" if said else f"The report read: “{' '.join(words)}.”")
        out.append("\n\n".join(paragraphs) + "\n")
    guterres = next(q.text for q in quotes if registry.speaker_name(q.speaker) == "António Guterres")
    return out + [f"“{guterres},” said {name}.\n" for name in ("Pell Ostrava", "Maria Guterres")]  # no id: the names tell


@pytest.mark.parametrize("seed", range(3))
def test_statuses_kept_for_the_run_are_those_the_registry_matching_gives(registry: Registry, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """`status_of` keeps each quotation's status for the run (the name index's answers): over
    a run of articles quoting the same words given to several speakers, the statuses are those
    of matching each quotation against the registry again."""
    import quotelint.quotes as quotes

    texts = _quoted_variants(registry, seed)
    kept = _all_quotations(texts + texts, registry)

    def matched(ctx: Context, text: str, name: str | None, sid: str | None, person: bool) -> tuple[object, ...]:
        m = ctx.registry.quote_index.match(text, name, sid, ctx.registry.entities, person=person)
        return (m.registry_id, m.status, m.changes)

    monkeypatch.setattr(quotes, "status_of", matched)
    assert _all_quotations(texts + texts, registry) == kept
    statuses = {q[6] for q in kept}
    assert {"verified", "altered", "misattributed", "unverified"} <= statuses, statuses
