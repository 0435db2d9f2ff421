"""The claims steps made cheaper give what the plainer code they replaced gave.

Each test holds the earlier way as a reference (a pattern searched over the prose where
`str.find` now finds the marks, a pattern matched where steps in Python now read ASCII, every
name's places filtered where most are now taken as they are) and compares the two on random
inputs and on the seeds. Speed is measured by bench/, never here.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter
from pathlib import Path

import pytest
import regex

from quotelint.context import Context
from quotelint.document import Document
from quotelint.names import END, START, TEXT

ROOT = Path(__file__).resolve().parent.parent


def _texts(pieces: list[str], seed: int, count: int, size: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, size))) for _ in range(count)]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").rglob("*.txt"))]


# The pattern that found the places where a sentence may end, and in the same search what
# follows each: an opening mark, and the first character after the blanks and the mark.
BREAK = regex.compile(r"(?:[.!?…]+[\"'”’)\]]{0,3}(?=[ \t\u00a0\r\n])|\r\n|\n|\r)(?=[ \t\u00a0\r\n]{0,80}([\"'“‘(\[]?)(.?))")


def _sentences_read_every_stop(prose: str, abbrevs: frozenset[str]) -> list[tuple[int, int]]:
    """The sentence spans as found when a pattern searched the prose for the places where one
    may end (BREAK), and the letters before every full stop were read."""
    from quotelint.sentences import CONTINUES, LETTERS_BEFORE, _add, breaks_after_blanks

    def ends_here(m) -> bool:  # type: ignore[no-untyped-def]
        at, after = m.start(), m.group(2)
        if prose[at] in "\r\n":
            if breaks_after_blanks(prose, m.end()):
                return True
            before = prose[max(0, at - 1) : at]
            return not ((before.islower() or before in CONTINUES) and (after.islower() or after.isdigit()))
        if not after or not (after.isupper() or after.isdigit() or m.group(1)):
            return False
        if prose[at] == ".":
            word = LETTERS_BEFORE.match(prose, max(0, at - 12), at)
            last = word.group() if word else ""
            if last in abbrevs or (len(last) == 1 and last.isupper()):
                return False
        return True

    spans: list[tuple[int, int]] = []
    start = 0
    for m in BREAK.finditer(prose):
        if ends_here(m):
            _add(prose, start, m.end(), spans)
            start = m.end()
    _add(prose, start, len(prose), spans)
    return spans


SENTENCE_PIECES = [
    "\r", ".\r\n", "\"\"\"\"", "’)", "]", "‘", "[", "…”", " " * 79, "\n" * 81, "Mr", "Mrs", "Dr", "Co", "etc", "No", "U", "S", "J", "É", "é", "x", "on", "Con", "Smith", "said", "ſt", "Ⅻ", ".", ". ", "? ", "!",
    "…", " ", "  ", "\n", "\r\n", "\n\n", "\u00a0", "\t", '"', "”", "“", "(", ")", "5", "2.5", ",", "a", "B", "ǅ", "K",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_sentences_end_where_reading_every_full_stop_ends_them(seed: int) -> None:
    from quotelint.claims.figuredata import figure_data
    from quotelint.sentences import split_sentences

    for abbrevs in (frozenset(figure_data().abbreviations), frozenset({"S", "Con", "x"})):
        held = 0
        for text in _texts(SENTENCE_PIECES, seed, 3000, 14) + _seed_texts():
            expected = _sentences_read_every_stop(text, abbrevs)
            assert list(split_sentences(text, abbrevs).spans) == expected, text
            held += len(expected) > 1
        assert held > 1000  # the texts do hold sentences that end


@pytest.mark.parametrize("seed", range(3))
def test_a_sentence_span_is_its_text_stripped_as_str_strip_strips_it(seed: int) -> None:
    """`_add` reads a blank or two at either end as characters and strips longer runs in C:
    the span it keeps is where `str.strip` leaves the text, for every kind and length of blank."""
    import random

    from quotelint.sentences import _add

    rng = random.Random(seed)
    pieces = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2003", "\x0c", " " * 90, "a", "B.", "”", "é", "said"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        spans: list[tuple[int, int]] = []
        _add(text, start, end, spans)
        body = text[start:end].strip()
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        assert spans == ([(first, first + len(body))] if body else []), (text, start, end)


@pytest.mark.parametrize("seed", range(3))
def test_the_breaks_found_by_str_find_are_those_the_pattern_found(seed: int) -> None:
    from quotelint.sentences import breaks

    found = 0
    for text in _texts(SENTENCE_PIECES, seed, 4000, 14) + _seed_texts():
        expected = [(m.start(), m.end(), m.group(1), m.group(2)) for m in BREAK.finditer(text)]
        assert list(breaks(text)) == expected, repr(text)
        found += len(expected)
    assert found > 10000


NUMBER_PIECES = ["1", "12", "123", "1234", "0", ",", ".", ",123", ",12", ".5", "٣", "²", "x", "é", " ", "/", "-", "5G", "th", "\n"]


@pytest.mark.parametrize("seed", range(3))
def test_a_number_read_in_python_ends_where_the_pattern_ends(seed: int) -> None:
    from quotelint.claims.figures import LETTERS
    from quotelint.claims.numberread import NUMBER, letters_may_follow, number_end

    matched = 0
    for text in _texts(NUMBER_PIECES, seed, 4000, 8):
        for at in range(len(text) + 1):
            m = NUMBER.match(text, at)
            assert number_end(text, at) == (None if m is None else m.end()), (text, at)
            assert letters_may_follow(text, at) or LETTERS.match(text, at) is None, (text, at)
            matched += m is not None
    assert matched > 10000


CLAUSE_PIECES = ["Astana", " ", ",", ", ", ";", ":", "(", ")", "[", "]", "–", "—", "“", "”", '"', "which", " said", "x,y", "18,000", ". "]


@pytest.mark.parametrize("seed", range(3))
def test_the_clauses_found_with_str_find_are_those_a_pattern_of_the_marks_found(seed: int) -> None:
    """`Layout._openings` finds the clause marks by `str.find`; a pattern of CLAUSE_MARKS found
    them before."""
    from quotelint.claims.layout import CLAUSE_MARKS
    from quotelint.registry import Registry

    pattern = regex.compile("[" + regex.escape("".join(sorted(CLAUSE_MARKS))) + "]")
    marked = 0
    for text in _texts(CLAUSE_PIECES, seed, 400, 30):
        layout = Context(Document.from_text(text), Registry()).layout
        words = layout.words
        for s in range(len(layout.sentences)):
            lo, hi = layout.sentence_words(s)
            if hi - lo < 2:
                continue
            expected = set()
            for m in pattern.finditer(layout.prose, words[lo][END], words[hi - 1][START]):
                k = bisect.bisect_right(layout.starts, m.start())
                if words[k - 1][END] <= m.start():
                    expected.add(k)
            found = {k for k, mark in layout._openings(lo, hi) if mark}
            assert found == expected, text
            marked += len(expected)
    assert marked > 1000


def _names_filtering_every_place(layout, positions):  # type: ignore[no-untyped-def]
    """The topic's name counts and lead as found when every name's places were filtered, not only
    those of a name with a place in a figure or one that may open a sentence."""
    from itertools import filterfalse

    from quotelint.claims.subjects import name_vocabulary, quick_fold, sentence_openers

    named, common = name_vocabulary(layout, positions)
    figure_words = layout.figure_words
    skip = figure_words | sentence_openers(layout)
    starts = layout.sentences.starts
    lead_end = starts[1] if len(starts) > 1 else len(layout.prose) + 1
    tally: dict[str, int] = {}
    lead = set()
    for text in named:
        kept = list(filterfalse((skip if text in common else figure_words).__contains__, positions[text]))
        if kept:
            key = quick_fold(text)
            tally[key] = tally.get(key, 0) + len(kept)
            if layout.words[kept[0]][START] < lead_end:
                lead.add(key)
    return tally, lead


FIGURE_NAMES = (
    "The Assembly Has Seven MPs And Twelve Seats. Seven MPs left. Parliament counted 98 MPs, and the MPs agreed.\n"
    "Astana spent US$5 billion and Astana said so. In March 2023, Twelve TEUs and 12 TEUs were shipped from Aktau.\n"
)


def test_the_topic_counts_names_as_filtering_every_place_does() -> None:
    from quotelint.claims.subjects import count_topic
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    in_a_figure = 0
    for text in [FIGURE_NAMES] + _seed_texts():
        ctx = Context(Document.from_text(text), registry)
        counts = count_topic(ctx.layout, ctx.positions)
        assert (dict(counts.names), counts.lead) == _names_filtering_every_place(ctx.layout, ctx.positions), text[:80]
        texts = {ctx.words[k][TEXT] for k in ctx.layout.figure_words}
        in_a_figure += sum(1 for k, w in enumerate(ctx.words) if w[TEXT] in texts and w[TEXT][:1].isupper() and k not in ctx.layout.figure_words)
    assert in_a_figure > 0  # some names stand both in a figure and outside one


def _gold_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").rglob("*.txt"))]


def test_the_layouts_topic_read_by_halves_is_the_topic_counted_at_once() -> None:
    """Layout.topic counts the event words and the names apart, each when first read; both
    halves are what counting the whole topic at once gives, whichever half is read first."""
    from quotelint.claims.subjects import find_topic
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    texts = [FIGURE_NAMES] + _seed_texts() + _gold_texts()
    assert len(texts) > 40
    events = names = 0
    for n, text in enumerate(texts):
        ctx = Context(Document.from_text(text), registry)
        expected = find_topic(ctx.layout, ctx.positions)
        topic = ctx.layout.topic
        if n % 2:  # the names first
            entities, event = topic.entities, topic.event
        else:
            event, entities = topic.event, topic.entities
        assert (event, entities) == (expected.event, expected.entities), text[:80]
        events += expected.event is not None
        names += bool(expected.entities)
    assert events > 10 and names > 10


def _cues_claim_by_claim(ctx, claims):  # type: ignore[no-untyped-def]
    """`statements.cues` the plain way: every claim in turn for every sentence holding a figure,
    its cue's prefilter asked and the cue searched for each claim."""
    from collections import defaultdict

    from quotelint.claims import counts_bare, normalized_unit
    from quotelint.claims.cues import search
    from quotelint.claims.cuewords import lowered, prefilter

    by_sentence = defaultdict(list)
    for fact in ctx.facts:
        if fact.figure.role != "reference":
            by_sentence[fact.sentence].append(fact)
    out = []
    for index, facts in by_sentence.items():
        start, end = ctx.sentences.spans[index]
        text = ctx.prose[start:end]
        stated = []
        for claim in claims:
            unit = normalized_unit(claim.unit)
            of_unit = [f for f in facts if f.figure.unit == unit or (f.figure.unit is None and counts_bare(unit))]
            if not of_unit or not prefilter(claim.cue)(lowered(text)):
                continue
            cue = search(claim.pattern, text)
            if cue is not None:
                stated.append((claim, of_unit, start + cue.start()))
        if stated:
            out.append((index, stated))
    return out


