"""The four report formats, rendered from a report built by hand with hostile article text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from quotelint.document import Document
from quotelint.finding import Severity
from quotelint.report import html, jsonout, markdown, text
from quotelint.report.build import build_report, file_report
from quotelint.report.model import Report
from tests.report_helpers import finding, quotation, quote, registry

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LONG_PATH = "newsroom/" + "very-long-folder-name/" * 4 + "<b>odd|name</b>.txt"
SCHEMA = Path(__file__).parent.parent / "quotelint" / "data" / "report.schema.json"


def sample() -> Report:
    body = (
        f"The Gutteres team | said *this* {SCRIPT} today. "
        f"“We will open the {IMG} bridge in May,” said Jane Roe, the mayor of a town whose name is long.\x1b[31m Red.\n"
        "- Listed line with ODHIR here.\n"
    )
    doc = Document.from_text(body, LONG_PATH)
    reg = registry(
        quote("roe-bridge", "jane-roe", "We will open the new bridge in June", "https://example.org/roe/" + "x" * 90),
        quote("khan-peace", "ali-khan", "Peace now", "javascript:alert(1)"),
    )
    altered = quotation(doc, f"We will open the {IMG} bridge in May,", "altered", "Jane Roe", "roe-bridge")
    found = [
        finding(doc, "Gutteres", suggestion="Guterres", message=f"'Gutteres' near {SCRIPT}"),
        finding(doc, f"We will open the {IMG} bridge in May,", "altered-quote", Severity.WARNING, rule="QL102",
                message="Not the registered wording (source: https://example.org/" + "long-path/" * 9 + ")"),
        finding(doc, "ODHIR", "spelling-drift", Severity.INFO, suggestion=""),
    ]
    a = file_report(doc, found, [altered], reg, words=40)
    other = Document.from_text("“Peace now,” said Ali Khan. “Soon,” said a Very Long Name Of Someone Who Speaks Often Indeed.", "b.txt")
    quotes = [
        quotation(other, "Peace now,", "verified", "Ali Khan", "khan-peace"),
        quotation(other, "Soon,", "unverified", "a Very Long Name Of Someone Who Speaks Often Indeed"),
    ]
    b = file_report(other, [], quotes, reg, words=20)
    return build_report([b, a], [("missing.txt", "no such file or directory")])


# --- text ------------------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_text_fits_80_columns_and_shows_control_characters_as_escapes() -> None:
    for colour in (False, True):
        out = text.render(sample(), colour=colour)
        plain = ANSI.sub("", out)
        assert "\x1b" not in plain, "an escape sequence that is not ours got through"
        assert "\\x1b[31m Red." in plain
        for line in plain.splitlines():
            if len(line) > 80:
                assert re.fullmatch(r" *\(?https?://\S+", line), f"too wide: {line!r}"
        assert ("\x1b[" in out) is colour
    assert text.clean("gnitset\u202e said\u2067 he\u2028") == "gnitset\\u202e said\\u2067 he "


def test_text_marks_spans_and_changed_words() -> None:
    out = text.render(sample())
    assert "»Gutteres«" in out and "\n    (source:\n" not in out
    assert "wording (source:\n    https://example.org/long-path/" in out
    assert "Suggestion: Guterres" in out and "Suggestion: delete it" in out
    assert "»May,«" in out and "»new«" in out and "»June«" in out
    assert "Files, worst first" in out and "missing.txt: no such file" in out
    assert "(the registry gives no source)" not in out and "javascript:alert(1)" in out


def test_text_files_are_worst_first() -> None:
    out = text.render(sample())
    table = out[out.index("Files, worst first") :]
    assert table.index("odd|name") < table.index("b.txt")


# --- markdown --------------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every element and attribute in a page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    p = Tags()
    p.feed(page)
    return p


def test_markdown_renders_tables_and_escapes_article_text() -> None:
    source = markdown.render(sample())
    page = MarkdownIt("commonmark").enable("table").render(source)
    tags = parse(page)
    names = [t for t, _ in tags.tags]
    assert "script" not in names and "img" not in names
    assert names.count("table") == 5  # quotes, findings, categories, files, speakers
    whole = "".join(tags.text)
    assert SCRIPT in whole and IMG in whole and "<b>odd|name</b>.txt" in whole
    assert "*this*" in whole and "<blockquote>\n<p>- Listed line" in page
    assert "<b>Gutteres</b>" in page and "<b>May,</b>" in page
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    files_head = next(r for r in rows if "<th>File</th>" in r)
    for row in rows[rows.index(files_head) + 1 : rows.index(files_head) + 3]:
        assert row.count("<td") == files_head.count("<th")


def test_markdown_links_only_web_sources() -> None:
    source = markdown.render(sample())
    assert "](<https://example.org/roe/" in source
    assert "](javascript" not in source and "(<javascript" not in source


PIXEL = "https://example.org/said\n![](https://tracker.example/pixel.gif)"


@pytest.mark.parametrize("source", [PIXEL, "https://example.org/said>)![](https://tracker.example/p.gif", "https://example.org/a\u202eb"])
def test_a_registry_source_cannot_leave_its_link(source: str) -> None:
    doc = Document.from_text("“Peace now,” said Ali Khan. “Peace soon, now,” said Ali Khan.\n", "a.txt")
    reg = registry(quote("khan-peace", "ali-khan", "Peace now", source), quote("khan-soon", "ali-khan", "Peace soon now", source))
    quotes = [quotation(doc, "Peace now,", "verified", "Ali Khan", "khan-peace"), quotation(doc, "Peace soon, now,", "altered", "Ali Khan", "khan-soon")]
    altered = finding(doc, "Peace soon, now,", "altered-quote", Severity.WARNING, rule="QL102")
    report = build_report([file_report(doc, [altered], quotes, reg, words=12)], [])
    for page in (MarkdownIt("commonmark").render(markdown.render(report)), html.render(report)):
        tags = parse(page)
        assert all(tag != "img" for tag, _ in tags.tags)
        hrefs = [attrs["href"] for tag, attrs in tags.tags if tag == "a" and not str(attrs["href"]).startswith("#")]
        assert all("tracker" not in str(h) or "%3E" in str(h) for h in hrefs), hrefs
        assert not any("\u202e" in str(h) or "\n" in str(h) for h in hrefs), hrefs


def test_markdown_escape_stops_lists_headings_and_tags() -> None:
    assert markdown.md("1. first") == "1\\. first"
    assert markdown.md("2) second") == "2\\) second"
    assert markdown.md("- item") == "\\- item"
    assert markdown.md("54.19 percent, -General, 1.5") == "54.19 percent, -General, 1.5"
    assert markdown.md("# not a heading | a <b>") == "\\# not a heading \\| a \\<b\\>"
    assert markdown.md("line\nbreak\x07") == "line break"
    assert markdown.md("---") == "\\---" and markdown.md("===") == "\\===" and markdown.md("+++") == "\\+++"


# --- html ------------------------------------------------------------------------------------


def test_html_escapes_everything_from_articles() -> None:
    page = html.render(sample())
    tags = parse(page)
    names = [t for t, _ in tags.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), href
    whole = "".join(tags.text)
    assert SCRIPT in whole and IMG in whole and "<b>odd|name</b>.txt" in whole
    assert "javascript:alert(1)" in whole  # the bad source is shown, not linked


def test_html_is_self_contained_accessible_and_printable() -> None:
    page = html.render(sample())
    tags = parse(page)
    names = [t for t, _ in tags.tags]
    assert names[0] == "html" and tags.tags[0][1]["lang"] == "en"
    assert {"header", "nav", "main", "footer", "h1", "h2", "h3"} <= set(names)
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in tags.tags if tag == "th")
    assert "link" not in names and "@import" not in page and "url(" not in page
    assert "@media print" in page and "@media (max-width" in page
    assert 'name="viewport"' in page
    assert "✖ Error" in page and "▲ Warning" in page and "● Info" in page  # severity in words, not colour alone
    assert re.search(r"<mark>Gutteres</mark>", page)
    assert '<mark class="diff">new</mark>' in page and '<mark class="diff">June</mark>' in page


def test_html_files_table_links_to_file_sections() -> None:
    page = html.render(sample())
    ids = set(re.findall(r'id="([^"]+)"', page))
    for target in re.findall(r'href="#([^"]+)"', page):
        assert target in ids


# --- json ------------------------------------------------------------------------------------


def test_json_is_version_1_and_matches_its_schema() -> None:
    data = json.loads(jsonout.render(sample()))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["version"] == 1
    assert data["totals"]["findings"]["by_severity"] == {"error": 1, "warning": 1, "info": 1}
    assert data["problems"] == [{"path": "missing.txt", "message": "no such file or directory"}]
    first = data["files"][0]
    assert first["path"] == LONG_PATH
    for item in first["items"]:
        start, end = item["sentence"]["highlight"]
        assert item["sentence"]["text"][start:end] in (f"We will open the {IMG} bridge in May,", "Gutteres", "ODHIR")
    altered = first["items"][1]["comparison"]
    assert [s["text"] for s in altered["registered"] if s["changed"]] == ["new", "June"]
    assert data["files"][1]["verified_quotes"][0]["registry_id"] == "khan-peace"
    speakers = {s["speaker"]: s for s in data["speakers"]}
    assert speakers["Ali Khan"]["verified_share"] == 1.0 and speakers["Jane Roe"]["altered"] == 1


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_format_renders_an_empty_report(fmt: str) -> None:
    report = build_report([])
    out = {"text": lambda r: text.render(r), "markdown": markdown.render, "html": html.render, "json": jsonout.render}[fmt](report)
    assert "0 files" in out or '"files": 0' in out


# --- contrast --------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_meet_wcag_aa_on_their_backgrounds() -> None:
    from quotelint.report.html_style import CSS

    var = dict(re.findall(r"--([a-z]+):(#[0-9a-f]{6})", CSS))
    assert contrast("#1b1f24", "#000000") < 2  # the check itself can fail
    text_colours = ("fg", "muted", "error", "warning", "info")
    for fg in text_colours:
        for bg in ("bg", "soft"):
            assert contrast(var[fg], var[bg]) >= 4.5, (fg, bg, contrast(var[fg], var[bg]))
    for bg in ("mark", "diff"):
        assert contrast(var["fg"], var[bg]) >= 7, bg
    fix = re.search(r"\.fix ins\{[^}]*background:(#[0-9a-f]{6})", CSS)
    assert fix is not None and contrast(var["fg"], fix.group(1)) >= 7


# --- html: what needs an editor first ---------------------------------------------------------


def misattributed() -> Report:
    """One file with a misattribution, an altered quote, a misspelling (an error) and an info."""
    body = (
        "“Peace now,” said Jane Roe. “We will open the old bridge in June,” said Jane Roe. "
        "The Gutteres team came. It was sunny.\n"
    )
    doc = Document.from_text(body, "news/a.txt")
    reg = registry(
        quote("roe-bridge", "jane-roe", "We will open the new bridge in June"),
        quote("khan-peace", "ali-khan", "Peace now"),
    )
    quotes = [
        quotation(doc, "Peace now,", "misattributed", "Jane Roe", "khan-peace"),
        quotation(doc, "We will open the old bridge in June,", "altered", "Jane Roe", "roe-bridge"),
    ]
    found = [
        finding(doc, "It was sunny.", "style", Severity.INFO, rule="house/weather", message="weather"),
        finding(doc, "We will open the old bridge in June,", "altered-quote", Severity.WARNING, rule="QL102", message="altered"),
        finding(doc, "Gutteres", suggestion="Guterres", message="misspelt"),
        finding(doc, "Peace now,", "misattribution", Severity.ERROR, rule="QL101", message="given to Jane Roe"),
    ]
    calm = Document.from_text("A quiet day.", "news/b.txt")
    other = file_report(calm, [finding(calm, "quiet", "style", Severity.WARNING, rule="house/quiet", message="quiet")], [], reg, words=3)
    return build_report([other, file_report(doc, found, quotes, reg, words=30)])


def test_html_leads_with_misattributions_and_errors_then_altered_quotes_then_the_rest() -> None:
    page = html.render(misattributed())
    order = [page.index(f'<p class="msg">{m}</p>') for m in ("given to Jane Roe", "misspelt", "altered", "weather", "quiet")]
    assert order == sorted(order)
    attention = page[page.index('id="attention"') : page.index('id="totals"')]
    assert "given to Jane Roe" in attention and "altered" in attention and "weather" not in attention and "quiet" not in attention
    assert "1 misattribution, 1 error, 1 altered quote" in attention
    assert page.index('id="attention"') < page.index('id="totals"') < page.index('id="files"') < page.index('id="findings"')
    assert page.count('<li class="finding') == 5  # each finding once: above, or with its file
    # a card above names its file, linked to the file's section
    assert re.search(r'<a href="#file-\d">news/a\.txt</a>, line 1, column 2', attention)


def test_html_misattribution_shows_both_speakers_side_by_side() -> None:
    page = html.render(misattributed())
    assert (
        '<tr><th scope="row">Speaker</th><td data-label="In the article"><mark class="diff">Jane Roe</mark></td>'
        '<td data-label="In the registry"><mark class="diff">Ali Khan</mark></td></tr>'
    ) in page
    # an altered quote keeps one speaker on both sides, unmarked, and marks the words
    assert '<td data-label="In the article">Jane Roe</td><td data-label="In the registry">Jane Roe</td>' in page
    assert '<mark class="diff">old</mark>' in page and '<mark class="diff">new</mark>' in page
    items = json.loads(jsonout.render(misattributed()))["files"][0]["items"]
    (comparison,) = [i["comparison"] for i in items if i["category"] == "misattribution"]
    assert (comparison["quoted_speaker"], comparison["speaker"]) == ("Jane Roe", "Ali Khan")


def test_html_says_when_and_against_which_registry() -> None:
    import datetime as dt

    from quotelint.report.model import RunInfo

    run = RunInfo(dt.datetime(2025, 3, 1, 9, 5, tzinfo=dt.timezone.utc), ("rules", "extra/<b>.yaml"), (("people", 1200), ("quotes", 2)))
    page = html.render(build_report([], run=run))
    header = page[page.index("<header>") : page.index("</header>")]
    assert '<time datetime="2025-03-01T09:05:00+00:00">1 March 2025, 09:05 UTC</time>' in header
    assert "<code>rules</code>, <code>extra/&lt;b&gt;.yaml</code> (1,200 people, 2 quotes)" in header
    page = html.render(build_report([], run=RunInfo(dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc), ())))
    assert "none, so no quote could be verified" in page
