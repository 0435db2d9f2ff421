"""What the cheaper reading of a document's cast must still give: the openers of name runs,
registered roles and registered spellings found from the distinct words agree with the
plain readings they replaced, word by word, on varied texts.

Speed itself is measured by bench/throughput.py, never here.
"""

from __future__ import annotations

import functools
import random
from itertools import chain
from pathlib import Path

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.names import END, START, TEXT, fold
from quotelint.quotes.nameruns import NameReader
from quotelint.quotes.resolution import Candidate
from quotelint.quotes.roles import find_roles, role_phrases
from quotelint.quotes.runmemo import Spellings, honorific
from quotelint.quotes.speakers import Cast, _candidate, speaker_of
from quotelint.quotes.words import quote_words
from quotelint.registry.load import load_registry
from quotelint.wordmemo import RunWords

ROOT = Path(__file__).resolve().parent.parent

# Capitalised words, connectors, honorifics, ordinary words and marks, joined by varied gaps.
_WORDS = ("Ann", "Lee", "Tom", "Berg", "The", "Ministry", "Harbor", "of", "the", "and", "for", "de", "Mr.", "Sen.", "Dr", "sir", "said", "police", "al-Haddad", "Rural", "Development")
_GAPS = (" ", " ", " ", ", ", ". ", "\n", "  ", "’s ", " “", "” ")


@functools.cache
def _registry():  # type: ignore[no-untyped-def]
    return load_registry([str(ROOT / "rules")])


def _texts(seed: int, count: int, words: tuple[str, ...] = _WORDS, longest: int = 30) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(words) + rng.choice(_GAPS) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def _openers_by_sets(reader: NameReader) -> tuple[set[int], list[int]]:
    """The openers as first written, from sets of every place: the words before a capitalised
    word or a connector, the connectors among them, and the words after an honorific."""
    positions, distinct = reader.positions, reader.distinct
    titles = {w for w in distinct if honorific(reader.lexicon.honorifics, reader.qw.honorific_gender, w)}
    caps = set(chain.from_iterable(map(positions.__getitem__, reader.capital)))
    links = set(chain.from_iterable(map(positions.__getitem__, distinct & reader.joiners)))
    onward = {k - 1 for k in chain(caps, links)}
    joinable = {k - 1 for k in chain(caps, links.intersection(onward))}
    after_title = {k + 1 for k in chain.from_iterable(map(positions.__getitem__, titles))}
    return joinable, sorted(caps.intersection(joinable | after_title))


def _runs_from_sets(reader: NameReader) -> list[tuple[int, int]]:
    """The runs as first read: every opener of the sets tried in turn."""
    tokens, lex, prose = reader.tokens, reader.lexicon, reader.prose
    joinable, openers = _openers_by_sets(reader)
    out: list[tuple[int, int]] = []
    after = 0
    for i in openers:
        if i < after or i not in joinable and reader.honorific_before(i) is None:
            continue
        if tokens[i][TEXT].lower() in lex.common_words and reader.sentence_start(i) and not reader.title_at(i, len(tokens)) and not reader._leads_name(i):
            continue
        last = j = i
        while j + 1 < len(tokens) and reader._joined(j, j + 1):
            nxt = tokens[j + 1][TEXT]
            if nxt in reader.capital:
                last = j = j + 1
            elif nxt in lex.name_connectors and j + 2 < len(tokens) and reader._joined(j + 1, j + 2):
                j += 1
            elif nxt == "and" and j + 2 < len(tokens) and reader._joined(j + 1, j + 2) and reader._and_joins(i, j + 2):
                j += 1
            else:
                break
        out.append((i, last))
        after = last + 1
    return out


