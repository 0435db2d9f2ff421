"""Quotation spans and their kind: marks paired, apostrophes left alone, paragraphs respected."""

from __future__ import annotations

import time

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.lexicon import default_lexicon
from quotelint.registry import Registry
from quotelint.quotes.spans import paragraphs, scan


def quotes(text: str, kind: str = "text"):  # type: ignore[no-untyped-def]
    return Context(Document.from_text(text, kind=kind), Registry()).quotes


def texts(text: str, kind: str = "text") -> list[str]:
    return [q.text for q in quotes(text, kind)]


def problems(text: str) -> list[str]:
    return [p.message for p in scan(text, default_lexicon().quote_marks).problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” and left.", ["we will win"]),
        ('He said "we will win" and left.', ["we will win"]),
        ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"]),
        ("Er sagte „wir gewinnen“ gestern.", ["wir gewinnen"]),
        ("Hon sa »vi vinner« i går.", ["vi vinner"]),
        ("The judge called it a ‘lifestyle of excess’ on Friday.", ["lifestyle of excess"]),
    ],
)
def test_each_style_of_marks(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_apostrophes_are_not_marks() -> None:
    text = "Kazakhstan’s leader, in the ’90s, liked rock ’n’ roll and the workers' union; it didn't matter."
    assert texts(text) == []
    assert problems(text) == []


def test_nested_single_quotes_and_the_apostrophe_after_them() -> None:
    found = quotes("Tokayev began promoting the “‘listening state’, which responds to all citizens’ requests” in 2019.")
    assert [q.text for q in found] == ["‘listening state’, which responds to all citizens’ requests", "listening state"]
    assert found[1].nested_in == 0 and found[0].nested_in is None


def test_a_plural_possessive_inside_single_quotes_is_no_closing_mark() -> None:
    assert texts("'Our members' patience ran out weeks ago,' he said.") == ["Our members' patience ran out weeks ago,"]
    assert texts("'The workers' union will decide,' she said. 'It is their call.'") == ["The workers' union will decide,", "It is their call."]


def test_a_single_quote_after_s_closes_when_a_new_quotation_opens_next() -> None:
    text = "Rates had risen 'by double digits' on some routes. 'If this drags on, shelves empty,' she warned."
    assert texts(text) == ["by double digits", "If this drags on, shelves empty,"]


def test_straight_quotes_paired_by_position_not_by_count() -> None:
    assert texts('The 24" neck and the \'50s pickups made it "the holy grail," he said.') == ["the holy grail,"]
    assert texts('"The so-called \'EV winter\' is real," she wrote.') == ["The so-called 'EV winter' is real,", "EV winter"]


def test_wrong_closing_mark_closes_the_quotation_and_is_reported() -> None:
    text = "“A privileged partner that is a pillar of multilateralism“\n\nNext paragraph."
    assert texts(text) == ["A privileged partner that is a pillar of multilateralism"]
    assert problems(text) == ["quotation opened with “ is closed with “"]


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "He said “we will win.\n\nThen “another” quotation followed, and “a third”."
    found = quotes(text)
    assert [q.text for q in found] == ["we will win.", "another", "a third"]
    assert found[0].close_mark is None
    assert problems(text) == ["quotation opened with “ is not closed before the end of its paragraph"]


def test_unclosed_marks_never_swallow_a_long_file() -> None:
    body = "\n\n".join(f"Paragraph {i} says “something {i}” and moves on." for i in range(2000))
    text = "An opening “ with no end.\n\n" + body
    start = time.perf_counter()
    found = quotes(text)
    assert time.perf_counter() - start < 30  # a guard against runaway work, not a timing (bench/ times it)
    assert len(found) == 2001 and found[0].text == " with no end." and found[-1].text == "something 1999"


def test_a_quotation_over_several_paragraphs_repeats_its_opening_mark() -> None:
    text = "She said:\n\n“The first part of it.\n\n“The second part.\n\n“The end of it.”\n\nAfter."
    found = quotes(text)
    assert [q.text for q in found] == ["The first part of it.", "The second part.", "The end of it."]
    assert all(q.continued for q in found)
    assert [q.part_of for q in found] == [None, 0, 0]
    assert problems(text) == []


def test_a_span_never_crosses_a_markdown_code_block() -> None:
    text = 'He said "this\n\n```\ncode " here\n```\n\nand "that" too.\n'
    found = quotes(text, "markdown")
    assert [q.text for q in found] == ["this", "that"]
    assert found[0].close_mark is None


def test_a_span_never_crosses_an_html_block() -> None:
    found = quotes('<p>He said "open</p><p>and "closed" here.</p>', "html")
    assert [q.text for q in found] == ["open", "closed"]


def test_paragraphs_split_long_lines_and_keep_wrapped_ones() -> None:
    long = "x" * 150
    text = f"{long}\n{long}\n\nA wrapped line of ordinary length that goes on\nand ends here.\n— A dash line"
    spans = paragraphs(text)
    assert len(spans) == 4
    assert text[spans[2][0] : spans[2][1]].endswith("ends here.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The so-called “road diet” was approved.", "term"),
        ("Critics have nicknamed it “the Squeeze.”", "term"),
        ("The EU backs the “Middle Corridor” route.", "term"),
        ("It was not labelled as the “president’s party”.", "term"),
        ("They used “door-to-door” campaigning.", "term"),
        ("Voters could choose “independent” candidates.", "term"),
        ("In English, “glasnost” means openness.", "term"),
        ("Residents call the illness “la quebrantahuesos.”", "term"),
        ("The story ran under the headline “The laundry that rises”.", "term"),
        ("Tokayev’s “listening state” is a new idea.", "term"),
        ("“We will win,” she said.", "speech"),
        ("The mission said the polls lacked “competitiveness”.", "speech"),
        ("He said he felt “frightened”.", "speech"),
        ("Nobody expected “the perfect become the enemy of the good” to matter.", "speech"),
        ("“Never say never. But not this year.”", "speech"),
        ("It was a case of “fraud on an epic scale” in London.", "speech"),
        ("A pillar, in what it called “massive and systematic rigging.”", "speech"),
    ],
)
def test_speech_or_term(text: str, kind: str) -> None:
    found = quotes(text)
    assert len(found) == 1 and found[0].kind == kind, (text, found[0].kind)


def test_terms_get_no_speaker_and_no_status() -> None:
    term = quotes("The so-called “road diet” was approved, Ned Price said.")[0]
    assert term.kind == "term" and term.speaker is None and term.status is None


def test_a_quotation_may_run_over_a_wrapped_line() -> None:
    text = "The minister told reporters on Monday that the plan was “ready to go\nas soon as parliament votes on it” and left the building.\n"
    assert texts(text) == ["ready to go\nas soon as parliament votes on it"]


def test_random_marks_and_words_never_break_extraction() -> None:
    import random

    pieces = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‚", " ", "\n", "\n\n", ".", ",", ":", "—", "(", ")", "[", "]", "…",
              "said", "he", "she", "Tokayev", "the", "Mr.", "according", "to", "told", "who", "and", "so-called", "Jane Doe"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) + " " * rng.randint(0, 1) for _ in range(rng.randint(1, 50)))
        for kind in ("text", "markdown", "html"):
            doc = Document.from_text(text, kind=kind)
            for q in Context(doc, Registry()).quotes:
                assert 0 <= q.start <= q.end <= len(doc.prose) and q.text == doc.prose[q.start : q.end]
