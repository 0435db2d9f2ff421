"""Markdown, reStructuredText and HTML prose: what is prose, and positions kept."""

from __future__ import annotations

import html

import pytest

from quotelint.document import Document, OffsetMap
from quotelint.markup import html_prose, mask_markdown, mask_rst

MARKDOWN_ARTICLE = """\
---
title: "Minister: \\"We will act\\""
date: 2024-03-01
tags: [diplomacy, "quotes"]
---
# Minister vows "swift action" on border talks

By *Jane Doe*, **Staff Writer**

The minister said "we will act swiftly" after meeting `api.call("secret")` officials in
Geneva, according to [the official readout](https://example.org/read%20out?q="talks" "The readout").

<!-- quotelint: disable=QL201 -->
"This is not a drill," said <abbr title="Secretary-General">SG</abbr> Antonio Guterres.

```python title="fetch.py"
print("a fenced quote that is code")
```

~~~~
```
still "code" inside a tilde fence
~~~~

See <https://example.org/full?x="y"> or write to <press@example.org>.
Data from ![a chart of "arrivals"](charts/arrivals.png) and the [UN][un-ref] site.

    indented "code block" after a blank line

- A list item with "a quote"
    and a continuation that is "prose"

> "We are ready," the envoy said.
> "Are you?"

[un-ref]: https://un.org/en "United Nations"
[^1]: A footnote that is "prose" too.

Inline ``code with a ` backtick`` and an escaped \\`tick\\` stay apart.
"""


def newlines(text: str) -> list[tuple[int, str]]:
    return [(i, ch) for i, ch in enumerate(text) if ch in "\r\n"]


def assert_mask(text: str, masked: str) -> None:
    """Same length, same line breaks, and every character either kept or a space."""
    assert len(masked) == len(text)
    assert newlines(masked) == newlines(text)
    for i, ch in enumerate(masked):
        assert ch == text[i] or ch == " ", (i, ch, text[i])


def kept(text: str, masked: str, fragment: str) -> bool:
    start = text.index(fragment)
    return masked[start : start + len(fragment)] == fragment


def blanked(text: str, masked: str, fragment: str) -> bool:
    start = text.index(fragment)
    return not masked[start : start + len(fragment)].strip()


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_article_prose() -> None:
    masked = mask_markdown(MARKDOWN_ARTICLE)
    assert_mask(MARKDOWN_ARTICLE, masked)
    for fragment in (
        'Minister vows "swift action" on border talks',
        "Jane Doe",
        'The minister said "we will act swiftly" after meeting',
        "the official readout",
        '"This is not a drill," said',
        "SG",
        "Antonio Guterres.",
        'a chart of "arrivals"',
        "UN",
        'A list item with "a quote"',
        'and a continuation that is "prose"',
        '"We are ready," the envoy said.',
        '"Are you?"',
        'A footnote that is "prose" too.',
        "and an escaped",
    ):
        assert kept(MARKDOWN_ARTICLE, masked, fragment), fragment


def test_markdown_article_not_prose() -> None:
    masked = mask_markdown(MARKDOWN_ARTICLE)
    for fragment in (
        'title: "Minister',
        "date: 2024-03-01",
        '`api.call("secret")`',
        '(https://example.org/read%20out?q="talks" "The readout")',
        "<!-- quotelint: disable=QL201 -->",
        '<abbr title="Secretary-General">',
        "</abbr>",
        '```python title="fetch.py"',
        'print("a fenced quote that is code")',
        'still "code" inside a tilde fence',
        '<https://example.org/full?x="y">',
        "<press@example.org>",
        "(charts/arrivals.png)",
        "[un-ref]",
        'indented "code block" after a blank line',
        '[un-ref]: https://un.org/en "United Nations"',
        "``code with a ` backtick``",
    ):
        assert blanked(MARKDOWN_ARTICLE, masked, fragment), fragment
    assert masked.count("---") == 0


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_markdown_other_line_endings(newline: str) -> None:
    text = MARKDOWN_ARTICLE.replace("\n", newline)
    masked = mask_markdown(text)
    assert_mask(text, masked)
    assert masked == mask_markdown(MARKDOWN_ARTICLE).replace("\n", newline)


