"""`quotelint registry draft`: quotes and names the registry does not know, as YAML to verify.

Most tests read quotations through a stand-in finder (“…” followed by `NAME said` or `he said`),
so that what the draft does with each kind of quotation is pinned down; the test on the seeds
uses the real quotation finder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
from pathlib import Path

import pytest
import regex
import yaml

from quotelint.context import Context
from quotelint.document import Document
from quotelint.draft import article_date, registry_text, run_draft
from quotelint.errors import RegistryErrors
from quotelint.quotation import Quotation
from quotelint.registry.load import load_registry
from tests.conftest import ROOT, run_quotelint

_SPEECH = regex.compile(r"“([^”]*)”(?:,? ((?:\p{Lu}\p{L}+ ?)+|he) said)?")


def stand_in_quotes(ctx: Context) -> list[Quotation]:
    out = []
    for m in _SPEECH.finditer(ctx.prose):
        who = (m.group(2) or "").strip() or None
        speaker_id = {"Guterres": "antonio-guterres"}.get(who or "")
        name = ctx.registry.entities[speaker_id].name if speaker_id else (None if who == "he" else who)
        span = m.span(2) if who else None
        known = next((q.id for q in ctx.registry.quotes if q.text.rstrip(".") == m.group(1).rstrip(".,")), None)
        status = "verified" if known else "unverified"
        out.append(Quotation(m.start(1), m.end(1), "“", "”", m.group(1), "speech", name, speaker_id, who, span, known, status))
    return out


REGISTRY = """\
people:
  - id: antonio-guterres
    name: António Guterres
    aliases: [Guterres]
quotes:
  - id: guterres-known
    speaker: antonio-guterres
    text: We are all in this together.
    date: 2023-01-01
    source: https://example.org/known
"""

ARTICLES = {
    "a.txt": "08 December 2025\n\nThe Asian Development Bank lent more. “Peace is possible,” Guterres said.\n"
    "“We will build the line,” Mirza Khanov said. “Nobody asked us,” he said.\n",
    "b.md": "# Notes\n\nThe Asian Development Bank and Mirza Khanov met in Almaty Old Town. The António Guterres team came.\n"
    "“We will build the line,” Mirza Khanov said. “We are all in this together,” Guterres said.\n",
    "c.txt": "Nothing was said in Almaty Old Town today.\n",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(Context, "quotes", property(stand_in_quotes))
    (tmp_path / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def draft(project: Path, *paths: str, output: str | None = None) -> str:
    args = argparse.Namespace(paths=list(paths), registry=["registry.yaml"], config=None, output=output, stdin_filename=None, no_cache=True)
    assert run_draft(args) == 0
    return (project / output).read_text(encoding="utf-8") if output else ""


def test_article_date_is_a_line_holding_only_a_date() -> None:
    for line, date in (("08 December 2025", dt.date(2025, 12, 8)), ("December 8, 2025", dt.date(2025, 12, 8)), ("2024-02-29", dt.date(2024, 2, 29))):
        assert article_date(Document.from_text(f"Headline\n{line}\n\nBody text.\n")) == date
    assert article_date(Document.from_text("Kassym-Jomart Tokayev, June 27, 2013. (Photo)\n")) is None
    assert article_date(Document.from_text("Headline\n31 February 2025\n")) is None


def test_draft_lists_unknown_quotes_and_names_without_a_source(project: Path) -> None:
    text = draft(project, "a.txt", "b.md", "c.txt", output="draft.yaml")
    data = yaml.safe_load(text)
    assert not [e for entries in data.values() for e in entries if "source" in e]
    assert [p["name"] for p in data["people"]] == ["Mirza Khanov"]
    assert [(o["id"], o["name"]) for o in data["organizations"]] == [("asian-development-bank", "Asian Development Bank")]
    assert [t["name"] for t in data["terms"]] == ["Almaty Old Town"]  # in b.md and c.txt; `Notes` is a heading
    quotes = data["quotes"]
    assert [(q["speaker"], q["text"]) for q in quotes] == [
        ("antonio-guterres", "Peace is possible"),  # the closing comma is the sentence's
        ("mirza-khanov", "We will build the line"),  # once, though it stands in two files
    ]
    assert quotes[0]["date"] == dt.date(2025, 12, 8)
    assert quotes[1]["notes"] == "draft (quote, speaker as written: Mirza Khanov): seen in 2 documents: a.txt:4, b.md:4"
    assert "# date: unknown" not in text  # both quotes come first from a.txt, which has a date
    # the quote without a speaker is listed, commented out until someone names the speaker
    assert '#   text: "Nobody asked us"' in text


def test_draft_is_refused_until_sources_are_filled_in_and_then_passes(project: Path) -> None:
    draft(project, "a.txt", "b.md", "c.txt", output="draft.yaml")
    with pytest.raises(RegistryErrors) as exc:
        load_registry(["registry.yaml", "draft.yaml"])
    assert [str(e).split(": ", 1)[1] for e in exc.value.errors] == [
        "quote 'antonio-guterres-peace-is-possible' lacks required key 'source'",
        "quote 'mirza-khanov-we-will-build-the-line' lacks required key 'source'",
    ]
    filled = regex.sub(r"(?m)^(    notes: .*)$", r"\1\n    source: https://example.org/checked", (project / "draft.yaml").read_text(encoding="utf-8"))
    (project / "draft.yaml").write_text(filled, encoding="utf-8")
    registry = load_registry(["registry.yaml", "draft.yaml"])
    assert len(registry.quotes) == 3 and "mirza-khanov" in registry.entities


def test_output_is_stable_and_standard_output_matches_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = draft(project, "c.txt", "b.md", "a.txt", output="one.yaml")
    second = draft(project, "a.txt", "b.md", "c.txt", output="two.yaml")
    assert first.replace("from 3 files", "") == second.replace("from 3 files", "")
    capsys.readouterr()
    draft(project, "c.txt", "b.md", "a.txt")
    assert capsys.readouterr().out == first


def test_an_undated_article_leaves_the_date_to_fill_in(project: Path) -> None:
    text = draft(project, "b.md", output="draft.yaml")
    assert "    # date: unknown; add the date it was said (YYYY-MM-DD)" in text
    data = yaml.safe_load(text)
    # a name in one document only is not drafted, but a speaker is, for the quote to refer to
    assert [p["name"] for p in data["people"]] == ["Mirza Khanov"] and set(data) == {"people", "quotes"}


@pytest.mark.skipif(importlib.util.find_spec("quotelint.quotes") is None, reason="the quotation finder is not there yet")
def test_draft_of_the_seeds_on_an_empty_registry(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = run_quotelint("registry", "draft", "--registry", str(empty), str(ROOT / "seeds"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    gold = yaml.safe_load((ROOT / "tests" / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    speech = [registry_text(g["text"]) for g in gold if g["kind"] == "speech"]  # as the registry keeps quotes
    listed = [t for t in speech if any(t[:60] in line for line in text.splitlines())]
    assert len(listed) >= 0.9 * len(speech), sorted(set(speech) - set(listed))
    refused = run_quotelint("registry", "check", str(out))
    assert refused.returncode == 2 and "lacks required key 'source'" in refused.stderr


def test_a_surname_alone_joins_the_one_full_name_that_ends_with_it() -> None:
    from quotelint.draft import full_names

    assert full_names({"Guterres", "Antonio Guterres", "Smith", "Ann Smith", "Bob Smith", "Khanov"}) == {"Guterres": "Antonio Guterres"}


PLACES_REGISTRY = REGISTRY + """\
terms:
  - id: astana
    name: Astana
