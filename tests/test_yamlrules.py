"""Rules written in YAML: each kind, each scope, placeholders, case keeping, fixes in and out of quotes.

Quotations come from a small stand-in finder here (“…” is speech, ‘…’ a term, `NAME said`
after a speech quote its attribution), so these tests pin down the rules' own logic against
the `Quotation` record whatever the real quotation finder decides.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import regex

from quotelint.context import Context
from quotelint.errors import RegistryErrors, UserError
from quotelint.finding import Finding, Severity
from quotelint.linter import lint_text
from quotelint.quotation import Quotation
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.integ_helpers import through_the_cache

_SPEECH = regex.compile(r"“([^”]*)”(?:,? (\p{Lu}\p{L}+) said)?")
_TERM = regex.compile(r"‘([^’]*)’")


def stand_in_quotes(ctx: Context) -> list[Quotation]:
    out = []
    for m in _SPEECH.finditer(ctx.prose):
        speaker = m.span(2) if m.group(2) else None
        out.append(Quotation(m.start(1), m.end(1), "“", "”", m.group(1), "speech", m.group(2), None, m.group(2), speaker))
    for m in _TERM.finditer(ctx.prose):
        out.append(Quotation(m.start(1), m.end(1), "‘", "’", m.group(1), "term"))
    return sorted(out, key=lambda q: q.start)


@pytest.fixture(autouse=True)
def quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Context, "quotes", property(stand_in_quotes))


def registry(tmp_path: Path, rules: str, extra: str = "") -> Registry:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n" + textwrap.indent(textwrap.dedent(rules), "  ") + extra, encoding="utf-8")
    return load_registry([str(path)])


def found(reg: Registry, text: str, **settings: object) -> list[tuple[str, str | None, bool]]:
    """(matched text, suggestion, fixable) of each finding."""
    return [(text[f.start : f.end], f.suggestion, f.fixable) for f in lint_text(text, reg, Settings(**settings))]  # type: ignore[arg-type]


def findings(reg: Registry, text: str) -> list[Finding]:
    return lint_text(text, reg)


BELARUS = """\
- id: house/belarus
  kind: substitution
  swap: {Belarussia: Belarus}
  ignorecase: true
  keep_case: true
