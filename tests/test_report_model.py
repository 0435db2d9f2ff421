"""The report model: sentences around spans, word-level quote comparison, totals and tables."""

from __future__ import annotations

from tests.report_helpers import HONORIFICS, finding, quotation, quote, registry, span_of

from quotelint.document import Document
from quotelint.finding import Severity
from quotelint.report.build import build_report, file_report
from quotelint.report.excerpt import REACH, excerpt
from quotelint.report.model import FileReport, Segment
from quotelint.report.worddiff import compare


def cut(doc: Document, needle: str, nth: int = 0) -> tuple[str, str, str]:
    x = excerpt(doc, *span_of(doc, needle, nth), HONORIFICS)
    return x.before, x.span, x.after


# --- sentences -------------------------------------------------------------------------------


def test_sentence_is_cut_at_full_stops_around_the_span() -> None:
    doc = Document.from_text("The vote was held. Turnout in Almaty was low, officials said. Results follow.")
    assert cut(doc, "Almaty") == ("Turnout in ", "Almaty", " was low, officials said.")


def test_honorifics_and_initials_do_not_end_a_sentence() -> None:
    doc = Document.from_text("It rained. Mr. Smith met U.S. envoy J. Doe in Gutteres today. Then he left.")
    assert cut(doc, "Gutteres") == ("Mr. Smith met U.S. envoy J. Doe in ", "Gutteres", " today.")


def test_a_question_or_a_closing_quote_ends_a_sentence() -> None:
    doc = Document.from_text("“Who paid?” she asked. “Nobody.” The ODHIR team left. Done!")
    assert cut(doc, "ODHIR") == ("The ", "ODHIR", " team left.")
    assert cut(doc, "Nobody") == ("“", "Nobody", ".”")


def test_a_span_ending_a_sentence_keeps_the_sentence_to_itself() -> None:
    doc = Document.from_text("Prices rose 5 percent. Wages rose 3 percent. Rents fell.")
    assert cut(doc, "3 percent.") == ("Wages rose ", "3 percent.", "")


def test_a_line_break_ends_a_paragraph_in_plain_text() -> None:
    doc = Document.from_text("Headline without a stop\nThe Mayor of Duluth spoke\nNext line")
    assert cut(doc, "Duluth") == ("The Mayor of ", "Duluth", " spoke")


def test_markdown_sentence_runs_over_a_wrapped_line_and_is_shown_as_written() -> None:
    text = "# Title\n\nThe **ODHIR** team\nsaid [the vote](https://x.org/a.b) was `fair.` Really.\n\nNext paragraph."
    doc = Document.from_text(text, "a.md", "markdown")
    assert cut(doc, "ODHIR") == ("The **", "ODHIR", "** team said [the vote](https://x.org/a.b) was `fair.` Really.")


def test_full_stops_in_urls_do_not_end_a_sentence() -> None:
    doc = Document.from_text("Read it at www.example.org/a.b. Then the ODHIR team left. Bye.")
    assert cut(doc, "ODHIR") == ("Then the ", "ODHIR", " team left.")
    doc = Document.from_text("The ODHIR report is at https://example.org/Report.html today. Bye.")
    assert cut(doc, "ODHIR") == ("The ", "ODHIR", " report is at https://example.org/Report.html today.")


def test_html_excerpt_maps_text_offsets_and_drops_tags() -> None:
    text = "<html><body><p>First one.</p><p>The <em>ODHIR</em> team &amp; others came. Bye.</p></body></html>"
    doc = Document.from_text(text, "a.html", "html")
    assert cut(doc, "ODHIR") == ("The ", "ODHIR", " team & others came.")