"""


def test_a_place_the_registry_knows_is_no_new_person(project: Path) -> None:
    (project / "registry.yaml").write_text(PLACES_REGISTRY, encoding="utf-8")
    for name in ("p.txt", "q.txt"):
        (project / name).write_text("“We will not accept the result,” Astana said.\n", encoding="utf-8")
    text = draft(project, "p.txt", "q.txt", output="draft.yaml")
    data = yaml.safe_load(text) or {}
    assert "people" not in data and "terms" not in data
    # the quote stays, commented out, until somebody names who spoke for the place
    assert '#   text: "We will not accept the result"' in text
    assert "speaker as written: Astana, the registry's term astana: give who spoke for it" in text


def test_an_obvious_place_is_no_person_and_a_body_is_an_organization(project: Path) -> None:
    articles = {
        "p.txt": "Talks opened in Karaganda. “The mine stays open,” Karaganda said.\n"
        "The Central Asian states met in Almaty Old Town. “We agree,” the Mining Ministry said.\n",
        "q.txt": "Five Central Asian states and Almaty Old Town again. “We agree,” Mining Ministry said.\n",
    }
    for name, body in articles.items():
        (project / name).write_text(body, encoding="utf-8")
    data = yaml.safe_load(draft(project, "p.txt", "q.txt", output="draft.yaml"))
    assert "people" not in data, data.get("people")
    assert [o["name"] for o in data["organizations"]] == ["Mining Ministry"]
    terms = {t["name"]: t["notes"].split(":")[0] for t in data["terms"]}
    assert terms == {
        "Almaty Old Town": "draft (place, a guess)",
        "Central Asian": "draft (term, a guess)",  # `the Central Asian states` is no person speaking
        "Karaganda": "draft (place, a guess)",
    }
    assert [q["speaker"] for q in data["quotes"]] == ["mining-ministry"]  # Karaganda's quote waits for a speaker


NOTE = regex.compile(r"draft \((?:(?:person|organization|term|place), a guess|quote, [^)]+)\): seen in (?:1 document|\d+ documents): \S+:\d+(?:, \S+:\d+)*(?:, \.\.\.)?")


def test_every_note_says_what_the_entry_is_then_where_it_was_seen(project: Path) -> None:
    (project / "d.txt").write_text("“Only once,” Ainur Bekova said.\n", encoding="utf-8")
    text = draft(project, "a.txt", "b.md", "c.txt", "d.txt", output="draft.yaml")
    notes = regex.findall(r'(?m)^[ #]*notes: "(.*)"$', text)
    assert len(notes) == 8, notes  # 4 names, 4 quotes (one without a speaker)
    for note in notes:
        assert NOTE.fullmatch(note), note
    assert 'notes: "draft (person, a guess): seen in 1 document: d.txt:1"' in text  # a speaker named once


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Peace is possible,", "Peace is possible"),
        ("We won.", "We won"),
        ("  We   won.\n", "We won"),
        ("We will see...", "We will see..."),
        ("We will see…", "We will see…"),
        ("Made in the U.S.", "Made in the U.S."),
        ("Why not?", "Why not?"),
        ("It is over!", "It is over!"),
    ],
)
def test_quote_text_without_the_comma_or_full_stop_that_closes_it(written: str, kept: str) -> None:
    assert registry_text(written) == kept
