"""The date titles are judged at: front matter, a dateline, HTML metadata, `date:` and `--date`."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from quotelint.docdate import (
    _DATE_LINE,
    _DATELINE,
    DATE_LINES,
    DATELINE_LINES,
    date_of,
    document_date,
    first_date,
    front_matter_date,
    parse_date,
)
from quotelint.document import Document
from quotelint.linter import lint_text
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.conftest import ROOT, run_quotelint

# Mirziyoyev was Uzbekistan's prime minister until 2016 (rules/people.yaml).
BODY = "Prime Minister Shavkat Mirziyoyev opened the session.\n"
OUTDATED = "did not hold this title on 20 March 2023"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def titles(text: str, registry: Registry, kind: str = "text", date: dt.date | None = None) -> list[str]:
    return [f.message for f in lint_text(text, registry, Settings(select=("QL203",), date=date), kind=kind)]


def test_without_a_date_any_role_ever_held_fits(registry: Registry) -> None:
    assert titles(BODY, registry) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"---\ntitle: Session\ndate: 2023-03-20\n---\n\n{BODY}", "markdown"),
        (f'+++\ndate = "2023-03-20T09:00:00Z"\n+++\n\n{BODY}', "markdown"),
        (f"TASHKENT, March 20, 2023 (Reuters) - {BODY}", "text"),
        (f"Headline\nPublished: 20 March 2023\n\n{BODY}", "text"),
        (f'<html><head><meta property="article:published_time" content="2023-03-20T08:00:00Z"></head><body><p>{BODY}</p></body></html>', "html"),
    ],
    ids=["yaml-front-matter", "toml-front-matter", "dateline", "published-line", "html-meta"],
)
def test_the_article_states_its_date(registry: Registry, text: str, kind: str) -> None:
    [message] = titles(text, registry, kind)
    assert OUTDATED in message


def test_a_line_holding_only_a_date_is_the_page_s_date_not_the_article_s(registry: Registry) -> None:
    # the seeds carry the day the page was saved above the headline (seeds/001 line 41)
    assert titles(f"08 December 2025\n\nHeadline\n\n{BODY}", registry) == []


def test_the_given_date_wins_over_the_article_s(registry: Registry) -> None:
    text = f"---\ndate: 2010-01-01\n---\n\n{BODY}"
    assert titles(text, registry, "markdown") == []  # he was prime minister in 2010
    [message] = titles(text, registry, "markdown", date=dt.date(2023, 3, 20))
    assert OUTDATED in message


def test_parse_date() -> None:
    assert parse_date("2023-03-20") == dt.date(2023, 3, 20)
    assert parse_date(" today ") == dt.date.today()
    for bad in ("20/03/2023", "2023-02-30", "soon"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_front_matter_without_a_date_and_a_bad_date_give_none() -> None:
    assert document_date(Document.from_text("---\ntitle: x\n---\n\nBody.\n", kind="markdown")) is None
    assert document_date(Document.from_text("---\ndate: 2023-02-30\n---\n\nBody.\n", kind="markdown")) is None


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\x0c"])
def test_front_matter_is_read_with_every_line_break_python_knows(newline: str) -> None:
    text = newline.join(["\ufeff---", "title: x", "published: 2023-03-20", "---", "", "Body."])
    assert front_matter_date(text) == dt.date(2023, 3, 20)


def test_front_matter_is_read_for_its_first_two_hundred_lines() -> None:
    def fenced(filler: int) -> str:
        return "---\n" + "tag: x\n" * filler + "date: 2023-03-20\n---\n\nBody.\n"

    assert front_matter_date(fenced(198)) == dt.date(2023, 3, 20)
    assert front_matter_date(fenced(199)) is None
    assert front_matter_date("Body.\n---\ndate: 2023-03-20\n---\n") is None  # not at the very top
    assert front_matter_date("") is None
    for blanks in (1, 79, 200):  # blanks before the fence on its line, however many
        assert front_matter_date(" " * blanks + "---\ndate: 2023-03-20\n---\n") == dt.date(2023, 3, 20)


def test_a_date_line_is_matched_where_it_stands_as_on_its_own() -> None:
    # first_date matches each line inside the text; the reference matches a copy of the line
    pieces = ["ASTANA, ", "March 20, 2023", " - ", "Published: ", "20 March 2023", "2023-03-20", "\n", "\r\n", "\r", "\r\r\n", "x", "Ab", " "]
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        doc = Document.from_text("".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))))
        for lines, match in ((DATELINE_LINES, _DATELINE.match), (DATE_LINES, _DATE_LINE.fullmatch)):
            dates = (date_of(m) for n in range(1, min(lines, len(doc.line_starts)) + 1) if (m := match(doc.line_text(n))) is not None)
            expected = next((d for d in dates if d is not None), None)
            assert first_date(doc, lines, match) == expected, doc.text
            found += expected is not None
    assert found > 500  # the texts hold dates often enough to test something


def test_the_command_takes_date_from_the_option_and_the_settings(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(BODY, encoding="utf-8")
    rules = str(ROOT / "rules")
    plain = run_quotelint("check", "--registry", rules, "--select", "QL203", str(article), cwd=tmp_path)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    given = run_quotelint("check", "--registry", rules, "--select", "QL203", "--date", "2023-03-20", str(article), cwd=tmp_path)
    assert given.returncode == 1 and OUTDATED in given.stdout
    (tmp_path / ".quotelint.yaml").write_text("date: 2023-03-20\n", encoding="utf-8")
    configured = run_quotelint("check", "--registry", rules, "--select", "QL203", str(article), cwd=tmp_path)
    assert configured.returncode == 1 and OUTDATED in configured.stdout


@pytest.mark.parametrize(("where", "value"), [("option", "20/03/2023"), ("setting", "next week")])
def test_a_bad_date_is_a_usage_error(tmp_path: Path, where: str, value: str) -> None:
    article = tmp_path / "article.txt"
    article.write_text(BODY, encoding="utf-8")
    args = ["check", "--select", "QL203", str(article)]
    if where == "option":
        args += ["--date", value]
    else:
        (tmp_path / ".quotelint.yaml").write_text(f"date: {value}\n", encoding="utf-8")
    proc = run_quotelint(*args, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "date" in proc.stderr and "YYYY-MM-DD" in proc.stderr