def test_markdown_toml_front_matter_and_unclosed_front_matter() -> None:
    text = '+++\ntitle = "x"\n+++\nHe said "yes".\n'
    masked = mask_markdown(text)
    assert masked == "   \n           \n   \nHe said \"yes\".\n"
    text = '---\nHe said "yes".\n'  # no closing line: a thematic break, not front matter
    assert kept(text, mask_markdown(text), 'He said "yes".')


def test_markdown_unclosed_fence_runs_to_the_end() -> None:
    text = 'Before "a".\n\n````\ncode "x"\n```\nstill code\n'
    masked = mask_markdown(text)
    assert_mask(text, masked)
    assert kept(text, masked, 'Before "a".')
    assert not masked[text.index("````") :].strip()


def test_markdown_code_spans() -> None:
    text = 'A `span\nacross "lines"` ends.\n\nAn `unclosed "span".\n\nLater `x` here.\n'
    masked = mask_markdown(text)
    assert_mask(text, masked)
    assert blanked(text, masked, 'span\nacross "lines"`')
    assert kept(text, masked, "ends.")
    assert kept(text, masked, 'An `unclosed "span".')  # no closer in its paragraph
    assert blanked(text, masked, "`x`")
    assert kept(text, masked, "Later")


def test_markdown_indented_text_after_a_paragraph_is_prose() -> None:
    text = 'A paragraph that\n    goes on "here".\n\n\tA tab-indented "code" line.\n'
    masked = mask_markdown(text)
    assert kept(text, masked, 'goes on "here".')
    assert blanked(text, masked, 'A tab-indented "code" line.')


def test_markdown_links() -> None:
    text = (
        '[Reuters](<https://x.org/a b> "t") said "no". '
        "[not a link](because of spaces) and [nested [brackets]](https://x.org/(a)).\n"
    )
    masked = mask_markdown(text)
    assert_mask(text, masked)
    assert kept(text, masked, 'Reuters')
    assert blanked(text, masked, '](<https://x.org/a b> "t")')
    assert kept(text, masked, 'said "no".')
    assert kept(text, masked, "[not a link](because of spaces)")
    assert kept(text, masked, "nested [brackets")
    assert blanked(text, masked, "](https://x.org/(a))")


def test_markdown_html() -> None:
    text = (
        'Intro.\n\n<div class="box">\n<p>"Boxed," he said.</p>\n</div>\n\n'
        '<script>\nvar s = "x";\n</script>\n\n'
        "<!-- a comment\nover lines -->After.\n"
        "Price < 5 and a <b>bold</b> claim. <!-- unclosed\nrest"
    )
    masked = mask_markdown(text)
    assert_mask(text, masked)
    for fragment in ('"Boxed," he said.', "After.", "Price < 5 and a", "bold", "claim."):
        assert kept(text, masked, fragment), fragment
    for fragment in ('<div class="box">', "<p>", "</p>", 'var s = "x";', "</script>", "lines -->"):
        assert blanked(text, masked, fragment), fragment
    assert blanked(text, masked, "<!-- unclosed\nrest")


def test_markdown_empty_and_plain() -> None:
    assert mask_markdown("") == ""
    assert mask_markdown('He said "fine."') == 'He said "fine."'


# --- reStructuredText -----------------------------------------------------------------------

RST_ARTICLE = """\
.. meta::
   :description: "Talks"

Minister vows "swift action"
============================

:Author: Jane Doe

The minister said "we will act" and ``literal "text"`` and `the readout
<https://example.org/read%20out>`_ and :code:`q = "talks"` and *emphasis*.

The envoy typed::

    print("a literal block")

    more "literal"

And then "prose" again.

.. code-block:: python
   :linenos:

   print("a code block")

.. note::
   :class: wide

   A note that is "prose".

.. _readout: https://example.org/readout
.. This is a comment with "quotes"
   that goes on.

__ https://example.org/anonymous

.. [1] A footnote that is "prose".

.. |logo| image:: logo.png

See :ref:`the section <talks-section>` for "more".
"""


