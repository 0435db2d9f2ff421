"""Clauses and segments laid out from the clause marks and the words that open a statement
(`Layout.lay_out`) are those a walk over every word gives (the walk it replaced, kept here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotelint.claims.layout import CLAUSE_MARKS, HARD_MARKS, Layout
from quotelint.context import Context
from quotelint.document import Document
from quotelint.names import END, START, TEXT
from quotelint.registry import Registry

WORDS = ["Turnout", "was", "54", "percent", "18,000", "seats", "which", "who", "that", "but", "said",
         "according", "to", "Astana", "the", "vote", "where", "3", "000", "while", "told", "In", "2023"]
GAPS = [" ", " ", " ", ", ", "; ", ": ", " (", ") ", " – ", " — ", " “", "” ", ' "', ",", " [", "] ", "  "]


def walked(layout: Layout, s: int) -> tuple[list[int], list[int], set[int]]:
    """Each word's clause and segment and the relative clauses, word by word."""
    lo, hi = layout.sentence_words(s)
    words, prose, data = layout.words, layout.prose, layout.data
    clause_of, segment_of, relative = [0] * (hi - lo), [0] * (hi - lo), set()
    clause = segment = lo + 1
    for k in range(lo, hi):
        if k > lo:
            gap = prose[words[k - 1][END] : words[k][START]]
            low = words[k][TEXT].lower()
            joined = gap == "," and layout.in_figure(k) and layout.in_figure(k - 1)
            if gap != " " and not joined and any(c in CLAUSE_MARKS for c in gap):
                clause += 1
                segment += any(c in HARD_MARKS for c in gap)
                if low in data.relative_words and "," in gap:
                    relative.add(clause)
            elif low in layout._breakers or (low in layout._source_starts and layout._source_marker(k)):
                clause += 1
        clause_of[k - lo], segment_of[k - lo] = clause, segment
    return clause_of, segment_of, relative


def check(text: str) -> None:
    ctx = Context(Document.from_text(text), Registry())
    layout = ctx.layout
    for s in range(len(ctx.sentences)):
        lo, hi = layout.lay_out(s)
        clause_of, segment_of, relative = walked(layout, s)
        assert layout.clause[lo:hi] == clause_of and layout.segment[lo:hi] == segment_of
        assert {c for c in layout.relative if lo < c <= hi + 1} >= relative
    assert layout.relative == set().union(*(walked(layout, s)[2] for s in range(len(ctx.sentences))))


def test_clauses_of_a_plain_article() -> None:
    check(
        "Turnout in the Mazhilis election reached 54 percent, the commission said, which was lower. "
        "Some 18,000 observers (from 40 countries) watched; Astana, where it rained, voted too.\n\n"
        "According to officials the vote was calm – but “quiet”, observers told reporters."
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GAPS), st.sampled_from(WORDS)), min_size=1, max_size=30))
def test_clauses_laid_out_from_marks_are_those_of_the_walk(pieces: list[tuple[str, str]]) -> None:
    check("".join(gap + word for gap, word in pieces).strip() + ".")
