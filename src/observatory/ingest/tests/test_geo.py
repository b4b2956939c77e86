"""Country and world-region names in English, French and Spanish (no database)."""

import re
from pathlib import Path

import pytest

from observatory.ingest.geo import (
    CountryMention,
    RegionMention,
    country_code,
    find_countries,
    find_world_regions,
)


def codes(text: str) -> list[str]:
    return [m.code for m in find_countries(text)]


@pytest.mark.parametrize(("name", "code"), [
    ("Bolivia", "BO"), ("Iran", "IR"), ("Tanzania", "TZ"), ("Syria", "SY"), ("Russia", "RU"),
    ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Laos", "LA"), ("South Korea", "KR"),
    ("North Korea", "KP"), ("Moldova", "MD"), ("Venezuela", "VE"),
    ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"),
    ("Côte d’Ivoire", "CI"), ("Costa de Marfil", "CI"),
    ("Cameroon", "CM"), ("Cameroun", "CM"), ("Camerún", "CM"),
    ("Morocco", "MA"), ("Maroc", "MA"), ("Marruecos", "MA"),
    ("Niger", "NE"), ("Nigeria", "NG"),
    ("Guinea", "GN"), ("Guinée", "GN"), ("Guinea-Bissau", "GW"), ("Guinée-Bissau", "GW"),
    ("Equatorial Guinea", "GQ"), ("Guinée équatoriale", "GQ"), ("Guinea Ecuatorial", "GQ"),
    ("Papua New Guinea", "PG"),
    ("DRC", "CD"), ("DR Congo", "CD"), ("RDC", "CD"), ("Democratic Republic of the Congo", "CD"),
    ("République démocratique du Congo", "CD"), ("República Democrática del Congo", "CD"),
    ("Republic of the Congo", "CG"), ("Congo-Brazzaville", "CG"),
    ("The Gambia", "GM"), ("Gambia", "GM"), ("Gambie", "GM"),
    ("UK", "GB"), ("United Kingdom", "GB"), ("Royaume-Uni", "GB"), ("Reino Unido", "GB"),
    ("USA", "US"), ("United States", "US"), ("États-Unis", "US"), ("Etats-Unis", "US"),
    ("Estados Unidos", "US"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Turquie", "TR"), ("Turquía", "TR"),
    ("Czechia", "CZ"), ("Czech Republic", "CZ"),
    ("North Macedonia", "MK"), ("Macedonia", "MK"),
    ("Eswatini", "SZ"), ("Swaziland", "SZ"),
    ("Cabo Verde", "CV"), ("Cape Verde", "CV"), ("Cap-Vert", "CV"),
    ("Burkina Faso", "BF"), ("Chad", "TD"), ("Tchad", "TD"), ("Sénégal", "SN"),
    ("Kosovo", "XK"),
])
def test_names_and_variants(name, code):
    assert find_countries(name) == [CountryMention(code, name, 0, len(name))]
    assert country_code(name) == code


@pytest.mark.parametrize("text", ["NIGER", "niger", "Niger's", "(Niger)", "NÍGER"])
def test_matching_ignores_case_and_accents(text):
    assert codes(text) == ["NE"]


def test_niger_is_not_found_inside_nigeria():
    assert codes("Nigeria and Nigerians") == ["NG"]


def test_guinea_is_not_found_inside_longer_names():
    text = "Papua New Guinea, Guinea-Bissau, Equatorial Guinea, Guinée-Bissau and Guinea"
    assert codes(text) == ["PG", "GW", "GQ", "GW", "GN"]
    assert codes("the Gulf of Guinea") == []


def test_democratic_republic_is_not_read_as_the_republic_of_the_congo():
    assert codes("the Democratic Republic of the Congo and the Republic of the Congo") == [
        "CD", "CG"]


def test_burkina_alone_is_ambiguous():
    assert codes("Burkina") == []
    assert country_code("Burkina") is None
    assert codes("Burkina\nFaso") == ["BF"]


def test_acronyms_need_capitals():
    assert codes("the UK and the USA") == ["GB", "US"]
    assert codes("la empresa usa datos") == []
    assert codes("uk") == []
    assert codes("US$ 3 million from the US") == ["US"]


def test_reunion_needs_a_capital():
    assert codes("une réunion du comité à La Réunion") == ["RE"]


def test_other_names_that_are_common_words_are_not_countries():
    assert codes("Maurice Dupont met Mauricio in Granada at Christmas") == []


def test_spans_and_names_as_written():
    text = "Projects in Niger (Agadez),\nCôte d’Ivoire and BURKINA FASO."
    found = find_countries(text)
    assert [(m.code, m.name) for m in found] == [
        ("NE", "Niger"), ("CI", "Côte d’Ivoire"), ("BF", "BURKINA FASO")]
    assert all(text[m.start:m.end] == m.name for m in found)


def test_spans_stay_right_when_folding_changes_the_length():
    # decomposed accents shrink when folded, "ß" grows: offsets still point into the original
    text = "Gro\u00dfe Pe\u0301rou et Ni\u0301ger, Straße Mali"
    found = find_countries(text)
    assert [(m.code, m.name) for m in found] == [
        ("PE", "Pe\u0301rou"), ("NE", "Ni\u0301ger"), ("ML", "Mali")]
    assert all(text[m.start:m.end] == m.name for m in found)


def test_sidebar_lists_countries_one_per_line():
    text = "Burkina Faso\nGhana\nRwanda\nIndonesia\nKenya"
    assert codes(text) == ["BF", "GH", "RW", "ID", "KE"]


def test_country_code_is_an_exact_lookup():
    assert country_code("  côte D'IVOIRE ") == "CI"
    assert country_code("le Maroc") == "MA"
    assert country_code("the Netherlands") == "NL"
    assert country_code("Korea") is None  # KR or KP
    assert country_code("Niger Delta") is None
    assert country_code("Projects in Niger") is None
    assert country_code("") is None


REGIONS = [
    ("Latin America", "Latin America", "498"),
    ("Latin America and the Caribbean", "Latin America and the Caribbean", "498"),
    ("Amérique latine", "Latin America", "498"),
    ("América Latina", "Latin America", "498"),
    ("Central America", "Central America", "1032"),
    ("South America", "South America", "489"),
    ("Caribbean", "Caribbean", "1031"),
    ("West Africa", "West Africa", "1030"),
    ("Afrique de l'Ouest", "West Africa", "1030"),
    ("África Occidental", "West Africa", "1030"),
    ("East Africa", "East Africa", "1027"),
    ("Sahel", "Sahel", "289"),
    ("North Africa", "North Africa", "189"),
    ("Maghreb", "North Africa", "189"),
    ("Sub-Saharan Africa", "Sub-Saharan Africa", "289"),
    ("Africa", "Africa", "298"),
    ("Afrique", "Africa", "298"),
    ("Middle East", "Middle East", "589"),
    ("Moyen-Orient", "Middle East", "589"),
    ("Europe", "Europe", "89"),
    ("European Union", "European Union", "89"),
    ("EU", "European Union", "89"),
    ("UE", "European Union", "89"),
    ("Union européenne", "European Union", "89"),
    ("Unión Europea", "European Union", "89"),
    ("Asia", "Asia", "798"),
    ("Central Asia", "Central Asia", "619"),
    ("South Asia", "South Asia", "679"),
]


@pytest.mark.parametrize(("text", "name_en", "code"), REGIONS)
def test_world_regions(text, name_en, code):
    assert find_world_regions(text) == [RegionMention(name_en, code, 0, len(text))]


def test_world_regions_across_line_breaks_and_in_order():
    text = "European\nCommission\n(EUR 32 million)\n2016\n(5 years)\nUE\nLatin\nAmerica"
    found = find_world_regions(text)
    assert [(m.name_en, text[m.start:m.end]) for m in found] == [
        ("European Union", "UE"), ("Latin America", "Latin\nAmerica")]


def test_world_regions_are_not_found_inside_country_names_or_words():
    assert find_world_regions("South Africa, the Central African Republic") == []
    assert find_world_regions("eu") == []
    assert find_world_regions("Eurasia, Asian migrants") == []


def test_longest_region_name_wins():
    found = find_world_regions("Sub-Saharan Africa and West Africa, not Africa at large")
    assert [m.iati_region for m in found] == ["289", "1030", "298"]


def test_region_codes_exist_in_the_iati_region_codelist():
    path = Path(__file__).resolve().parents[5] / "shared" / "iati" / "codelists" / "Region.xml"
    known = set(re.findall(r"<code>(\d+)</code>", path.read_text(encoding="utf-8")))
    from observatory.ingest.geo import _REGION_ACRONYMS, _REGIONS

    assert {code for _, code, _ in _REGIONS + _REGION_ACRONYMS} <= known


def test_a_spaced_dash_parts_a_country_from_its_places():
    text = "Guinea – Conakry, Kindia"
    assert [(m.code, text[m.start:m.end]) for m in find_countries(text)] == [("GN", "Guinea")]
    assert codes("Guinea-Conakry") == ["GN"] and codes("Guinée Conakry") == ["GN"]
