"""Data-entry templates (CSV, XLSX) of a programme and period, filled offline and uploaded."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from observatory.registry.models import Place
from observatory.results import services, spreadsheets
from observatory.results.models import DataValue, PeriodType, ValueKind
from observatory.results.tests.factories import make_framework, value_input

pytestmark = pytest.mark.django_db

MIGRANT_WOMEN = {"sex": "female", "population_group": "migrant"}


def urls(f, period=None):
    base = f"/programmes/{f.programme.slug}/results/{(period or f.year2020).pk}/"
    return base + "template.csv", base + "template.xlsx", base + "upload/"


def download_csv(client, f):
    response = client.get(urls(f)[0])
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def to_csv(rows, delimiter=","):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def upload(client, f, data, name="filled.csv"):
    return client.post(urls(f)[2], {"file": SimpleUploadedFile(name, data)})


def row_for(rows, indicator, place="NE-1", kind="actual", **categories):
    wanted = {"sex": "", "population_group": "", **categories}
    (found,) = [r for r in rows if r["indicator_id"] == str(indicator.pk)
                and r["place_code"] == place and r["kind"] == kind
                and all(r[d] == c for d, c in wanted.items())]
    return found


def stored(indicator, **filters):
    return {v.disaggregation.key: (v.value, v.derived)
            for v in DataValue.objects.filter(indicator=indicator, **filters)
            .select_related("disaggregation")}


# --- the template ---------------------------------------------------------------------------

def test_csv_template_has_a_row_per_cell_and_total_with_entered_values(client):
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", MIGRANT_WOMEN, 12),
                          value_input(f.share, f.year2020, "NE-1", {}, 40, kind=1)], f.editor)
    client.force_login(f.editor)
    response = client.get(urls(f)[0])
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="NIGER-1-2020-results.csv"' in response["Content-Disposition"]
    rows = download_csv(client, f)
    assert list(rows[0]) == [
        "indicator_id", "indicator", "unit", "measure", "place_code", "place_id", "place", "kind",
        "sex", "population_group", "value", "narrative", "comment", "source", "status"]
    # (3 sexes x 8 population groups + total) + share + story, for 2 places and 2 kinds
    assert len(rows) == (24 + 1 + 1 + 1) * 2 * 2
    assert {r["place_code"] for r in rows} == {"NE", "NE-1"}
    women = row_for(rows, f.indicator, **MIGRANT_WOMEN)
    assert women["value"] == "12" and women["indicator"] == "People trained"
    assert women["status"] == "Draft" and women["unit"] == "people"
    total = row_for(rows, f.indicator)
    assert total["value"] == "" and "computed from its parts: 12" in total["status"]
    assert row_for(rows, f.share, kind="target")["value"] == "40"
    assert row_for(rows, f.story)["measure"] == "Qualitative"


def test_xlsx_template_has_a_bold_frozen_header_lists_and_a_help_sheet(client):
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", MIGRANT_WOMEN, 12)],
                         f.editor)
    client.force_login(f.editor)
    response = client.get(urls(f)[1])
    assert response["Content-Type"] == spreadsheets.XLSX_TYPE
    assert response["Content-Disposition"].endswith('-2020-results.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Values", "Help"]
    sheet = book["Values"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == spreadsheets.BEFORE and header[-5:] == spreadsheets.AFTER
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 1 + 27 * 4
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    (women,) = [r for r in rows if r["sex"] == "female" and r["population_group"] == "migrant"
                and r["kind"] == "actual" and r["place_code"] == "NE-1"]
    assert women["value"] == 12 and women["indicator_id"] == f.indicator.pk
    validations = {str(v.sqref).split(":")[0][0]: v.formula1
                   for v in sheet.data_validations.dataValidation}
    assert validations["H"] == '"target,actual"'
    assert validations["I"].startswith("Help!$A$")  # sex codes listed on the Help sheet
    help_text = [c for row in book["Help"].iter_rows(values_only=True) for c in row if c]
    assert "host_community" in help_text and "population_group" in help_text
    assert any("computed from their parts" in str(c) for c in help_text)


def test_entered_subtotals_get_a_row_and_quarters_a_file_name(client):
    f = make_framework()
    quarter = services.period_for(dt.date(2021, 5, 1), PeriodType.QUARTER)
    services.save_values([value_input(f.indicator, quarter, "NE", {"sex": "female"}, 30)],
                         f.editor)
    client.force_login(f.editor)
    response = client.get(urls(f, quarter)[0])
    assert 'filename="NIGER-1-2021-Q2-results.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row_for(rows, f.indicator, place="NE", sex="female")["value"] == "30"
    assert len(rows) == 27 * 4 + 1


# --- round trips ----------------------------------------------------------------------------

def test_csv_round_trip_stores_values_and_derives_totals(client):
    f = make_framework()
    client.force_login(f.editor)
    rows = download_csv(client, f)
    row_for(rows, f.indicator, **MIGRANT_WOMEN)["value"] = "10"
    men = row_for(rows, f.indicator, sex="male", population_group="migrant")
    men.update(value="5", source="attendance sheets")
    row_for(rows, f.story)["narrative"] = "=Employers are satisfied"  # formula-like text
    response = upload(client, f, to_csv(rows))
    body = response.content.decode()
    assert response.status_code == 200
    assert "3 created, 0 updated, 0 deleted, 0 unchanged" in body
    assert f'href="/programmes/niger-1/results/#period-{f.year2020.pk}"' in body  # summary
    assert f'href="/programmes/niger-1/results/{f.year2020.pk}/"' in body  # entry grid
    values = stored(f.indicator)
    assert values["population_group=migrant;sex=female"] == (10, False)
    assert values[""] == (15, True) and values["sex=male"] == (5, True)
    assert DataValue.objects.get(indicator=f.story).narrative == "=Employers are satisfied"
    # The story's narrative comes back guarded against formulas, and unchanged on upload.
    rows = download_csv(client, f)
    assert row_for(rows, f.story)["narrative"] == "'=Employers are satisfied"
    body = upload(client, f, to_csv(rows)).content.decode()
    assert "0 created, 0 updated, 0 deleted, 3 unchanged" in body


def test_xlsx_round_trip(client):
    f = make_framework()
    client.force_login(f.editor)
    book = openpyxl.load_workbook(io.BytesIO(client.get(urls(f)[1]).content))
    sheet = book["Values"]
    header = [c.value for c in sheet[1]]
    col = {name: i for i, name in enumerate(header)}
    for row in sheet.iter_rows(min_row=2):
        if row[col["place_code"]].value != "NE-1" or row[col["kind"]].value != "actual":
            continue
        if row[col["indicator_id"]].value == f.indicator.pk and \
                row[col["population_group"]].value == "refugee":
            row[col["value"]].value = {"female": 7, "male": 3, "other": 0}[row[col["sex"]].value]
        if row[col["indicator_id"]].value == f.share.pk:
            row[col["value"]].value = "62,5"
    out = io.BytesIO()
    book.save(out)
    body = upload(client, f, out.getvalue(), "filled.xlsx").content.decode()
    assert "4 created" in body
    values = stored(f.indicator)
    assert values["population_group=refugee"] == (10, True) and values[""] == (10, True)
    assert stored(f.share) == {"": (62.5, False)}


def test_semicolon_csv_with_decimal_comma_and_spaced_thousands(client):
    f = make_framework()
    client.force_login(f.editor)
    rows = download_csv(client, f)
    row_for(rows, f.share, place="NE")["value"] = "12,5"
    row_for(rows, f.indicator, place="NE", **MIGRANT_WOMEN)["value"] = "1\u00a0234"
    data = "\ufeff".encode() + to_csv(rows, delimiter=";")
    body = upload(client, f, data).content.decode()
    assert "2 created" in body
    assert stored(f.share) == {"": (12.5, False)}
    assert stored(f.indicator)[""] == (1234, True)


def test_an_emptied_cell_deletes_its_value(client):
    f = make_framework()
    services.save_values([value_input(f.share, f.year2020, "NE-1", {}, 40)], f.editor)
    client.force_login(f.editor)
    rows = download_csv(client, f)
    row_for(rows, f.share)["value"] = ""
    body = upload(client, f, to_csv(rows)).content.decode()
    assert "0 created, 0 updated, 1 deleted" in body
    assert not DataValue.objects.filter(indicator=f.share).exists()


# --- refusals -------------------------------------------------------------------------------

def test_one_bad_row_stores_nothing_and_the_report_names_row_and_rule(client):
    f = make_framework()
    client.force_login(f.editor)
    rows = download_csv(client, f)
    row_for(rows, f.indicator, **MIGRANT_WOMEN)["value"] = "10"
    bad = row_for(rows, f.indicator, sex="male", population_group="migrant")
    bad["value"] = "2.5"
    line = rows.index(bad) + 2  # the header is row 1
    row_for(rows, f.share)["value"] = "abc"
    response = upload(client, f, to_csv(rows))
    body = response.content.decode()
    assert "2 problems in the file: nothing was stored" in body
    assert f'<td class="num">{line}</td>' in body
    assert "2.5 is not a whole number" in body and "enter a whole number" in body
    assert "“abc” is not a number" in body
    agadez = Place.objects.get(code="NE-1").label
    assert f"Share of trainees employed · {agadez} · actual · value “abc”" in body
    assert not DataValue.objects.exists()


def test_sums_that_do_not_add_up_name_the_row_of_the_total(client):
    f = make_framework()
    client.force_login(f.editor)
    rows = download_csv(client, f)
    row_for(rows, f.indicator, **MIGRANT_WOMEN)["value"] = "12"
    total = row_for(rows, f.indicator)
    total["value"] = "5"
    body = upload(client, f, to_csv(rows)).content.decode()
    assert "nothing was stored" in body and "more than the total 5" in body
    assert f'<td class="num">{rows.index(total) + 2}</td>' in body
    assert not DataValue.objects.exists()


def test_unknown_indicator_place_kind_and_duplicates_are_reported_by_row(client):
    f = make_framework()
    other = make_framework("MALI-2")
    client.force_login(f.editor)
    head = "indicator_id,place_code,place_id,kind,sex,value\n"
    lines = [f"{other.share.pk},NE-1,,actual,,3",  # row 2: another programme's indicator
             f"{f.share.pk},FR,,actual,,3",  # row 3: not a place of the programme
             f"{f.share.pk},NE-1,,expected,,3",  # row 4
             f"{f.indicator.pk},NE-1,,actual,females,3",  # row 5: unknown category
             f"{f.share.pk},NE,,actual,,3",  # row 6
             f"{f.share.pk},,{Place.objects.get(code='NE').pk},actual,,4"]  # row 7: same cell
    body = upload(client, f, (head + "\n".join(lines)).encode()).content.decode()
    assert f"{other.share.pk} is not an indicator of NIGER-1" in body
    assert "FR is not one of the programme&#x27;s places" in body
    assert "“expected” is not a kind of value" in body and "write target or actual" in body
    assert "“females” is not a category of sex" in body
    assert "also given on row 6" in body
    for row in (2, 3, 4, 5, 7):
        assert f'<td class="num">{row}</td>' in body
    assert not DataValue.objects.exists()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("report.pdf", b"%PDF-1.7 ...", "is not a CSV or XLSX file"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50, "old Excel workbook"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "could not be read as an Excel workbook"),
    ("other.csv", b"a,b\n1,2\n", "Required columns are missing: indicator_id, kind, value"),
    ("big.csv", b"x" * (spreadsheets.MAX_BYTES + 1), "is too large (5 MB); the limit is 5 MB"),
])
def test_unreadable_files_are_refused_with_a_clear_message(client, name, data, message):
    f = make_framework()
    client.force_login(f.editor)
    body = upload(client, f, data, name).content.decode()
    assert message in body and "Nothing was stored." in body


def test_too_many_rows_are_refused(client, monkeypatch):
    f = make_framework()
    client.force_login(f.editor)
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)
    data = ("indicator_id,place_id,kind,value\n" + f"{f.share.pk},1,actual,1\n" * 4).encode()
    assert "more than 3 rows" in upload(client, f, data).content.decode()


# --- permissions ----------------------------------------------------------------------------

def test_only_editors_of_the_programme_upload(client):
    f = make_framework()
    client.force_login(f.outsider)
    data = f"indicator_id,place_code,kind,value\n{f.share.pk},NE,actual,3\n".encode()
    assert client.get(urls(f)[2]).status_code == 403
    assert upload(client, f, data).status_code == 403
    assert client.get(urls(f)[0]).status_code == 200  # the programme is published
    assert not DataValue.objects.exists()
    client.logout()
    assert client.get(urls(f)[2]).status_code == 302  # to the login page
    client.force_login(f.editor)
    page = client.get(urls(f)[2]).content.decode()
    assert "template.xlsx" in page and "template.csv" in page and 'type="file"' in page


def test_anonymous_visitors_see_no_draft_and_no_unpublished_template(client):
    f = make_framework()
    services.save_values([value_input(f.share, f.year2020, "NE-1", {}, 40),
                          value_input(f.share, f.year2020, "NE-1", {}, 80, kind=1)], f.editor)
    rows = download_csv(client, f)
    assert row_for(rows, f.share)["value"] == ""  # the draft actual value stays private
    assert row_for(rows, f.share, kind="target")["value"] == "80"
    assert client.get(urls(f)[0].replace(".csv", ".pdf")).status_code == 404
    assert client.get(urls(f)[0].replace(f"/{f.year2020.pk}/", "/999/")).status_code == 404
    f.programme.published = False
    f.programme.save()
    assert client.get(urls(f)[0]).status_code == 404
    assert client.get(urls(f)[1]).status_code == 404


def test_locked_values_are_refused(client):
    f = make_framework()
    services.save_values([value_input(f.share, f.year2020, "NE-1", {}, 40)], f.editor)
    services.submit_period(f.programme, f.year2020, f.editor)
    client.force_login(f.editor)
    rows = download_csv(client, f)
    row_for(rows, f.share)["value"] = "41"
    body = upload(client, f, to_csv(rows)).content.decode()
    assert "is locked" in body and "nothing was stored" in body
    assert DataValue.objects.get(indicator=f.share, kind=ValueKind.ACTUAL).value == 40


# --- numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1234", 1234), ("1 234", 1234), ("1\u202f234,5", 1234.5), ("12.5", 12.5), ("12,5", 12.5),
    ("0,125", 0.125), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("1,234,567", 1234567),
    ("1.234.567", 1234567), ("-3", -3), ("45 %", 45), (".5", 0.5),
])
def test_numbers_are_read_in_the_usual_notations(text, number):
    assert spreadsheets.parse_number(text) == number


@pytest.mark.parametrize(("text", "message"), [
    ("1,234", "could be 1234 or 1.234"), ("abc", "is not a number"), ("1,2,3", "not a number"),
    ("1.2.3", "not a number"), ("12,34.5", "not a number"), ("nan", "not a number"),
    ("1e5", "not a number"), ("", "not a number"),
])
def test_ambiguous_or_broken_numbers_are_refused(text, message):
    with pytest.raises(ValueError, match=message):
        spreadsheets.parse_number(text)