"""


# --- substitution ---------------------------------------------------------------------------


def test_substitution_keeps_case_where_asked(tmp_path: Path) -> None:
    reg = registry(tmp_path, BELARUS)
    text = "Belarussia, BELARUSSIA and belarussia; Belarussian troops; Belarussia's border."
    assert found(reg, text) == [
        ("Belarussia", "Belarus", True),
        ("BELARUSSIA", "BELARUS", True),
        ("belarussia", "belarus", True),
        ("Belarussia", "Belarus", True),  # the possessive 's stays outside the match
    ]


def test_words_in_any_case_are_found_in_each_document_of_a_run(tmp_path: Path) -> None:
    """The words that fold to a rule's first words are kept for the run: a later document
    still finds its own spellings, and not the ones an earlier document held."""
    reg = registry(tmp_path, BELARUS)
    assert found(reg, "Belarussia and BELARUSSIA.") == [("Belarussia", "Belarus", True), ("BELARUSSIA", "BELARUS", True)]
    assert found(reg, "belarussia, then BelaRussia.") == [("belarussia", "belarus", True), ("BelaRussia", "Belarus", True)]
    assert found(reg, "Nothing here.") == []


def test_substitution_without_keep_case_writes_the_replacement_as_given(tmp_path: Path) -> None:
    reg = registry(tmp_path, "- id: h/b\n  kind: substitution\n  swap: {Belarussia: Belarus}\n  ignorecase: true\n")
    assert found(reg, "BELARUSSIA") == [("BELARUSSIA", "Belarus", True)]


def test_substitution_is_case_sensitive_by_default(tmp_path: Path) -> None:
    reg = registry(tmp_path, "- id: h/b\n  kind: substitution\n  swap: {Belarussia: Belarus}\n")
    assert found(reg, "BELARUSSIA and belarussia") == []
    assert found(reg, "Belarussia") == [("Belarussia", "Belarus", True)]


def test_words_are_whole_words_not_parts_of_words_or_compounds(tmp_path: Path) -> None:
    reg = registry(tmp_path, "- id: h/op\n  kind: substitution\n  swap: {operation: task, cent: penny}\n")
    assert found(reg, "co-operation, operations, percent, per cent, an operation") == [("cent", "penny", True), ("operation", "task", True)]


def test_phrases_match_across_any_whitespace_and_keep_their_punctuation(tmp_path: Path) -> None:
    reg = registry(tmp_path, "- id: h/us\n  kind: substitution\n  swap: {U.S.: US, per cent: percent}\n")
    text = "The U.S. rate rose 5 per\ncent; the U.S rate and 5 percent."
    assert found(reg, text) == [("U.S.", "US", True), ("per\ncent", "percent", True)]


def test_regex_substitution_expands_its_template(tmp_path: Path) -> None:
    rules = r"""
    - id: h/pct
      kind: substitution
      regex: true
      word_bounded: false
      swap: {'(?<n>\d+(?:\.\d+)?) ?per ?cent\b': '\g<n>%'}
      message: "'{match}' is written '{suggestion}'"
    """
    reg = registry(tmp_path, rules)
    [f] = findings(reg, "Turnout was 53.5 per cent.")
    assert (f.suggestion, f.message) == ("53.5%", "'53.5 per cent' is written '53.5%'")


# --- existence ------------------------------------------------------------------------------


def test_existence_flags_words_and_patterns_without_a_fix(tmp_path: Path) -> None:
    rules = """
    - id: h/banned
      kind: existence
      tokens: [very unique, at this point in time]
      ignorecase: true
      message: "Cut '{match}'"
    - id: h/exclaim
      kind: existence
      regex: true
      word_bounded: false
      tokens: ['!{2,}']
      severity: info
    """
    reg = registry(tmp_path, rules)
    out = findings(reg, "A Very Unique plan!! At this point in time, no.")
    assert [(f.rule, f.message, f.suggestion, f.fixable, f.severity) for f in out] == [
        ("h/banned", "Cut 'Very Unique'", None, False, Severity.WARNING),
        ("h/exclaim", "Avoid '!!'", None, False, Severity.INFO),
        ("h/banned", "Cut 'At this point in time'", None, False, Severity.WARNING),
    ]


# --- consistency ----------------------------------------------------------------------------

PERCENT = """\
- id: house/percent
  kind: consistency
  groups: [[percent, per cent], [EEU, EAEU]]
  ignorecase: true
  keep_case: true
"""


def test_consistency_first_variant_wins_per_group(tmp_path: Path) -> None:
    reg = registry(tmp_path, PERCENT)
    text = "The EAEU grew 3 per cent. Per cent figures: 4 percent. The EEU and the EAEU. 5 per cent."
    out = findings(reg, text)
    assert [(text[f.start : f.end], f.suggestion) for f in out] == [("percent", "per cent"), ("EEU", "EAEU")]
    assert out[0].message == "'percent' here, but 'per cent' earlier in this document"


def test_consistency_with_one_variant_used_finds_nothing(tmp_path: Path) -> None:
    reg = registry(tmp_path, PERCENT)
    assert findings(reg, "3 percent, then 4 percent, then Percent") == []


IZE = r"""
- id: house/ize
  kind: consistency
  regex: true
  ignorecase: true
  keep_case: true
  dictionary: true
  exceptions: [apprise]
  groups:
    - - {pattern: '(?<stem>\p{L}{3,})iz(?<end>e|es|ed|ing|ation|ations)', replace: '\g<stem>iz\g<end>'}
      - {pattern: '(?<stem>\p{L}{3,})is(?<end>e|es|ed|ing|ation|ations)', replace: '\g<stem>is\g<end>'}
"""


def test_pattern_group_converts_each_word_and_ignores_words_that_only_end_alike(tmp_path: Path) -> None:
    reg = registry(tmp_path, IZE)
    text = "We exercise and advise. They recognised it; ORGANIZATIONS organize; apprise them."
    # `exercise` and `advise` are no -ise spellings of -ize words, so `recognised` comes first.
    assert found(reg, text) == [("ORGANIZATIONS", "ORGANISATIONS", True), ("organize", "organise", True)]


def test_pattern_group_without_replacements_reports_without_a_fix(tmp_path: Path) -> None:
    rules = r"""
    - id: h/colour
      kind: consistency
      regex: true
      groups: [['colou?r', 'hue']]
    """
    reg = registry(tmp_path, rules)
    [f] = findings(reg, "A colour, a hue.")
    assert (f.suggestion, f.fixable, f.message) == (None, False, "'hue' here, but 'colour' earlier in this document")


# --- scopes and quotations ------------------------------------------------------------------

SCOPED = """\
- id: h/{scope}
  kind: existence
  tokens: [Belarussia]
  scope: {scope}