@pytest.mark.parametrize("seed", range(3))
def test_runs_read_from_the_capitalised_words_are_those_of_the_openers_sets(seed: int) -> None:
    registry = _registry()
    made = 0
    for text in _texts(seed, 400):
        ctx = Context(Document.from_text(text), registry)
        reader = NameReader(ctx.prose, ctx.words, registry.words, quote_words(), ctx.positions, registry.names, ctx.distinct)
        runs = reader.runs()
        assert runs == _runs_from_sets(reader), text
        made += sum(b > a for a, b in runs)
    assert made > 400


def _roles_word_by_word(words, people, positions):  # type: ignore[no-untyped-def]
    """Roles as first read: every word whose fold opens a phrase tried in turn."""
    phrases = role_phrases(people)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    held_by_one = {phrase for phrase, holders in phrases.items() if len({pid for pid, _ in holders}) == 1}
    out, after = [], 0
    for i in range(len(words)):
        if i < after or fold(words[i][TEXT]) not in by_first:
            continue
        second = fold(words[i + 1][TEXT]) if i + 1 < len(words) else None
        for phrase in by_first[fold(words[i][TEXT])]:
            n = len(phrase)
            if phrase[1] == second and phrase in held_by_one and i + n <= len(words) and all(fold(words[i + m][TEXT]) == phrase[m] for m in range(2, n)):
                out.append((i, i + n - 1, phrases[phrase][0][0]))
                after = i + n
                break
    return out


@pytest.mark.parametrize("seed", range(2))
def test_roles_found_from_their_first_two_words_are_those_read_word_by_word(seed: int) -> None:
    registry = _registry()
    entities = registry.entities
    people = [e for e in (entities[i] for i in sorted(entities)) if e.kind == "person" and e.roles][:40]
    assert people
    forms = sorted({f for p in people for r in p.roles for f in r.forms})
    words = (*forms, *(f.upper() for f in forms[:10]), *{w for f in forms for w in f.split()}, "the", "The", "said", "Président")
    rng = random.Random(seed)
    kept: dict[str, object] = {}  # kept across texts, as a run keeps it
    found = 0
    for text in _texts(seed, 300, words):
        ctx = Context(Document.from_text(text), registry)
        chosen = rng.sample(people, rng.randint(1, len(people)))
        got = [(r.first, r.last, r.entity_id) for r in find_roles(ctx.word_texts, chosen, ctx.positions, kept, ctx.distinct)]
        assert got == _roles_word_by_word(ctx.words, chosen, ctx.positions), text
        found += len(got)
    assert found > 50


def _spellings_word_by_word(index, text, words):  # type: ignore[no-untyped-def]
    """Registered spellings as first read: at every word, its spellings tried longest first."""
    out, i = [], 0
    texts, starts, ends = [w[TEXT] for w in words], [w[START] for w in words], [w[END] for w in words]
    for k in range(len(words)):
        if k < i:
            continue
        for form in index.by_first.get(words[k][TEXT], ()):
            n = len(form.words)
            if k + n <= len(words) and index._joined(text, texts, starts, ends, k, form.words):
                out.append((starts[k], ends[k + n - 1], k, n, form.text, form.accepted, form.entity_ids))
                i = k + n
                break
    return out


@pytest.mark.parametrize("seed", range(2))
def test_registered_spellings_found_from_distinct_words_are_those_read_word_by_word(seed: int) -> None:
    registry = _registry()
    index = registry.names
    entities = registry.entities
    forms = [f for e in (entities[i] for i in sorted(entities)[:300]) for f in (*e.forms, *e.misspellings)]
    words = tuple({w for f in forms for w in f.split()}) + _WORDS
    # words that open only longer spellings, written often (NameIndex reads them only before a second word)
    opens_longer = index.memo("first-words-of-longer", index._opens_longer_only)
    longer = sorted({f for f in forms if len(f.split()) > 1 and f.split()[0] in index.by_first and opens_longer.holds(f.split()[0])})
    assert longer
    often = tuple(longer[:12]) + tuple({f.split()[0] for f in longer[:12]}) * 3 + ("the", "The", "of")
    found = 0
    for text in [*_texts(seed, 300, words), *_texts(seed, 100, often, longest=200)]:
        ctx = Context(Document.from_text(text), registry)
        got = [(m.start, m.end, m.first, m.count, m.form.text, m.form.accepted, m.form.entity_ids) for m in ctx.mentions]  # read from the columns
        assert got == _spellings_word_by_word(index, ctx.prose, ctx.words), text
        found += len(got)
    assert found > 500


