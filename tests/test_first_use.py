"""What a run pays the first time it reads a document: patterns compiled only when a cheap test
says they can match. Each test before a pattern must say no only where the pattern cannot match:
checked here on random texts made of what the pattern looks for, near misses and letters that
match others when case is ignored (`ſ` and `s`, the Kelvin sign and `k`)."""

from __future__ import annotations

import random

import pytest


def random_texts(pieces: list[str], seed: int, count: int = 2000, size: int = 8) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, size))) for _ in range(count)]


FIGURE_PIECES = [
    "5", "12", " ", "  ", "\t", "\u00a0", " million", "\u00a0Billion", " ſ", " K", " thousand", "Trillion", " of", "of the ",
    " of the 3", "  of 7", "US$", "$", "€", "Rs", " Rs ", "CHF", "EUR ", "x", "é", "\n", "-", "percent", " mln", "T", "m",
]  # fmt: skip


def test_the_figure_patterns_are_compiled_when_a_document_first_needs_them() -> None:
    from quotelint import enginedata
    from quotelint.claims.figuredata import DATA, FigureData

    import os

    data = FigureData(enginedata.load(os.path.basename(DATA)))
    patterns = (data.scale_after, data.digit_start)
    assert all("_compiled" not in vars(p) for p in patterns)  # a lazyre.Lazy, not compiled yet
    assert data.scale_after.match(" million") is not None


@pytest.mark.parametrize("seed", range(3))
def test_a_scale_is_tested_for_only_where_its_pattern_can_match(seed: int) -> None:
    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.figures import scale_may_follow

    data = figure_data()
    matched = 0
    for text in random_texts(FIGURE_PIECES, seed):
        for at in range(len(text) + 1):
            scale = data.scale_after.match(text, at) is not None
            assert scale_may_follow(text, at, data.scale_initials) or not scale, (text, at)
            matched += scale
    assert matched > 100  # the pattern does match in these texts


def test_a_name_after_a_comma_and_an_answer_are_looked_for_only_where_their_patterns_can_match() -> None:
    from quotelint.offsets import past_blanks
    from quotelint.quotes.carryover import _ANSWER
    from quotelint.quotes.speakers import _PERSON_AFTER

    pieces = [" ", "\t", "  ", ",", " , ", "who", " who ", "61", ",", "A", "A:", "A.", "Q:", "x", "\n", "\u00a0", "a:"]
    matched = [0, 0]
    for text in random_texts(pieces, 7):
        for at in range(len(text) + 1):
            comma = text.startswith(",", past_blanks(text, at))
            assert comma or _PERSON_AFTER.match(text, at) is None, (text, at)
            answer = text.startswith(("A:", "A."), past_blanks(text, at))
            assert answer or _ANSWER.match(text, at) is None, (text, at)
            matched = [matched[0] + (_PERSON_AFTER.match(text, at) is not None), matched[1] + (_ANSWER.match(text, at) is not None)]
    assert min(matched) > 100


def test_a_particle_name_is_the_one_the_pattern_of_particles_finds() -> None:
    import regex

    from quotelint.propernames import particle_name

    pattern = regex.compile(r"(?:a[dlnrstz]|ash|el|bin|ibn|ben|abu|bint|d|dell|l)[-'’]\p{Lu}")  # the pattern it replaced
    particles = ["a", "al", "ash", "el", "bin", "ibn", "ben", "abu", "bint", "d", "dell", "l", "az", "ad", "ab", "x"]
    rest = ["-", "'", "’", "H", "É", "ǅ", "x", "h", "Ⓐ", "-H", "’É"]
    rng = random.Random(11)
    found = 0
    for _ in range(20000):
        word = rng.choice(particles) + "".join(rng.choice(rest) for _ in range(rng.randint(0, 3)))
        assert particle_name(word) == (pattern.match(word) is not None), word
        found += particle_name(word)
    assert found > 500


