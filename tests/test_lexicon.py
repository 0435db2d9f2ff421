"""The engine's word lists as data: shipped in the package, changed by a registry's `lexicon:`."""

from __future__ import annotations

import ast
import importlib.util
import re
import textwrap
from pathlib import Path

import pytest

from quotelint.errors import RegistryErrors
from quotelint.lexicon import LISTS, default_lexicon
from quotelint.linter import lint_text
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings

PACKAGE = Path(__file__).resolve().parent.parent / "quotelint"
PEOPLE = """\
people:
  - id: antonio-guterres
    name: António Guterres
    aliases: [Antonio Guterres, Guterres]
"""


def registry(tmp_path: Path, lexicon: str, people: str = PEOPLE) -> Registry:
    path = tmp_path / "registry.yaml"
    path.write_text(people + textwrap.dedent(lexicon), encoding="utf-8")
    return load_registry([str(path)])


def test_the_lists_ship_inside_the_package() -> None:
    lexicon = default_lexicon()
    assert {"said", "told", "quipped"} <= lexicon.reporting_verbs
    assert "Secretary-General" in lexicon.titles and "Dr" in lexicon.honorifics
    assert ("“", ("”",)) in {(m.open, m.close) for m in lexicon.quote_marks}
    assert "of" in lexicon.name_connectors and "Ministry" in lexicon.organization_words
    assert len(lexicon.common_words) > 50_000  # the English word file beside lexicon.yaml


def test_add_remove_and_replace(tmp_path: Path) -> None:
    words = registry(
        tmp_path,
        """
        lexicon:
          reporting_verbs: {add: [harrumphed], remove: [said]}
          titles: {replace: [Chief Whip, Mayor]}
          common_words: {add: [Gutteres]}
          quote_marks: {add: [{open: "‹", close: "›", style: swiss}], remove: ["'"]}
        """,
    ).words
    assert "harrumphed" in words.reporting_verbs and "said" not in words.reporting_verbs and "told" in words.reporting_verbs
    assert words.titles == frozenset({"Chief Whip", "Mayor"})
    assert "gutteres" in words.common_words  # common words are kept in lower case
    opens = [m.open for m in words.quote_marks]
    assert "‹" in opens and "'" not in opens and "“" in opens


def test_sections_in_several_files_apply_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("lexicon:\n  honorifics: {add: [Cllr]}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("lexicon:\n  honorifics: {remove: [Cllr, Dr]}\n", encoding="utf-8")
    words = load_registry([str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]).words
    assert "Cllr" not in words.honorifics and "Dr" not in words.honorifics and "Mr" in words.honorifics


def test_a_common_word_added_quiets_near_miss_detection(tmp_path: Path) -> None:
    text = "Gutteres spoke first."
    assert [f.suggestion for f in lint_text(text, registry(tmp_path, ""), Settings(select=("QL201",)))] == ["Guterres"]
    quiet = registry(tmp_path, "lexicon:\n  common_words: {add: [Gutteres]}\n")
    assert lint_text(text, quiet, Settings(select=("QL201",))) == []


@pytest.mark.parametrize(
    ("section", "line", "message"),
    [
        ("lexicon:\n  verbs: {add: [quipped]}\n", 6, "lexicon 'verbs': unknown list; known lists: " + ", ".join(LISTS)),
        ("lexicon:\n  titles: {append: [Mayor]}\n", 6, "lexicon 'titles': give a mapping with `add`, `remove` or `replace`"),
        ("lexicon:\n  titles: {replace: [Mayor], add: [Dean]}\n", 6, "lexicon 'titles': `replace` stands alone"),
        ("lexicon:\n  titles: {add: Mayor}\n", 6, "lexicon 'titles': `add` takes a list of words"),
        ("lexicon:\n  quote_marks: {add: [{open: x}]}\n", 6, "lexicon 'quote_marks': each quote_marks entry needs"),
        ("lexicon: [said]\n", 5, "lexicon must be a mapping of list names"),
    ],
)
def test_bad_lexicon_sections_name_file_and_line(tmp_path: Path, section: str, line: int, message: str) -> None:
    with pytest.raises(RegistryErrors) as exc:
        registry(tmp_path, section)
    assert str(exc.value).startswith(f"{tmp_path / 'registry.yaml'}:{line}: {message}")


def _verb_lists(tree: ast.AST, verbs: frozenset[str]) -> list[int]:
    """Lines of list, tuple or set literals, or alternation strings, holding two or more verbs."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if sum(w.lower() in verbs for w in words) >= 2:
                found.append(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            parts = re.split(r"[^a-z]+", node.value.lower())
            if sum(p in verbs for p in parts) >= 2:
                found.append(node.lineno)
    return found


def test_no_reporting_verb_list_is_left_in_the_python_code() -> None:
    verbs = default_lexicon().reporting_verbs
    assert _verb_lists(ast.parse("X = ('said', 'told')\nY = r'(?:said|told)'"), verbs) == [1, 2]  # the check can fail
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = _verb_lists(ast.parse(path.read_text(encoding="utf-8")), verbs)
        if lines:
            offenders[str(path.relative_to(PACKAGE))] = lines
    assert not offenders, f"verb lists in Python code (move them to quotelint/data/lexicon.yaml): {offenders}"


needs_attribution = pytest.mark.skipif(importlib.util.find_spec("quotelint.quotes") is None, reason="the quotation finder is not there yet")


@needs_attribution
def test_a_reporting_verb_added_or_removed_changes_attribution(tmp_path: Path) -> None:
    from quotelint.context import Context
    from quotelint.document import Document

    def speakers(reg: Registry, text: str) -> list[str | None]:
        return [q.speaker for q in Context(Document.from_text(text), reg).quotes if q.kind == "speech"]

    quipped = "“The vote was a formality, nothing more,” Guterres quips."  # not in -ed: any such verb closes it
    said = "“The vote was a formality, nothing more,” Guterres said."
    plain = registry(tmp_path, "lexicon:\n  reporting_verbs: {remove: [quips]}\n")
    assert speakers(plain, quipped) == [None]
    added = registry(tmp_path, "lexicon:\n  reporting_verbs: {add: [quips]}\n")
    assert speakers(added, quipped) == ["António Guterres"]
    assert speakers(added, said) == ["António Guterres"]
    removed = registry(tmp_path, "lexicon:\n  reporting_verbs: {remove: [said]}\n")
    assert speakers(removed, said) == [None]
