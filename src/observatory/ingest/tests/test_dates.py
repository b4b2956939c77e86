"""Start dates and durations as programme fiches write them (no database)."""

import pytest

from observatory.ingest.dates import StartDuration, find_start_duration, spelled_numbers


@pytest.mark.parametrize(("text", "start", "months"), [
    ("2016 (60 months)", "2016", 60),
    ("Starting Sep 2020 (36 months)", "2020-09", 36),
    ("Starting\nSep 2020\n(36 months)", "2020-09", 36),
    ("Starting \n Sep\n2020 \n( 36\nmonths )", "2020-09", 36),
    ("Nov 2017 (48 months)", "2017-11", 48),
    ("11/2019 (48 months)", "2019-11", 48),
    ("2016 (5 years)", "2016", 60),
    ("2018 (48 months)", "2018", 48),
    ("2018\n(48 months)", "2018", 48),
    ("Since January 2019 (3 years)", "2019-01", 36),
    ("From 03/2018 to 02/2021", "2018-03", 36),
    ("2016–2020", "2016", 60),
    ("2016 - 2020", "2016", 60),
    ("Jan 2017 – Dec 2019", "2017-01", 36),
    ("Depuis janvier 2019 (36 mois)", "2019-01", 36),
    ("Démarrage : sept. 2020 (36 mois)", "2020-09", 36),
    ("Demarrage : Sept 2020 (36 mois)", "2020-09", 36),
    ("DÉMARRAGE : SEPT. 2020 (36 MOIS)", "2020-09", 36),
    ("2019 (3 ans)", "2019", 36),
    ("De 2017 à 2021", "2017", 60),
    ("Desde marzo de 2018 (24 meses)", "2018-03", 24),
    ("Inicio: 09/2020 (36 meses)", "2020-09", 36),
    ("2019 (4 años)", "2019", 48),
    ("2019 (4 anos)", "2019", 48),
    ("2016-2019", "2016", 48),
    ("Starting Sep 2020", "2020-09", None),
    ("2016 (2.5 years)", "2016", 30),
    ("1 September 2020 (3 years and 6 months)", "2020-09", 42),
    ("15 de marzo de 2018 (24 meses)", "2018-03", 24),
    ("févr. 2019 (18 mois)", "2019-02", 18),
    ("Août 2018 (24 mois)", "2018-08", 24),
    ("agosto 2018 (24 meses)", "2018-08", 24),
    ("diciembre de 2017 (12 meses)", "2017-12", 12),
    ("2019-11 (24 months)", "2019-11", 24),
    ("entre 2017 y 2021", "2017", 60),
    ("between 2017 and 2019", "2017", 36),
    ("From 03/2018 to 02/2021 (40 months)", "2018-03", 40),  # a written duration wins
    ("avril 2019 – durée initiale de 36 mois", "2019-04", 36),
])
def test_sidebar_expressions(text, start, months):
    found = find_start_duration(text)
    assert found == StartDuration(start, months, 0, len(text))


@pytest.mark.parametrize(("text", "months"), [
    ("(5 years)", 60),
    ("(48 + 6 months)", 54),
    ("(36 mois)", 36),
    ("(24 meses)", 24),
    ("Duration: 36 months", 36),
    ("Durée : 3 ans", 36),
    ("Durée prévue : 24 mois", 24),
])
def test_a_duration_alone_has_no_start(text, months):
    assert find_start_duration(text) == StartDuration(None, months, 0, len(text))


def test_the_span_is_the_expression_within_a_longer_text():
    text = "EUTF\n(EUR 25 mio)\n&\nBMZ\n(EUR 13,5 mio)\n\n2016\n(60 months)\n\nNiger"
    found = find_start_duration(text)
    assert found is not None
    assert (found.start, found.duration_months) == ("2016", 60)
    assert text[found.start_offset:found.end_offset] == "2016\n(60 months)"


def test_amounts_before_the_date_are_skipped():
    text = "9.000.000 €\nStarting\nSep 2020\n(36 months)\nMorocco"
    found = find_start_duration(text)
    assert found is not None
    assert (found.start, found.duration_months) == ("2020-09", 36)
    assert text[found.start_offset:found.end_offset] == "Starting\nSep 2020\n(36 months)"


def test_a_complete_expression_is_preferred_to_an_earlier_partial_one():
    text = "(36 months)\nStarting Sep 2020 (36 months)"
    found = find_start_duration(text)
    assert found is not None and found.start == "2020-09" and found.start_offset == 12


@pytest.mark.parametrize("text", [
    "",
    "EUR 25 mio",
    "(EUR 25 mio)",
    "(EUR 13,5 mio)",
    "9.000.000 €",
    "2016",  # a year alone is not a start
    "Sep 2020",
    "la stratégie nationale de 2018",
    "2030 (45%)",
    "(45 %)",
    "60 months",  # a duration in running text needs brackets or a label
    "after only three months of work",
    "87 infrastructure projects",
    "2020 - 2016",  # backwards
    "1985-1989",
    "2045-2050",
    "30 M€",
])
def test_no_expression(text):
    assert find_start_duration(text) is None


def test_implausible_years_are_rejected_but_the_duration_is_kept():
    found = find_start_duration("1985 (5 years)")
    assert found is not None and found.start is None and found.duration_months == 60


def test_a_year_written_as_an_amount_is_not_a_start():
    found = find_start_duration("EUR 2018 (48 months)")
    assert found is not None and found.start is None and found.duration_months == 48
    assert find_start_duration("2018 million euros (2 %)") is None


@pytest.mark.parametrize(("text", "start", "months"), [
    ("2020 (24 meses + 6 meses de extensión sin costo)", "2020", 30),
    ("2019 (48 meses + 6 de ampliación sin coste)", "2019", 54),
    ("Durée : 36 mois + 12 mois de prolongation", None, 48),
    ("Durée : 36 mois + 6 mois de prolongation sans coûts", None, 42),
    ("Duración: 36 meses y 12 municipios", None, 36),  # no extension: the count stays apart
])
def test_an_extension_added_to_the_duration(text, start, months):
    found = find_start_duration(text)
    assert (found.start, found.duration_months) == (start, months)


def test_a_hyphenated_spelt_duration_and_a_timeframe():
    found = find_start_duration(spelled_numbers(
        "It started in September 2019 with a five-year timeframe."))
    assert (found.start, found.duration_months) == ("2019-09", 60)
    found = find_start_duration("It started in March 2021 with a 6-month pilot.")
    assert (found.start, found.duration_months) == ("2021-03", None)  # a pilot is no duration


def test_a_start_and_its_duration_apart_by_a_slash():
    found = find_start_duration("March 2019 / 48 months")
    assert (found.start, found.duration_months) == ("2019-03", 48)
    assert find_start_duration("October 2018 / 4 years").duration_months == 48


def test_and_a_half():
    assert spelled_numbers("dos años y medio") == "2.5 años"
    assert find_start_duration("Duration: " + spelled_numbers("3 ans et demi")).duration_months \
        == 42