CUE_PIECES = [
    "Turnout was 54 percent. ", "TURNOUT reached 61%. ", "The turn out of 40 percent ", "the threshold of 5 percent ",
    "a BARRIER of 7% ", "Elections were held; ", "in the polls, 12 seats ", "voters gave 98 seats ", "the vote: 30 percent ",
    "Mazhilis ", "elected by party lists, 29 seats ", "single-mandate 69 seats ", "a referendum with 68 percent ",
    "women hold 30 percent ", "the presidential vote of 81 percent ", "$4 billion ", "\u212aelvin ", "on 19 March 2023, ",
    "“quoted,” ", "\n\n", ". ", "Parties ran: 7 parties ", "in 2023 ", "about 50 ", "12 of them ", "from 7% to 5% ",
    "69 will be elected in single-mandate districts. ", "In all, 29 were elected from party lists. ", "Seven parties ran; ",
]


def test_cues_grouped_by_cue_state_what_asking_every_claim_states() -> None:
    """`statements.cues` looks at the claims of a sentence's units grouped by cue, with the
    groups kept for the run; it states what asking every claim of every sentence in turn
    states, in the claims' order, on random texts and on the seeds and gold documents."""
    from quotelint.claims.statements import cues
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    claims = [c for c in registry.claims if c.pattern is not None]
    rng = random.Random(18)
    stated = shared = 0
    for text in _texts(CUE_PIECES, 18, 300, 40) + _seed_texts() + _gold_texts():
        ctx = Context(Document.from_text(text), registry)
        some = rng.sample(claims, rng.randint(1, len(claims)))  # the claims that apply vary by document
        expected = _cues_claim_by_claim(ctx, some)
        assert list(cues(ctx, some)) == expected, text[:80]
        stated += len(expected)
        shared += sum(1 for _, s in expected for c, _, _ in s if sum(d.cue == c.cue for d, _, _ in s) > 1)
    assert stated > 500 and shared > 50  # sentences stating claims that share a cue


