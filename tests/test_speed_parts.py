"""The pieces the throughput work added: verdicts on words kept for a run, frames built run by run.

Speed itself is measured by bench/throughput.py, never here; these tests pin what the faster
code must still give.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.linter import lint_text
from quotelint.names import END, START, TEXT
from quotelint.quotes.frames import ITEM_END, ITEM_START, QUOTE, TOKEN, build_frames, innermost
from quotelint.quotes.words import quote_words
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from quotelint.wordmemo import RunWords, WordMemo

ROOT = Path(__file__).resolve().parent.parent


def title_memo() -> tuple[WordMemo, list[str]]:
    """A memo of `str.istitle` verdicts, and the words it judged, in order."""
    asked: list[str] = []

    def judge(word: str) -> bool:
        asked.append(word)
        return word.istitle()

    return WordMemo(judge), asked


def test_a_word_is_judged_once_in_a_run() -> None:
    memo, asked = title_memo()
    assert memo.select(["Astana", "said", "Astana", "the"]) == {"Astana"}
    assert memo.select({"Astana", "the", "Almaty"}) == {"Astana", "Almaty"}
    assert sorted(asked) == ["Almaty", "Astana", "said", "the"]


def test_past_its_limit_a_memo_still_answers_but_keeps_nothing_new() -> None:
    memo = WordMemo(str.istitle)
    memo.LIMIT = 2
    assert memo.select(["Ann", "sea"]) == {"Ann"}
    assert memo.select(["Ben", "sky"]) == {"Ben"}
    assert memo.yes == {"Ann"} and memo.seen == {"Ann", "sea"}


def test_a_word_asked_alone_is_judged_once_and_agrees_with_the_words_selected() -> None:
    memo, asked = title_memo()
    assert memo.holds("Astana") and not memo.holds("said") and memo.holds("Astana")
    assert memo.select(["Astana", "said", "Almaty"]) == {"Astana", "Almaty"}
    assert memo.holds("Almaty") and asked == ["Astana", "said", "Almaty"]


def test_a_memo_asked_about_each_document_in_turn_judges_only_the_words_new_to_the_run() -> None:
    run = RunWords()
    first, second, third = run.words({"Astana", "said", "the"}), run.words({"Astana", "the", "Almaty"}), run.words({"Almaty", "rain", "Oslo"})
    assert (first.number, second.number, third.number) == (0, 1, 2)
    assert second.fresh == {"Almaty"} and third.fresh == {"rain", "Oslo"}
    memo, asked = title_memo()
    assert memo.select(first) == {"Astana"}
    assert memo.select(first) == {"Astana"}  # the same document asked about again
    assert memo.select(second) == {"Astana", "Almaty"}
    assert memo.select(third) == {"Almaty", "Oslo"}
    assert sorted(asked) == ["Almaty", "Astana", "Oslo", "rain", "said", "the"]  # each word judged once


def test_a_memo_that_missed_a_document_compares_every_word_of_the_next() -> None:
    """A memo first asked about the run's second document has not seen the first one's words:
    the words new to the run are not all the words new to it."""
    run = RunWords()
    first, second, third = run.words({"Astana", "said"}), run.words({"Almaty", "said"}), run.words({"Astana", "Oslo", "said"})
    memo, asked = title_memo()
    assert memo.select(second) == {"Almaty"}
    assert memo.select(third) == {"Astana", "Oslo"}  # Astana is no word new to the run, but new to the memo
    assert sorted(asked) == ["Almaty", "Astana", "Oslo", "said"]
    assert memo.select(first) == {"Astana"}  # an earlier document, asked about late


def test_a_memo_that_missed_a_few_documents_sets_aside_the_words_they_brought_and_is_in_turn_again() -> None:
    """A question some documents never raise (a memo not asked about them) sets aside the words
    those documents brought to the run, then takes each next document's new words and those of
    the words set aside it holds: it judges no word of a document it was not asked about."""
    run = RunWords()
    docs = [run.words({"Astana", "said"}), run.words({"Almaty", "said"}), run.words({"Oslo", "rain"}),
            run.words({"Astana", "Bern"}), run.words({"Almaty", "Bern"})]
    memo, asked = title_memo()
    assert memo.select(docs[0]) == {"Astana"}
    assert memo.select(docs[2]) == {"Oslo"}  # the second document was never asked about
    assert memo.through == 2 and memo.pending == {"Almaty"} and sorted(asked) == ["Astana", "Oslo", "rain", "said"]
    assert memo.select(docs[3]) == {"Astana", "Bern"} and asked[-1] == "Bern"
    assert memo.select(docs[4]) == {"Almaty", "Bern"} and asked[-1] == "Almaty" and not memo.pending


@pytest.mark.parametrize("seed", range(40))
def test_a_memo_asked_about_any_documents_in_any_order_answers_as_its_judge(seed: int) -> None:
    """Whatever documents a memo is asked about, in whatever order (in turn, skipping some,
    going back), and whatever the run keeps, it answers as its judge, judges a word once, and
    only the words of the documents it is asked about (a judge may fail on a word: a pattern
    out of time)."""
    rng = random.Random(seed)
    vocabulary = [w.title() if rng.random() < 0.4 else w for w in (f"w{k}x" for k in range(60))]
    run = RunWords()
    run.KEPT = rng.choice([1, 2, 3, 8])
    memo, asked = title_memo()
    memo.LIMIT = rng.choice([5, 40, 1000])
    docs, held = [], set()
    for _ in range(30):
        docs.append(run.words(rng.sample(vocabulary, rng.randint(0, 20))))
        for doc in docs[-1:] if rng.random() < 0.6 else rng.sample(docs, min(len(docs), rng.randint(0, 3))):
            held |= doc
            assert memo.select(doc) == {w for w in doc if w.istitle()}
    assert len(asked) == len(set(asked)) or memo.LIMIT < 1000
    assert set(asked) <= held  # no word of a document it was not asked about


def test_past_its_limit_the_run_numbers_no_document() -> None:
    run = RunWords()
    run.LIMIT = 3
    run.words({"Ann", "sea", "sky"})
    later = run.words({"Ben", "sea"})
    assert later == {"Ben", "sea"} and not hasattr(later, "number")
    memo, _ = title_memo()
    assert memo.select(later) == {"Ben"}


def frames_of(text: str):  # type: ignore[no-untyped-def]
    ctx = Context(Document.from_text(text), Registry())
    scan = ctx.quote_scan
    qw = quote_words()
    verbs = frozenset(ctx.registry.words.reporting_verbs)
    abbreviations = qw.abbreviations | {h.rstrip(".").lower() for h in ctx.registry.words.honorifics}  # as find_quotes reads them
    return ctx, scan, build_frames(ctx.prose, ctx.words, scan.spans, scan.paragraphs, abbreviations, verbs | qw.after_verbs)


def test_sentences_of_a_paragraph_with_quotations() -> None:
    text = "Tom Berg said. “We will win.” Ann Hale said “no” and left. Mr. Smith agreed.\n"
    _, _, (frames, where, _) = frames_of(text)
    frame = frames["p", 0]
    # Tom Berg said | “We will win.” | Ann Hale said “no” and left | Mr. Smith agreed (Mr. is no stop)
    assert frame.sentence == [0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3]
    assert frame.bounds == [(0, 3), (3, 4), (4, 10), (10, 13)]
    assert where == [(("p", 0), 3), (("p", 0), 7)]


def test_a_short_attribution_after_a_full_stop_stays_in_the_quotations_sentence() -> None:
    text = "“The count is missing.” Trump said. Then he left.\n"
    _, _, (frames, _, _) = frames_of(text)
    frame = frames["p", 0]
    assert frame.sentence == [0, 0, 0, 1, 1, 1]


def test_each_word_knows_its_innermost_quotation() -> None:
    text = "He said “she told me ‘go home’ today” and left. Later “yes” came.\n"
    ctx, scan, _ = frames_of(text)
    by_word = dict(zip((w[TEXT] for w in ctx.words), innermost(ctx.words, scan.spans)))
    assert by_word == {"He": -1, "said": -1, "she": 0, "told": 0, "me": 0, "go": 1, "home": 1, "today": 0,
                       "and": -1, "left": -1, "Later": -1, "yes": 2, "came": -1}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def test_spelling_drift_is_the_same_after_other_documents(registry: Registry) -> None:
    """The verdicts kept for a run make a document's findings no different from a run of its own."""
    settings = Settings(select=("spelling-drift",))
    drifted = "President Tokayevv met the OSCE mission in Astanna. The Tokayevv visit went well.\n"
    alone = [(f.line, f.column, f.message) for f in lint_text(drifted, load_registry([str(ROOT / "rules")]), settings)]
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        lint_text(path.read_text(encoding="utf-8"), registry, settings)
    after = [(f.line, f.column, f.message) for f in lint_text(drifted, registry, settings)]
    assert alone and after == alone
    assert {message.split("'")[1] for _, _, message in alone} == {"Tokayevv", "Astanna"}