def test_rst_article() -> None:
    masked = mask_rst(RST_ARTICLE)
    assert_mask(RST_ARTICLE, masked)
    for fragment in (
        'Minister vows "swift action"',
        "Jane Doe",
        'The minister said "we will act" and',
        "the readout",
        "emphasis",
        "The envoy typed::",
        'And then "prose" again.',
        'A note that is "prose".',
        'A footnote that is "prose".',
        "the section",
        'for "more".',
    ):
        assert kept(RST_ARTICLE, masked, fragment), fragment
    for fragment in (
        ':description: "Talks"',
        '``literal "text"``',
        "<https://example.org/read%20out>`_",
        ':code:`q = "talks"`',
        'print("a literal block")',
        'more "literal"',
        ".. code-block:: python",
        ":linenos:",
        'print("a code block")',
        ".. note::",
        ":class: wide",
        ".. _readout: https://example.org/readout",
        '.. This is a comment with "quotes"\n   that goes on.',
        "__ https://example.org/anonymous",
        ".. [1]",
        ".. |logo| image:: logo.png",
        "<talks-section>`",
    ):
        assert blanked(RST_ARTICLE, masked, fragment), fragment


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_rst_other_line_endings(newline: str) -> None:
    text = RST_ARTICLE.replace("\n", newline)
    masked = mask_rst(text)
    assert_mask(text, masked)
    assert masked == mask_rst(RST_ARTICLE).replace("\n", newline)


def test_rst_malformed() -> None:
    text = 'An ``unclosed literal and "quote".\n\nA `lone backtick.\n\nEnds with::\n'
    masked = mask_rst(text)
    assert_mask(text, masked)
    assert kept(text, masked, 'unclosed literal and "quote".')
    assert kept(text, masked, "lone backtick.")
    assert mask_rst("") == ""
    assert mask_rst("..") == "  "


# --- HTML -----------------------------------------------------------------------------------

HTML_ARTICLE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Talks &amp; &ldquo;action&rdquo;</title>
<style>p::before { content: "not prose"; }</style>
<script>var quote = "strings in script"; if (a < b && c > d) {}</script>
</head>
<body>
<!-- a comment with "quotes" -->
<article class="story" data-quote='He said "hi"'>
<h1>Minister vows &#8220;swift action&#x201D;</h1>
<p>&ldquo;We will act,&rdquo; said <b><i>Ned</i></b> Price, the<br>spokesman.</p>
<p title="a &quot;title&quot;">Rock&nbsp;&amp;&nbsp;roll, AT&T &bogus; 3 < 4.</p>
<pre>print("a pre block")</pre>
<p>Call <code>fetch("x")</code> now.</p>
<![CDATA[ "cdata" ]]>
<p>Last paragraph ends here</p>
</article>
</body>
</html>
"""


def check_offsets(text: str, prose: str, offsets: OffsetMap) -> None:
    """Every prose character maps to itself, to its entity's `&`, or (a break) to a gap."""
    assert list(offsets.prose_starts) == sorted(set(offsets.prose_starts))
    for p, ch in enumerate(prose):
        t = offsets.to_text(p)
        if text[t] == ch:
            continue
        if text[t] == "&":
            entity = text[t : text.index(";", t) + 1] if ";" in text[t : t + 34] else None
            assert entity is not None and ch in html.unescape(entity), (p, ch)
        else:
            assert ch == "\n", (p, ch, text[t])
            assert t == 0 or text[t] == "<" or text[t - 1] == prose[p - 1], (p, t)


def test_html_article_prose() -> None:
    prose, offsets = html_prose(HTML_ARTICLE)
    check_offsets(HTML_ARTICLE, prose, offsets)
    for fragment in (
        "Talks & “action”",
        "Minister vows “swift action”",
        "“We will act,” said Ned Price, the\nspokesman.",
        "Rock\u00a0&\u00a0roll, AT&T &bogus; 3 < 4.",
        "Call  now.",
        "Last paragraph ends here",
    ):
        assert fragment in prose, fragment
    for fragment in (
        "<",
        "not prose",
        "strings in script",
        "utf-8",
        "comment",
        "story",
        "He said",
        "title",
        "a pre block",
        "fetch",
        "cdata",
        "DOCTYPE",
    ):
        assert fragment not in prose.replace("3 < 4", ""), fragment