CONTEXT_PIECES = ["Mazhilis ", "MAJILIS ", "Mäjilis ", "Kazakhstan ", "kazakh ", "Kazakhs ", "the vote ", "turnout ", ". ", "\n\n"]


def test_the_claims_that_apply_are_those_asked_one_by_one() -> None:
    """`applying_claims` looks for each distinct set of context words once; it keeps the claims
    `applies` keeps asked one by one, in order, whatever the document names."""
    from quotelint.claims import applies, applying_claims, context_index
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    rng = random.Random(21)
    kept = Counter()
    for text in _texts(CONTEXT_PIECES, 21, 200, 6):
        ctx = Context(Document.from_text(text), registry)
        claims = rng.sample(registry.claims, rng.randint(1, len(registry.claims)))
        expected = [c for c in claims if applies(c, ctx, context_index(ctx))]
        assert applying_claims(ctx, claims) == expected, text
        kept.update(c.context for c in expected)
    assert len(kept) == 2 and min(kept.values()) > 100, kept


def _scope_looking_through_it(layout, fact, first_word, last_word):  # type: ignore[no-untyped-def]
    """A figure's scope as found when each clause's first word was looked for among all the
    words of the scope."""
    from quotelint.claims.scopes import WINDOW, _antecedent, _of_clause

    (lo, hi), at = fact.words, fact.measure_words
    scope: set[int] = set()
    for a, b in [(lo, hi)] + ([at] if at else []):
        c = layout.clause[a]
        scope.update(_of_clause(layout, c, max(first_word, a - WINDOW), min(last_word, b + WINDOW)))
        start = min(k for k in scope if layout.clause[k] == c)
        antecedent = _antecedent(layout, start, first_word)
        if antecedent is not None:
            scope.update(_of_clause(layout, antecedent, max(first_word, start - 12), start))
    return scope