def test_a_registry_used_in_a_run_still_pickles(registry: Registry) -> None:
    """A registry sent to another process (a dask worker) after documents were linted with it:
    the run's memos hold functions, and are left behind."""
    import pickle

    lint_text("President Tokayevv met the OSCE mission in Astanna.\n", registry, Settings(select=("spelling-drift",)))
    assert registry.names._memos
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.names._memos == {} and copy.names.known == registry.names.known
    again = lint_text("President Tokayevv met the OSCE mission in Astanna.\n", copy, Settings(select=("spelling-drift",)))
    assert {f.message.split("'")[1] for f in again} == {"Tokayevv", "Astanna"}


def _tokens_one_by_one(text: str) -> list[tuple[str, int, int]]:
    """The words as the pattern finds them, one match at a time: what `tokens` makes in bulk."""
    from quotelint.names import TOKEN

    out = []
    for m in TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(("'s", "’s")) and len(word) > 2:
            word, end = word[:-2], end - 2
        out.append((word.replace("’", "'"), start, end))
    return out


def test_tokens_cut_a_possessive_and_read_a_curly_apostrophe_as_straight() -> None:
    from quotelint.names import tokens

    text = "Ann’s dog, O’Brien’s cat and the boss's ’s x-'s rock'n'roll’s 's"
    assert [tuple(t) for t in tokens(text)] == [
        ("Ann", 0, 3),
        ("dog", 6, 9),
        ("O'Brien", 11, 18),
        ("cat", 21, 24),
        ("and", 25, 28),
        ("the", 29, 32),
        ("boss", 33, 37),
        ("s", 41, 42),  # a possessive ending with no word before it is a word of its own
        ("x", 43, 44),
        ("s", 46, 47),
        ("rock'n'roll", 48, 59),
        ("s", 63, 64),
    ]


