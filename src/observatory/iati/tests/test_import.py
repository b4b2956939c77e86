"""The import: publishers' files into the registry and the results, one activity per
transaction, in constant memory; hostile or unsupported files are refused without harm."""

from __future__ import annotations

import datetime as dt
import io
import resource
import time
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from observatory.accounts.services import create_account
from observatory.iati import importer
from observatory.iati.models import ProgrammeSector
from observatory.registry.models import Organisation, Programme
from observatory.registry.tests.factories import make_organisation
from observatory.results.models import DataValue, Indicator, ValueKind, ValueStatus

from .conftest import EXAMPLES

pytestmark = pytest.mark.django_db

ACTIVITY = """<iati-activity xml:lang="en">
  <iati-identifier>{ref}-{key}</iati-identifier>
  <reporting-org ref="{ref}" type="21"><narrative>Agency {ref}</narrative></reporting-org>
  <title><narrative>Programme {key}</narrative></title>
  <description type="1"><narrative>Training.</narrative></description>
  <participating-org ref="XI-IATI-EC_INTPA" type="40" role="1"><narrative>EU</narrative>
  </participating-org>
  <participating-org ref="{ref}" type="21" role="4"><narrative>Agency {ref}</narrative>
  </participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2020-01-01"/>
  <activity-date type="3" iso-date="2021-12-31"/>
  <recipient-country code="NE" percentage="100"/>
  <location ref="NE-1"><name><narrative>Agadez</narrative></name></location>
  <sector vocabulary="1" code="15190"/>
  <transaction><transaction-type code="11"/><transaction-date iso-date="2020-01-01"/>
    <value currency="EUR" value-date="2020-01-01">5000</value>
    <provider-org ref="XI-IATI-EC_INTPA"><narrative>EU</narrative></provider-org></transaction>
  <result type="1"><title><narrative>Jobs</narrative></title>
    <indicator measure="1" ascending="1"><title><narrative>People trained</narrative></title>
      <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
        <target value="100"/>
        <actual value="7"><location ref="NE-1"/><dimension name="sex" value="female"/>
        </actual>
        <actual value="3"><location ref="NE-1"/><dimension name="gender" value="Male"/>
        </actual>
        <actual value="1"><location ref="NE-1"/><dimension name="age" value="adult"/></actual>
      </period>
    </indicator>
  </result>
</iati-activity>"""


def activities_file(*activities: str, version: str = "2.03") -> bytes:
    body = "\n".join(activities)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="{version}">'
            f"{body}</iati-activities>").encode()


def one(key: str = "P1", ref: str = "XM-AG") -> str:
    return ACTIVITY.format(key=key, ref=ref)


def run(data: bytes, **options) -> importer.ImportReport:
    return importer.import_file(io.BytesIO(data), **options)


def snapshot() -> dict[str, list]:
    """What an import may change, without ids or times."""
    return {
        "programmes": list(Programme.objects.order_by("key").values_list(
            "key", "title", "status", "start_date", "start_precision", "duration_months",
            "objectives", "main_features", "implementing_agency__name", "published")),
        "organisations": list(Organisation.objects.order_by("name").values_list(
            "name", "iati_ref", "org_type")),
        "fundings": sorted(Programme.objects.values_list(
            "key", "fundings__organisation__name", "fundings__amount", "fundings__currency")),
        "places": sorted(Programme.objects.values_list(
            "key", "programme_places__place__code", "programme_places__percentage"),
            key=str),
        "values": sorted(DataValue.objects.values_list(
            "indicator__title", "period__start", "place__code", "disaggregation__key", "kind",
            "value", "narrative", "status", "derived"), key=str),
        "sectors": sorted(ProgrammeSector.objects.values_list("programme__key", "code")),
    }


def test_an_activity_becomes_a_programme_with_its_results():
    report = run(activities_file(one()))
    assert (report.version, report.created, report.skipped) == ("2.03", ["XM-AG-P1"], [])
    programme = Programme.objects.get(key="P1")
    assert programme.implementing_agency.iati_ref == "XM-AG"
    assert (programme.start_date, programme.duration_months, programme.start_precision) == (
        dt.date(2020, 1, 1), 24, "year")
    assert programme.main_features == "Training."
    funding = programme.fundings.get()
    assert (funding.organisation.iati_ref, funding.amount, funding.currency) == (
        "XI-IATI-EC_INTPA", Decimal("5000.00"), "EUR")
    assert sorted(programme.programme_places.values_list("place__code", "percentage")) == [
        ("NE", Decimal("100.00")), ("NE-1", None)]
    assert list(programme.iati_sectors.values_list("code", flat=True)) == ["15190"]
    indicator = Indicator.objects.get(title="People trained")
    assert set(indicator.dimensions.values_list("code", flat=True)) == {"sex"}
    actuals = DataValue.objects.filter(indicator=indicator, kind=ValueKind.ACTUAL)
    assert {(v.disaggregation.key, v.value, v.status, v.derived) for v in actuals} == {
        ("sex=female", 7, ValueStatus.APPROVED, False),
        ("sex=male", 3, ValueStatus.APPROVED, False),  # "gender"/"Male" mapped
        ("", 10, ValueStatus.APPROVED, True)}  # the total, derived
    target = DataValue.objects.get(indicator=indicator, kind=ValueKind.TARGET)
    assert (target.place.code, target.value) == ("NE", 100)  # the only country
    assert any("age = adult" in note for _who, note in report.notes)


