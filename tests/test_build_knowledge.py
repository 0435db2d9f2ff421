"""The devtool that rebuilds the knowledge word files: its rules on small made-up sources, and
the shipped files against a rebuild from the real sources when they are installed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotelint.devtools import build_knowledge, census
from quotelint.devtools.nouns import NounRules, first_sense_nouns, plural_forms, proper_names, time_names
from quotelint.devtools.wordnet import WordNet, read_wordnet

DATA = Path(__file__).resolve().parent.parent / "quotelint" / "data"
WORDNET = "/usr/share/wordnet"
CENSUS = build_knowledge.census_folder()
WORDNET_FILES = [*build_knowledge.WORDNET_FILES, "place_suffixes.txt"]

# A WordNet in miniature, in the real files' formats (wndb(5)): offset, lexicographer file,
# words, pointers | gloss; index lines list a lemma's synsets, most frequent first.
DATA_NOUN = """\
  1 This software and database is being provided to you ... (the licence header)
00000001 03 n 01 entity 0 004 ~ 00000002 n 0000 ~ 00000004 n 0000 ~ 00000006 n 0000 ~ 00000008 n 0000 | a thing
00000002 03 n 01 person 0 004 @ 00000001 n 0000 ~ 00000003 n 0000 ~ 00000007 n 0000 ~ 00000009 n 0000 | a human
00000003 18 n 02 spokesman 0 spokesperson 0 001 @ 00000002 n 0000 | one who speaks for others
00000004 15 n 01 location 0 003 ~i 00000005 n 0000 ~i 00000010 n 0000 ~i 00000011 n 0000 | a place
00000005 15 n 02 Texas 0 TX 0 001 @i 00000004 n 0000 | a state
00000006 09 n 01 will 0 001 @ 00000001 n 0000 | the faculty of choosing
00000007 18 n 01 will 0 001 @ 00000002 n 0000 | a man called Will, for the test
00000008 28 n 03 Monday 0 Mon 0 Mond 0 001 @ 00000001 n 0000 | a weekday
00000009 18 n 02 judge 0 Lincoln 0 001 @ 00000002 n 0000 | a person who judges (Lincoln only to test)
00000010 15 n 01 Lincoln 0 001 @i 00000004 n 0000 | a city
00000011 15 n 01 Nice 0 001 @i 00000004 n 0000 | a city that is a common word
"""
INDEX_NOUN = """\
  1 licence header
entity n 1 1 ~ 1 0 00000001
judge n 1 1 @ 1 0 00000009
lincoln n 2 1 @ 2 0 00000009 00000010
location n 1 1 @ 1 0 00000004
mon n 1 1 @ 1 0 00000008
mond n 1 1 @ 1 0 00000008
monday n 1 1 @ 1 0 00000008
nice n 1 1 @ 1 0 00000011
person n 1 1 @ 1 0 00000002
spokesman n 1 1 @ 1 0 00000003
spokesperson n 1 1 @ 1 0 00000003
texas n 1 1 @ 1 0 00000005
tx n 1 1 @ 1 0 00000005
will n 2 1 @ 2 0 00000006 00000007
"""
CNTLIST = """\
judge%1:18:00:: 1 9
judge%2:31:00:: 1 26
spokesman%1:18:00:: 1 1
spokesman%2:32:00:: 1 40
cloud%1:19:01:: 1 41
cloud%2:43:00:: 1 3
gut%1:08:00:: 1 2
"""
INDEX_VERB = """\
  1 licence header