@pytest.mark.parametrize("seed", range(3))
def test_a_dateline_is_looked_for_only_in_lines_where_its_pattern_can_match(seed: int) -> None:
    """Random lines of datelines and near misses: capitals, commas, dates, words ignoring case
    (`poſted`), letters, digits and blanks beyond ASCII, and heads longer than what is read."""
    from quotelint.docdate import _DATELINE, may_open_dateline

    leads = ["", " ", "\t", "\u00a0", "\u2003", "\x1c", " " * 70, " " * 170, "“"]
    openers = ["ASTANA", "Astana", "NEW YORK", "O’Brien", "Éire", "Published", "POSTED", "poſted", "updated on", "Dated:", "a" * 45, "The", "x", ""]
    seps = [",", ", ", ",\t", " ", ":", ", " + " " * 150, "", "’,", "-,"]
    dates = ["March 20, 2023", "Mar. 5 2023", "20 March 2023", "2023-03-20", "٣ March ١٢٣٤", "March\u00a020, 2023", "Marc", "20", "said", "é 5"]
    pieces = ["’", "é", "-", ".", " ", ",", "(Reuters)", "5", "x", "\u2003"]
    rng = random.Random(seed)
    matched = skipped = 0
    for _ in range(6000):
        line = rng.choice(leads) + rng.choice(openers) + rng.choice(seps) + rng.choice(dates)
        line += "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.3:  # a piece changed anywhere in the line
            k = rng.randrange(len(line))
            line = line[:k] + rng.choice(pieces) + line[k + 1 :]
        text = rng.choice(("", "x\n")) + line + rng.choice(("", "\nmore"))
        start = text.find(line)
        end = start + len(line)
        found = _DATELINE.match(text, start, end) is not None
        maybe = may_open_dateline(text, start, end)
        assert maybe or not found, repr(line)
        matched += found
        skipped += not maybe
    assert matched > 200 and skipped > 1000