def _measure_trying_every_word(layout, f, s, lo, hi):  # type: ignore[no-untyped-def]
    """`facts.bind_measure` as it was when every measure word in reach was tried at each size,
    whatever the units of the phrases it opens."""
    from quotelint.claims.facts import REACH, nearer

    data, words = layout.data, layout.words
    unit = f.unit or "none"
    own = data.measure_words.get((words[hi - 1][TEXT].lower(),))
    if own and unit in data.measures[own].units:
        return own, (hi - 1, hi)
    first, last = layout.sentence_words(s)
    best = None
    for k in layout.measure_starts_at:
        if not (max(first, lo - REACH - 2) <= k < min(last, hi + REACH + 2)) or lo <= k < hi:
            continue
        best = nearer(layout, s, lo, hi, k, last, unit, best)  # the phrase at k, tried at each size
    return (best[1], best[2]) if best else (None, None)


MEASURE_PIECES = [
    "Turnout was 54 percent", " of the vote", " of the votes", " share of the vote", "98 seats", " seats", " of ",
    "the 2023 election", ", which ", " previously ", " (about 30 percent)", "; ", " that ", "core inflation of 3%",
    " in the north", " Canada", " Eastvale, which votes in May, sees turnout of 60 percent", " 12 MPs", " members",
    " $4 billion deficit", " population of 19 million", ". ", "\n\n", " vote share", " stake of 5%", " from 7% to 5%",
]


def test_the_facts_and_scopes_read_by_shortcut_are_those_of_the_long_way() -> None:
    """bind_measure passes over a measure word no phrase of the figure's unit opens with, and a
    subject's scope (scopes.scope) keeps each clause's first word as its runs are added; both give what trying
    every word and looking through the scope gave, on random texts and the seeds and gold."""
    from quotelint.claims.facts import bind_measure
    from quotelint.claims import scopes
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    bound = related = 0
    for text in _texts(MEASURE_PIECES, 19, 300, 30) + _seed_texts() + _gold_texts():
        ctx = Context(Document.from_text(text), registry)
        layout = ctx.layout
        for fact in ctx.facts:
            f, (lo, hi) = fact.figure, fact.words
            if f.value is not None and f.unit not in ("date", "year", "ratio", "fraction"):
                expected = _measure_trying_every_word(layout, f, fact.sentence, lo, hi)
                assert bind_measure(layout, f, fact.sentence, lo, hi) == expected, text[:80]
                bound += expected[0] is not None
            first, last = layout.lay_out(fact.sentence)
            scope = scopes.scope(layout, fact, first, last)
            assert scope == _scope_looking_through_it(layout, fact, first, last), text[:80]
            related += any(c in layout.relative for c in {layout.clause[k] for k in scope})
    assert bound > 200 and related > 20


