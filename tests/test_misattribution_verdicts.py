"""QL101 verdicts a newsroom can rely on, through the real `quotelint` command: a registered quote
given to a name the registry does not know, to a name wrapped over two lines, or altered and given
to another person is a misattribution; how sure the attribution is sets the severity; a guess
never raises one. The sentences are our own; the registry is the quotation rules' fixture."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REGISTRY = Path(__file__).parent / "fixtures" / "rules" / "QL101" / "registry.yaml"
QUOTE = "We look forward to working with President Tokayev and his government to advance our common objectives"


def check(tmp_path: Path, text: str) -> list[dict[str, object]]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "quotelint", "check", str(article), "--registry", str(REGISTRY), "--select", "QL1", "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    payload = json.loads(proc.stdout)
    return [f for f in payload["findings"] if f["rule"] in ("QL101", "QL103")]


def misattributions(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if f["rule"] == "QL101"]


def test_an_unregistered_surname_is_a_misattribution(tmp_path: Path) -> None:
    (found,) = misattributions(check(tmp_path, f"“{QUOTE},” said Halvorsen.\n"))
    assert found["severity"] == "error"
    assert "registered to Ned Price" in str(found["message"]) and "Halvorsen (named in the same sentence)" in str(found["message"])


def test_a_place_standing_for_a_government_is_not(tmp_path: Path) -> None:
    assert misattributions(check(tmp_path, f"“{QUOTE},” said Brussels.\n")) == []


def test_a_name_wrapped_over_two_lines_is_one_speaker(tmp_path: Path) -> None:
    text = f"“{QUOTE},” said the Norwegian foreign minister, Ingrid\nHalvorsen-Dahl, on Tuesday after the talks had ended.\n"
    (found,) = misattributions(check(tmp_path, text))
    assert "attributed here to Ingrid Halvorsen-Dahl" in str(found["message"])


def test_altered_words_given_to_another_person(tmp_path: Path) -> None:
    altered = QUOTE.replace("common", "shared").replace("government", "cabinet")
    (found,) = misattributions(check(tmp_path, f"“{altered},” said António Guterres.\n"))
    message = str(found["message"])
    assert "registered to Ned Price" in message and "'cabinet' for 'government'" in message and "'shared' for 'common'" in message


def test_a_pronoun_makes_a_warning_that_says_whom_it_stands_for(tmp_path: Path) -> None:
    text = f"Ingrid Halvorsen arrived in Astana on Monday.\n\n“{QUOTE},” she said.\n"
    (found,) = misattributions(check(tmp_path, text))
    assert found["severity"] == "warning"
    assert "('she' in line 3 → Ingrid Halvorsen)" in str(found["message"])


def test_a_guess_raises_no_misattribution_but_names_the_registered_speaker(tmp_path: Path) -> None:
    text = f"Ingrid Halvorsen had one line for the press, “{QUOTE}.”\n"
    findings = check(tmp_path, text)
    assert misattributions(findings) == []
    (listed,) = [f for f in findings if f["rule"] == "QL103"]
    assert "registered to Ned Price" in str(listed["message"])


@pytest.mark.parametrize("speaker", ["said Ned Price", "Price said"])
def test_the_registered_speaker_is_verified(tmp_path: Path, speaker: str) -> None:
    assert check(tmp_path, f"“{QUOTE},” {speaker}.\n") == []


def test_a_longer_quotation_holding_a_registered_quote(tmp_path: Path) -> None:
    longer = f"“{QUOTE}. We will meet again in the spring,” said"
    assert check(tmp_path, f"{longer} Ned Price.\n") == []
    (found,) = misattributions(check(tmp_path, f"{longer} Halvorsen.\n"))
    assert "registered to Ned Price" in str(found["message"])