def test_importing_the_same_file_twice_changes_nothing():
    data = activities_file(one("P1"), one("P2", "XM-OTHER"))
    run(data)
    before = snapshot()
    report = run(data)
    assert (report.created, report.updated) == ([], [])
    assert report.unchanged == ["XM-AG-P1", "XM-OTHER-P2"]
    assert snapshot() == before


def test_a_changed_file_updates_the_programme():
    run(activities_file(one()))
    changed = one().replace('<actual value="7">', '<actual value="8">').replace(
        "Training.", "Training and placement.")
    report = run(activities_file(changed))
    assert report.updated == ["XM-AG-P1"]
    assert Programme.objects.get(key="P1").main_features == "Training and placement."
    assert DataValue.objects.get(kind=ValueKind.ACTUAL, disaggregation__key="").value == 11


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.xml")), ids=lambda p: p.name)
def test_the_example_files_import_and_reimport_unchanged(path):
    report = importer.import_file(path)
    assert report.error == "" and report.skipped == []
    assert len(report.created) == {"annotated-example-2.03.xml": 1, "dfid-2.01.xml": 8,
                                   "nl-mfa-example-2.03.xml": 13}[path.name]
    before = snapshot()
    again = importer.import_file(path)
    assert again.unchanged == report.created
    assert snapshot() == before


def test_the_nl_example_keeps_its_publishers_facts():
    importer.import_file(EXAMPLES / "nl-mfa-example-2.03.xml")
    programme = Programme.objects.get(key="NL-1-PPR-24706")  # not prefixed by XM-DAC-7
    assert programme.implementing_agency.name == "ICTJ"  # the implementer, not the reporter
    assert programme.fundings.get().organisation.iati_ref == "XM-DAC-7"
    assert programme.status == "4"
    assert programme.start_date == dt.date(2014, 1, 1)  # the actual start
    prefixed = Programme.objects.get(key="PPR-28250")  # XM-DAC-7-PPR-28250
    assert prefixed.title


def test_the_dfid_2_01_file_is_read():
    report = importer.import_file(EXAMPLES / "dfid-2.01.xml")
    assert report.version == "2.01"
    programme = Programme.objects.get(key="GB-1-109616")
    assert programme.programme_places.get().place.code == "AL"
    assert programme.iati_sectors.exists()


# --- refused files ---------------------------------------------------------------------------

@pytest.mark.parametrize("data,message", [
    (activities_file(one(), version="1.05"), "Versions 1.x are not read"),
    (activities_file(one(), version="3.0"), "is not read; versions 2.01, 2.02, 2.03 are"),
    (b'<iati-organisations version="2.03"/>', "root element is <iati-organisations>"),
    (b"", "not a well-formed XML file"),
    (b"%PDF-1.4 not xml", "not a well-formed XML file"),
])
def test_files_we_do_not_read_are_refused_with_a_clear_message(data, message):
    with pytest.raises(importer.Refused, match=message):
        run(data)
    assert not Programme.objects.exists()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<iati-activities version="2.03"><iati-activity><iati-identifier>X-1</iati-identifier>