def test_the_topics_event_counts_are_those_of_asking_each_place_its_event() -> None:
    """The topic's event half looks each event word's family up once and asks each place only
    its kind; its counts are those of asking Layout.event of every place, on the seeds, the gold
    documents and text whose event words stand in figures and after kinds."""
    from collections import Counter

    from quotelint.claims.subjects import count_topic, event_vocabulary
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    kinds = 0
    extra = "The presidential election and the local\nelection. 3 Elections, a Vote in 2 polls; presidential, election 12 votes.\n"
    for text in [extra, FIGURE_NAMES] + _seed_texts() + _gold_texts():
        ctx = Context(Document.from_text(text), registry)
        layout, positions = ctx.layout, ctx.positions
        families, by_kind, seen, given_by = Counter(), Counter(), {}, {}
        for word in event_vocabulary(layout, positions):
            for k in positions[word]:
                at = layout.words[k][START]
                seen.setdefault(word, at)
                if (event := layout.event(k)) is not None:
                    families[event[0]] += 1
                    given_by.setdefault(event[0], {}).setdefault(word, at)
                    if event[1] is not None:
                        by_kind[event] += 1
                        given_by.setdefault(event, {}).setdefault(word, at)
        counts = count_topic(layout, positions, names=False)
        assert (counts.families, counts.kinds, counts.seen, counts.given_by) == (families, by_kind, seen, given_by), text[:80]
        kinds += sum(by_kind.values())
    assert kinds > 20


def _scope_read_word_by_word(layout, fact, rest):  # type: ignore[no-untyped-def]
    """What a scope says of a figure's subject as found when every word of it was asked every
    question in turn."""
    from quotelint.claims.scopes import marks

    words, (lo, hi) = layout.words, fact.words
    events, entities, holders, areas = set(), set(), set(), set()
    earlier, forecast = fact.figure.role == "earlier", False
    for k in sorted(rest):
        text = words[k][TEXT]
        if k in layout.event_word_set and (event := layout.event(k)) is not None:
            events.add(event)
        elif text[:1].isupper() and layout.is_entity(k):
            entities.add(text)
            if k < lo and layout.clause[k] == layout.clause[lo]:
                holders.add(text)
        was, will, area = marks(layout, k, lo, hi)
        earlier, forecast = earlier or was, forecast or will
        if area:
            areas.add(area)
    return events, entities, holders, earlier, forecast, areas


SUBJECT_PIECES = MEASURE_PIECES + [
    " Expected turnout of 61 percent", " expected ", " target ", " rural areas", " North", " In Germany, ", " The ",
    " Kazakhstan", " AMANAT won 40 seats", " a year earlier", " ago", " last year", " the referendum", " Election",
    " presidential election", " Astana said", " in March", " first quarter", " O'Brien", " U.S. ", " New York",
]


def test_a_scope_read_by_set_operations_says_what_reading_it_word_by_word_says() -> None:
    """scopes.read asks each question only of the scope's words that can answer it (event
    words, words that can be names, Layout.subject_words); it finds the events, names, holders,
    earlier and forecast marks and areas that asking every word found, for every figure of
    random texts, the seeds and the gold documents, with the run's word memos and without."""
    from quotelint.claims.facts import find_facts
    from quotelint.claims import scopes
    from quotelint.claims.layout import Layout
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    said = Counter()
    for n, text in enumerate(_texts(SUBJECT_PIECES, 20, 300, 30) + _seed_texts() + _gold_texts()):
        ctx = Context(Document.from_text(text), registry)
        layout = ctx.layout
        if n % 3 == 0:  # a layout made without the run's word memos and word positions
            layout = Layout(ctx.prose, ctx.words, ctx.figures, ctx.sentences, registry.words)
        for fact in find_facts(layout):
            first, last = layout.lay_out(fact.sentence)
            (lo, hi), at = fact.words, fact.measure_words
            rest = scopes.scope(layout, fact, first, last).difference(range(lo, hi), range(*at) if at else ())
            found = scopes.read(layout, fact, rest)
            assert found == _scope_read_word_by_word(layout, fact, rest), text[:80]
            said.update(name for name, part in zip(("events", "entities", "holders", "earlier", "forecast", "areas"), found) if part)
    assert min(said.values()) > 10 and len(said) == 6, said


