"""Spelling findings a newsroom can rely on: a wrong name an article repeats is one finding, a
different wording of a name is not called a misspelling of a word, and an ordinary word written
another ordinary way is no misspelling of a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.document import read_document
from quotelint.linter import Plan, lint_document, lint_text
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.conftest import ROOT, run_quotelint
from tests.integ_helpers import write_registry

DRIFT = Settings(select=("QL201",))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def seed_line(name: str, line: int) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n")[line - 1]


def test_a_wrong_name_repeated_is_one_finding_naming_the_other_places(registry: Registry) -> None:
    doc = read_document(str(ROOT / "seeds" / "001_ac022a1486cd959a.txt"))
    found = [f for f in lint_document(doc, Plan.make(registry, DRIFT)) if "Trade Route" in doc.text[f.start : f.end]]
    [route] = found  # written on lines 73, 77, 113 and 137
    assert (route.line, doc.text[route.start : route.end]) == (73, "Trans-Caspian International Trade Route")
    assert route.message.endswith("also on lines 77, 113 and 137")
    assert [line for line, _ in route.related] == [77, 113, 137]
    assert route.suggestion == "Trans-Caspian International Transport Route"


def test_twice_on_one_line_names_the_column(registry: Registry) -> None:
    [odhir] = lint_text(seed_line("001_ac022a1486cd959a.txt", 153), registry, DRIFT)
    assert odhir.message.endswith("also on line 1:296") and odhir.related == ((1, 296),)


def test_a_different_wording_of_a_name_is_flagged_whole_not_as_a_misspelt_word(registry: Registry) -> None:
    text = seed_line("002_2d350f2321466c87.txt", 28)
    [finding] = lint_text(text, registry, DRIFT)
    assert text[finding.start : finding.end] == "Institute of China and Contemporary Asian Countries of the Russian Academy of Science"
    assert "misspelling of 'Asia" not in finding.message and "known wrong name" in finding.message
    assert finding.suggestion == "Institute of China and Contemporary Asia of the Russian Academy of Sciences"


def test_a_misspelt_word_of_a_name_is_still_flagged_alone(registry: Registry) -> None:
    [ayul] = lint_text("Second place went to the Ayul party.", registry, DRIFT)
    assert (ayul.suggestion, "misspelling of 'Auyl'" in ayul.message) == ("Auyl", True)


@pytest.mark.parametrize(
    ("seed", "line"),
    [("003_c4e5ef870133a460.txt", 179), ("001_ac022a1486cd959a.txt", 55), ("001_ac022a1486cd959a.txt", 105)],
    ids=["Central Asian co-operation", "co-operation", "co-operation again"],
)
def test_an_ordinary_word_written_another_way_is_no_misspelling(registry: Registry, seed: str, line: int) -> None:
    text = seed_line(seed, line)
    assert "co-operation" in text
    assert [f.message for f in lint_text(text, registry, DRIFT) if "operation" in text[f.start : f.end]] == []


def test_the_command_fixes_every_place_of_a_repeated_misspelling(tmp_path: Path) -> None:
    registry = write_registry(tmp_path)
    article = tmp_path / "a.md"
    article.write_text("The ODHIR mission came.\n\nLater the ODHIR said more.\n\nThe ODHIR left.\n", encoding="utf-8")
    shown = run_quotelint("check", "--registry", str(registry), "--select", "QL201", "a.md", cwd=tmp_path)
    assert shown.returncode == 1 and shown.stdout.count("ODHIR") >= 1
    assert "also on lines 3 and 5" in shown.stdout and "Found 1 finding" in shown.stdout
    fixed = run_quotelint("check", "--registry", str(registry), "--select", "QL201", "--fix", "a.md", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "ODHIR" not in article.read_text(encoding="utf-8") and article.read_text(encoding="utf-8").count("ODIHR") == 3
