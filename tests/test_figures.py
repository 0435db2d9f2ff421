"""Figures as news prose writes them: values, units, scales, ranges, changes and dates."""

from __future__ import annotations

import pytest

from quotelint.claims.figuredata import figure_data
from quotelint.claims.figures import Figure, find_figures
from quotelint.sentences import split_sentences


def one(text: str) -> Figure:
    found = find_figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Turnout reached 53 percent on Sunday.", "53 percent", 53, "percent"),
        ("Turnout reached 54 per cent on Sunday.", "54 per cent", 54, "percent"),
        ("Prices rose 5% in a year.", "5%", 5, "percent"),
        ("Oil made up 40.6 % of exports.", "40.6 %", 40.6, "percent"),
        ("Inflation hit 7.2 pct in May.", "7.2 pct", 7.2, "percent"),
        ("Rates went up by 1.5 percentage points.", "1.5 percentage points", 1.5, "percentage point"),
        ("Trade reached $2.6 billion last year.", "$2.6 billion", 2.6e9, "USD"),
        ("It was $1.828 billion the year before.", "$1.828 billion", 1.828e9, "USD"),
        ("The deal is worth £3m to the club.", "£3m", 3e6, "GBP"),
        ("A fine of 500 million euros was set.", "500 million euros", 5e8, "EUR"),
        ("The port handled 18,000 TEUs in March.", "18,000 TEUs", 18000, "teu"),
        ("The chamber shrank to 98 representatives.", "98 representatives", 98, "seats"),
        ("Some 98 MPs voted for the bill.", "98 MPs", 98, "seats"),
        ("In all, seven parties ran.", "seven parties", 7, "parties"),
        ("A dozen people were hurt.", "A dozen people", 12, "people"),
        ("Twenty-five lawmakers signed.", "Twenty-five lawmakers", 25, "seats"),
        ("It cost one hundred and five pounds.", "one hundred and five pounds", 105, "GBP"),
        ("It drew two thousand three hundred visitors.", "two thousand three hundred visitors", 2300, "visitor"),
        ("Nearly two million people voted.", "two million people", 2e6, "people"),
        ("A billion dollars went missing.", "A billion dollars", 1e9, "USD"),
        ("The country lost ninety-nine seats.", "ninety-nine seats", 99, "seats"),
        ("A 7,644-kilometre border divides them.", "7,644-kilometre", 7644, "kilometre"),
        ("Exports grew 22.3 times.", "22.3 times", 22.3, "times"),
        ("Transit should grow seven-fold.", "seven-fold", 7, "times"),
    ],
)
def test_value_and_unit(text: str, figure: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.unit) == (figure, unit)
    assert f.value == pytest.approx(value)


def test_precision_follows_the_digits_and_the_scale() -> None:
    assert one("It was 54.19 percent.").step == pytest.approx(0.01)
    assert one("It was 54 percent.").step == 1
    assert one("It was $2.6 billion.").step == pytest.approx(1e8)
    assert one("It was $1.828 billion.").step == pytest.approx(1e6)


def test_ranges() -> None:
    between = one("Growth of between 5 and 7 percent is expected.")
    assert (between.value, between.high, between.unit) == (5, 7, "percent")
    dash = one("Growth of 5-7% is expected.")
    assert (dash.text, dash.value, dash.high, dash.unit) == ("5-7%", 5, 7, "percent")
    words = one("It will take 5 to 7 years.")
    assert (words.value, words.high, words.unit) == (5, 7, "years")
    money = one("Bids came in at between $2 and $3 billion.")
    assert (money.value, money.high, money.unit) == (2e9, 3e9, "USD")


def test_a_change_gives_two_figures_the_first_earlier() -> None:
    old, new = find_figures("The reforms cut the Mazhilis from 107 to 98 representatives.")
    assert (old.text, old.value, old.unit, old.role) == ("107", 107, "seats", "earlier")
    assert (new.text, new.value, new.unit, new.role) == ("98 representatives", 98, "seats", None)
    old, new = find_figures("The threshold was lowered from 7% to 5%.")
    assert (old.value, old.role, new.value, new.role) == (7, "earlier", 5, None)


@pytest.mark.parametrize(
    ("text", "figure", "date"),
    [
        ("Voters went to the polls on 19 March.", "19 March", (None, 3, 19)),
        ("Voters went to the polls on March 19.", "March 19", (None, 3, 19)),
        ("It was held on 5 June 2022 across the country.", "5 June 2022", (2022, 6, 5)),
        ("It was held on November 20th 2022 after a short campaign.", "November 20th 2022", (2022, 11, 20)),
        ("Elections were called for on 19 March 2023 by decree.", "19 March 2023", (2023, 3, 19)),
        ("He spoke on September 2, 2019 in the capital.", "September 2, 2019", (2019, 9, 2)),
        ("LIMA, Feb. 12 (AFP) - Peru declared an emergency.", "Feb. 12", (None, 2, 12)),
        ("The vote of 5th of June was close.", "5th of June", (None, 6, 5)),
        ("The referendum in June 2022 passed.", "June 2022", (2022, 6, None)),
    ],
)
def test_dates(text: str, figure: str, date: tuple[int | None, int | None, int | None]) -> None:
    f = one(text)
    assert (f.text, f.unit, f.date) == (figure, "date", date)