@pytest.mark.parametrize("seed", range(3))
def test_tokens_made_in_bulk_are_those_found_one_by_one(seed: int) -> None:
    import random

    from quotelint.names import tokens

    rng = random.Random(seed)
    pieces = ["a", "s", "S", "é", "\u0301", "7", "'", "’", "-", " ", ".", "'s", "’s", "Ann", "\n"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert [tuple(t) for t in tokens(text)] == _tokens_one_by_one(text), text


@pytest.mark.parametrize("seed", range(3))
def test_no_alignment_matches_more_words_than_the_two_share(seed: int) -> None:
    """QuoteIndex.match passes over an entry whose shared words fall short of `altered`
    without aligning it: the count must bound the alignment's score from above."""
    import random
    from collections import Counter

    from quotelint.quotes.matching import Words, in_entry, shared, similarity

    rng = random.Random(seed)
    for _ in range(500):
        quoted = Words(tuple(rng.choice("abcde") for _ in range(rng.randint(1, 12))), (), ())
        entry = Words(tuple(rng.choice("abcdef") for _ in range(rng.randint(0, 12))), (), ())
        assert similarity(quoted, entry) <= shared(Counter(quoted.norm), entry) / len(quoted.norm)
        assert shared(Counter(quoted.norm), entry) == sum((Counter(quoted.norm) & Counter(entry.norm)).values())  # the words in common, repeats counted
        assert shared(Counter(quoted.norm), entry) <= in_entry(quoted, entry)  # the bound tried first bounds the count


def test_line_starts_split_on_every_kind_of_line_break() -> None:
    import random

    from quotelint.document import line_starts

    assert line_starts("") == [0]
    assert line_starts("ab\ncd\n\ne") == [0, 3, 6, 7]
    assert line_starts("ab\r\ncd\re\n") == [0, 4, 7, 9]
    rng = random.Random(0)
    for _ in range(2000):  # the same as a search for each break, with or without a \r
        text = "".join(rng.choice("ab \n\r") for _ in range(rng.randint(0, 12)))
        expected = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" or (c == "\r" and text[i + 1 : i + 2] != "\n")]
        assert line_starts(text) == expected, repr(text)


@pytest.mark.parametrize("seed", range(3))
def test_term_cues_looked_up_by_their_last_word_are_those_found_one_by_one(seed: int) -> None:
    import random

    from quotelint.quotes.speech import _cues_by_last, _ends_with

    rng = random.Random(seed)
    vocabulary = ["known", "as", "called", "so", "also", "x", "*", "the"]
    for _ in range(300):
        cues = tuple(tuple(rng.choice(vocabulary) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6)))
        by_last, other = _cues_by_last(cues)
        for _ in range(20):
            words = [rng.choice(vocabulary[:-2]) for _ in range(rng.randint(0, 9))]
            fitting = by_last.get(words[-1], []) if words else []
            found = any(_ends_with(words, c) for c in fitting) or any(_ends_with(words, c) for c in other)
            assert found == any(_ends_with(words, c) for c in cues), (cues, words)


def test_a_particle_name_is_found_with_its_joint_anywhere_the_pattern_allows() -> None:
    from quotelint.propernames import capitalised

    assert [w for w in ("al-Haddad", "d’Arcy", "dell’Orto", "bint-Saud", "ash-Sharif", "el-Sisi") if not capitalised(w)] == []
    assert [w for w in ("ally", "bin", "e-mail", "de", "and-then", "l'", "all-Star") if capitalised(w)] == []


def test_the_topic_counted_through_the_run_memos_is_the_one_counted_word_by_word() -> None:
    from quotelint.claims.layout import Layout
    from quotelint.claims.subjects import count_topic, sentence_openers

    text = (
        "Turnout in the Mazhilis election reached 54 percent, the Central Election Commission said.\n\n"
        "The election was the first since the reform. Observers said Kazakhstan held the vote calmly. "
        "The parliamentary election drew 12 parties. Kazakhstan and The Hague were named; Astana too.\n"
    )
    ctx = Context(Document.from_text(text), Registry())
    with_memo = ctx.layout
    assert with_memo.memo is not None
    plain = Layout(ctx.prose, ctx.words, ctx.figures, ctx.sentences, ctx.registry.words)
    for own, base in (((0, len(ctx.prose) + 1), 0), ((0, 200), 0), ((100, len(ctx.prose)), 100)):
        assert count_topic(with_memo, ctx.positions, own, base) == count_topic(plain, ctx.positions, own, base)
    counts = count_topic(with_memo, ctx.positions)
    assert "commission" in counts.lead and "kazakhstan" not in counts.lead  # the lead is the first sentence
    assert counts.names["kazakhstan"] == 1  # a dictionary name, not counted where it opens a sentence
    openers = sentence_openers(with_memo)
    assert [ctx.words[k][TEXT] for k in sorted(openers)] == ["Turnout", "The", "Observers", "The", "Kazakhstan"]


def test_verdicts_kept_for_the_run_leave_the_next_document_judged_as_the_first() -> None:
    """The run keeps the (anchor, word, anchor) triples that have no candidate whatever the
    document (`drift-quiet`): a word settled beside no anchor is still judged beside one."""
    registry = load_registry([str(ROOT / "rules")])
    spelling = Settings(select=("QL201",))
    assert lint_text("Prise said the Ned committee met; Prise and Ned agreed.", registry, spelling) == []
    for text in ("State Department spokesman Ned Prise said so.", "Ned Prise, a spokesman, said so."):
        found = lint_text(text, registry, spelling)
        assert [(f.rule, f.suggestion) for f in found] == [("QL201", "Price")]
    # an ordinary word judged by the anchor after it, at the start and at the end of a document
    for text in ("Franc Monstrey said so.", "So said Franc Monstrey"):
        found = lint_text(text, registry, spelling)
        assert [(f.rule, f.suggestion) for f in found] == [("QL201", "Frank")]
    assert registry.names.memo("drift-quiet", str.isupper).yes  # the rule kept verdicts


def test_mentions_tried_by_their_second_word_are_those_tried_in_turn() -> None:
    """A word is compared only with the spellings its next word fits (NameIndex.starting): the
    mentions are those that trying each spelling beginning with the word, longest first, gives."""
    from quotelint.names import tokens

    registry = load_registry([str(ROOT / "rules")])
    index = registry.names
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    text += " Central. Central Election. the Central Election Commission of Kazakhstan"
    words = tokens(text)
    texts, starts, ends = [w[TEXT] for w in words], [w[START] for w in words], [w[END] for w in words]

    def tried_in_turn() -> list[tuple[int, int, str]]:
        out, i = [], 0
        for k, word in enumerate(words):
            if k < i or word[TEXT] not in index.by_first:
                continue
            for form in index.by_first[word[TEXT]]:
                n = len(form.words)
                if k + n <= len(words) and index._joined(text, texts, starts, ends, k, form.words):
                    out.append((k, n, form.text))
                    i = k + n
                    break
        return out

    found = [(m.first, m.count, m.form.text) for m in index.mentions(text, words)]
    assert found == tried_in_turn() and len(found) > 20


def quotations(text: str, registry: Registry) -> list[tuple[object, ...]]:
    return [(q.text, q.kind, q.speaker, q.speaker_span, q.attribution, q.confidence) for q in Context(Document.from_text(text), registry).quotes]