def test_the_reference_openers_are_no_empty_check() -> None:
    """The texts the tests read do make runs: a reader of them finds openers of every kind."""
    registry = _registry()
    kinds = set()
    for text in _texts(0, 200):
        ctx = Context(Document.from_text(text), registry)
        reader = NameReader(ctx.prose, ctx.words, registry.words, quote_words(), ctx.positions, registry.names, ctx.distinct)
        joinable, openers = _openers_by_sets(reader)
        kinds |= {i in joinable for i in openers}
    assert kinds == {True, False}


@pytest.mark.parametrize("seed", range(3))
def test_spellings_of_numbered_documents_are_those_of_plain_word_sets(seed: int) -> None:
    """A run's spellings compared through the documents' fresh words (when each follows the last
    one asked) give what comparing every distinct word gives, with documents asked again,
    skipped (their words new to the run unseen), and asked out of turn."""
    rng = random.Random(seed)
    vocabulary = ["Président", "president", "PRESIDENT", "Minister", "minister", "Ministér", "of", "Of", "État", "etat", "O'Brien", "obrien", "co-chair", "Cochair"]
    run = RunWords()
    numbered, plain = Spellings(fold), Spellings(fold)
    documents = []
    asked = 0
    for step in range(300):
        vocabulary += (f"Envoy{step}", f"ENVOY{step}")  # words new to the run, in every document
        if documents and rng.random() < 0.15:
            words = rng.choice(documents)  # asked again, or out of turn
        else:
            words = run.words({*rng.sample(vocabulary, 6), *vocabulary[-2:]})
            documents.append(words)
            if step > 150 and rng.random() < 0.2:
                continue  # a document the spellings are not asked about: its words new to the run unseen
        keys = {fold(w) for w in rng.sample(vocabulary, 12)}
        assert numbered.folds(words, keys) == plain.folds(frozenset(words), keys)
        asked += 1
    assert asked > 200 and numbered.through > 100  # the fresh words alone were compared that long


@pytest.mark.parametrize("seed", range(3))
def test_the_speaker_of_a_form_is_the_one_the_full_choice_gives(seed: int) -> None:
    """`speaker_of` works out the entities named by forms of their own only for a form with
    several entities that can speak: on random forms it picks what the choice made with them
    at hand picks (the one named by a form of its own, else one named at all, else the first)."""
    rng = random.Random(seed)
    pool = [f"e{k}" for k in range(6)]
    asked = 0
    for _ in range(2000):
        speaking = rng.sample(pool, rng.randint(0, 3))
        unique, mentioned = set(rng.sample(pool, rng.randint(0, 3))), set(rng.sample(pool, rng.randint(0, 4)))
        calls: list[int] = []

        def own(unique: set[str] = unique, calls: list[int] = calls) -> set[str]:
            calls.append(1)
            return unique

        full = (next((i for i in speaking if i in unique), None) or next((i for i in speaking if i in mentioned), speaking[0])) if speaking else None
        assert speaker_of(speaking, own, mentioned) == full, (speaking, unique, mentioned)
        assert len(calls) == (len(speaking) > 1)
        asked += len(speaking) > 1 and full != speaking[0]
    assert asked > 100  # the choice among several did pick another than the first