"""
QUOTED = "Belarussia. “Belarussia,” Smith said. The ‘Belarussia’ label."
# offsets of the three uses: in prose, in a speech quote, in a term quote
SPANS = {"prose": [0, 13, 43], "outside-quotes": [0], "quotes": [13, 43], "speech": [13], "term": [43], "attribution": []}


@pytest.mark.parametrize("scope", list(SPANS))
def test_each_scope(tmp_path: Path, scope: str) -> None:
    reg = registry(tmp_path, SCOPED.format(scope=scope))
    assert [f.start for f in findings(reg, QUOTED)] == SPANS[scope]


def test_attribution_scope_reads_the_speaker_as_written(tmp_path: Path) -> None:
    rules = "- id: h/who\n  kind: substitution\n  swap: {Smyth: Smith}\n  scope: attribution\n"
    reg = registry(tmp_path, rules)
    assert found(reg, "Smyth met us. “We agree,” Smyth said.") == [("Smyth", "Smith", True)]


def test_a_fix_inside_speech_only_where_the_rule_says_so(tmp_path: Path) -> None:
    text = "Belarussia. “We love Belarussia,” Smith said. The ‘Belarussia’ label."
    reg = registry(tmp_path, BELARUS)
    assert found(reg, text) == [("Belarussia", "Belarus", True), ("Belarussia", "Belarus", False), ("Belarussia", "Belarus", True)]
    reg = registry(tmp_path, BELARUS + "  fix_in_quotes: true\n")
    assert [fixable for _, _, fixable in found(reg, text)] == [True, True, True]


def test_outside_quotes_scope_leaves_speech_alone(tmp_path: Path) -> None:
    reg = registry(tmp_path, BELARUS + "  scope: outside-quotes\n")
    assert found(reg, "“We love Belarussia,” Smith said.") == []


# --- names: left to the registry, never reported twice --------------------------------------

NAMES = """
terms:
  - id: sco
    name: Shanghai Cooperation Organisation
    aliases: [Shanghai Co-operation Organisation]
  - id: belarus
    name: Belarus
    misspellings: [Belarussia]
  - id: turkiye
    name: Türkiye
    aliases: [Turkey, Republic of Türkiye]