def test_quotations_are_the_same_after_other_documents(registry: Registry) -> None:
    """The cast's verdicts on words and the kinds of names kept for a run (NameIndex.memo,
    NameIndex.answers) make a document's quotations no different from a run of its own."""
    text = (
        "Harbour Commissioner Odile Brannagh said the ferry would sail at dawn. “We have waited long enough,” she said.\n\n"
        "A spokesman for the Port Authority of Lisgarrow said: “The berths are ready.”\n\n"
        "“Nobody told us,” said Mr. Fennick, who runs a café on the quay. Fennick added that “the town will adapt.”\n"
    )
    alone = quotations(text, load_registry([str(ROOT / "rules")]))
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:4]:
        quotations(path.read_text(encoding="utf-8"), registry)
    assert registry.names.answers("quotes.reader")["kinds"] and "quotes.capitalised" in registry.names._memos
    assert quotations(text, registry) == alone
    assert [speaker for _, _, speaker, *_ in alone] == ["Odile Brannagh", "Port Authority of Lisgarrow", "Fennick", "Fennick"]


def test_a_quotations_words_are_the_documents_words() -> None:
    """Speech or term reads a quotation's words from the document's, cut anew only when a word
    runs across the quotation's ends."""
    from quotelint.names import tokens
    from quotelint.quotes.speech import Classifier

    ctx = Context(Document.from_text("He called it “rock’n’roll” and ‘Tis’s odd. She said “it's the Smiths' year.”\n"), Registry())
    classifier = Classifier(ctx.prose, ctx.words, quote_words(), ctx.registry.words, ctx.word_starts)
    for span in ctx.quote_scan.spans:
        text = ctx.prose[span.start : span.end]
        assert classifier._parts(text, span.start) == [t[TEXT] for t in tokens(text)]


def test_the_spellings_of_a_fold_are_found_from_the_key_in_every_document() -> None:
    """Words whose fold is a key, found through the run's spellings: the same in a later
    document as in the first, and past the limit still found, though no longer kept."""
    from quotelint.names import fold
    from quotelint.quotes.runmemo import Spellings

    spellings = Spellings(fold)
    assert spellings.having({"Président", "said", "Mayor"}, ["president", "mayor"]) == {"Président", "Mayor"}
    assert spellings.having({"PRESIDENT", "said", "Presidents"}, ["president"]) == {"PRESIDENT"}
    assert spellings.having({"said", "the"}, ["president"]) == set()
    spellings.LIMIT = 0
    assert spellings.having({"président", "Mayor"}, ["president", "mayor"]) == {"président", "Mayor"}
    assert "président" not in spellings.seen and spellings.by_fold["president"] == {"Président", "PRESIDENT"}


@pytest.mark.parametrize(
    "text",
    [
        "Talks went on.\nBy Jane Doe\nThe Weekly Post\n\n“We will see,” she said.",
        "Talks went on.\n  [PHOTOſ by Ann Lee]\n“Fine,” he said.",
        "Robert Galbraith / Reuters\n“Fine,” he said.",
        "Talks went on by the river.\nThe budget, passed by Kemp, and/or 24/7 service.\n“Fine,” he said.",
        "Reporting by Tom Berg; Editing by Ana Ruiz\n\n“Fine,” he said.",
        "No credit here at all.\n\n“Fine,” he said.",
    ],
)
def test_credit_lines_found_with_the_pattern_tried_only_when_it_can_match(text: str) -> None:
    from quotelint.quotes.speakers import _layout_line, layout_lines

    assert layout_lines(text) == [(m.start(), m.end()) for m in _layout_line().finditer(text)]


@pytest.mark.parametrize("seed", range(3))
def test_credit_lines_tried_line_by_line_are_those_a_search_finds(seed: int) -> None:
    """`layout_lines` tries the pattern at the start of the lines that can open a credit alone:
    on random texts of credit lines, outlets under bylines, slashes, brackets and prose, joined
    by every kind of break, it finds what a search through the whole text finds."""
    import random

    from quotelint.quotes.speakers import _layout_line, layout_lines

    pieces = [
        "By Jane Doe", "The Weekly Post", "  [PHOTOſ by Ann Lee]", "Robert Galbraith / Reuters", "(Editing by Ana Ruiz)",
        "Reporting by Tom Berg; Editing by Ana Ruiz", "and/or 24/7", "a long line of prose by the river / and more", "x\t/ y",
        "“We will see,” she said.", "Photo: Tim Ho", "credit", "Image ", "By", "written by hand", "The budget, passed by Kemp.",
        "", " ", "Agence France-Presse", "Talks went on",
        "ﬁle photo by Al Reyes", "“By Jane Doe”", "İmage by Ann Lee", "PHOTO BY TIM HO", "ph", "Bÿ Tom Berg", "(\tFile: Ana Ruiz)", "Byline", "B",
    ]
    rng = random.Random(seed)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(("\n", "\n", "\r\n", "\n\n", " ", "\r", "\u2028")) for _ in range(rng.randint(1, 8)))
        expected = [(m.start(), m.end()) for m in _layout_line().finditer(text)]
        assert layout_lines(text) == expected, text
        found += bool(expected)
    assert found > 500


def test_a_name_read_again_elsewhere_is_the_one_read_first() -> None:
    """Name runs kept by their text (NameReader.name) are the runs read afresh, wherever the
    same words stand; the word before them (an honorific or not) is part of what is kept."""
    from quotelint.quotes.nameruns import NameReader

    registry = load_registry([str(ROOT / "rules")])

    def runs(text: str, index):  # type: ignore[no-untyped-def]
        ctx = Context(Document.from_text(text), registry)
        reader = NameReader(ctx.prose, ctx.words, registry.words, quote_words(), ctx.positions, index)
        return reader.read(set())

    texts = [
        "Councillor Odile Brannagh of Lisgarrow said so. Mr. Fennick Hale agreed.",
        "On Monday Councillor Odile Brannagh of Lisgarrow said so. Later, Mr. Fennick Hale agreed.",
        "The Mr Fennick Hale case. Dr Odile Brannagh and Fennick Hale spoke.",
        "They thanked ms Ann Lee and sir Tom Berg.",  # an honorific outside the run, in lower case
        "They thanked Ann Lee and Tom Berg.",
    ]
    alone = [runs(text, None) for text in texts]
    assert all(alone) and any(run.titles for run in alone[0])
    for text, first in zip(texts, alone):
        assert runs(text, registry.names) == first
    assert registry.names.answers("quotes.reader")["names"]
    assert [runs(text, registry.names) for text in texts] == alone