<title><narrative>&lol9;</narrative></title></iati-activity></iati-activities>"""


def test_entity_expansion_is_refused_quickly_and_in_little_memory():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(importer.Refused, match="DOCTYPE"):
        run(BILLION_LAUGHS)
    assert time.perf_counter() - started < 1
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 50_000  # KiB
    assert not Programme.objects.exists()


def test_external_entities_and_dtds_are_refused_unread(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    external = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>'
                f'<iati-activities version="2.03"><iati-activity><iati-identifier>X-1'
                f'</iati-identifier><title><narrative>&s;</narrative></title></iati-activity>'
                f'</iati-activities>').encode()
    network = (b'<!DOCTYPE iati-activities SYSTEM "http://203.0.113.1/iati.dtd">'
               b'<iati-activities version="2.03"/>')
    for data in (external, network):
        with pytest.raises(importer.Refused, match="DOCTYPE"):
            run(data)
    assert not Programme.objects.filter(title__contains="SECRET").exists()


def test_a_huge_text_node_stops_the_import_after_the_activities_before_it():
    huge = one("P2").replace("Training.", "x" * 11_000_000)
    report = run(activities_file(one("P1"), huge))
    assert report.created == ["XM-AG-P1"]
    assert "breaks off" in report.error and "Text node too long" in report.error
    assert not Programme.objects.filter(key="P2").exists()


def test_a_file_broken_half_way_keeps_what_came_before():
    data = activities_file(one("P1"), one("P2"))[:-200]
    report = run(data)
    assert report.created == ["XM-AG-P1"] and "breaks off" in report.error


def test_each_activity_is_cleared_once_read():
    data = activities_file(*(one(f"P{i}") for i in range(30)))
    kept_before = []
    for element in importer.activities(io.BytesIO(data)):
        # the parser reads ahead by a buffer; what is behind the current activity is gone
        kept_before.append(element.getprevious() is not None)
        root = element.getparent()
    assert len(kept_before) == 30 and not any(kept_before)
    assert len(root) == 0


def test_an_activity_that_fails_is_skipped_alone():
    no_title = one("P2").replace("<title><narrative>Programme P2</narrative></title>", "")
    too_long = one("K" * 70)
    report = run(activities_file(one("P1"), no_title, too_long, one("P3")))
    assert report.created == ["XM-AG-P1", "XM-AG-P3"]
    assert [who for who, _why in report.skipped] == ["XM-AG-P2", "XM-AG-" + "K" * 70]
    assert "no title" in report.skipped[0][1]
    assert "longer than a programme key" in report.skipped[1][1]


def test_a_key_of_another_organisations_programme_is_not_taken_over():
    run(activities_file(one("P1", "XM-AG")))
    report = run(activities_file(one("P1", "XM-OTHER")))
    assert "belongs to a programme of" in report.skipped[0][1]
    assert Programme.objects.get(key="P1").implementing_agency.iati_ref == "XM-AG"


# --- who may import --------------------------------------------------------------------------

def test_an_editor_imports_only_their_organisations_activities_and_submits_actuals():
    own = make_organisation("AG", iati_ref="XM-AG")
    editor = create_account("ed", "pw-editor-1", "editor", own)
    report = run(activities_file(one("P1", "XM-AG"), one("P2", "XM-OTHER")), user=editor)
    assert report.created == ["XM-AG-P1"]
    assert "your own organisation" in report.skipped[0][1]
    actual = DataValue.objects.filter(kind=ValueKind.ACTUAL, derived=False).first()
    assert actual.status == ValueStatus.SUBMITTED and actual.entered_by == editor


def test_an_editor_cannot_change_approved_values():
    run(activities_file(one()))  # the operator: approved
    editor = create_account("ed", "pw-editor-1", "editor",
                            Organisation.objects.get(iati_ref="XM-AG"))
    report = run(activities_file(one().replace('value="7"', 'value="9"')), user=editor)
    assert any("locked" in note for _who, note in report.notes)
    assert DataValue.objects.get(disaggregation__key="sex=female", kind=2).value == 7


def test_the_upload_page(client):
    own = make_organisation("AG", iati_ref="XM-AG")
    viewer = create_account("vi", "pw-viewer-1", "viewer", own)
    editor = create_account("ed", "pw-editor-1", "editor", own)
    assert client.get("/iati/import/").status_code == 302  # to the login page
    client.force_login(viewer)
    assert client.get("/iati/import/").status_code == 403
    client.force_login(editor)
    assert client.get("/iati/import/").status_code == 200
    upload = SimpleUploadedFile("p1.xml", activities_file(one()), "application/xml")
    page = client.post("/iati/import/", {"file": upload}).content.decode()
    assert "1 created, 0 updated, 0 unchanged, 0 skipped" in page
    assert not Programme.objects.get(key="P1").published
    upload = SimpleUploadedFile("old.xml", activities_file(one(), version="1.04"))
    page = client.post("/iati/import/", {"file": upload}).content.decode()
    assert "Versions 1.x are not read" in page


def test_the_command(tmp_path):
    path = tmp_path / "p.xml"
    path.write_bytes(activities_file(one()))
    out = io.StringIO()
    call_command("iati", "import", str(path), "--publish", stdout=out)
    assert "1 created" in out.getvalue()
    assert Programme.objects.get(key="P1").published
    path.write_bytes(activities_file(one(), version="1.03"))
    with pytest.raises(CommandError, match=r"Versions 1\.x"):
        call_command("iati", "import", str(path), stdout=out)
