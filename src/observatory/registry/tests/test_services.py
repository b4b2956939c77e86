"""Writes to the registry and the rules they keep."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from observatory.registry import services
from observatory.registry.models import DatePrecision, Organisation, Place, PlaceLevel, Programme

pytestmark = pytest.mark.django_db


def new_programme(key: str = "TEST", **fields) -> Programme:
    fields.setdefault("title", f"{key} programme")
    return services.save_programme(Programme(key=key, **fields))


def test_end_is_derived_from_start_and_duration():
    programme = new_programme(start_date=dt.date(2016, 6, 15),
                              start_precision=DatePrecision.YEAR, duration_months=60)
    assert programme.start_date == dt.date(2016, 1, 1)  # stored at the precision's start
    assert programme.end_date == dt.date(2020, 12, 31)
    assert (programme.start_label, programme.end_label) == ("2016", "2020")
    by_month = new_programme("R2", start_date=dt.date(2020, 9, 1),
                             start_precision=DatePrecision.MONTH, duration_months=36)
    assert by_month.end_date == dt.date(2023, 8, 31)
    assert (by_month.start_label, by_month.end_label) == ("2020-09", "2023-08")


def test_a_programme_gets_a_unique_slug_from_its_key():
    first = new_programme("EUROsociAL+")
    assert first.slug == "eurosocial"
    second = new_programme("EUROsociAL")
    assert second.slug == "eurosocial-2"


def test_funding_needs_an_iso_currency_with_its_amount():
    programme = new_programme()
    funder = services.get_or_create_organisation("European Union Trust Fund for Africa", "EUTF")
    with pytest.raises(ValidationError):
        services.add_funding(programme, funder, 1000, "EURO")
    with pytest.raises(ValidationError):
        services.add_funding(programme, funder, 1000, "")
    funding = services.add_funding(programme, funder, "25000000", "eur")
    assert (funding.amount, funding.currency) == (Decimal("25000000"), "EUR")


def test_organisations_are_found_by_acronym_or_name_before_a_new_one_is_made():
    enabel = services.get_or_create_organisation("Enabel", "ENABEL")
    assert services.get_or_create_organisation("Belgian development agency", "enabel") == enabel
    assert services.get_or_create_organisation("enabel") == enabel
    assert Organisation.objects.count() == 1


def test_place_percentages_may_not_exceed_100():
    programme = new_programme()
    services.add_programme_place(programme, services.country("NE"), 60)
    with pytest.raises(ValidationError):
        services.add_programme_place(programme, services.country("ML"), 50)


def test_users_add_municipalities_below_iso_places():
    agadez_region = Place.objects.get(code="NE-1")
    arlit = services.add_place("Arlit", agadez_region)
    assert arlit.level == PlaceLevel.PROVINCE  # one step below a region
    town = services.add_place("Arlit centre", arlit)
    assert town.level == PlaceLevel.MUNICIPALITY
    assert services.add_place("arlit", agadez_region) == arlit
    assert town.country.code == "NE"


def test_search_text_follows_partners_places_and_accents():
    programme = new_programme("AMUDDU", title="Employability of migrants")
    services.add_programme_place(programme, services.country("CI"))
    agency = services.get_or_create_organisation("Agence nationale de promotion de l'emploi",
                                                 "ANAPEC")
    services.add_partner(programme, agency)
    programme.refresh_from_db()
    assert "cote d'ivoire" in programme.search_text
    assert "anapec" in programme.search_text
    agency.name = "Agence nationale de promotion de l'emploi et des compétences"
    services.save_organisation(agency)
    programme.refresh_from_db()
    assert "competences" in programme.search_text


def test_a_rejected_place_is_not_stored():
    programme = new_programme()
    services.add_programme_place(programme, services.country("NE"), 60)
    with pytest.raises(ValidationError):
        services.add_programme_place(programme, services.country("ML"), 50)
    assert [e.place.code for e in programme.programme_places.all()] == ["NE"]
    services.add_programme_place(programme, services.country("NE"), 80)  # updates in place
    assert programme.programme_places.get().percentage == 80


def test_a_partner_role_must_be_an_iati_role():
    programme = new_programme()
    agency = services.get_or_create_organisation("Enabel", "ENABEL")
    with pytest.raises(ValidationError):
        services.add_partner(programme, agency, role="9")
    assert not programme.participations.exists()
