"""Programme search and filters."""

import datetime as dt

import pytest

from observatory.registry import services
from observatory.registry.models import Place, Programme, Theme
from observatory.registry.selectors import ProgrammeFilters, search_programmes

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes():
    giz = services.get_or_create_organisation("GIZ", "GIZ")
    eutf = services.get_or_create_organisation("EU Emergency Trust Fund for Africa", "EUTF")
    progem = services.save_programme(
        Programme(key="ProGEM", title="Management of migration challenges in Niger",
                  objectives="Municipal migration observatories", published=True,
                  implementing_agency=giz, start_date=dt.date(2016, 1, 1),
                  start_precision="year", duration_months=60),
        themes=[Theme.objects.get(slug="migration-governance")])
    services.add_funding(progem, eutf, 25_000_000, "EUR")
    agadez = services.add_place("Agadez", Place.objects.get(code="NE-1"), level=4)
    services.add_programme_place(progem, agadez)
    amuddu = services.save_programme(
        Programme(key="AMUDDU", title="Economic integration of migrants in Morocco",
                  published=True, start_date=dt.date(2018, 1, 1), start_precision="year"),
        themes=[Theme.objects.get(slug="labour-mobility-and-skills")])
    services.add_programme_place(amuddu, Place.objects.get(code="MA-RAB"))
    return {"progem": progem, "amuddu": amuddu}


def keys(filters: ProgrammeFilters) -> list[str]:
    return [p.key for p in search_programmes(None, filters)]


def test_every_word_must_match_in_any_field_ignoring_case_and_accents(programmes):
    assert keys(ProgrammeFilters(q="observatories niger")) == ["ProGEM"]
    assert keys(ProgrammeFilters(q="MIGRANTS maroc")) == ["AMUDDU"]  # French place name
    assert keys(ProgrammeFilters(q="migration morocco niger")) == []
    assert keys(ProgrammeFilters(q="eutf")) == ["ProGEM"]  # funder's acronym


def test_country_filter_includes_places_below_the_country(programmes):
    assert keys(ProgrammeFilters(country="NE")) == ["ProGEM"]
    assert keys(ProgrammeFilters(country="ma")) == ["AMUDDU"]
    assert keys(ProgrammeFilters(country="ML")) == []
    region = Place.objects.get(code="NE-1")
    assert keys(ProgrammeFilters(place=region.pk)) == ["ProGEM"]


def test_filters_by_theme_organisation_year_and_status_combine(programmes):
    assert keys(ProgrammeFilters(theme="migration-governance")) == ["ProGEM"]
    assert keys(ProgrammeFilters(organisation="eutf")) == ["ProGEM"]
    assert keys(ProgrammeFilters(start_year=2018)) == ["AMUDDU"]
    assert keys(ProgrammeFilters(start_year=2018, theme="migration-governance")) == []
    assert keys(ProgrammeFilters(status="2")) == ["AMUDDU", "ProGEM"]


def test_sorting(programmes):
    assert keys(ProgrammeFilters(sort="-start")) == ["AMUDDU", "ProGEM"]
    assert keys(ProgrammeFilters(sort="start")) == ["ProGEM", "AMUDDU"]
    assert keys(ProgrammeFilters(sort="title")) == ["AMUDDU", "ProGEM"]

    services.save_programme(Programme(key="LATER", title="Diaspora bonds", published=True,
                                      objectives="Learns from Niger",
                                      start_date=dt.date(2022, 1, 1)))
    assert keys(ProgrammeFilters(q="niger")) == ["ProGEM", "LATER"]  # title match first
    assert keys(ProgrammeFilters(q="niger", sort="-start")) == ["LATER", "ProGEM"]
