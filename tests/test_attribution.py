"""Who said it: every attribution pattern of news copy, resolved to a name."""

from __future__ import annotations

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry import Registry
from tests.attribution_helpers import registry, speech  # noqa: F401 - registry is a fixture


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will appeal,” said Justice Folasade Okwuosa, who chaired the panel.", ["Folasade Okwuosa"]),
        ("“We will appeal,” Okwuosa said.", ["Okwuosa"]),
        ("Mayor Dana Kowalczyk said “the vote is final” on Monday.", ["Dana Kowalczyk"]),
        ("Mayor Dana Kowalczyk said: “The vote is final.”", ["Dana Kowalczyk"]),
        ("Rates climbed to “levels not seen in a decade,” according to Health Minister Rosa Quispe.", ["Rosa Quispe"]),
        ("According to analyst Leonie Marchetti, “demand will recover by the summer.”", ["Leonie Marchetti"]),
        ("“Margins come first,” Park Ji-won told Reuters.", ["Park Ji-won"]),
        ("In the words of economist Ifeoma Daniels, the plan is “a leaking roof in the rainy season.”", ["Ifeoma Daniels"]),
        ("Engineer Kofi Annor noted that the road had been built for “a downtown that no longer exists.”", ["Kofi Annor"]),
        ("Ccahuana, who serves as president of a network of kitchens, added that families were “choosing between food and rent.”", ["Ccahuana"]),
        ("State Department spokesman Ned Price said: “We share the concerns of the observers.”", ["Ned Price"]),
        ("The Foreign Ministry said in a statement that the criticism “lacks objectivity”.", ["Foreign Ministry"]),
        ("The OSCE mission said in a statement that the polls lacked “competitiveness”.", ["Organization for Security and Co-operation in Europe"]),
        ("“It would be no exaggeration,” Tokayev said, “to call this document historic.”", ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"]),
        ("The ODIHR team noted that the reforms had “increased choice for voters”, adding that contestants could campaign “actively and freely”.", ["Office for Democratic Institutions and Human Rights"] * 2),
        ("Ms. Lena Ortiz spoke after Mr. Tom Berg. “We disagree,” she said.", ["Lena Ortiz"]),
        ("Ms. Lena Ortiz spoke after Mr. Tom Berg. “We disagree,” he said.", ["Tom Berg"]),
        # `he` goes to the subject of the sentence before, not its object
        ("Guterres met Tokayev on Monday. “We are partners for peace in the region,” he said.", ["António Guterres"]),
        ("Harbor Freight Lines, which runs the ferries, said the union's claims were “plainly false”.", ["Harbor Freight Lines"]),
        ("OSLO, Norway (Reuters) — Norway's fisheries directorate on Friday closed the fjord, saying stocks had “collapsed”.", ["Norway's fisheries directorate"]),
        ("Harbor Freight Lines cut two routes. In a statement, the company said it was “ready to talk”.", ["Harbor Freight Lines"]),
        ("Ms. Ana Ruiz spoke first. Rick Barnaby, who chairs the board, spoke next. “We will fix it,” he said.", ["Rick Barnaby"]),
    ],
)
def test_patterns(text: str, expected: list[str], registry: Registry) -> None:
    assert speech(text, registry) == expected


def test_pull_quote_with_a_dash_line(registry: Registry) -> None:
    text = "“Three people have died crossing that street.”\n— Marisol Okonkwo-Reyes, President of the Council\n"
    assert speech(text, registry) == ["Marisol Okonkwo-Reyes"]


def test_a_colon_before_a_quotation_of_several_paragraphs(registry: Registry) -> None:
    text = "In prepared remarks, Park Ji-won said:\n\n“We were built on a promise.\n\n“That promise has not changed.”\n"
    assert speech(text, registry) == ["Park Ji-won", "Park Ji-won"]


def test_a_quotation_after_its_attributed_sentence_keeps_the_speaker(registry: Registry) -> None:
    text = "“This is the most important decision in a decade,” said Council President Marisol Okonkwo-Reyes. “Three people have died.”"
    assert speech(text, registry) == ["Marisol Okonkwo-Reyes"] * 2


def test_a_new_name_in_the_sentence_breaks_the_chain(registry: Registry) -> None:
    text = "“They would obtain loans,” said Ruslan Sadykov. One example was Tradestock, an entity which offered “no services to anyone at all”."
    assert speech(text, registry) == ["Ruslan Sadykov", None]


def test_unnamed_speakers_stay_unnamed(registry: Registry) -> None:
    text = "According to local observers, the party had “a strongly updated slate of candidates”. Union leaders described it as “a broken promise on pay”."
    assert speech(text, registry) == [None, None]


def test_a_headline_repeating_a_body_quote_takes_its_speaker(registry: Registry) -> None:
    text = "“Not Moscow, not London”\n\nIn his closing statement, John Zach told the jury that this was “not Moscow, not London, but New York,” and sat down."
    assert speech(text, registry) == ["John Zach", "John Zach"]


def test_a_title_noun_refers_to_the_person_with_that_title(registry: Registry) -> None:
    text = "Plateau state governor Ibrahim Dakwang thanked voters. In a message to rivals, the governor wrote: “My door is open to all of you.”"
    assert speech(text, registry) == ["Ibrahim Dakwang"]


def test_a_title_noun_may_point_forward_to_the_name(registry: Registry) -> None:
    text = "The prize went to a debut novel, in what the jury chairwoman called “a brave choice”.\n\nJury chairwoman Ana Lindqvist said the vote was close."
    assert speech(text, registry) == ["Ana Lindqvist"]


def test_a_role_in_the_registry_stands_for_its_holder(registry: Registry) -> None:
    text = "Antonio Guterres arrived on Monday. The UN chief later said the talks were “a step toward a lasting peace in the region.”"
    assert speech(text, registry) == ["António Guterres"]


def test_speaker_text_and_span_point_at_the_name_as_written(registry: Registry) -> None:
    doc = Document.from_text("“We will win,” Antonio Guterres said.")
    q = Context(doc, registry).quotes[0]
    assert q.speaker == "António Guterres" and q.speaker_id == "antonio-guterres"
    assert q.speaker_text == "Antonio Guterres"
    assert q.speaker_span is not None and doc.prose[q.speaker_span[0] : q.speaker_span[1]] == "Antonio Guterres"


def test_speaker_text_holds_the_title_written_before_the_name(registry: Registry) -> None:
    """As the contract's example: the attribution as it stands, title and all; the span is the name."""
    doc = Document.from_text("“We will win,” said Finance Minister Ana Ruiz. “Soon,” she added.")
    first, second = Context(doc, registry).quotes
    assert first.speaker == "Ana Ruiz" and first.speaker_text == "Finance Minister Ana Ruiz"
    assert doc.prose[first.speaker_span[0] : first.speaker_span[1]] == "Ana Ruiz"  # type: ignore[index]
    assert second.speaker == "Ana Ruiz" and second.speaker_text == "she"
