"""The export: every file validates against the 2.03 schema and the ruleset checks, and carries
the programme, its partners, places, money and results as docs/iati.md says."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import etree

from observatory.iati import export, validator
from observatory.iati.geography import spread
from observatory.iati.models import ProgrammeSector
from observatory.registry import services as registry
from observatory.registry.models import Programme
from observatory.registry.tests.factories import make_organisation, make_programme

from .conftest import IATI, TODAY, Published

pytestmark = pytest.mark.django_db


def export_bytes(programmes=None, today: dt.date = TODAY) -> tuple[bytes, export.ExportReport]:
    out = io.BytesIO()
    queryset = programmes if programmes is not None else Programme.objects.all()
    report = export.write(export.for_export(queryset), out, today=today)
    return out.getvalue(), report


def activity_of(data: bytes, identifier: str | None = None) -> etree._Element:
    root = etree.fromstring(data)
    if identifier is None:
        return root.find("iati-activity")
    return root.xpath(f"iati-activity[iati-identifier='{identifier}']")[0]


def assert_valid(data: bytes, today: dt.date = TODAY, allow: frozenset[str] = frozenset()):
    """Schema-valid, and no ruleset finding but those allowed (6.2.2: no sector known)."""
    result = validator.validate(data, today, IATI)
    assert result.schema == []
    assert [str(f) for f in result.findings if f.rule not in allow] == []


def agency(acronym: str, ref: str = "") -> object:
    return make_organisation(acronym, iati_ref=ref or f"XM-{acronym}")


def test_the_published_programme_makes_a_valid_file(published: Published):
    data, report = export_bytes()
    assert report.exported == ["NIGER-1"] and report.skipped == []
    assert_valid(data, allow=frozenset({"6.2.2"}))
    assert report.notes == [("NIGER-1", "No sector is known: IATI rule 6.2.2 expects at least "
                                        "one.")]


def test_the_activity_carries_the_fiche(published: Published):
    activity = activity_of(export_bytes()[0])
    assert activity.findtext("iati-identifier") == "XM-OBS-1-NIGER-1"
    reporting = activity.find("reporting-org")
    assert (reporting.get("ref"), reporting.get("type")) == ("XM-OBS-1", "21")
    assert reporting.findtext("narrative") == "Agency of NIGER-1"
    assert [(d.get("type"), d.findtext("narrative")) for d in activity.findall("description")] == [
        ("1", "Vocational training and job placement in Agadez."),
        ("2", "Help young people find work."),
        ("3", "Migrants; Youth"),
        ("4", "Alternatives to irregular migration.")]
    assert [(o.get("role"), o.get("ref"), o.findtext("narrative"))
            for o in activity.findall("participating-org")] == [
        ("1", "XI-IATI-EC_INTPA", "European Union"),
        ("2", None, "Ministry of Employment"),
        ("4", "XM-OBS-1", "Agency of NIGER-1")]
    assert activity.find("activity-status").get("code") == "2"
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("1", "2019-01-01"), ("2", "2019-01-01"), ("3", "2022-12-31")]
    assert [(c.get("code"), c.get("percentage"))
            for c in activity.findall("recipient-country")] == [("NE", "100")]
    location = activity.find("location")
    assert (location.get("ref"), location.findtext("name/narrative")) == ("NE-1", "Agadez")
    link = activity.find("document-link")
    assert (link.get("url"), link.get("format"), link.find("category").get("code")) == (
        "https://example.org/niger-1", "text/html", "A12")


def test_elements_come_in_schema_order(published: Published):
    order = ["iati-identifier", "reporting-org", "title", "description", "participating-org",
             "activity-status", "activity-date", "recipient-country", "location", "budget",
             "transaction", "document-link", "result"]
    tags = [child.tag for child in activity_of(export_bytes()[0])]
    assert [t for i, t in enumerate(tags) if i == 0 or tags[i - 1] != t] == order


def test_funding_becomes_yearly_budgets_and_an_incoming_commitment(published: Published):
    activity = activity_of(export_bytes()[0])
    budgets = activity.findall("budget")
    assert [(b.find("period-start").get("iso-date"), b.find("period-end").get("iso-date"))
            for b in budgets] == [(f"{y}-01-01", f"{y}-12-31") for y in range(2019, 2023)]
    assert sum(Decimal(b.findtext("value")) for b in budgets) == Decimal("1000000.00")
    assert {b.find("value").get("currency") for b in budgets} == {"EUR"}
    commitment = activity.find("transaction")
    assert commitment.find("transaction-type").get("code") == "11"
    assert commitment.findtext("value") == "1000000.00"
    assert commitment.find("provider-org").get("ref") == "XI-IATI-EC_INTPA"


def test_results_carry_targets_and_only_approved_actuals(published: Published):
    activity = activity_of(export_bytes()[0])
    count, share, story = activity.findall("result/indicator")
    assert (count.get("measure"), count.findtext("title/narrative")) == ("1", "People trained")
    assert count.find("baseline").attrib == {"year": "2019", "value": "0"}
    periods = count.findall("period")
    assert [p.find("period-start").get("iso-date") for p in periods] == ["2020-01-01"]
    assert periods[0].find("target").get("value") == "100"
    actuals = {(a.get("value"), tuple((d.get("name"), d.get("value"))
                                      for d in a.findall("dimension")))
               for a in periods[0].findall("actual")}
    assert ("12", (("sex", "female"), ("population group", "migrant"))) in actuals
    assert ("42", ()) in actuals  # the total the platform derived
    assert all(a.find("location").get("ref") == "NE-1" for a in periods[0].findall("actual"))
    assert "7" not in {a.get("value") for a in activity.iter("actual")}  # 2021 is a draft
    assert share.find("period/actual").attrib == {"value": "40"}  # at NE, the only country
    qualitative = story.find("period/actual")
    assert qualitative.get("value") is None
    assert qualitative.findtext("comment/narrative") == "Employers ask for more."


def test_a_programme_without_an_agency_identifier_is_skipped_with_the_reason(published):
    make_programme("MALI-2", agency=make_organisation("NOREF"), start=dt.date(2020, 1, 1))
    make_programme("MALI-3", agency=agency("AG3"))  # no start date
    make_programme("MALI-4")  # no agency
    data, report = export_bytes()
    assert report.exported == ["NIGER-1"]
    reasons = {s.key: s.reason for s in report.skipped}
    assert "NOREF has no IATI organisation identifier" in reasons["MALI-2"]
    assert "6.11.1" in reasons["MALI-3"]
    assert "no implementing agency" in reasons["MALI-4"]
    assert b"<!-- skipped MALI-2: the implementing agency NOREF" in data
    assert_valid(data, allow=frozenset({"6.2.2"}))


def test_nothing_is_written_when_nothing_can_be_exported(db):
    make_programme("MALI-4")
    data, report = export_bytes()
    assert data == b"" and report.exported == []


def test_several_countries_and_a_region_share_100_percent(db):
    region = registry.add_world_region("Sahel", iati_region="289")
    make_programme("SAHEL-1", agency=agency("AGS"), start=dt.date(2020, 1, 1),
                   duration_months=24, country=None,
                   places=[("NE", 40), "ML", "BF", region, "SN-DK"])
    data, report = export_bytes()
    activity = activity_of(data)
    shares = {c.get("code"): c.get("percentage") for c in activity.xpath(
        "recipient-country | recipient-region")}
    assert shares == {"BF": "15", "ML": "15", "NE": "40", "SN": "15", "289": "15"}
    assert activity.find("recipient-region").get("vocabulary") == "1"
    assert [loc.get("ref") for loc in activity.findall("location")] == ["SN-DK"]
    assert any("completed" in note for _key, note in report.notes)
    assert_valid(data, allow=frozenset({"6.2.2"}))


@pytest.mark.parametrize("given,expected", [
    ([None], ["100"]),
    ([Decimal(60), Decimal(40)], ["60", "40"]),
    ([None, None, None], ["33.34", "33.33", "33.33"]),
    ([Decimal(50), None, None], ["50", "25", "25"]),
    ([Decimal(30), Decimal(30)], ["50", "50"]),
    ([Decimal(100), None], ["50", "50"]),
])
def test_percentages_are_completed_to_100(given, expected):
    shares, _changed = spread(given)
    assert [format(s.normalize(), "f") for s in shares] == expected
    assert sum(shares) == 100


def test_values_in_a_programme_of_several_countries_point_to_locations(published: Published):
    f = published.framework
    registry.add_programme_place(f.programme, registry.country("ML"))
    activity = activity_of(export_bytes()[0])
    assert {loc.get("ref") for loc in activity.findall("location")} == {"NE-1", "NE"}
    share_actual = activity.xpath("result/indicator[@measure='2']/period/actual")[0]
    assert share_actual.find("location").get("ref") == "NE"


def test_known_sectors_are_written_with_percentages_that_add_up(published: Published):
    programme = published.programme
    ProgrammeSector.objects.create(programme=programme, code="15190", percentage=Decimal(70))
    ProgrammeSector.objects.create(programme=programme, code="16020", percentage=Decimal(20))
    data, report = export_bytes()
    sectors = activity_of(data).findall("sector")
    assert sum(Decimal(s.get("percentage")) for s in sectors) == 100
    assert report.notes == []
    assert_valid(data)


def test_a_programme_not_started_has_only_planned_dates(db):
    programme = make_programme("LATER", agency=agency("AGL"), start=dt.date(2025, 1, 1),
                               duration_months=12, status="1",
                               funders=[(make_organisation("F"), 1000, "EUR")])
    data, _report = export_bytes()
    activity = activity_of(data)
    assert [d.get("type") for d in activity.findall("activity-date")] == ["1", "3"]
    assert activity.find("transaction/transaction-date").get("iso-date") == TODAY.isoformat()
    assert_valid(data, allow=frozenset({"6.2.2"}))
    assert programme.key == "LATER"


def test_a_closed_programme_has_its_actual_end(db):
    make_programme("DONE", agency=agency("AGD"), start=dt.date(2018, 1, 1), duration_months=24,
                   status="4")
    activity = activity_of(export_bytes()[0])
    assert [d.get("type") for d in activity.findall("activity-date")] == ["1", "2", "3", "4"]


def test_texts_are_cleaned_of_characters_xml_cannot_carry(db):
    make_programme("PDF", agency=agency("AGP"), start=dt.date(2020, 1, 1),
                   title="Jobs\x0c for youth", objectives="")
    data, _report = export_bytes()
    activity = activity_of(data)
    assert activity.findtext("title/narrative") == "Jobs for youth"
    assert activity.find("description").get("type") == "1"  # the title stands in
    assert_valid(data, allow=frozenset({"6.2.2"}))


# --- command and pages -----------------------------------------------------------------------

def test_the_command_writes_a_checked_file(published: Published, tmp_path):
    out = io.StringIO()
    path = tmp_path / "niger.xml"
    call_command("iati", "export", "--programme", "NIGER-1", "-o", str(path), stdout=out)
    assert "1 activities exported" in out.getvalue()
    assert_valid(path.read_bytes(), today=dt.date.today(), allow=frozenset({"6.2.2"}))
    with pytest.raises(CommandError, match="not valid"):  # 6.2.2: no sector
        call_command("iati", "export", "--all", "-o", str(path), "--check", stdout=out)
    assert "6.2.2" in out.getvalue()


def test_the_command_refuses_unknown_programmes_and_empty_exports(db, tmp_path):
    with pytest.raises(CommandError, match="no such programme"):
        call_command("iati", "export", "--programme", "NOPE", "-o", str(tmp_path / "x.xml"))
    make_programme("MALI-4")
    with pytest.raises(CommandError, match="no file written"):
        call_command("iati", "export", "--all", "-o", str(tmp_path / "x.xml"),
                     stdout=io.StringIO())
    assert not (tmp_path / "x.xml").exists()


def test_the_command_exports_an_organisations_programmes(published: Published, tmp_path):
    make_programme("OTHER", agency=agency("AGO"), start=dt.date(2020, 1, 1))
    path = tmp_path / "org.xml"
    funder = published.programme.fundings.get().organisation
    call_command("iati", "export", "--organisation", funder.slug, "-o", str(path),
                 stdout=io.StringIO())
    assert etree.parse(str(path)).xpath("//iati-identifier/text()") == ["XM-OBS-1-NIGER-1"]


def download(client, query: str) -> tuple[int, bytes]:
    response = client.get(f"/iati/export.xml?{query}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def test_download_one_programme(client, published: Published):
    response = client.get("/iati/export.xml?programme=NIGER-1")
    assert response["Content-Type"].startswith("application/xml")
    assert 'filename="iati-niger-1-' in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert_valid(data, today=dt.date.today(), allow=frozenset({"6.2.2"}))


def test_download_a_search_result_or_an_organisation(client, published: Published):
    make_programme("TUNIS-1", agency=agency("AGT"), start=dt.date(2020, 1, 1), country="TN")
    status, data = download(client, "country=TN")
    assert status == 200
    assert etree.fromstring(data).xpath("//iati-identifier/text()") == ["XM-AGT-TUNIS-1"]
    status, data = download(client, "q=NIGER-1")
    assert etree.fromstring(data).xpath("//iati-identifier/text()") == ["XM-OBS-1-NIGER-1"]
    funder = published.programme.fundings.get().organisation
    status, data = download(client, f"organisation={funder.slug}")
    assert etree.fromstring(data).xpath("//iati-identifier/text()") == ["XM-OBS-1-NIGER-1"]
    status, data = download(client, "")
    assert len(etree.fromstring(data).findall("iati-activity")) == 2
    status, page = download(client, "organisation=nobody")  # not everything
    assert status == 404 and b"No programme you may see matches" in page


def test_download_respects_visibility_and_explains_an_empty_export(client, published):
    make_programme("HIDDEN", agency=agency("AGH"), start=dt.date(2020, 1, 1), published=False)
    status, _data = download(client, "programme=HIDDEN")
    assert status == 404
    make_programme("NOREF-1", agency=make_organisation("NOREF"), start=dt.date(2020, 1, 1))
    status, page = download(client, "programme=NOREF-1")
    assert status == 404
    assert b"NOREF has no IATI organisation identifier" in page


def test_programme_and_list_pages_offer_the_download(client, published: Published):
    page = client.get("/programmes/niger-1/").content.decode()
    assert 'href="/iati/export.xml?programme=NIGER-1"' in page
    page = client.get("/programmes/?country=NE&q=niger").content.decode()
    assert 'href="/iati/export.xml?country=NE&amp;q=niger"' in page