def test_a_sentence_longer_than_the_reach_is_cut_with_an_ellipsis() -> None:
    words = " ".join(["word"] * (REACH // 2))
    doc = Document.from_text(f"{words} Gutteres {words}.")
    before, span, after = cut(doc, "Gutteres")
    assert before.startswith("…") and after.endswith("…")
    assert span == "Gutteres" and len(before) <= REACH + 1 and len(after) <= REACH + 1


def test_whitespace_runs_collapse() -> None:
    doc = Document.from_text("The   team\tof  ODHIR   left  town.")
    assert cut(doc, "ODHIR") == ("The team of ", "ODHIR", " left town.")


# --- word diff -------------------------------------------------------------------------------


def changed(segments: tuple[Segment, ...]) -> list[str]:
    return [s.text for s in segments if s.changed]


def test_word_diff_marks_words_one_side_lacks() -> None:
    quoted, registered = compare("We will open the bridge in May", "We will open the new bridge in June")
    assert changed(quoted) == ["May"]
    assert changed(registered) == ["new", "June"]
    assert "".join(s.text for s in registered) == "We will open the new bridge in June"


def test_word_diff_ignores_case_punctuation_and_apostrophe_style() -> None:
    quoted, registered = compare("we can’t stop, Now", "We can't stop. now")
    assert changed(quoted) == [] and changed(registered) == []


def test_word_diff_segments_never_start_or_end_with_a_space() -> None:
    quoted, _ = compare("a b c d e", "a x c y e")
    for s in quoted:
        if s.changed:
            assert s.text == s.text.strip()
    assert "".join(s.text for s in quoted) == "a b c d e"


# --- one file --------------------------------------------------------------------------------


def test_file_report_puts_findings_in_sentences_and_compares_altered_quotes() -> None:
    text = "Roe arrived. “We will open the bridge in May,” said Jane Roe. Guterres was there."
    doc = Document.from_text(text, "a.txt")
    reg = registry(quote("roe-bridge", "jane-roe", "We will open the new bridge in June", "https://example.org/roe"))
    altered = quotation(doc, "We will open the bridge in May,", "altered", "Jane Roe", "roe-bridge")
    verified_doc = Document.from_text("“Peace now,” said Ali Khan.", "b.txt")
    findings = [
        finding(doc, "We will open the bridge in May,", "altered-quote", Severity.WARNING, rule="QL102"),
        finding(doc, "Guterres", suggestion="Guterres"),
    ]
    report = file_report(doc, findings, [altered], reg, words=16)
    first, second = report.items
    assert first.comparison is not None
    assert first.comparison.speaker == "Jane Roe" and first.comparison.source == "https://example.org/roe"
    assert changed(first.comparison.quoted) == ["May,"]
    assert changed(first.comparison.registered) == ["new", "June"]
    assert second.comparison is None
    assert second.excerpt.text == "Guterres was there."
    assert report.verified == () and report.quotations == 1 and report.words == 16

    reg2 = registry(quote("khan-peace", "ali-khan", "Peace now", "https://example.org/khan"))
    ok = quotation(verified_doc, "Peace now,", "verified", "Ali Khan", "khan-peace")
    other = file_report(verified_doc, [], [ok], reg2, words=5)
    (v,) = other.verified
    assert (v.line, v.column, v.speaker, v.registry_id, v.source) == (1, 2, "Ali Khan", "khan-peace", "https://example.org/khan")


def test_a_misattribution_finding_on_the_attribution_finds_its_quote() -> None:
    text = "“Peace now,” said Jane Roe, to applause."
    doc = Document.from_text(text, "a.txt")
    reg = registry(quote("khan-peace", "ali-khan", "Peace now"))
    start = doc.prose.index("Jane Roe")
    q = quotation(doc, "Peace now,", "misattributed", "Jane Roe", "khan-peace")
    q = type(q)(**{**{f: getattr(q, f) for f in q.__slots__}, "speaker_span": (start, start + 8)})
    f = finding(doc, "Jane Roe", "misattribution", rule="QL101")
    (item,) = file_report(doc, [f], [q], reg, words=6).items
    assert item.comparison is not None and item.comparison.speaker == "Ali Khan"
    assert not item.comparison.differs


# --- totals ----------------------------------------------------------------------------------


def test_totals_order_and_speakers() -> None:
    a = Document.from_text("Bad Gutteres here. “One,” said Roe. “Two,” said Roe.", "a.txt")
    b = Document.from_text("Warn one. Warn two. Warn three. “Three,” someone said.", "b.txt")
    c = Document.from_text("Clean text.", "c.txt")
    reg = registry()
    fa = file_report(a, [finding(a, "Gutteres")], [
        quotation(a, "One,", "verified", "Jane Roe", None),
        quotation(a, "Two,", "altered", "Jane Roe", None),
    ], reg, words=9)
    warnings = [finding(b, f"Warn {n}", "style", Severity.WARNING, rule="house/x") for n in ("one", "two", "three")]
    fb = file_report(b, warnings, [quotation(b, "Three,", "unverified", None), quotation(b, "Warn", None, kind="term")], reg, words=10)
    fc = file_report(c, [], [], reg, words=2)
    report = build_report([fc, fb, fa], [("gone.txt", "no such file")], Severity.ERROR)
    assert [f.path for f in report.files] == ["a.txt", "b.txt", "c.txt"]  # one error outweighs three warnings
    t = report.totals
    assert (t.files, t.words, t.quotations, t.speech_quotes, t.findings) == (3, 21, 4, 3, 4)
    assert t.speech == {"verified": 1, "altered": 1, "misattributed": 0, "unverified": 1}
    assert t.by_severity == {"error": 1, "warning": 3, "info": 0}
    assert t.by_category["spelling-drift"] == 1 and t.by_category["style"] == 3 and t.by_category["misattribution"] == 0
    assert report.failing == 1 and report.problems == (("gone.txt", "no such file"),)
    roe, nobody = report.speakers
    assert (roe.speaker, roe.quotes, roe.verified, roe.altered, roe.verified_share) == ("Jane Roe", 2, 1, 1, 0.5)
    assert (nobody.speaker, nobody.quotes, nobody.unverified) == (None, 1, 1)


def test_empty_report() -> None:
    report = build_report([])
    assert report.totals.files == 0 and report.totals.findings == 0 and report.speakers == ()
    assert FileReport("x", 0, 0).badness == (0, 0, 0, 0)