@pytest.mark.parametrize("seed", range(3))
def test_a_quotation_is_found_in_an_entry_where_its_words_stand_in_order(seed: int) -> None:
    """`contains` (and `holds`) look for the first segment only where its first word stands:
    they agree with trying every place in turn."""
    import random

    from quotelint.quotes.matching import BRACKET_REACH, Words, contains, holds, segments

    def every_place(entry: Words, quoted: Words) -> bool:
        parts = segments(quoted)
        words = entry.norm

        def rest(pos: int, todo: list[tuple[str, tuple[str, ...]]]) -> bool:
            for kind, seg in todo:
                reach = len(words) if kind == "gap" else pos + BRACKET_REACH
                found = [p for p in range(pos, min(reach, len(words) - len(seg)) + 1) if words[p : p + len(seg)] == seg]
                if not found:
                    return False
                pos = found[0] + len(seg)
            return True

        first = parts[0][1] if parts else ()
        return bool(parts) and any(words[p : p + len(first)] == first and rest(p + len(first), parts[1:]) for p in range(len(words) - len(first) + 1))

    rng = random.Random(seed)
    for _ in range(2000):
        norm = tuple(rng.choice("abc") for _ in range(rng.randint(1, 6)))
        gaps = tuple(sorted({(rng.randint(0, len(norm)), rng.choice(("gap", "bracket"))) for _ in range(rng.randint(0, 2))}))
        quoted = Words(norm, norm, gaps)
        entry = Words(tuple(rng.choice("abcd") for _ in range(rng.randint(0, 10))), ())
        assert contains(entry, quoted) == every_place(entry, quoted)
        if entry.norm:  # `holds`: the entry's words together, in order, in the quotation's
            assert holds(quoted, entry) == any(norm[p : p + len(entry.norm)] == entry.norm for p in range(len(norm) - len(entry.norm) + 1))


def test_a_frame_of_many_quotations_walks_its_words_as_one_of_few_does() -> None:
    """A frame of many quotations walks its words as a frame of few does."""
    text = " ".join(f"Ann Hale said “no {k}” and Tom Berg said “yes” twice." for k in range(40)) + "\n"
    _, _, (frames, _, _) = frames_of(text)
    frame = frames["p", 0]
    items = frame.items
    words = [v for v, item in enumerate(items) if item[QUOTE] < 0]
    for start in range(-1, len(items) + 1, 7):
        assert list(frame.words_down(start, 3)) == [v for v in reversed(words) if 3 <= v <= start]
        assert list(frame.words_up(start, len(items) - 2)) == [v for v in words if max(start, 0) <= v < len(items) - 2]


