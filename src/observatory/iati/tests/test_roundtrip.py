"""Export, import into an empty database, export again: the same activities, results and
values."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from lxml import etree

from observatory.iati import export, importer
from observatory.iati.models import ProgrammeSector
from observatory.registry import services as registry
from observatory.registry.models import Organisation, Programme
from observatory.registry.tests.factories import make_organisation, make_programme
from observatory.results import services
from observatory.results.models import DataValue, Period, ReferenceIndicator
from observatory.results.tests.factories import value_input

from .conftest import TODAY, make_published

pytestmark = pytest.mark.django_db
MOMENT = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)


def export_all() -> bytes:
    out = io.BytesIO()
    report = export.write(export.for_export(Programme.objects.all()), out, today=TODAY,
                          generated=MOMENT)
    assert report.skipped == []
    return out.getvalue()


def canonical(data: bytes) -> bytes:
    """The file minus the moments that say when it, or a record, was written."""
    root = etree.fromstring(data)
    root.attrib.pop("generated-datetime")
    for activity in root.iter("iati-activity"):
        activity.attrib.pop("last-updated-datetime")
    return etree.tostring(root, method="c14n2", strip_text=True)


def empty_the_database() -> None:
    DataValue.objects.all().delete()
    Programme.objects.all().delete()
    Organisation.objects.all().delete()
    Period.objects.all().delete()


def several_countries() -> Programme:
    """A second programme: two countries and a region, sectors, partners in three roles, two
    funders (one without an amount), an SDG indicator and values at sub-national places."""
    region = registry.add_world_region("Sahel", iati_region="289")
    agency = make_organisation("AGS", "Sahel Agency", iati_ref="XM-AGS")
    programme = make_programme(
        "SAHEL-1", agency=agency, start=dt.date(2020, 3, 1), duration_months=30,
        country=None, places=[("ML", 50), ("SN", 30), region, "SN-DK", "ML-1"],
        funders=[(make_organisation("GIZ", iati_ref="DE-1"), 250_000, "EUR"),
                 make_organisation("SDC")],
        partners=[(make_organisation("IOM", iati_ref="XM-DAC-47066"), "3"),
                  make_organisation("Caritas")],
        objectives="Safer migration.", expected_results="Fewer deaths.",
        links=["https://example.org/report.pdf"])
    ProgrammeSector.objects.create(programme=programme, code="15190", percentage=Decimal(80))
    ProgrammeSector.objects.create(programme=programme, code="72010", percentage=Decimal(20))
    result = services.add_result(programme, "Protection", type="2",
                                 description="Migrants are protected.")
    deaths = services.add_indicator(result, "Deaths on the route", ascending=False,
                                    reference=ReferenceIndicator.objects.get(code="10.7.3"),
                                    dimensions=["sex", "age_group"], baseline_value=120,
                                    baseline_year=2019, baseline_comment="IOM count")
    year = services.period_for(dt.date(2021, 6, 1))
    editor = make_account(agency)
    services.save_values([
        value_input(deaths, year, "ML-1", {"sex": "female", "age_group": "15-24"}, 4),
        value_input(deaths, year, "ML-1", {"sex": "male", "age_group": "15-24"}, 9),
        value_input(deaths, year, "SN-DK", {}, 5),
        value_input(deaths, year, "SN-DK", {}, 3, kind=1),
    ], editor)
    services.submit_period(programme, year, editor)
    services.approve_period(programme, year, make_account(None, "admin", "administrator"))
    return programme


def make_account(organisation, name: str = "", role: str = "editor"):
    from observatory.accounts.services import create_account

    return create_account(name or f"ed-{organisation.acronym}", "pw-account-1", role,
                          organisation)


def test_export_import_export_gives_the_same_file():
    make_published()
    several_countries()
    make_programme("LATER", agency=make_organisation("AGL", iati_ref="XM-AGL"),
                   start=dt.date(2025, 1, 1), start_precision="day", duration_months=12,
                   status="1")
    first = export_all()
    values_before = DataValue.objects.filter(status=3).count()

    empty_the_database()
    report = importer.import_file(io.BytesIO(first))
    assert sorted(report.created) == ["XM-AGL-LATER", "XM-AGS-SAHEL-1", "XM-OBS-1-NIGER-1"]
    assert report.skipped == [] and report.notes == []
    second = export_all()

    assert canonical(second) == canonical(first)
    assert DataValue.objects.filter(status=3).count() == values_before
    assert len(etree.fromstring(second).findall(".//actual")) == \
        len(etree.fromstring(first).findall(".//actual")) > 10


def test_importing_the_export_into_its_own_database_keeps_values():
    make_published()
    before = sorted(DataValue.objects.values_list("value", "status", "derived"), key=str)
    report = importer.import_file(io.BytesIO(export_all()))
    assert report.skipped == []
    # the one draft actual is not exported, so it stays a draft; the rest is unchanged
    assert sorted(DataValue.objects.values_list("value", "status", "derived"),
                  key=str) == before
