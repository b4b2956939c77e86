"""Money amounts as programme fiches write them (no database)."""

from decimal import Decimal

import pytest

from observatory.ingest.money import Money, find_money, parse_amount


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("EUR 25 mio", "25000000", "EUR"),
    ("EUR 13,5 mio", "13500000", "EUR"),
    ("9.000.000 €", "9000000", "EUR"),
    ("5.500.000 €", "5500000", "EUR"),
    ("30 M€", "30000000", "EUR"),
    ("EUR 32 million", "32000000", "EUR"),
    ("41 million Euros", "41000000", "EUR"),
    ("€2.5m", "2500000", "EUR"),
    ("USD 1,200,000", "1200000", "USD"),
    ("US$ 3 million", "3000000", "USD"),
    ("$4.2 million", "4200000", "USD"),
    ("GBP 800,000", "800000", "GBP"),
    ("£1.2m", "1200000", "GBP"),
    ("CHF 4 Mio.", "4000000", "CHF"),
    ("SEK 10 million", "10000000", "SEK"),
    ("2,5 millions d'euros", "2500000", "EUR"),
    ("2,5 millions d’euros", "2500000", "EUR"),
    ("1,2 million EUR", "1200000", "EUR"),
    ("32 millones de euros", "32000000", "EUR"),
    ("3 mil millones de euros", "3000000000", "EUR"),
    ("EUR 1.5 billion", "1500000000", "EUR"),
    ("1,5 milliard d'euros", "1500000000", "EUR"),
    ("XOF 500 000 000", "500000000", "XOF"),
    ("500 millions FCFA", "500000000", "XOF"),
    ("FCFA 500 millions", "500000000", "XOF"),
    ("750 000 F CFA", "750000", "XOF"),
    ("MAD 12 millions", "12000000", "MAD"),
    ("EUR 750k", "750000", "EUR"),
    ("EUR 750 000", "750000", "EUR"),
    ("EUR 750\u202f000", "750000", "EUR"),
    ("EUR 750\u00a0000", "750000", "EUR"),
    ("EUR 1,500", "1500", "EUR"),
    ("1.234,56 €", "1234.56", "EUR"),
    ("USD 1,234.56", "1234.56", "USD"),
    ("EUR 25,000,000.00", "25000000", "EUR"),
    ("5 MEUR", "5000000", "EUR"),
    ("500 mil dólares", "500000", "USD"),
    ("2 billones de euros", "2000000000000", "EUR"),
])
def test_every_written_form_reads_as_one_amount_spanning_the_whole_text(text, amount, currency):
    assert find_money(text) == [Money(Decimal(amount), currency, 0, len(text))]


def test_amounts_are_decimals_without_a_spurious_exponent():
    (money,) = find_money("EUR 13,5 mio")
    assert str(money.amount) == "13500000"
    assert str(find_money("1.234,56 €")[0].amount) == "1234.56"


def test_spans_are_offsets_into_the_text_in_order_of_appearance():
    text = "EUTF\n(EUR 25 mio)\n&\nBMZ\n(EUR 13,5 mio)\n\n2016\n(60 months)"
    found = find_money(text)
    assert [text[m.start:m.end] for m in found] == ["EUR 25 mio", "EUR 13,5 mio"]
    assert [m.amount for m in found] == [Decimal(25_000_000), Decimal(13_500_000)]


def test_sidebar_amount_is_not_confused_with_the_year_on_the_next_line():
    text = "9.000.000 €\n2016\n(60 months)"
    assert [(m.amount, text[m.start:m.end]) for m in find_money(text)] == [
        (Decimal(9_000_000), "9.000.000 €")]


def test_a_currency_broken_from_its_number_by_a_line_break_still_counts():
    assert find_money("(EUR\n25 mio)") == [Money(Decimal(25_000_000), "EUR", 1, 11)]


@pytest.mark.parametrize("text", [
    "2016",
    "2016 (60 months)",
    "60 months",
    "87 infrastructure projects are constructed",
    "Over 300.000 people have improved access",
    "about 4.000 temporary jobs",
    "1,500",
    "13,5",
    "SDG 10.7 and SDG 8",
    "COP 26 in Glasgow",
    "EUROsociAL+ provides the expertise",
    "70% of the activities",
    "",
])
def test_numbers_without_a_currency_are_not_money(text):
    assert find_money(text) == []
    assert parse_amount(text) is None


def test_a_currency_written_without_a_number_has_no_amount():
    text = "Funding in EUR, to be confirmed"
    assert find_money(text) == [Money(None, "EUR", 11, 14)]
    assert find_money("€") == [Money(None, "EUR", 0, 1)]


def test_a_currency_code_inside_a_word_is_not_a_currency():
    text = "EUROsociAL+\n(EUR 32 million)"
    assert find_money(text) == [Money(Decimal(32_000_000), "EUR", 13, 27)]


def test_a_range_gives_both_ends_with_the_shared_currency_and_multiplier():
    text = "EUR 3-5 million"
    assert find_money(text) == [
        Money(Decimal(3_000_000), "EUR", 0, 5),
        Money(Decimal(5_000_000), "EUR", 6, 15),
    ]
    text = "25–30 M€"
    assert [(m.amount, text[m.start:m.end]) for m in find_money(text)] == [
        (Decimal(25_000_000), "25"), (Decimal(30_000_000), "30 M€")]


def test_several_amounts_in_a_sentence():
    text = ("The EU contributes EUR 25 mio, Germany 13,5 millions d'euros and the "
            "partners USD 1,200,000 (2016-2020).")
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [
        (Decimal(25_000_000), "EUR"), (Decimal(13_500_000), "EUR"), (Decimal(1_200_000), "USD")]
    assert [text[m.start:m.end] for m in found] == [
        "EUR 25 mio", "13,5 millions d'euros", "USD 1,200,000"]


def test_parse_amount_is_the_first_amount():
    assert parse_amount("EUR 25 mio & EUR 13,5 mio") == Money(Decimal(25_000_000), "EUR", 0, 10)
