"""A very large document analysed section by section gives the findings of its whole analysis."""

from __future__ import annotations

import gc

import pytest

from quotelint.checks import Rule, Severity
from quotelint.document import Document
from quotelint.linter import Plan, lint_document
from quotelint.registry.load import load_registry
from quotelint.sections import Split, cut_points, sections
from quotelint.settings import Settings
from tests.conftest import ROOT

WHOLE = Split(threshold=10**12)
SMALL = Split(threshold=1_000, size=12_000, margin=1_500)  # sections of a few paragraphs

# Each of these stands in a section of its own, far from the others: what the rules that judge a
# whole document must still see together.
OPENING = (
    "The Respublica party opened its campaign office in the capital on Monday.\n\n"
    "Turnout in the parliamentary election was 53 percent, the election commission said.\n"
)
MIDDLE = "Respublika volunteers handed out leaflets at the market, and turnout was the talk of the town.\n"
CLOSING = (
    "Turnout in the parliamentary election was 54 per cent, a member of the commission told reporters.\n\n"
    "Respublika leaders said they would meet again in the spring.\n"
)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan.make(load_registry([str(ROOT / "rules")]), Settings())


def seed_paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return out


def long_document() -> str:
    seeds = "\n\n".join(seed_paragraphs())
    return f"{OPENING}\n{seeds}\n\n{MIDDLE}\n{seeds}\n\n{CLOSING}"


def test_a_document_of_many_sections_gets_the_findings_of_its_whole_analysis(plan: Plan) -> None:
    text = long_document()
    doc = Document.from_text(text, "long.txt")
    assert len(list(sections(doc.prose, SMALL))) > 10
    whole = lint_document(doc, plan, split=WHOLE)
    parts = lint_document(doc, plan, split=SMALL)
    assert parts == whole
    # Places far apart still meet: the variant after the first, both values of the turnout.
    lines = {f.line for f in whole}
    closing = text[: text.index(CLOSING)].count("\n") + 1
    middle = text[: text.index(MIDDLE)].count("\n") + 1
    assert {"QL202", "QL302", "house/percent"} <= {f.rule for f in whole if f.line >= closing}
    assert any(f.rule == "QL202" and f.line == middle for f in whole)
    assert 3 in lines  # the opening's 53 percent, which the closing contradicts
    assert len(whole) > 100


def test_unmerged_findings_are_the_same_too(plan: Plan) -> None:
    doc = Document.from_text(long_document(), "long.txt")
    assert lint_document(doc, plan, merge=False, split=SMALL) == lint_document(doc, plan, merge=False, split=WHOLE)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_held_off_only_while_a_section_is_read(plan: Plan, enabled: bool) -> None:
    seen = []
    rule = Rule(
        id="QL999", name="collector-probe", category="test", severity=Severity.INFO, summary="notes the collector's state",
        check=lambda ctx: seen.append(gc.isenabled()) or iter(()), doc="",
    )
    doc = Document.from_text(long_document(), "long.txt")
    (gc.enable if enabled else gc.disable)()
    try:
        lint_document(doc, plan._replace(rules=(rule,)), split=SMALL)
        after = gc.isenabled()
    finally:
        gc.enable()
    assert len(seen) > 10 and not any(seen)  # off in every section, whether it was on or not
    assert after is enabled  # and as the caller had it afterwards


def test_html_sections_map_back_to_the_file(plan: Plan) -> None:
    body = "".join(f"<p>{p}</p>\n" for p in seed_paragraphs())
    text = f"<html><body><p>{OPENING}</p>\n{body}<p>{MIDDLE}</p>\n{body}<p>{CLOSING}</p></body></html>\n"
    doc = Document.from_text(text, "long.html", "html")
    assert lint_document(doc, plan, split=SMALL) == lint_document(doc, plan, split=WHOLE)


def test_an_article_is_one_section() -> None:
    prose = "A short article.\n\nIts second paragraph.\n"
    assert [(s.start, s.own_start, s.own_end, s.end) for s in sections(prose, Split())] == [(0, 0, len(prose), len(prose))]


def test_sections_cover_the_prose_once_and_start_at_paragraphs() -> None:
    prose = long_document()
    found = list(sections(prose, SMALL))
    assert found[0].own_start == 0 and found[-1].own_end == len(prose)
    assert all(a.own_end == b.own_start for a, b in zip(found, found[1:]))
    for s in found:
        assert s.start <= s.own_start < s.own_end <= s.end
        assert s.own_end - s.own_start <= SMALL.size
        assert s.own_start == 0 or prose[s.own_start - 2 : s.own_start] == "\n\n"


def test_a_single_line_is_cut_after_sentences_then_at_spaces_then_anywhere() -> None:
    sentences = "The council met on Monday. It agreed. " * 100
    points = cut_points(sentences, 500)
    assert all(sentences[p - 2 : p] == ". " for p in points[1:-1]) and points[-1] == len(sentences)
    words = "word " * 300
    assert all(words[p - 1] == " " for p in cut_points(words, 500)[1:-1])
    marks = "“”" * 600
    assert cut_points(marks, 500) == [0, 500, 1000, 1200]


def test_a_claim_applies_to_every_section_of_a_document_that_names_its_context(plan: Plan) -> None:
    """The registered turnout applies to a document naming the Mazhilis; here only its first section does."""
    filler = "\n\n".join(
        f"The city council of Northvale met for the {k}th time this year and spoke about roads, schools and parks." for k in range(1, 400)
    )
    text = f"Voters chose a new Mazhilis on Sunday.\n\n{filler}\n\nTurnout in the election was 49 percent.\n"
    doc = Document.from_text(text, "claims.txt")
    assert len(list(sections(doc.prose, SMALL))) > 3
    whole = lint_document(doc, plan, split=WHOLE)
    assert [f.line for f in whole if f.rule == "QL301"] == [text.count("\n")]
    assert lint_document(doc, plan, split=SMALL) == whole