def test_a_date_range_keeps_its_last_day() -> None:
    f = one("The forum meets on 8-9 June in Astana.")
    assert (f.text, f.date, f.high) == ("8-9 June", (None, 6, 8), 9)


def test_years_ratios_and_fractions() -> None:
    assert (one("The last time was in 2004, they said.").unit, one("In 2004 it began.").value) == ("year", 2004)
    ratio = one("Seats are split 70/30 in the chamber.")
    assert (ratio.unit, ratio.value, ratio.high) == ("ratio", 70, 30)
    two_thirds = one("Two-thirds of exports stopped.")
    assert (two_thirds.unit, two_thirds.value) == ("fraction", pytest.approx(2 / 3))


def test_bounds_and_markers_before_a_figure() -> None:
    assert one("It drew more than 300 observers.").bound == "min"
    assert one("It drew more than 300 observers.").role is None  # the "than" of "more than" compares nothing
    assert one("Turnout was about 54 percent.").bound == "approx"
    assert one("No more than 12 people came.").bound == "max"
    assert one("It rose, up from 48 percent.").role == "earlier"
    assert one("It is lower than 60 percent.").role == "reference"
    part, whole = find_figures("In all, 29 of the 98 members were elected there.")
    assert (part.role, whole.text) == ("part", "98 members")


def test_negative_numbers_and_currency_tickers() -> None:
    values = [(f.text, f.value, f.unit) for f in find_figures("KZT/USD = 0.00196 -0.5%")]
    assert values == [("0.00196", 0.00196, None), ("-0.5%", -0.5, "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "The COVID-19 pandemic and the G20 summit.",
        "A 5G network reached the 1990s suburbs.",
        "It was the twenty-first meeting of the TEN-T group.",
        "Hundreds of people and dozens of cars.",
        "The third time was the 20th anniversary.",
    ],
)
def test_no_figure_where_there_is_none(text: str) -> None:
    assert find_figures(text) == []


def test_a_number_word_needs_no_space_before_its_unit_but_a_capital_word_is_no_unit() -> None:
    assert one("It counts five Central Asian states.").unit is None
    assert one("It counts 27 EU states.").unit is None


def test_units_and_number_words_are_data() -> None:
    data = figure_data()
    assert data.units["per cent"] == data.units["%"] == data.units["pct"] == "percent"
    assert data.number_words["ninety"] == 90 and data.counts["dozen"] == 12
    assert data.counted_unit("deputies") == data.counted_unit("MPs") == "seats"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Mr. Smith paid $2.6 billion. The U.S. Senate agreed! Turnout rose.\nHeadline Here\nwrapped line",
            ["Mr. Smith paid $2.6 billion.", "The U.S. Senate agreed!", "Turnout rose.", "Headline Here\nwrapped line"],
        ),
        # Only the letters after the last dot count ("S" of "U.S."), at most twelve of them; a
        # stop after a bracket or a digit follows no abbreviation.
        (
            "Gov. Reyes met the Co-op. Dr. Ames spoke (briefly). It was Mr.Smith-Jr. Then came No. 5 and item 4. Next Mr. Lee.",
            ["Gov. Reyes met the Co-op.", "Dr. Ames spoke (briefly).", "It was Mr.Smith-Jr. Then came No. 5 and item 4.", "Next Mr. Lee."],
        ),
        ("The ministry was uncommunicativeness. Then it spoke.", ["The ministry was uncommunicativeness.", "Then it spoke."]),
    ],
)
def test_sentences_split_at_stops_not_at_abbreviations_or_decimals(text: str, sentences: list[str]) -> None:
    spans = split_sentences(text, figure_data().abbreviations).spans
    assert [text[s:e] for s, e in spans] == sentences


def test_long_blank_runs_and_digit_runs_stay_linear() -> None:
    import time

    blank = "Turnout rose.\n" + "    \n" * 50_000 + "It fell."
    digits = "1" * 100_000 + " percent, " + "one " * 20_000 + "1,1" * 20_000
    start = time.perf_counter()
    assert len(split_sentences(blank).spans) == 2
    assert find_figures(digits)[0].unit == "percent"
    assert time.perf_counter() - start < 30  # a guard, not a timing: quadratic work here took many minutes