cloud v 1 1 @ 1 0 00000001
gut v 1 1 @ 1 0 00000002
judge v 1 1 @ 1 0 00000003
obliterate v 1 1 @ 1 0 00000004
rock_and_roll v 1 1 @ 1 0 00000005
"""


@pytest.fixture(scope="module")
def net(tmp_path_factory: pytest.TempPathFactory) -> WordNet:
    folder = tmp_path_factory.mktemp("wordnet")
    for name, text in (("data.noun", DATA_NOUN), ("index.noun", INDEX_NOUN), ("cntlist.rev", CNTLIST), ("noun.exc", "men man\n"), ("index.verb", INDEX_VERB)):
        (folder / name).write_text(text, encoding="utf-8")
    return read_wordnet(str(folder))


def test_a_word_is_a_person_noun_by_its_first_sense(net: WordNet) -> None:
    words = first_sense_nouns(net, NounRules(("person.n.01",), frozenset({"judges"})), ["aide"])
    assert {"judge", "judges", "aide", "aides", "spokesperson", "spokespersons"} <= words
    assert "will" not in words  # its person sense comes second
    assert "spokesman" not in words  # tagged mostly as a verb: 40 against 1


def test_a_verb_is_kept_unless_mostly_a_noun(net: WordNet) -> None:
    # judge: 26 verb uses to 9 noun; gut: a noun only twice; obliterate: never tagged, no noun;
    # cloud: 41 noun uses to 3 verb; a phrase is no single word
    assert net.mostly_verbs() == {"judge", "gut", "obliterate"}


def test_plural_forms() -> None:
    empty = WordNet({}, {}, {}, {"man": ("men",)})
    known = frozenset({"heroes", "monarchs", "spokesmen"})
    cases = {"man": "men", "hero": "heroes", "monarch": "monarchs", "spokesman": "spokesmen", "boss": "bosses",
             "deputy": "deputies", "chairman": "chairmen", "bride-to-be": "brides-to-be", "mother-in-law": "mothers-in-law"}
    assert {w: plural_forms(empty, w, known)[0] for w in cases} == cases


def test_places_are_named_as_written_by_their_first_sense(net: WordNet) -> None:
    places = proper_names(net, ["location.n.01"], common=frozenset({"nice"}))
    assert places == {"Texas"}  # Lincoln is first a person; Nice a common word; TX a postal code
    assert proper_names(net, ["location.n.01"], common=frozenset({"nice"}), keep=["location.n.01"]) == {"Texas", "Nice"}


def test_time_names_mark_abbreviations(net: WordNet) -> None:
    assert time_names(net, ["monday.n.01"]) == {"Monday", "Mon.", "Mond."}


def test_census_share_and_sex(tmp_path: Path) -> None:
    (tmp_path / "dist.male.first").write_text("JOHN 3.000 3.000 1\nTAYLOR 0.020 3.020 2\nALLYN 0.004 3.024 3\n")
    (tmp_path / "dist.female.first").write_text("MARY 2.000 2.000 1\nTAYLOR 0.020 2.020 2\nJOHN 0.010 2.030 3\nFATIMA 0.007 2.037 4\nMADISON 0.001 2.038 5\n")
    rows = {r.split("\t")[0]: r.split("\t")[1:] for r in census.given_names(str(tmp_path))}
    assert rows["john"] == ["m", "0.99"] and rows["mary"] == ["f", "1.00"]
    assert rows["taylor"] == ["f?", "0.51"]  # both sexes alike: a lead only
    assert rows["fatima"] == ["f", "1.00"]  # on the women's list only, above the men's list's floor
    assert rows["madison"][0] == "-"  # rarer than the men's list reaches: no telling
    assert rows["allyn"] == ["m", "1.00"]


def test_main_says_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_knowledge.main(["--wordnet", str(tmp_path), "--census", str(tmp_path), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "apt-get install wordnet-base" in err and "pip install names" in err
    assert not list(tmp_path.iterdir())


def same_files(out: Path, names: list[str]) -> None:
    for name in names:
        assert (out / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), f"{name} differs from a rebuild"


@pytest.mark.skipif(not os.path.isfile(os.path.join(WORDNET, "data.noun")), reason="WordNet (wordnet-base) is not installed")
def test_the_wordnet_files_are_what_the_tool_makes(tmp_path: Path) -> None:
    assert set(build_knowledge.build(WORDNET, None, str(tmp_path))) == set(WORDNET_FILES)
    same_files(tmp_path, WORDNET_FILES)


@pytest.mark.skipif(CENSUS is None, reason="the names package (census lists) is not installed")
def test_the_census_files_are_what_the_tool_makes(tmp_path: Path) -> None:
    build_knowledge.build(None, CENSUS, str(tmp_path))
    same_files(tmp_path, ["given_names.tsv", "word_surnames.txt"])


def test_word_surnames_are_frequent_surnames_that_are_words(tmp_path: Path) -> None:
    (tmp_path / "dist.all.last").write_text("SMITH 1.0 1.0 1\nPIKE 0.1 1.1 2\nKOWALCZYK 0.1 1.2 3\n", encoding="ascii")
    assert census.word_surnames(str(tmp_path), frozenset({"pike", "smith", "river"})) == ["pike", "smith"]


def test_the_supplement_has_no_stale_entries_when_wordnet_is_here() -> None:
    if not os.path.isfile(os.path.join(WORDNET, "data.noun")):
        pytest.skip("WordNet (wordnet-base) is not installed")
    import yaml

    spec = yaml.safe_load((Path(build_knowledge.HERE) / "knowledge.yaml").read_text(encoding="utf-8"))
    assert build_knowledge.stale_entries(read_wordnet(WORDNET), spec, build_knowledge.read_dictionary()) == []