def _ends_sentence(reader: NameReader, i: int) -> bool:
    """Whether word i opens a sentence, as first read: the gap searched for a break each time."""
    from quotelint.quotes.nameruns import _BREAK

    if i == 0:
        return True
    gap = reader.prose[reader.ends[i - 1] : reader.starts[i]]
    prev = reader.texts[i - 1]
    if gap.startswith(".") and (len(prev) == 1 or prev.lower() in reader.qw.abbreviations or prev in reader.lexicon.honorifics):
        return False
    return bool(_BREAK.search(gap)) or gap[-1:] in reader.opening


@pytest.mark.parametrize("seed", range(2))
def test_sentence_starts_read_with_the_runs_gaps_kept_are_those_searched_each_time(seed: int) -> None:
    """NameReader.sentence_start keeps for the run what each gap's text says (a break, an
    opening mark): over many texts read with one name index, on gaps of every kind, it answers
    as the search of each gap does."""
    registry = _registry()
    gaps = (*_GAPS, "! ", "? ", ": ", "; ", " — ", " - ", "\n\n", ".” ", ",” ", " (", "… ", " •")
    opened = 0
    for text in _texts(seed, 300) + [
        "".join(random.Random(seed + k).choice(_WORDS) + random.Random(seed * 7 + k).choice(gaps) for k in range(40)) for k in range(100)
    ]:
        ctx = Context(Document.from_text(text), registry)
        reader = NameReader(ctx.prose, ctx.words, registry.words, quote_words(), ctx.positions, registry.names, ctx.distinct)
        for i in range(len(ctx.words)):
            assert reader.sentence_start(i) == _ends_sentence(reader, i), (text, i)
            opened += i > 0 and reader.sentence_start(i)
    assert opened > 1000
    assert registry.names.answers("quotes.reader")["breaks"]  # the gaps' verdicts were kept for the run


@pytest.mark.parametrize("seed", range(2))
def test_credit_heads_found_from_the_slashes_are_those_of_the_marks(seed: int) -> None:
    """The lines with a slash after a blank are found from each slash (speakers._credit_heads):
    the lines and the verdict are those a search for ` /` and a tab before a slash gives."""
    from quotelint.quotes.speakers import _LAYOUT_HEAD, _credit_heads

    rng = random.Random(seed)
    pieces = ("a/b", " / ", "\t/", "/", "x /y", "http://a.b/c", "\n", "\n\n", "By Ann", " ", "word", "é", "“", "\r\n")
    slashed = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        heads, slashes = _credit_heads(text)
        marks = [k for k in range(len(text) - 1) if text[k] in " \t" and text[k + 1] == "/"]
        assert slashes == bool(marks), text
        lines = {0, *(found.start() + 1 for found in _LAYOUT_HEAD.finditer(text))}
        assert heads == sorted(lines | {text.rfind("\n", 0, k) + 1 for k in marks}), text
        slashed += slashes
    assert slashed > 500


def test_the_cast_and_its_name_reader_keep_no_cached_property() -> None:
    """A cached property writes into its instance's `__dict__`, after which Python 3.11
    leaves the loads of that instance's attributes unspecialised: the cast's and the reader's loops read
    `self.texts` and the like at every word, so what they work out once is set in `__init__`."""
    for cls in (Cast, NameReader):
        cached = [name for klass in cls.__mro__ for name, value in vars(klass).items() if isinstance(value, functools.cached_property)]
        assert cached == [], cls


def test_a_candidate_made_past_its_constructor_is_the_one_the_constructor_makes() -> None:
    """The cast makes its candidates with `tuple.__new__` from all their fields (`_candidate`):
    what it gives must be the Candidate the class's own constructor gives, with every field
    (a field added to Candidate must be given there too)."""
    samples = ((3, 3, "pronoun", "she", None, False), (1, 4, "person", "Ann Lee", "ann-lee", False), (2, 2, "body", "police", None, True))
    for fields in samples:
        assert len(fields) == len(Candidate._fields)
        made = _candidate(fields)
        assert type(made) is Candidate and made == Candidate(*fields)
        assert made._asdict() == Candidate(*fields)._asdict()