def _intro_walking(layout, first, lo):  # type: ignore[no-untyped-def]
    """scopes.intro as it was when the first clause's end was found word by word."""
    from quotelint.claims import scopes

    c = layout.clause[first]
    end = first
    while end < lo and layout.clause[end] == c:
        end += 1
    return scopes.opening_phrase(layout, first, end, lo)


def _periods_of_every_word(layout, scope):  # type: ignore[no-untyped-def]
    from quotelint.claims import scopes

    return {p for k in scope if (p := scopes.period(layout, k))}


def test_intros_and_periods_found_by_shortcut_are_those_of_the_long_way() -> None:
    """scopes.intro finds the first clause's end by bisection and scopes.periods asks only the
    words that can name a period; both give what walking and asking every word gave, for every
    figure of random texts, the seeds and the gold documents."""
    from quotelint.claims.facts import find_facts
    from quotelint.claims import scopes
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    intros = periods = 0
    for text in _texts(SUBJECT_PIECES + [" In March, ", "In the first quarter, ", " Last year, "], 21, 300, 30) + _seed_texts() + _gold_texts():
        ctx = Context(Document.from_text(text), registry)
        layout = ctx.layout
        for fact in find_facts(layout):
            first, last = layout.lay_out(fact.sentence)
            lo = fact.words[0]
            intro = scopes.intro(layout, first, lo, last)
            assert intro == _intro_walking(layout, first, lo), text[:80]
            scope = scopes.scope(layout, fact, first, last)
            for words in (scope, intro):
                found = scopes.periods(layout, words)
                assert found == _periods_of_every_word(layout, words), text[:80]
                periods += bool(found)
            intros += bool(intro)
    assert intros > 20 and periods > 20


def test_the_figures_word_spans_found_in_c_are_those_of_bisecting_each_figure() -> None:
    """Layout.figure_spans and figure_words are made by map and chain in C; they are what
    bisecting each figure's ends in turn gave, on random texts, the seeds and the gold documents."""
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    figures = 0
    for text in _texts(MEASURE_PIECES, 22, 100, 30) + _seed_texts() + _gold_texts():
        layout = Context(Document.from_text(text), registry).layout
        spans = [(bisect.bisect_left(layout.starts, f.start), bisect.bisect_left(layout.starts, f.end)) for f in layout.figures]
        assert layout.figure_spans == spans, text[:80]
        assert layout.figure_words == {k for lo, hi in spans for k in range(lo, hi)}, text[:80]
        figures += len(spans)
    assert figures > 1000


def _years_asking_every_figure(layout, f, scope):  # type: ignore[no-untyped-def]
    """scopes.years as it was when every figure in reach was asked whether it is in scope
    before whether it gives a year."""
    from quotelint.claims.scopes import after_reference, figures_near, in_scope, year_of

    out = []
    figures = layout.figures
    for i in figures_near(layout, scope):
        if figures[i] is f or not in_scope(layout, i, scope):
            continue
        year = year_of(figures[i])
        if year is not None and not after_reference(layout, i):
            out.append(int(year))
    return out


def test_the_years_in_a_scope_are_those_of_asking_every_figure() -> None:
    """scopes.years asks only the figures that give a year whether they stand in the scope; it
    finds the years asking every figure found, for every figure of random texts, the seeds and
    the gold documents."""
    from quotelint.claims.facts import find_facts
    from quotelint.claims import scopes
    from quotelint.registry.load import load_registry

    registry = load_registry([str(ROOT / "rules")])
    years = 0
    pieces = SUBJECT_PIECES + [" in 2019", " since 2019", " the 2021 vote", " on 19 March 2023", " 2024-25 "]
    for text in _texts(pieces, 23, 300, 30) + _seed_texts() + _gold_texts():
        layout = Context(Document.from_text(text), registry).layout
        for fact in find_facts(layout):
            first, last = layout.lay_out(fact.sentence)
            scope = scopes.scope(layout, fact, first, last)
            found = scopes.years(layout, fact.figure, scope)
            assert found == _years_asking_every_figure(layout, fact.figure, scope), text[:80]
            years += bool(found)
    assert years > 50
