"""The codes and places every installation starts with."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from observatory.registry.codelists import ActivityStatus, OrganisationRole, OrganisationType
from observatory.registry.models import Place, PlaceLevel, TargetGroup, Theme

CODELISTS = Path(__file__).resolve().parents[4].parent / "shared" / "iati" / "codelists"


def official_codes(name: str) -> dict[str, str]:
    tree = ET.parse(CODELISTS / f"{name}.xml")
    return {item.findtext("code"): item.find("name/narrative").text
            for item in tree.iter("codelist-item")}


@pytest.mark.parametrize("choices,name", [
    (OrganisationType, "OrganisationType"),
    (OrganisationRole, "OrganisationRole"),
    (ActivityStatus, "ActivityStatus"),
])
def test_codes_match_the_official_iati_codelists(choices, name):
    assert {c.value: str(c.label) for c in choices} == official_codes(name)


@pytest.mark.django_db
def test_countries_and_subdivisions_are_loaded_with_iso_codes_and_french_names():
    morocco = Place.objects.get(code="MA")
    assert morocco.level == PlaceLevel.COUNTRY
    assert morocco.name_fr == "Maroc"
    assert morocco.numeric_code == "504"
    agadez = Place.objects.get(code="NE-1")
    assert (agadez.name, agadez.level, agadez.parent.code) == ("Agadez", PlaceLevel.REGION, "NE")
    rabat = Place.objects.get(code="MA-RAB")
    assert rabat.level == PlaceLevel.PROVINCE
    assert rabat.parent.code == "MA-04"
    assert rabat.country == morocco
    assert Place.objects.filter(level=PlaceLevel.COUNTRY).count() == 249


@pytest.mark.django_db
def test_themes_tags_and_target_groups_are_loaded():
    assert Theme.objects.filter(kind="theme").count() == 5
    assert Theme.objects.filter(kind="tag", slug="covid-19").exists()
    assert set(TargetGroup.objects.values_list("slug", flat=True)) >= {
        "migrants", "refugees", "asylum-seekers", "idps", "returnees", "host-communities",
        "diaspora", "women", "youth"}