def test_html_blocks_break_and_inline_tags_join() -> None:
    prose, _ = html_prose("<p>One</p><p>Two</p><div><span>Thr</span>ee<br>Four</div>")
    assert prose == "One\n\nTwo\n\nThree\nFour\n\n"
    prose, _ = html_prose('<p>"Open</p><p>close"</p>')
    assert '"Open\n\nclose"' in prose


def test_html_entity_offsets() -> None:
    text = "<p>A &ldquo;b&#x201D; c&#8212;d&nbsp;e</p>"
    prose, offsets = html_prose(text)
    assert prose.startswith("A “b” c—d\u00a0e")
    pairs = (("“", "&ldquo;"), ("”", "&#x201D;"), ("—", "&#8212;"), ("\u00a0", "&nbsp;"))
    for ch, entity in pairs:
        assert offsets.to_text(prose.index(ch)) == text.index(entity)
    assert offsets.to_text(prose.index("b")) == text.index("b")


def test_html_exclusive_ends() -> None:
    """The end of a span just past a run maps to just past the run's last character."""
    text = (
        "<html><body><p>He said <b>“we will act”</b></p>\n"
        "<P>Then <i>more</i>.<BR>Done</p></body>"
    )
    prose, offsets = html_prose(text)
    check_offsets(text, prose, offsets)
    # "Then " is followed by an inline tag and then "more": its end is where "more" starts.
    for fragment in ("“we will act”", "more.", "Done"):
        start = prose.index(fragment)
        end = start + len(fragment)
        text_start = offsets.to_text(start)
        assert text[text_start] == fragment[0]
        text_end = offsets.to_text(end)
        assert text[text_end - 1] == fragment[-1], fragment
        assert text[text_end] == "<", fragment
    assert offsets.to_text(len(prose)) == text.index("</body>") or prose.endswith("\n")


def test_html_every_run_end() -> None:
    """Check the exclusive end of every copied run followed by a break or the end."""
    for text in (HTML_ARTICLE, "<p>x</p>", "plain <b>text</b>", "a&amp;b</p>"):
        prose, offsets = html_prose(text)
        check_offsets(text, prose, offsets)
        for p in range(1, len(prose) + 1):
            before = offsets.to_text(p - 1)
            copied_before = text[before] == prose[p - 1] and text[before] not in "&<"
            at_break = p == len(prose) or (prose[p] == "\n" and text[offsets.to_text(p)] != "\n")
            if copied_before and at_break:
                assert offsets.to_text(p) == before + 1, (text, p)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<",
        "a < b",
        "<p",
        "<p class='unclosed>Text",
        "<!-- never closed <p>Text</p>",
        "<script>never closed",
        "<![CDATA[ open",
        "<<<<>>>> &&& &#; &#x; &",
        "</p>Text<p",
        "Text <b>bold",
        "<!-->Text<!--->",
    ],
)
def test_html_malformed(text: str) -> None:
    prose, offsets = html_prose(text)
    check_offsets(text, prose, offsets)


def test_html_malformed_keeps_text() -> None:
    assert html_prose("a < b")[0] == "a < b"
    assert html_prose("<!-->Text<!--->")[0] == "Text"
    assert html_prose("<!-- open <p>x")[0] == ""
    assert html_prose("<script>open")[0] == ""
    assert html_prose("x<script>open")[0] == "x\n\n"
    assert html_prose("x <script/> y")[0] == "x \n\n y"
    assert html_prose('a<SCRIPT type="x">"b"</Script >c')[0] == "a\n\nc"


def test_document_uses_the_masks() -> None:
    doc = Document.from_text(HTML_ARTICLE, "a.html", "html")
    start = doc.prose.index("Ned")
    assert doc.text[doc.source(start) : doc.source(start) + 3] == "Ned"
    doc = Document.from_text(MARKDOWN_ARTICLE, "a.md", "markdown")
    assert len(doc.prose) == len(doc.text)
    doc = Document.from_text(RST_ARTICLE, "a.rst", "rst")
    assert len(doc.prose) == len(doc.text)
