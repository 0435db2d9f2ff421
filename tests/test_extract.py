"""`quotelint extract` end to end, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, run_quotelint

FIELDS = ["text", "start", "end", "line", "column", "kind", "speaker", "speaker_text", "attribution", "registry_id", "status"]
RULES = str(ROOT / "rules")


def extract_json(*args: str) -> dict:  # type: ignore[type-arg]
    done = run_quotelint("extract", "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_has_the_contract_fields_and_offsets_into_the_file() -> None:
    path = ROOT / "seeds" / "002_2d350f2321466c87.txt"
    payload = extract_json(str(path), "--registry", RULES)
    assert payload["version"] == 1 and len(payload["files"]) == 1
    entry = payload["files"][0]
    assert entry["path"] == str(path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for q in entry["quotes"]:
        assert list(q) == FIELDS
        assert text[q["start"] : q["end"]] == q["text"]
        assert lines[q["line"] - 1][q["column"] - 1 :].startswith(q["text"].split("\n")[0])
    price = next(q for q in entry["quotes"] if q["text"].startswith("We look forward"))
    assert price["kind"] == "speech" and price["speaker"] == "Ned Price" and price["speaker_text"] == "State Department spokesman Ned Price"
    assert price["status"] == "verified" and price["registry_id"] == "price-kazakhstan-common-objectives"
    assert (price["line"], price["column"]) == (42, 168)


def test_the_contract_example_from_seed_001() -> None:
    path = ROOT / "seeds" / "001_ac022a1486cd959a.txt"
    quotes = extract_json(str(path), "--registry", RULES)["files"][0]["quotes"]
    first = quotes[0]
    assert first["text"] == "a privileged partner that is a pillar of multilateralism, a promoter and defender of peace at the global level."
    assert (first["start"], first["line"], first["column"], first["kind"]) == (1329, 45, 230, "speech")  # counted by hand
    assert first["speaker"] == "António Guterres" and first["speaker_text"] == "UN Secretary General Antonio Guterres"
    assert (first["registry_id"], first["status"]) == ("guterres-kazakhstan-privileged-partner", "verified")
    terms = [q for q in quotes if q["kind"] == "term"]
    assert terms and all(q["speaker"] is None and q["status"] is None for q in terms)


def test_markdown_html_crlf_and_bom_keep_file_offsets(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_bytes("\ufeff# Title\r\n\r\nShe said “we *will* win” today.\r\n\r\n```\r\n“not prose”\r\n```\r\n".encode())
    html = tmp_path / "b.html"
    html.write_text("<p>He said &ldquo;a <em>fine</em> day&rdquo; and left.</p>", encoding="utf-8")
    files = {f["path"]: f["quotes"] for f in extract_json(str(md), str(html))["files"]}
    (q,) = files[str(md)]
    decoded = md.read_bytes().decode("utf-8-sig")
    assert q["text"] == "we *will* win" and decoded[q["start"] : q["end"]] == q["text"] and q["line"] == 3
    (h,) = files[str(html)]
    source = html.read_text(encoding="utf-8")
    assert h["text"] == "a fine day" and source[h["start"] :].startswith("a <em>fine")


def test_text_format_and_summary() -> None:
    done = run_quotelint("extract", str(ROOT / "seeds" / "002_2d350f2321466c87.txt"), "--registry", RULES)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert any(line.startswith(f"{ROOT / 'seeds' / '002_2d350f2321466c87.txt'}:42:168: speech verified Ned Price (price-kazakhstan-common-objectives): “We look forward") for line in lines)
    assert lines[-1].startswith("16 quotations (16 speech:") and lines[-1].endswith("in 1 file.")


def test_text_format_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    path = tmp_path / "a\u202e.txt"
    path.write_text("He said “the \x1b]0;title\x07 vote \u2066was\u2069 fair” on Monday.\n", encoding="utf-8")
    done = run_quotelint("extract", str(path))
    assert done.stdout.splitlines()[0] == f"{tmp_path}/a\\u202e.txt:1:10: speech unverified ?: “the \\x1b]0;title\\x07 vote \\u2066was\\u2069 fair”"


def test_unbalanced_marks_do_not_stop_extraction(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("He said “this never closes.\n\nLater she said “this does” and he said “so does this”.\n", encoding="utf-8")
    quotes = extract_json(str(path))["files"][0]["quotes"]
    assert [q["text"] for q in quotes] == ["this never closes.", "this does", "so does this"]
    done = run_quotelint("check", "--select", "QL104", "--format", "json", str(path))
    found = json.loads(done.stdout)["findings"]
    assert [(f["line"], f["column"], f["category"]) for f in found] == [(1, 9, "quote-marks")]


def test_a_missing_file_is_reported_and_the_others_extracted(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("“Yes,” she said.\n", encoding="utf-8")
    done = run_quotelint("extract", "--format", "json", str(tmp_path / "missing.txt"), str(good))
    assert done.returncode == 2 and "missing.txt" in done.stderr and "Traceback" not in done.stderr
    assert [q["text"] for q in json.loads(done.stdout)["files"][0]["quotes"]] == ["Yes,"]


def test_extracting_the_seeds_finds_every_quotation() -> None:  # speed: bench/, not a timed test
    from quotelint.commands.extract import extract
    from quotelint.document import read_document
    from quotelint.registry.load import load_registry

    registry = load_registry([RULES])
    docs = [read_document(str(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert sum(len(extract(doc, registry)) for doc in docs) == 124
