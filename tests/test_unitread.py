"""The unit after a number and the currency before one, read without patterns (claims/unitread.py),
are what the patterns they replaced match: compared at every offset of random texts made of the
spellings in mixed case, blanks and hyphens before and inside them, letters and digits around
them, line breaks, and characters that `regex` matches with an ASCII letter ignoring case (the
Kelvin sign, `ſ`, `İ`, `ı`)."""

from __future__ import annotations

import random

import pytest


def spellings() -> list[str]:
    from quotelint.claims.figuredata import figure_data

    return list(figure_data().units)


def pieces(units: list[str]) -> list[str]:
    """Each spelling whole, cut short and with a letter changed; blanks, hyphens, letters, digits
    and look-alikes between them."""
    out = ["5", " ", "  ", "   ", "\t", "\u00a0", "-", " -", "- ", "  -  ", "x", "s", "2", "é", "É", "²", "Ⅳ", "\u0345", "ſ", "\u212a", "İ", "ı", ".", "—", "’", "\n"]
    for u in units:
        out += [u, u.upper(), u.title(), u[:-1], u[1:], u.replace(" ", "  "), u.replace(" ", "\t\u00a0"), u.replace(" ", "")]
        out += [u.replace("s", "ſ"), u.replace("k", "\u212a"), u.replace("i", "İ"), u.replace("i", "ı"), u.replace("e", "é")]
    return out


def mixed_case(text: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c for c in text)


@pytest.mark.parametrize("seed", range(4))
def test_the_unit_reader_reads_what_the_unit_pattern_matches(seed: int) -> None:
    import regex

    from quotelint.claims.unitread import UnitReader, pattern_source

    units = spellings()
    reader, pattern = UnitReader(units), regex.compile(pattern_source(units), regex.IGNORECASE)
    parts = pieces(units)
    rng = random.Random(seed)
    found = missed = 0
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 5)))
        text = mixed_case(text, rng) if rng.random() < 0.3 else text
        for at in range(len(text) + 1):
            m = pattern.match(text, at)
            expected = None if m is None else (m.start("unit"), m.end())
            got = reader.read(text, at)
            assert (got and got[1:]) == expected, (text, at, got, expected)
            if got is not None:
                assert " ".join(got[0].split()) == " ".join(regex.sub(r"[ \t\u00a0]+", " ", m.group("unit").lower()).split()) or got[0] in units
                assert regex.fullmatch(regex.escape(got[0]).replace(r"\ ", r"[ \t\u00a0]+"), m.group("unit"), regex.IGNORECASE)
            found += got is not None
            missed += got is None
    assert found > 3000 and missed > 3000


def test_fold_equals_a_lower_case_ascii_character_exactly_where_regex_matches_it_ignoring_case() -> None:
    import sys

    import regex

    from quotelint.claims.unitread import fold

    lower = [chr(c) for c in range(0x20, 0x7F) if not chr(c).isupper()]
    any_ascii = regex.compile(r"(?i)[\x20-\x7e]")
    for x in map(chr, range(sys.maxunicode + 1)):
        if x.isascii() or any_ascii.fullmatch(x):
            for c in lower:
                assert (fold("a" + x + "b") == "a" + c + "b") == bool(regex.fullmatch(regex.escape(c), x, regex.I)), (x, c)
        elif 0xD800 > ord(x) or ord(x) > 0xDFFF:
            assert not (set(fold(x)) & set(lower)) and len(fold(x)) == 1, x


def test_a_unit_with_a_run_of_blanks_or_a_look_alike_letter_is_read_as_its_spelling(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`5 per  cent` is 5 percent and `5 rupeeſ` 5 INR: the spelling the unit matched is looked
    up, where the text itself (lower case) was and, not listed, stopped the run with a traceback."""
    from quotelint.claims.figures import find_figures

    for text, unit in (("5 per  cent", "percent"), ("5 PER\u00a0CENT", "percent"), ("5 rupeeſ", "INR"), ("5 Percentage\tpoints", "percentage point")):
        assert [(f.value, f.unit) for f in find_figures(f"Turnout rose by {text}.")] == [(5.0, unit)], text


def test_spellings_the_plain_reader_cannot_read_are_read_by_the_pattern() -> None:
    from quotelint.claims.unitread import PatternReader, UnitReader, unit_reader

    assert isinstance(unit_reader(["percent", "per cent"]), UnitReader)
    odd = unit_reader(["percent", "grüße", "per  cent"])
    assert isinstance(odd, PatternReader)
    assert odd.read("5 GRÜSSE", 1) is None and odd.read("5 grüße", 1) == ("grüße", 2, 7)


def test_a_scale_word_with_a_look_alike_letter_is_read_as_its_spelling() -> None:
    """`5 thouſand`, which the scale pattern matches ignoring case, is 5000: the text itself
    (lower case) was looked up and stopped the run with a KeyError."""
    from quotelint.claims.figures import find_figures

    for text, value in (("5 thouſand", 5000.0), ("5 THOUSAND", 5000.0), ("5 Billion", 5e9)):
        assert [f.value for f in find_figures(f"It cost {text} in all.")] == [value], text


@pytest.mark.parametrize("seed", range(4))
def test_the_currency_reader_reads_what_the_currency_pattern_finds(seed: int) -> None:
    import regex

    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.unitread import CurrencyReader, currency_source

    spellings = list(figure_data().currency_before)
    reader, pattern = CurrencyReader(spellings), regex.compile(currency_source(spellings))
    parts = [*spellings, *(s.lower() for s in spellings), "S$", "US", "5", " ", "  ", "\t", "\u00a0", "\n", " \n", "x", "é", "²", "\u0345", "(", "“", "-", "R", "s"]
    rng = random.Random(seed)
    found = missed = 0
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 6)))
        for at in range(len(text) + 1):
            m = pattern.search(text, max(0, at - 5), at)
            got = reader.read(text, at)
            assert got == (None if m is None else (m.group("cur"), m.start())), (text, at, got, m)
            found += got is not None
            missed += got is None
    assert found > 3000 and missed > 3000