"""
COOPERATION = "- id: h/coop\n  kind: consistency\n  groups: [[cooperation, co-operation]]\n  ignorecase: true\n"


def test_common_words_inside_names_are_left_alone(tmp_path: Path) -> None:
    reg = registry(tmp_path, COOPERATION, NAMES)
    text = "The Shanghai Co-operation Organisation met; the Central Asian Co-operation Council too. Cooperation grew."
    assert found(reg, text, select=("h/",)) == []  # the first counted use is `Cooperation`
    reg = registry(tmp_path, COOPERATION + "  names: check\n", NAMES)
    assert [m for m, _, _ in found(reg, text, select=("h/",))] == ["Cooperation"]


def test_a_sentence_initial_capital_is_no_name(tmp_path: Path) -> None:
    reg = registry(tmp_path, COOPERATION)
    assert [m for m, _, _ in found(reg, "Trade co-operation grew. Cooperation Deepens, said Smith.")] == ["Cooperation"]


def test_a_whole_registered_name_is_judged_and_reported_once(tmp_path: Path) -> None:
    rules = BELARUS + "- id: h/tr\n  kind: consistency\n  groups: [[Türkiye, Turkey]]\n"
    reg = registry(tmp_path, rules, NAMES)
    text = "The Republic of Türkiye and Turkey; Belarussia."
    out = [(f.rule, text[f.start : f.end]) for f in findings(reg, text)]
    assert out == [("h/tr", "Turkey"), ("QL201", "Belarussia")]  # not also h/belarus
    out = [(f.rule, text[f.start : f.end]) for f in lint_text(text, reg, Settings(ignore=("QL201",)))]
    assert out == [("h/tr", "Turkey"), ("house/belarus", "Belarussia")]


# --- selection, severities, ignores ---------------------------------------------------------


def test_settings_select_ignore_and_severity_work_on_yaml_rules(tmp_path: Path) -> None:
    reg = registry(tmp_path, BELARUS + PERCENT)
    text = "Belarussia grew 3 per cent, then 4 percent."
    assert {f.rule for f in lint_text(text, reg, Settings(select=("house",)))} == {"house/belarus", "house/percent"}
    assert {f.rule for f in lint_text(text, reg, Settings(select=("style",), ignore=("house/percent",)))} == {"house/belarus"}
    out = lint_text(text, reg, Settings(select=("house/belarus",), severity=(("house/belarus", Severity.ERROR),)))
    assert [f.severity for f in out] == [Severity.ERROR]
    ignored = Settings(per_file_ignores=(("*.txt", ("house/percent",)),), root=str(tmp_path))
    assert {f.rule for f in lint_text(text, reg, ignored, path=str(tmp_path / "a.txt"))} == {"house/belarus"}
    assert {f.rule for f in lint_text(text, reg, ignored, path=str(tmp_path / "a.md"), kind="markdown")} == {"house/belarus", "house/percent"}


# --- loading ----------------------------------------------------------------------------------


def test_messages_are_checked_for_unknown_placeholders(tmp_path: Path) -> None:
    rules = "- id: h/b\n  kind: substitution\n  swap: {a: b}\n  message: 'Use {suggestion} not {mtach}'\n"
    with pytest.raises(RegistryErrors) as exc:
        registry(tmp_path, rules)
    assert "rules.yaml:5: rule 'h/b': 'message' has the unknown placeholder '{mtach}'" in str(exc.value)
    with pytest.raises(RegistryErrors, match=r"unknown placeholder '\{first\}'"):
        registry(tmp_path, "- id: h/b\n  kind: substitution\n  swap: {a: b}\n  message: '{first}'\n")


def test_yaml_rules_survive_the_registry_cache(tmp_path: Path) -> None:
    reg = through_the_cache(registry(tmp_path, BELARUS + PERCENT + IZE), tmp_path / "cache")
    text = "Belarussia grew 3 percent, then 4 per cent; we recognised and organized."
    assert [(f.rule, f.suggestion) for f in findings(reg, text)] == [
        ("house/belarus", "Belarus"),
        ("house/percent", "percent"),
        ("house/ize", "organised"),
    ]


def test_a_pattern_that_runs_out_of_time_names_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotelint.yamlrules import backtrack, patterns

    monkeypatch.setattr(backtrack, "problem", lambda pattern: None)  # let a bad pattern through the static check
    monkeypatch.setattr(patterns, "MIN_SECONDS", 0.05)
    reg = registry(tmp_path, "- id: h/slow\n  kind: existence\n  regex: true\n  word_bounded: false\n  tokens: ['(a|aa)+b']\n")
    with pytest.raises(UserError) as exc:
        findings(reg, "a" * 40 + "c, b")  # a `b` somewhere: a text without one is not searched (needed.py)
    assert str(exc.value).startswith(f"{tmp_path / 'rules.yaml'}:2: rule 'h/slow': pattern")
    assert "took longer than" in str(exc.value)


def test_urls_and_email_addresses_are_never_matched(tmp_path: Path) -> None:
    rules = r"""
    - id: h/pct
      kind: existence
      regex: true
      word_bounded: false
      tokens: ['%']
    - id: h/percent
      kind: existence
      tokens: [percent]
    """
    reg = registry(tmp_path, rules)
    text = "See https://example.org/vote%20count?share=53%25&x=percent or www.example.org/50%-percent, mail percent@example.org. It rose 5%."
    assert [text[f.start : f.end] + str(f.start) for f in findings(reg, text)] == [f"%{text.rindex('%')}"]


@pytest.mark.parametrize(
    ("rule_id", "ok"),
    [("house/ize", True), ("a.b/c-d_1/e", True), ("house", False), ("house/", False), ("/ize", False), ("house//ize", False), ("hoüse/ize", False), ("house/i ze", False), ("house/ize\n", False)],
)
def test_a_rule_id_is_a_namespace_and_a_name(rule_id: str, ok: bool) -> None:
    from quotelint.yamlrules import namespaced

    assert namespaced(rule_id) is ok