def _words_down_step_by_step(items, start: int, stop: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The walk as it was first written: item by item, quotations passed over."""
    return [v for v in range(min(start, len(items) - 1), max(stop, 0) - 1, -1) if items[v][QUOTE] < 0]


def _words_up_step_by_step(items, start: int, stop: int) -> list[int]:  # type: ignore[no-untyped-def]
    return [v for v in range(max(start, 0), min(stop, len(items))) if items[v][QUOTE] < 0]


@pytest.mark.parametrize("seed", range(3))
def test_the_word_mask_walks_the_words_a_step_by_step_walk_finds(seed: int) -> None:
    """The walks pick words through a mask of the items (`Frame._word_mask`): the words found,
    in order, are those a walk item by item finds, for any start and stop, inside the frame or
    past either end, on frames of words and runs of quotations."""
    import random

    from quotelint.quotes.frames import Frame

    rng = random.Random(seed)
    for _ in range(300):
        n = rng.randint(0, 30)
        dense = rng.random()  # from frames of words to frames of quotations
        items = [(i, i + 1, -1, i) if rng.random() < dense else (i, i + 1, i, -1) for i in range(n)]
        held = [i for i, item in enumerate(items) if item[QUOTE] >= 0]
        for frame in (Frame(items, [0] * n), Frame.holding(items, [0] * n, [(0, n)], held)):  # the mask read from the items, or made from `held`
            for _ in range(20):
                start, stop = rng.randint(-3, n + 3), rng.randint(-3, n + 3)
                assert list(frame.words_down(start, stop)) == _words_down_step_by_step(items, start, stop)
                assert list(frame.words_up(start, stop)) == _words_up_step_by_step(items, start, stop)


def test_one_edit_apart_is_an_optimal_string_alignment_distance_of_one() -> None:
    import random

    from rapidfuzz.distance import OSA

    from quotelint.checks.short_names import one_edit_apart

    rng = random.Random(7)
    for _ in range(20_000):
        a = "".join(rng.choice("ABCN") for _ in range(rng.randint(0, 6)))
        b = "".join(rng.choice("ABCN") for _ in range(rng.randint(0, 6))) if rng.random() < 0.3 else a
        for _ in range(rng.randint(1, 2)):  # an edit or two of the first word
            k = rng.randint(0, len(b))
            b = rng.choice((b[:k] + rng.choice("ABCN") + b[k:], b[:k] + b[k + 1 :], b[:k] + b[k + 1 : k + 2] + b[k : k + 1] + b[k + 2 :]))
        assert one_edit_apart(a, b) == (OSA.distance(a, b) == 1), (a, b)
    assert one_edit_apart("ODIHR", "ODHIR") and not one_edit_apart("ODIHR", "DOIRH") and not one_edit_apart("NATO", "NATO")


def test_letters_apart_is_never_more_than_the_edit_distance() -> None:
    """Words beside an anchor are passed over by `letters_apart` before rapidfuzz scores them:
    a floor under the distance, so no near miss is lost."""
    import random

    from rapidfuzz.distance import OSA

    from quotelint.checks.near_miss import letters_apart

    rng = random.Random(11)
    for _ in range(20_000):
        a = "".join(rng.choice("abcno") for _ in range(rng.randint(0, 9)))
        b = "".join(rng.choice("abcno") for _ in range(rng.randint(0, 9)))
        assert letters_apart(a, b) <= OSA.distance(a, b), (a, b)
        assert abs(len(a) - len(b)) <= letters_apart(a, b), (a, b)  # the floor asked before counting letters
    assert letters_apart("kassym", "kasym") == 1 and letters_apart("tokayev", "takoyev") == 0 and letters_apart("astana", "almaty") == 3


def _split_stop_by_stop(prose, words, spans, items, abbreviations, verbs):  # type: ignore[no-untyped-def]
    """The sentence numbers as first written: each stop's item found by its own bisection, and
    the items after quotations and stops merged by heapq."""
    import bisect
    import heapq
    import itertools

    import regex

    n = len(items)
    if n == 0:
        return []
    starts = [item[ITEM_START] for item in items]
    held = [i for i in range(n) if items[i][QUOTE] >= 0]
    after_stops = []
    for m in regex.finditer(r"[.!?]", prose, pos=items[0][ITEM_END], endpos=items[-1][ITEM_START]):
        i = bisect.bisect_right(starts, m.start())
        if 0 < i < n and items[i - 1][ITEM_END] <= m.start():
            after_stops.append(i)
    numbers: list[int] = []
    number = last = 0
    for i in heapq.merge((i + 1 for i in held if i + 1 < n), after_stops):
        if i == last:
            continue
        last = i
        if _opens_sentence_as_written(prose, words, spans, items, i, abbreviations, verbs):
            numbers.extend(itertools.repeat(number, i - len(numbers)))
            number += 1
    numbers.extend(itertools.repeat(number, n - len(numbers)))
    return numbers


def _opens_sentence_as_written(prose, words, spans, items, i, abbreviations, verbs):  # type: ignore[no-untyped-def]
    """Whether item i opens a sentence, as first written: every gap read by the stop pattern
    (with no stop, the quotation before is read as `_opens_sentence` reads it, unchanged)."""
    from quotelint.quotes.frames import _STOP, _after_quotation, abbreviation

    prev, cur = items[i - 1], items[i]
    opens = cur[QUOTE] >= 0 or prose[cur[ITEM_START] : cur[ITEM_START] + 1].isupper() or prose[cur[ITEM_START] : cur[ITEM_START] + 1].isdigit()
    if not opens:
        return False
    gap = prose[prev[ITEM_END] : cur[ITEM_START]]
    stop = _STOP.search(gap)
    if stop is not None and ":" not in gap[: stop.start()]:
        return not (prev[TOKEN] >= 0 and stop.start() == 0 and abbreviation(words[prev[TOKEN]][TEXT], abbreviations))
    return _after_quotation(prose, words, spans, items, i, verbs, gap)


def _seed_paragraphs() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "seeds"
    return [line for p in sorted(root.glob("*.txt")) for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]


_PIECES = ("Tom Berg said", "“We will win.”", "“Why?”", "“Go!”", "“Fine,”", "“It ends…”", "Mr.", "U.S.", "the plan", "Ana Ruiz asked",
           "he said", "1.5 million", "Later", "“a term”", "(see below)", "She", "“Stop.” Trump said.", "No", "he added")
_GAPS = (" ", ". ", "! ", "? ", ": ", ".) ", "... ", " — ", ", ", ".” ", ".\n", "; ", "", "?! ")


@pytest.mark.parametrize("seed", range(3))
def test_sentences_found_in_bulk_are_those_found_stop_by_stop(seed: int) -> None:
    """`split` finds the item after each stop in bulk and judges the items after stops and
    quotations in one sorted pass: every frame of the seeds' paragraphs, shuffled and joined
    into long paragraphs, some with their line breaks and stops dropped, is cut into the
    sentences the stop-by-stop reading finds."""
    import random

    from quotelint.quotes.frames import Frame, split

    rng = random.Random(seed)
    paragraphs = _seed_paragraphs()
    compared = 0
    for _ in range(25):
        chosen = rng.sample(paragraphs, rng.randint(1, 12))
        if rng.random() < 0.3:
            chosen = [p.replace(".", "") if rng.random() < 0.3 else p for p in chosen]
        text = rng.choice(("\n\n", " ", "\n")).join(chosen) + "\n"
        if rng.random() < 0.4:  # made-up sentences: every kind of gap after words and quotations
            text = "".join(rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(rng.randint(5, 60))) + "\n"
        ctx, scan, (frames, _, _) = frames_of(text)
        qw = quote_words()
        abbreviations = qw.abbreviations | {h.rstrip(".").lower() for h in ctx.registry.words.honorifics}
        verbs = frozenset(ctx.registry.words.reporting_verbs) | qw.after_verbs
        keys = list(frames) + list(frames.later)
        compared += len(keys)
        for key in keys:
            frame = frames[key]
            expected = _split_stop_by_stop(ctx.prose, ctx.words, scan.spans, frame.items, abbreviations, verbs)
            assert frame.sentence == expected
            assert split(ctx.prose, ctx.words, scan.spans, frame.items, abbreviations, verbs)[0] == expected
            assert frame.bounds == Frame(frame.items, frame.sentence).bounds  # found with the numbers, as bisection finds them
    assert compared > 20


def _innermost_word_by_word(words, spans):  # type: ignore[no-untyped-def]
    """Each word's innermost quotation as first found: the quotations opened and closed word by word."""
    import bisect

    from quotelint.quotes.frames import close_end

    out = [-1] * len(words)
    stack: list[int] = []
    k = t = 0
    starts = [w[START] for w in words]
    while t < len(words):
        if not stack:
            if k == len(spans):
                break
            t = max(t, bisect.bisect_right(starts, spans[k].open_at))
            if t == len(words):
                break
        word = words[t]
        while k < len(spans) and spans[k].open_at < word[START]:
            while stack and close_end(spans[stack[-1]]) <= spans[k].open_at:
                stack.pop()
            stack.append(k)
            k += 1
        while stack and spans[stack[-1]].end <= word[START]:
            stack.pop()
        if stack and spans[stack[-1]].start <= word[START]:
            out[t] = stack[-1]
        t += 1
    return out


@pytest.mark.parametrize("seed", range(3))
def test_innermost_quotations_found_between_events_are_those_found_word_by_word(seed: int) -> None:
    """`innermost` gives the words between two openings or closings their quotation in one
    slice: on the seeds' paragraphs shuffled and joined, with marks dropped or added at random
    (quotations unclosed, nested, running on), and on made-up spans of any nesting, each word
    gets the quotation the word-by-word reading gives it."""
    import random

    from quotelint.quotes.spans import Span

    rng = random.Random(seed)
    paragraphs = _seed_paragraphs()
    for _ in range(40):
        text = rng.choice(("\n\n", " ", "\n")).join(rng.sample(paragraphs, rng.randint(1, 10))) + "\n"
        if rng.random() < 0.5:
            text = "".join(c for c in text if c not in "“”\"" or rng.random() < 0.8)
        if rng.random() < 0.3:
            text = "".join(c + (rng.choice("“”\"‘’") if c == " " and rng.random() < 0.05 else "") for c in text)
        ctx, scan, _ = frames_of(text)
        assert innermost(ctx.words, scan.spans) == _innermost_word_by_word(ctx.words, scan.spans)
    for _ in range(3000):  # made-up spans: any nesting, marks anywhere, words of any length
        words, at = [], 0
        for _ in range(rng.randint(0, 30)):
            at += rng.randint(1, 4)
            words.append(("w", at, at + rng.randint(1, 3)))
            at = words[-1][END]
        spans = []
        for _ in range(rng.randint(0, 6)):
            open_at = rng.randint(0, at + 2)
            start = open_at + 1
            end = start + rng.randint(0, 20)
            spans.append(Span(open_at, start, end, "“", rng.choice(("”", None)), 0, 0))
        spans.sort(key=lambda s: s.open_at)
        assert innermost(words, tuple(spans)) == _innermost_word_by_word(words, spans)


@pytest.mark.parametrize("seed", range(3))
def test_a_frames_words_and_quotations_merged_are_its_items_sorted(seed: int) -> None:
    """`build_frames` merges each frame's words and quotations (`_with_quotes`) where it sorted
    them and searched each quotation's item: on the seeds' paragraphs shuffled and joined, with
    quotations inside quotations, each frame's items are in order, each quotation's place is its
    item, and the sentences are those `split` finds from the items alone."""
    import random

    from quotelint.quotes.frames import parents, split

    rng = random.Random(seed)
    paragraphs = _seed_paragraphs()
    seen = 0
    for _ in range(30):
        chosen = rng.sample(paragraphs, rng.randint(1, 10))
        if rng.random() < 0.5:  # quotations inside a quotation
            chosen.append("“" + " ".join(chosen[:3]) + "”")
        text = rng.choice(("\n\n", " ", "\n")).join(chosen) + "\n"
        ctx, scan, (frames, where, _) = frames_of(text)
        qw = quote_words()
        abbreviations = qw.abbreviations | {h.rstrip(".").lower() for h in ctx.registry.words.honorifics}
        verbs = frozenset(ctx.registry.words.reporting_verbs) | qw.after_verbs
        for key, frame in list(frames.items()):
            assert frame.items == sorted(frame.items)
            assert frame.sentence == split(ctx.prose, ctx.words, scan.spans, frame.items, abbreviations, verbs)[0]
        parent = parents(scan.spans)
        for k, (key, i) in enumerate(where):
            assert key == (("q", parent[k]) if parent[k] >= 0 else ("p", scan.spans[k].paragraph))
            assert frames[key].items[i][QUOTE] == k
            seen += 1
    assert seen > 50


@pytest.mark.parametrize("seed", range(3))
def test_word_positions_made_in_bulk_are_those_made_word_by_word(seed: int) -> None:
    """`word_positions` adds each index to its word's list in C: the same words, in the same
    order (the order the text first writes them), with the same rising indexes, as a loop word
    by word makes, on the seeds' paragraphs shuffled and on random words."""
    import random

    from quotelint.wordsplit import word_positions
    from quotelint.names import tokens

    def word_by_word(words):  # type: ignore[no-untyped-def]
        out: dict[str, list[int]] = {}
        for i, word in enumerate(words):
            out.setdefault(word[TEXT], []).append(i)
        return out

    rng = random.Random(seed)
    paragraphs = _seed_paragraphs()
    for _ in range(20):
        words = tokens(" ".join(rng.sample(paragraphs, rng.randint(0, 15))))
        assert list(word_positions([w[TEXT] for w in words]).items()) == list(word_by_word(words).items())
    for _ in range(200):
        words = [(rng.choice("abcdefg") * rng.randint(1, 2), i, i + 1) for i in range(rng.randint(0, 40))]
        assert list(word_positions([w[TEXT] for w in words]).items()) == list(word_by_word(words).items())
    positions = word_positions(["a", "b", "a"])
    assert positions.get("c") is None and "c" not in positions  # a question adds no word
    with pytest.raises(KeyError):
        positions["c"]


def _variants_word_by_word(ctx: Context) -> list[tuple[str, str, str, int, int]]:
    """QL202's uses as the registry's `preferred` gives them, asked word by word of every mention."""
    preferred = ctx.registry.names.preferred
    return [
        (m.form.entity_ids[0], best, w[TEXT], w[START] + ctx.base, w[END] + ctx.base)
        for m in ctx.mentions
        if m.form.accepted and len(m.form.entity_ids) == 1 and ctx.owns(m.start)
        for w in ctx.words[m.first : m.first + m.count]
        if (best := preferred.get((m.form.entity_ids[0], w[TEXT]))) is not None
    ]


def test_variant_spellings_gathered_per_entity_are_those_asked_word_by_word(tmp_path: Path) -> None:
    """QL202 looks only at the names of entities that have variants (worked out once an entity
    in a run): it gathers what asking the registry about every word of every name gives, from
    the YAML and from the registry cache, own part of the document or not."""
    from quotelint.checks.inconsistent_spelling import gather
    from tests.integ_helpers import project_registry_cached

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append("The Respublica party won seats. Respublika had campaigned; Antonio and António Guterres spoke.")
    found = 0
    for registry in project_registry_cached(tmp_path / "cache"):
        for text in texts:
            doc = Document.from_text(text)
            for own in (None, (0, len(doc.prose) // 2)):
                ctx = Context(doc, registry, own=own)
                expected = _variants_word_by_word(ctx)
                assert gather(ctx) == expected
                found += len(expected)
    assert found > 0


def _drift_word_by_word(ctx: Context) -> list[tuple[int, int, str]]:
    """QL201's near misses found the plain way: every word outside a registered spelling and no
    registered word, its verdict reached at the first place of its word and the anchors beside it."""
    from quotelint.checks.near_miss import near_miss
    from quotelint.checks.spelling_drift import anchor_words, short_names

    index, words = ctx.registry.names, ctx.words
    covered = {i for m in ctx.mentions for i in range(m.first, m.first + m.count)}
    anchors = anchor_words(ctx)
    verdicts: dict[tuple[str | None, str, str | None], object] = {}
    out = []
    for i, word in enumerate(words):
        if i in covered or word[TEXT] in index.known:
            continue
        before = words[i - 1][TEXT] if i > 0 and words[i - 1][TEXT] in anchors else None
        after = words[i + 1][TEXT] if i + 1 < len(words) and words[i + 1][TEXT] in anchors else None
        key = (before, word[TEXT], after)
        if key not in verdicts:
            verdicts[key] = near_miss(ctx, i, short_names(ctx))
        found = verdicts[key]
        if found is not None:
            out.append((word[START], word[END], found[0]))  # type: ignore[index]
    return out


def _drifted(text: str, rng: random.Random) -> str:
    """The text with some capitalised words misspelt: a letter dropped, doubled or swapped, or
    the word in capitals; and an acronym one letter off (`OCSE`)."""
    def edit(m: re.Match[str]) -> str:
        w = m.group()
        if rng.random() > 0.15:
            return w
        k = rng.randrange(1, len(w) - 1)
        return rng.choice((w[:k] + w[k + 1 :], w[:k] + w[k] + w[k:], w[:k] + w[k + 1] + w[k] + w[k + 2 :], w.upper()))

    return re.sub(r"\b[A-Z][a-z]{3,}\b", edit, text) + "\n\nThe OCSE observers met the press.\n"


@pytest.mark.parametrize("seed", range(3))
def test_drift_found_through_the_run_memos_is_what_judging_every_word_finds(seed: int) -> None:
    """QL201 judges only the words beside an anchor and the words that can drift alone (kept for
    the run): it finds what judging every word outside a registered spelling finds, in a run's
    later documents too."""
    from quotelint.checks.spelling_drift import check

    rng = random.Random(seed)
    registry = load_registry([str(ROOT / "rules")])
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    found = 0
    for path in rng.sample(seeds, 4):
        ctx = Context(Document.from_text(_drifted(path.read_text(encoding="utf-8"), rng)), registry)
        expected = _drift_word_by_word(ctx)
        drift = ("looks like a misspelling of", "has the wrong case for")  # not the registry's listed misspellings
        got = [(h.start, h.end, h.suggestion) for h in check(ctx) if any(d in h.message for d in drift)]
        assert got == expected
        found += len(expected)
    assert found > 0


@pytest.mark.parametrize("seed", range(5))
def test_spans_in_order_and_apart_are_kept_as_merging_them_keeps_them(seed: int) -> None:
    """A rule's spans (yamlrules/matching.Spans) already in order and apart, as a document's names
    are, are taken as they are: what merging them one by one gives (the same spans reversed are
    merged), as for spans in any order, touching, nested, empty or overlapping."""
    from quotelint.yamlrules.matching import Spans

    merged = Spans([(5, 8), (0, 3), (2, 4), (8, 9), (9, 9)])
    assert (merged.starts, merged.ends) == ([0, 5, 8, 9], [4, 8, 9, 9])
    rng = random.Random(seed)
    for _ in range(300):
        at, spans = 0, []
        for _ in range(rng.randrange(0, 8)):
            at += rng.choice((0, 0, 1, 3))
            spans.append((at, at + rng.choice((0, 1, 2, 5))))
            at = spans[-1][1] + rng.choice((-2, 0, 0, 1))
        if rng.random() < 0.3:
            rng.shuffle(spans)
        got, reverse = Spans(spans), Spans(spans[::-1])
        assert (got.starts, got.ends) == (reverse.starts, reverse.ends)


def test_what_a_word_is_to_a_title_is_the_same_through_the_run_memos(registry: Registry) -> None:
    """The wrong-title rule's page keeps what a word is to a title (past marker, modifier, proper
    name, qualifier) for the run: each verdict is the one worked out from the word, in a run's
    later documents too."""
    from quotelint.checks.title_page import ARTICLES, Page
    from quotelint.checks.title_words import key, parts, title_words

    lexicon, index = registry.words, registry.titles
    markers = quote_words().past_markers

    def past(word: str) -> bool:
        return word.lower() in markers or ("-" in word and word.lower().split("-")[0] in markers)

    def title(word: str) -> bool:
        return index.is_title_word(word, lexicon)

    def proper(word: str) -> bool:
        return word[:1].isupper() and not lexicon.is_common_word(word) and not title(word)

    checked = 0
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:4]]
    texts.append("The then-director-general and ex-President, a former UN envoy, met EU foreign policy chief Ned Prise.")
    for text in texts:
        page = Page(Context(Document.from_text(text), registry))
        for i, word in enumerate(page.words):
            w = word[TEXT]
            modifier = w.lower() in title_words().modifiers or past(w)
            qualifier = title(w) or page.country(i) or proper(w) or modifier or (
                w.lower() not in ARTICLES and all(key(p) in index.role_words for p in parts(w)))
            assert (page.past(i), page.modifier(i), page.proper(i), page.qualifier(i)) == (past(w), modifier, proper(w), qualifier), w
            checked += qualifier + past(w)
    assert checked > 0
