"""The HTML report in a real headless Chromium: what a reader's browser builds from the page.

Skipped, with the reason, only when no chromium binary is installed (.ci/run installs Debian's).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from quotelint.devtools import browser
from tests.conftest import ROOT, run_quotelint

pytestmark = pytest.mark.skipif(browser.chromium() is None, reason="no chromium binary on PATH (apt-get install chromium)")
EXAMPLES = str(ROOT / "quotelint" / "data" / "examples.yaml")


def dump_dom(page: Path, profile: Path) -> str:
    return browser.dump_dom(page, profile)


class Dom(HTMLParser):
    """Elements with their classes and the text inside each `<li class="finding">` and `<mark>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_mark:
            self.marks[-1] += data

    def having_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag and cls in (a.get("class") or "").split()]


def parse(page: str) -> Dom:
    dom = Dom()
    dom.feed(page)
    return dom


def test_seeds_report_in_chromium_shows_findings_spans_and_totals(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    made = run_quotelint("report", "seeds/", "--format", "html", "-o", str(out))
    assert made.returncode in (0, 1), made.stderr
    checked = run_quotelint("check", "seeds/", "--format", "json")
    findings = json.loads(checked.stdout)["findings"]
    totals = json.loads(run_quotelint("report", "seeds/", "--format", "json").stdout)["totals"]

    dom = parse(dump_dom(out, tmp_path / "profile"))
    text = re.sub(r"\s+", " ", " ".join(dom.text))
    assert not [t for t, _ in dom.elements if t in ("script", "iframe", "img")]
    # Every finding of `check` is on the page, with its message and a highlighted span.
    assert len(dom.having_class("li", "finding")) == len(findings) > 0
    for f in findings:
        assert re.sub(r"\s+", " ", f["message"]) in text
    highlighted = {re.sub(r"\s+", " ", m).strip() for m in dom.marks}
    for f in findings:
        assert span_text(f) in highlighted, f
    # The totals, as the JSON report counts them.
    assert "Files 5 " in text
    assert f"Words {totals['words']:,} " in text
    assert f"Quotations {totals['quotations']:,} " in text
    assert f"Verified quotes {totals['speech_quotes']['verified']:,} " in text
    for row in ("seeds/000_4fd708e834c0927c.txt", "seeds/004_bdd763ce4a87d3ef.txt"):
        assert row in text


def span_text(f: dict[str, Any]) -> str:
    """What a finding of `check --format json` covers, read from the file, whitespace collapsed."""
    lines = (ROOT / str(f["path"])).read_text(encoding="utf-8").splitlines()
    first, last = f["line"] - 1, f["end_line"] - 1
    start, end = f["column"] - 1, f["end_column"] - 1
    if first == last:
        covered = lines[first][start:end]
    else:
        covered = "\n".join([lines[first][start:], *lines[first + 1 : last], lines[last][:end]])
    return re.sub(r"\s+", " ", covered).strip() or "‸"


HOSTILE = (
    "The ODHIR observers wrote <script>alert(1)</script> in their notes.\n"
    'Then "><img src=x onerror=alert(1)> appeared, and the ODHIR team left.\n'
)


def test_an_article_holding_markup_comes_out_as_text(tmp_path: Path) -> None:
    article = tmp_path / '"><img src=x onerror=alert(2)>.txt'
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    made = run_quotelint("report", str(article), "--registry", EXAMPLES, "--format", "html", "-o", str(out))
    assert made.returncode == 1, made.stderr  # the two ODHIR misspellings are errors

    dom = parse(dump_dom(out, tmp_path / "profile"))
    tags = [t for t, _ in dom.elements]
    assert "script" not in tags and "img" not in tags
    assert not [a for _, a in dom.elements if any(k.startswith("on") for k in a)]
    text = "".join(dom.text)
    assert "<script>alert(1)</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text
    assert '"><img src=x onerror=alert(2)>.txt' in text
    assert dom.marks.count("ODHIR") == 1  # the misspelling written twice is one finding, naming line 2