def test_the_holders_of_a_title_are_read_from_the_cache_in_one_query(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Whom else the registry gives a title: each holder's role read in one query together,
    not one query each (56 on one article), with the same findings as from the YAML."""
    from quotelint.linter import lint_text
    from tests.integ_helpers import counted_queries, project_registry_cached

    registry, cached = project_registry_cached(tmp_path / "cache")
    text = "Portuguese President António Guterres spoke first. UN Secretary António Guterres came later."
    one, many = counted_queries(monkeypatch)
    found = [(f.rule, f.message) for f in lint_text(text, cached)]
    assert found == [(f.rule, f.message) for f in lint_text(text, registry)]
    assert [f for f in found if f[0] == "QL203"]
    assert [t for t, _ in one].count("title_roles") + many.count("title_roles") <= 2  # the person's own roles, then every holder's


def test_the_registry_cache_is_read_through_a_memory_map(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A run's first queries of the cache read its pages mapped, not one read() each (where
    this SQLite maps files at all), and a cut-short file is still refused, not mapped."""
    import sqlite3

    from quotelint.registry.codec import BadCache
    from quotelint.registry.store import FORMAT, MAPPED, Store, write

    path = tmp_path / "cache.sqlite"
    probe = sqlite3.connect(str(tmp_path / "probe.sqlite"))
    ceiling = probe.execute(f"PRAGMA mmap_size = {MAPPED}").fetchone()[0]  # what this build allows
    probe.close()
    write(str(path), {"meta": [("format", FORMAT), ("key", "k")], "common_words": [(f"w{i}", True) for i in range(5000)]})
    store = Store(str(path), "k", lambda: None)
    assert store.conn.execute("PRAGMA mmap_size").fetchone()[0] == ceiling
    assert ceiling > 0 or MAPPED == 0
    assert store.get("common_words", "w42") == "true"
    store.conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises((BadCache, sqlite3.DatabaseError)):
        cut = Store(str(path), "k", lambda: None)
        cut.many("common_words", [f"w{i}" for i in range(5000)])


def test_the_first_names_of_a_document_are_looked_up_together(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The rows of the first names' list that a document's capitalised words may be are read
    from the cache in one query, not one each; the findings are those of the registry read from
    YAML, and the entries those of the file."""
    from quotelint import enginedata, knowledge
    from quotelint.linter import lint_text
    from tests.integ_helpers import ROOT, counted_queries, project_registry_cached

    registry, cached = project_registry_cached(tmp_path / "cache")
    one, _ = counted_queries(monkeypatch)
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    assert lint_text(text, cached, path=str(seed)) == lint_text(text, registry, path=str(seed))
    given = [k for _, k in one if k.startswith(knowledge.GIVEN_NAMES)]
    assert len(given) < 10, given
    table = enginedata.word_file(knowledge.GIVEN_NAMES)
    assert table is not None and table.memo  # looked up in the cache
    assert all(row == knowledge.given_names().get(word) for word, row in table.memo.items())


def test_a_word_tables_row_reads_as_the_decoder_reads_it() -> None:
    """`true` is read without the JSON decoder; any other text as the decoder and the codec
    read it (a damaged row still fails, and the registry is then read from its YAML)."""
    from quotelint.registry import codec
    from quotelint.registry.store import FlagTable, Store

    table = FlagTable(Store.__new__(Store), "common_words", codec.flag, lambda r: {})
    assert table.read("true") is True and table.read("false") is False
    for damaged, error in (("[1", ValueError), ("1", codec.BadCache), ('"true"', codec.BadCache)):
        with pytest.raises(error):
            table.read(damaged)


def test_fold_folds_each_letter_regex_matches_with_an_ascii_one_ignoring_case() -> None:
    import sys

    import regex

    from quotelint.yamlrules.needed import fold

    printable = [chr(c) for c in range(0x20, 0x7F)]
    any_ascii = regex.compile(r"(?i)[\x20-\x7e]")
    others = [chr(x) for x in range(0x80, sys.maxunicode + 1) if any_ascii.fullmatch(chr(x))]
    assert others  # the Kelvin sign, `İ`, `ſ` in this Unicode
    for x in others:
        for c in printable:
            if regex.fullmatch("(?i)" + regex.escape(c), x):
                assert fold("a" + x + "b") == "a" + c.lower() + "b", (x, c)


@pytest.mark.parametrize("seed", range(4))
def test_a_text_without_a_patterns_needed_text_holds_no_match(seed: int) -> None:
    """Random patterns of literals, groups, alternations, repeats, classes, lookarounds and
    inline flags, with and without ignoring case, on random texts of letters that match others
    ignoring case: where the needed text is missing, the pattern finds nothing."""
    import regex

    from quotelint.yamlrules.needed import fold, needed_text

    parts = ["co", "operat", "-", "(?:", "(?<g>", ")", "|", "?", "+", "*", "{2}", "{1,3}", "[a-z]", r"\p{L}", "(?=t)", "(?!e)", ".", r"\b", "(?i:", r"\.", "é", "s", "k", "i", "(?x) ", " ", r"\d", "(?>", "{e<=1}"]
    words = ["co", "CO", "operat", "OPERAT", "ſ", "İ", "ı", "I", "\u212a", "K", "s", "é", "É", "-", ".", " ", "t", "e", "ss", "ii", "5"]
    rng = random.Random(seed)
    skipped = 0
    for _ in range(3000):
        source = "".join(rng.choice(parts) for _ in range(rng.randint(1, 7)))
        flags = rng.choice((0, regex.I))
        try:
            pattern = regex.compile(source, flags)
        except (regex.error, ValueError, OverflowError):
            continue
        needed = needed_text(source, pattern.flags)
        if needed is None:
            continue
        for _ in range(10):
            text = "".join(rng.choice(words) for _ in range(rng.randint(0, 10)))
            if needed not in (fold(text) if pattern.flags & regex.I else text):
                assert pattern.search(text) is None, (source, flags, needed, text)
                skipped += 1
    assert skipped > 2000


def test_a_rule_pattern_whose_needed_text_a_document_lacks_is_not_compiled(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from quotelint.linter import lint_text
    from quotelint.registry.load import load_registry
    from tests.integ_helpers import through_the_cache

    house = Path(__file__).parent.parent / "rules" / "house.yaml"
    cached = through_the_cache(load_registry([str(house)]), tmp_path / "cache")
    rule = next(r for r in cached.rules if r.id == "house/cooperation")
    assert rule.check.keys.needed == ("cooperat", "co-operat") and rule.check.keys.words_only == (True, False)
    assert lint_text("Talks on trade went on; both sides spoke.", cached) == []
    assert all("_compiled" not in vars(p) for p in rule.check.keys.patterns)
    found = lint_text("Co-operation grew, and cooperation followed.", cached)
    assert [f.rule for f in found] == ["house/cooperation"]


def test_a_folder_without_temporary_files_is_cleaned_without_the_pattern(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Only a name that begins as quotelint's temporary files do is matched with the pattern:
    a folder of other files (`/dev` for `-o /dev/null`) compiles none, and a stale file is
    still removed."""
    import os
    import subprocess
    import sys
    import time

    from quotelint import writes

    for name in ("notes.txt", ".quotelint", "quotelint-12-abcdefgh.tmp"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    code = "import sys; from quotelint import writes; writes.clean_stale(sys.argv[1]); print('_compiled' in vars(writes._TEMP))"
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    (tmp_path / ".quotelint-x.tmp").write_text("x", encoding="utf-8")  # begins as they do, and is none
    old = tmp_path / ".quotelint-abcdefgh.tmp"  # a temporary file of quotelint 0.1, a day old
    old.write_text("x", encoding="utf-8")
    os.utime(old, (time.time() - 90_000, time.time() - 90_000))
    assert writes.clean_stale(str(tmp_path)) == [old.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".quotelint", ".quotelint-x.tmp", "notes.txt", "quotelint-12-abcdefgh.tmp"]


def test_the_holders_of_roles_are_read_with_their_people_in_one_query(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.integ_helpers import counted_queries, project_registry_cached

    registry, cached = project_registry_cached(tmp_path / "cache")
    one, _ = counted_queries(monkeypatch)
    holders = [(person.id, role) for person, role in cached.titles.holders]
    assert holders == [(person.id, role) for person, role in registry.titles.holders] and len(holders) > 20
    assert [t for t, _ in one].count("entities") == 0


def test_the_preferred_spellings_of_a_documents_names_are_read_in_one_query(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from quotelint.linter import lint_text
    from tests.integ_helpers import ROOT, counted_queries, project_registry_cached

    registry, cached = project_registry_cached(tmp_path / "cache")
    one, many = counted_queries(monkeypatch)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:2])
    assert lint_text(text, cached) == lint_text(text, registry)
    assert "QL202" in {f.rule for f in lint_text("The Respublica party won seats. Respublika had campaigned on housing.", cached)}
    assert "preferred" in many and [t for t, _ in one].count("preferred") == 0


@pytest.mark.parametrize("seed", range(3))
def test_a_month_is_looked_for_beside_a_day_only_where_the_date_patterns_can_find_one(seed: int) -> None:
    """Random texts of month names and abbreviations, near misses (`Marc`, `MARCH`, `Mayor`),
    periods, blanks, line breaks, `of`, day ranges and ordinal endings."""
    from quotelint.claims.dates import DAY_MONTH, MONTH_BEFORE, month_may_end, month_may_follow
    from quotelint.claims.figuredata import figure_data

    data = figure_data()
    pieces = [*data.months, "Marc", "MARCH", "Mayor", "Junes", ".", " ", "  ", "\t", "\u00a0", "\n", "of", " of ", "-", "–", "12", "5", "th", "x", "É", "Ǆ", "–12th  of  ", "-3rd\t", "  of\u00a0"]
    matched = [0, 0]
    for text in random_texts(pieces, seed, count=3000):
        for at in range(len(text) + 1):
            before = MONTH_BEFORE.search(text, max(0, at - 12), at)
            found = before is not None and before.group(1) in data.months
            assert month_may_end(text, at, data.month_names) or not found, (text, at)
            after = DAY_MONTH.match(text, at)
            follows = after is not None and after.group(2) in data.months
            assert month_may_follow(text, at, data.month_names) or not follows, (text, at)
            matched = [matched[0] + found, matched[1] + follows]
    assert min(matched) > 300, matched


@pytest.mark.parametrize("seed", range(3))
def test_a_quotation_is_cut_into_the_words_brackets_and_gaps_the_pieces_pattern_finds(seed: int) -> None:
    """Random quotations of words, apostrophes, hyphens, periods with and without blanks between
    them (`. . .`, `..`), brackets, ellipses, blanks beyond ASCII and marks: cut as `_PIECES` cuts
    them, and `_PIECES` asked only where a character beyond ASCII stands between periods."""
    from quotelint.quotes.matching import _PIECES, _cut_with, _pieces

    pieces = ["word", "Élan", "O’Neil", "rock-'n'-roll", "5", " ", ".", ". ", " .", "\u00a0.", "\u2003", "\t", "[", "]", "[sic]", "…", "x\u0301", "-", "’", ",", "\n"]
    pieces += ["..", "...", ". . .", ".\t.", ".\x0b.", ".\x1c.", ".x.", "[[", "[" + "a" * 199 + "]", "[" + "b" * 200 + "]", "[" + "c" * 198, "-[", "]-x"]
    checked = skipped = 0
    for text in random_texts(pieces, seed, count=4000):
        shown: list[str] = []
        gaps: list[tuple[int, str]] = []
        for bracket, _, word in _PIECES.findall(text):
            if word:
                shown.append(word)
            else:
                gaps.append((len(shown), "bracket" if bracket else "gap"))
        cut = _cut_with(text, str.lower)
        assert (cut.shown, cut.gaps) == (tuple(shown), tuple(gaps)), text
        assert cut == type(cut)(tuple(w.lower() for w in shown), tuple(shown), tuple(gaps))
        checked += bool(gaps)
        skipped += _pieces(text) is None
    assert checked > 500 and skipped > 50


@pytest.mark.parametrize("seed", range(3))
def test_the_lines_of_a_text_are_those_the_line_pattern_finds(seed: int) -> None:
    """Split at `\\n` where the text holds no `\\r`: the lines `_LINE` finds, without their breaks,
    with their offsets, on random texts of words, blanks, line breaks of each kind and separators Python's
    splitlines would cut at (`\\x0b`, `\\u2028`)."""
    from quotelint.quotes.spans import _LINE, lines

    pieces = ["word", " ", "\n", "\n\n", "\r\n", "\r", "\x0b", "\u2028", "\x85", "\t", "é"]
    plain = 0
    for text in random_texts(pieces, seed, count=3000):
        assert list(lines(text)) == [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text) if m.group()], repr(text)
        plain += "\r" not in text
    assert plain > 300


@pytest.mark.parametrize("seed", range(3))
def test_a_line_break_after_blanks_and_a_wrapped_gap_are_read_as_their_patterns_match(seed: int) -> None:
    import regex

    from quotelint.quotes.nameruns import _WRAP_GAP
    from quotelint.sentences import BLANK_LINE, breaks_after_blanks

    blank_line, wrap = regex.compile(BLANK_LINE), regex.compile(_WRAP_GAP)
    pieces = [" ", "\t", "\u00a0", "\u2003", "\n", "\r", "\r\n", "\n\r", "x", ".", "\x0b"]
    matched = [0, 0]
    for text in random_texts(pieces, seed, count=3000):
        assert (text.strip(" \t") in ("\n", "\r\n")) == (wrap.fullmatch(text) is not None), repr(text)
        for at in range(len(text) + 1):
            found = blank_line.match(text, at) is not None
            assert breaks_after_blanks(text, at) == found, (repr(text), at)
            matched[0] += found
        matched[1] += wrap.fullmatch(text) is not None
    assert min(matched) > 50, matched


def test_ready_tells_a_pattern_already_compiled_in_the_run() -> None:
    """Once a lazy pattern is compiled, its plain pre-test is skipped (the dateline): it
    would only cost more than the search it stands before."""
    import regex

    from quotelint.lazyre import lazy, ready

    pattern = lazy(r"[A-Z]+, \d")
    assert not ready(pattern)
    assert pattern.match("ASTANA, 5") is not None
    assert ready(pattern) and ready(regex.compile("x"))
