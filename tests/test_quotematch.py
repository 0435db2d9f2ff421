"""Matching quotations against registered quotes: what counts as the same words."""

from __future__ import annotations

import datetime as dt

import pytest

from quotelint.quotes.matching import QuoteIndex, cut
from quotelint.registry.model import Entity, Quote

ENTITIES = {
    "guterres": Entity("guterres", "person", "António Guterres", ("Antonio Guterres", "Guterres")),
    "tokayev": Entity("tokayev", "person", "Kassym-Jomart Tokayev", ("Tokayev",)),
    "osce": Entity("osce", "organization", "OSCE"),
    "odihr": Entity("odihr", "organization", "ODIHR", parent="osce"),
}
QUOTES = [
    Quote("partner", "guterres", "a privileged partner that is a pillar of multilateralism, a promoter and defender of peace at the global level", dt.date(2023, 9, 19), "https://example.org/a"),
    Quote("civil", "tokayev", "create favourable conditions for the further development of civil society", dt.date(2023, 1, 19), "https://example.org/b"),
    Quote("arena", "odihr", "introduced elements of competitiveness to the political arena", dt.date(2023, 3, 20), "https://example.org/c"),
    Quote("treaty", "tokayev", "It would be no exaggeration to call this document historic and indeed a breakthrough", dt.date(2022, 12, 22), "https://example.org/d"),
]


@pytest.fixture(scope="module")
def index() -> QuoteIndex:
    return QuoteIndex.build(QUOTES, ENTITIES)


def status(index: QuoteIndex, text: str, speaker: str | None = "António Guterres", sid: str | None = "guterres", person: bool = True) -> tuple[str | None, str]:
    m = index.match(text, speaker, sid, ENTITIES, person=person)
    return m.registry_id, m.status


def test_words_are_folded_and_spelt_american() -> None:
    assert cut("“Favourable” co-operation, didn’t").norm == ("favorable", "cooperation", "didnt")
    assert cut("a … b [c] d").gaps == ((1, "gap"), (2, "bracket"))


@pytest.mark.parametrize(
    "text",
    [
        "a privileged partner that is a pillar of multilateralism",
        "A Privileged partner that is a pillar of multilateralism, a promoter and defender of peace at the global level.",
        "a privileged partner … a promoter and defender of peace",
        "a privileged partner ... defender of peace at the global level",
        "a privileged partner that is a pillar of [global] multilateralism",
        "a privileged partner that is [a] pillar of multilateralism, a promoter and defender of [world] peace",
        "‘a privileged partner that is a pillar of multilateralism’",
    ],
)
def test_allowed_editing_is_verified(index: QuoteIndex, text: str) -> None:
    assert status(index, text) == ("partner", "verified")


def test_british_and_american_spelling_are_one(index: QuoteIndex) -> None:
    assert status(index, "create favorable conditions for the further development of civil society", "Kassym-Jomart Tokayev", "tokayev") == ("civil", "verified")


def test_a_bracket_stands_for_a_few_words_only(index: QuoteIndex) -> None:
    assert status(index, "It would be no exaggeration [to say it is] a breakthrough", "Tokayev", "tokayev")[1] != "verified"
    assert status(index, "It would be no exaggeration to call this document historic [and indeed] a breakthrough", "Tokayev", "tokayev") == ("treaty", "verified")


def test_one_content_word_changed_is_altered_with_the_difference(index: QuoteIndex) -> None:
    m = index.match("a privileged partner that is a pillar of multilateralism, a promoter and defender of war at the global level", "António Guterres", "guterres", ENTITIES)
    assert (m.registry_id, m.status) == ("partner", "altered")
    assert m.changes == (("war", "peace"),)


def test_altered_lists_added_and_missing_words(index: QuoteIndex) -> None:
    m = index.match("brought elements of competitiveness into the political arena", "ODIHR", "odihr", ENTITIES)
    assert m.status == "altered" and m.changes == (("brought", "introduced"), ("into", "to"))


def test_another_speaker_is_misattributed(index: QuoteIndex) -> None:
    assert status(index, "a privileged partner that is a pillar of multilateralism", "Kassym-Jomart Tokayev", "tokayev") == ("partner", "misattributed")
    assert status(index, "a privileged partner that is a pillar of multilateralism", "Josep Borrell", None) == ("partner", "misattributed")


def test_no_speaker_a_place_or_a_parent_body_is_not_misattributed(index: QuoteIndex) -> None:
    assert status(index, "a privileged partner that is a pillar of multilateralism", None, None) == ("partner", "verified")
    assert status(index, "a privileged partner that is a pillar of multilateralism", "Brussels", None, person=False) == ("partner", "verified")
    assert status(index, "introduced elements of competitiveness to the political arena", "OSCE", "osce") == ("arena", "verified")
    assert status(index, "a privileged partner that is a pillar of multilateralism", "Guterres", None) == ("partner", "verified")


def test_near_wording_from_another_speaker_is_a_misattribution(index: QuoteIndex) -> None:
    # altered words in another speaker's mouth are never waved through as somebody else's quote
    assert status(index, "a trusted partner that is a pillar of multilateralism", "Kassym-Jomart Tokayev", "tokayev") == ("partner", "misattributed")
    # and a quotation merely sharing a few words with it is nobody's registered quote
    assert status(index, "a trusted friend who is a pillar of the community and of our town", "Kassym-Jomart Tokayev", "tokayev") == (None, "unverified")


def test_short_quotations_are_only_checked_against_their_speaker(index: QuoteIndex) -> None:
    assert status(index, "civil society", "Kassym-Jomart Tokayev", "tokayev") == ("civil", "verified")
    assert status(index, "civil society", "António Guterres", "guterres") == (None, "unverified")
    assert status(index, "civil society", None, None) == (None, "unverified")
    assert status(index, "political arena", "OSCE", "osce") == ("arena", "verified")  # the parent speaks for ODIHR


def test_unrelated_words_are_unverified(index: QuoteIndex) -> None:
    assert status(index, "we will build a new road to the coast") == (None, "unverified")


def test_candidates_come_from_the_index_not_from_every_entry() -> None:
    many = [Quote(f"q{i}", "guterres", f"statement number {i} about the harbour of town {i}", None, "s") for i in range(5000)]
    index = QuoteIndex.build([*QUOTES, *many])
    found = index.candidates(cut("a privileged partner that is a pillar of multilateralism"), "guterres")
    assert found[0] == "partner" and len(found) <= 8
