"""The quotation rules on copies of seed paragraphs, against the real registry (rules/)."""

from __future__ import annotations

import pytest

from quotelint.linter import lint_text
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.conftest import ROOT

QUOTE_RULES = ("QL101", "QL102", "QL103", "QL104", "QL203")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def seed_line(name: str, line: int) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n")[line - 1]


def found(text: str, registry: Registry) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in lint_text(text, registry, Settings(select=QUOTE_RULES))]


PRICE = seed_line("002_2d350f2321466c87.txt", 42)
GUTERRES = seed_line("001_ac022a1486cd959a.txt", 45)


def test_the_seed_paragraphs_as_written_pass(registry: Registry) -> None:
    assert found(PRICE, registry) == []
    assert found(GUTERRES, registry) == []


def test_a_registered_quote_given_to_another_speaker_is_misattribution(registry: Registry) -> None:
    text = PRICE.replace("State Department spokesman Ned Price", "Kazakh Foreign Minister Mukhtar Tileuberdi")
    assert found(text, registry) == [("QL101", "We look forward to working with President Tokayev and his government to advance our common objectives,")]
    text = GUTERRES.replace("the UN Secretary General Antonio Guterres", "EU foreign policy chief Josep Borrell")
    assert [rule for rule, _ in found(text, registry)] == ["QL101"]


def test_one_content_word_changed_is_an_altered_quote(registry: Registry) -> None:
    text = GUTERRES.replace("defender of peace", "defender of war")
    ((rule, span),) = found(text, registry)
    assert rule == "QL102" and span.startswith("a privileged partner")
    message = lint_text(text, registry, Settings(select=("QL102",)))[0].message
    assert "'war' for 'peace'" in message and "a promoter and defender of peace at the global level" in message


def test_the_registered_owner_of_an_altered_quote_reads_as_a_possessive(registry: Registry) -> None:
    from quotelint.checks import possessive

    assert [possessive(n) for n in ("Tokayev", "ODIHR", "Human Rights", "Reuters")] == ["Tokayev's", "ODIHR's", "Human Rights'", "Reuters'"]
    text = seed_line("001_ac022a1486cd959a.txt", 153)
    (message,) = [f.message for f in lint_text(text, registry, Settings(select=("QL102",)))]
    assert message.startswith("differs from Office for Democratic Institutions and Human Rights' registered wording (")
    text = PRICE.replace("working with", "working alongside")
    (message,) = [f.message for f in lint_text(text, registry, Settings(select=("QL102",)))]
    assert message.startswith("differs from Ned Price's registered wording (")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("that is a pillar of multilateralism, a promoter", "… a promoter"),
        ("a pillar of multilateralism", "a pillar of [global] multilateralism"),
        ("a privileged partner that is", "[a] privileged partner that is"),
    ],
)
def test_an_ellipsis_or_a_bracketed_insertion_is_not_flagged(registry: Registry, old: str, new: str) -> None:
    text = GUTERRES.replace(old, new)
    assert text != GUTERRES and found(text, registry) == []


def test_a_title_never_held_is_a_wrong_title(registry: Registry) -> None:
    text = GUTERRES.replace("the UN Secretary General Antonio Guterres", "the Portuguese President Antonio Guterres")
    assert found(text, registry) == [("QL203", "Portuguese President")]


def test_seed_001_pull_quote(registry: Registry) -> None:
    text = (ROOT / "seeds" / "001_ac022a1486cd959a.txt").read_text(encoding="utf-8")
    findings = [(f.rule, f.line, f.column, f.suggestion) for f in lint_text(text, registry, Settings(select=("QL104", "QL203")))]
    assert findings == [("QL104", 51, 112, "”"), ("QL203", 53, 2, "UN Secretary-General"), ("QL203", 53, 28, "UN Secretary-General")]
