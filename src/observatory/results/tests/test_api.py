"""The REST API of results: reference data, frameworks, values, bulk write and workflow."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate

from observatory.accounts.services import create_account
from observatory.registry.models import Place
from observatory.registry.tests.factories import make_organisation, make_programme
from observatory.results import services
from observatory.results.models import DataValue, Period, PeriodType, ValueKind, ValueStatus
from observatory.results.tests.factories import Framework, make_framework, value_input

pytestmark = pytest.mark.django_db

VALUES = "/api/values/"


@pytest.fixture
def f() -> Framework:
    return make_framework()


def basic(user: Any, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user.username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def post(client: Client, url: str, body: Any, **headers: Any) -> Any:
    return client.post(url, body, content_type="application/json", **headers)


def item(f: Framework, categories: dict[str, str] | None = None, value: Any = 1,
         **fields: Any) -> dict[str, Any]:
    return {"indicator": f.indicator.pk, "period": f.year2020.pk, "place": "NE-1",
            "categories": categories or {}, "kind": "actual", "value": value, **fields}


def cells(f: Framework) -> list[dict[str, Any]]:
    return [item(f, {"sex": "female", "population_group": "migrant"}, 10),
            item(f, {"sex": "male", "population_group": "migrant"}, 5),
            item(f, {"sex": "female", "population_group": "host_community"}, 3)]


def listed(client: Client, **params: Any) -> list[dict[str, Any]]:
    response = client.get(VALUES, {"page_size": 500, **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


# -- reference data -----------------------------------------------------------------------

def test_reference_indicators_and_dimensions(client: Client) -> None:
    body = client.get("/api/reference-indicators/", {"framework": "sdg", "page_size": 100}).json()
    rows = {row["code"]: row for row in body["results"]}
    assert {row["framework"] for row in body["results"]} == {"SDG"}
    assert rows["10.7.1"]["unit"] == "%" and rows["10.7.1"]["measure"] == "2"
    assert rows["10.7.1"]["measure_name"] == "Percentage"
    assert rows["10.7.1"]["dimensions"] == ["sex"]
    detail = client.get(rows["10.7.3"]["url"]).json()
    assert sorted(detail["dimensions"]) == ["age_group", "sex"]
    sex = client.get("/api/dimensions/sex/").json()
    assert [c["code"] for c in sex["categories"]] == ["female", "male", "other"]
    assert sex["categories"][0] == {"code": "female", "name": "Female", "active": True,
                                    "order": sex["categories"][0]["order"]}
    french = client.get("/api/dimensions/sex/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["name"] == "Sexe"
    codes = [d["code"] for d in client.get("/api/dimensions/").json()["results"]]
    assert {"sex", "age_group", "population_group"} <= set(codes)


# -- frameworks and visibility ------------------------------------------------------------

def test_results_and_indicators_of_a_programme(client: Client, f: Framework) -> None:
    body = client.get("/api/results/", {"programme": "NIGER-1"}).json()
    (result,) = body["results"]
    assert result["title"] == "People find work" and result["type_name"] == "Output"
    assert [i["title"] for i in result["indicators"]] == [
        "People trained", "Share of trainees employed", "How employers see the trainees"]
    indicator = client.get(f"/api/indicators/{f.indicator.pk}/").json()
    assert indicator["programme"] == "NIGER-1" and indicator["result"] == f.result.pk
    assert indicator["measure"] == "1" and indicator["unit"] == "people"
    assert indicator["ascending"] is True
    assert indicator["baseline"] == {"value": 0.0, "year": 2019, "comment": ""}
    assert sorted(indicator["dimensions"]) == ["population_group", "sex"]
    assert indicator["reference"] is None
    listed_ids = [i["id"] for i in client.get("/api/indicators/",
                                              {"programme": "NIGER-1"}).json()["results"]]
    assert listed_ids == [f.indicator.pk, f.share.pk, f.story.pk]


def test_indicator_shows_its_reference(client: Client, f: Framework) -> None:
    from observatory.results.models import ReferenceIndicator

    jobs = ReferenceIndicator.objects.get(framework="EUTF", code="1.1")
    linked = services.add_indicator(f.result, "Jobs", reference=jobs)
    body = client.get(f"/api/indicators/{linked.pk}/").json()
    assert body["reference"]["code"] == "1.1" and body["reference"]["framework"] == "EUTF"
    assert body["unit"] == jobs.unit


def secret_programme() -> Any:
    programme = make_programme("SECRET", published=False, agency="SNV",
                               start=dt.date(2019, 1, 1), duration_months=48)
    result = services.add_result(programme, "Hidden result")
    return services.add_indicator(result, "Hidden indicator")


def test_unpublished_frameworks_stay_hidden(client: Client, f: Framework) -> None:
    hidden = secret_programme()
    assert [r["programme"] for r in client.get("/api/results/").json()["results"]] == [
        "NIGER-1"]
    assert client.get(f"/api/indicators/{hidden.pk}/").status_code == 404
    response = client.get("/api/indicators/", {"programme": "SECRET"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid query parameter")
    member = create_account("sam", "pw-sam-1234", "viewer", make_organisation("SNV"))
    client.force_login(member)
    titles = [i["title"] for i in client.get("/api/indicators/",
                                             {"programme": "SECRET"}).json()["results"]]
    assert titles == ["Hidden indicator"]


def test_periods(client: Client, f: Framework) -> None:
    body = client.get("/api/periods/").json()
    assert [(p["label"], p["type"], p["start"], p["end"]) for p in body["results"]] == [
        ("2020", "year", "2020-01-01", "2020-12-31"), ("2021", "year", "2021-01-01",
                                                       "2021-12-31")]
    assert client.get("/api/periods/", {"programme": "NIGER-1"}).json()["count"] == 0
    services.save_values([value_input(f.indicator, f.year2021, "NE-1", {}, 4)], f.editor)
    only = client.get("/api/periods/", {"programme": "NIGER-1"}).json()["results"]
    assert [p["label"] for p in only] == ["2021"]
    assert client.get("/api/periods/", {"type": "month"}).json()["count"] == 0
    assert client.get("/api/periods/", {"type": "week"}).status_code == 400


# -- bulk write ---------------------------------------------------------------------------

def test_bulk_write_stores_values_and_derives_subtotals(client: Client, f: Framework) -> None:
    response = post(client, VALUES, cells(f), **basic(f.editor, "pw-editor-1"))
    assert response.status_code == 201, response.content
    assert response.json() == {"created": 3, "updated": 0, "deleted": 0, "unchanged": 0,
                               "warnings": []}
    client.force_login(f.editor)
    by_sex = {tuple(v["categories"].items()): v
              for v in listed(client, programme="NIGER-1", by="sex")}
    female = by_sex[(("sex", "female"),)]
    assert female["value"] == 13 and female["derived"] is True
    assert female["kind"] == "actual" and female["status"] == "draft"
    assert female["period"]["start"] == "2020-01-01" and female["period"]["end"] == "2020-12-31"
    assert female["place"]["code"] == "NE-1" and female["place"]["name"] == "Agadez"
    assert female["indicator"] == f.indicator.pk and female["programme"] == "NIGER-1"
    (total,) = listed(client, programme="NIGER-1", by="total")
    assert total["value"] == 18 and total["categories"] == {}
    finest = listed(client, by="sex,population_group")
    cell = next(v for v in finest if v["categories"] == {"sex": "female",
                                                          "population_group": "migrant"})
    assert cell["value"] == 10 and cell["derived"] is False
    assert cell["entered_by"] == "NIGER-1-editor" and cell["entered_at"]
    # Sending the same again changes nothing; null removes a value and its subtotals follow.
    again = post(client, VALUES, cells(f)).json()
    assert (again["created"], again["unchanged"]) == (0, 3)
    removed = post(client, VALUES, [item(f, {"sex": "male", "population_group": "migrant"},
                                         None)]).json()
    assert removed["deleted"] == 1
    assert listed(client, by="total")[0]["value"] == 13


def test_bulk_write_accepts_every_way_of_naming_period_place_and_kind(client: Client,
                                                                      f: Framework) -> None:
    client.force_login(f.editor)
    region = Place.objects.get(code="NE-1")
    body = [
        item(f, period={"start": "2021-04-01", "end": "2021-06-30"}, place=region.pk,
             kind="target", value=40),
        {"indicator": str(f.share.pk), "period": {"id": f.year2021.pk}, "place": "ne-1",
         "kind": 2, "value": "42.5", "comment": "survey", "source": "Tracer study"},
        {"indicator": f.story.pk, "period": f.year2021.pk, "place": "NE", "kind": "Actual",
         "narrative": "Employers are pleased.", "categories": {"sex": ""}},
    ]
    response = post(client, VALUES, body)
    assert response.status_code == 201, response.content
    assert response.json()["created"] == 3
    quarter = Period.objects.get(start=dt.date(2021, 4, 1))
    assert quarter.type == PeriodType.QUARTER and quarter.label == "2021-Q2"
    share = listed(client, indicator=f.share.pk)[0]
    assert (share["value"], share["comment"], share["source"]) == (42.5, "survey",
                                                                    "Tracer study")
    story = listed(client, indicator=f.story.pk, place="NE")[0]
    assert story["narrative"] == "Employers are pleased." and story["value"] is None


def test_one_bad_item_refuses_the_whole_list(client: Client, f: Framework) -> None:
    client.force_login(f.editor)
    body = [*cells(f), item(f, {"sex": "male"}, -2),
            item(f, period={"start": "2020-01-01", "end": "2020-03-31"})]
    response = post(client, VALUES, body)
    assert response.status_code == 400
    error = response.json()
    assert error["status"] == 400 and error["error"].startswith("Nothing was stored: 1 problem")
    (violation,) = error["violations"]
    assert violation["row"] == 3 and violation["rule"] == "count"
    assert "People trained" in violation["value"] and violation["message"] and violation["fix"]
    assert not DataValue.objects.exists()
    assert not Period.objects.filter(end=dt.date(2020, 3, 31)).exists()


def test_sums_that_do_not_add_up_are_refused(client: Client, f: Framework) -> None:
    client.force_login(f.editor)
    response = post(client, VALUES, [item(f, {}, 10), item(f, {"sex": "female"}, 12)])
    assert response.status_code == 400
    assert [v["rule"] for v in response.json()["violations"]] == ["sum"]
    assert not DataValue.objects.exists()


def test_malformed_items_are_reported_per_row(client: Client, f: Framework) -> None:
    client.force_login(f.editor)
    body = [
        item(f),
        item(f, indicator=999_999),
        item(f, place="XX-99"),
        item(f, kind="forecast"),
        "twelve",
        item(f, vale=3),
        item(f, value="a dozen"),
        item(f, period={"start": "2020-12-31", "end": "2020-01-01"}),
        item(f, period=999_999),
        item(f, categories=["female"]),
        item(f, {"sex": "unicorn"}),
        item(f),
    ]
    response = post(client, VALUES, body)
    assert response.status_code == 400
    found = [(v["row"], v["rule"]) for v in response.json()["violations"]]
    assert found == [(1, "indicator"), (2, "place"), (3, "kind"), (4, "format"),
                     (5, "format"), (6, "number"), (7, "period"), (8, "period"),
                     (9, "categories"), (11, "duplicate")]
    assert not DataValue.objects.exists()
    # Once the shapes are right, the rules of the values themselves are reported the same way.
    response = post(client, VALUES, [item(f), item(f, {"sex": "unicorn"})])
    assert [(v["row"], v["rule"]) for v in response.json()["violations"]] == [(1, "category")]


@pytest.mark.parametrize("body", [{"indicator": 1}, '"values"', None])
def test_the_body_must_be_a_list(client: Client, f: Framework, body: Any) -> None:
    client.force_login(f.editor)
    response = post(client, VALUES, body)
    assert response.status_code == 400
    assert "JSON list" in response.json()["error"]


def test_the_list_length_is_limited(client: Client, f: Framework) -> None:
    client.force_login(f.editor)
    response = post(client, VALUES, [{}] * 10_001)
    assert response.status_code == 400
    assert response.json()["error"].startswith("Too many values: 10001 sent, at most 10000")


def test_outliers_are_stored_with_a_warning(client: Client, f: Framework) -> None:
    client.force_login(f.editor)
    quarters = [("2020-01-01", "2020-03-31", 10), ("2020-04-01", "2020-06-30", 11),
                ("2020-07-01", "2020-09-30", 10), ("2020-10-01", "2020-12-31", 12),
                ("2021-01-01", "2021-03-31", 500)]
    body = [item(f, {}, n, period={"start": s, "end": e}) for s, e, n in quarters]
    response = post(client, VALUES, body)
    assert response.status_code == 201
    (warning,) = response.json()["warnings"]
    assert warning["rule"] == "outlier" and "500" in warning["message"]


# -- permissions --------------------------------------------------------------------------

def test_editors_of_other_organisations_may_not_write(client: Client, f: Framework) -> None:
    response = post(client, VALUES, cells(f), **basic(f.outsider, "pw-outsider-1"))
    assert response.status_code == 403
    assert response.json()["status"] == 403 and "NIGER-1" in response.json()["error"]
    client.force_login(f.outsider)
    assert post(client, VALUES, [item(f, value=-1)]).status_code == 403  # before any 400
    assert not DataValue.objects.exists()


def test_anonymous_clients_may_not_write(client: Client, f: Framework) -> None:
    response = post(client, VALUES, cells(f))
    assert response.status_code in (401, 403)
    assert response.json()["status"] == response.status_code
    wrong = post(client, VALUES, cells(f), **basic(f.editor, "wrong-password"))
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"].startswith("Basic")
    assert post(client, "/api/values/submit/", {"programme": "NIGER-1",
                                                "period": f.year2020.pk}).status_code in (401,
                                                                                          403)
    assert not DataValue.objects.exists()


def test_session_writes_need_the_csrf_token(f: Framework) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(f.editor)
    response = post(client, VALUES, cells(f))
    assert response.status_code == 403 and "CSRF" in response.json()["error"]
    scripted = post(Client(enforce_csrf_checks=True), VALUES, cells(f),
                    **basic(f.editor, "pw-editor-1"))
    assert scripted.status_code == 201


def test_what_each_client_sees_of_the_values(client: Client, f: Framework) -> None:
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 50,
                                      kind=ValueKind.TARGET),
                          value_input(f.indicator, f.year2020, "NE-1", {}, 18)], f.editor)
    assert [v["kind"] for v in listed(client)] == ["target"]  # anonymous: no draft actuals
    client.force_login(f.outsider)
    assert [v["kind"] for v in listed(client)] == ["target"]
    client.force_login(f.funder)
    assert [v["kind"] for v in listed(client)] == ["target", "actual"]
    client.force_login(f.editor)
    assert [v["kind"] for v in listed(client)] == ["target", "actual"]
    services.submit_period(f.programme, f.year2020, f.editor)
    services.approve_period(f.programme, f.year2020, f.funder)
    client.logout()
    actual = listed(client, kind="actual")
    assert [(v["value"], v["status"]) for v in actual] == [(18, "approved")]
    root = create_account("root", "pw-root-1234", "administrator")
    services.save_values([value_input(secret_programme(), f.year2020, "NE", {}, 3,
                                      kind=ValueKind.TARGET)], root)
    assert len(listed(client)) == 2  # not the target of the unpublished programme
    client.force_login(root)
    assert len(listed(client)) == 3


def test_value_filters(client: Client, f: Framework) -> None:
    client.force_login(f.editor)
    post(client, VALUES, [*cells(f), item(f, {}, 30, kind="target"),
                          item(f, {}, 7, period=f.year2021.pk, place="NE")])
    niger = Place.objects.get(code="NE")
    assert len(listed(client)) == 3 + 5 + 1 + 1  # cells, subtotals, target, 2021
    assert [v["value"] for v in listed(client, place="ne")] == [7]
    assert [v["value"] for v in listed(client, place=niger.pk)] == [7]
    assert [v["value"] for v in listed(client, period=f.year2021.pk)] == [7]
    assert [v["value"] for v in listed(client, kind="target")] == [30]
    assert len(listed(client, status="draft")) == 10
    assert listed(client, status="approved") == []
    assert len(listed(client, indicator=f.indicator.pk, by="total")) == 3
    assert listed(client, indicator=f.share.pk) == []
    detail = client.get(f"{VALUES}{listed(client, kind='target')[0]['id']}/").json()
    assert detail["value"] == 30


@pytest.mark.parametrize(("params", "name"), [
    ({"programme": "NOPE"}, "programme"),
    ({"indicator": "999999"}, "indicator"),
    ({"indicator": "one"}, "indicator"),
    ({"period": "999999"}, "period"),
    ({"place": "XX"}, "place"),
    ({"kind": "forecast"}, "kind"),
    ({"status": "lost"}, "status"),
    ({"by": "colour"}, "by"),
])
def test_bad_value_filters_are_a_clear_400(client: Client, f: Framework, params: dict,
                                           name: str) -> None:
    response = client.get(VALUES, params)
    assert response.status_code == 400
    assert f"{name}:" in response.json()["error"]


# -- workflow -----------------------------------------------------------------------------

def test_workflow_endpoints(client: Client, f: Framework) -> None:
    period = {"programme": "NIGER-1", "period": f.year2020.pk}
    client.force_login(f.editor)
    nothing = post(client, "/api/values/submit/", period)
    assert nothing.status_code == 400 and nothing.json()["violations"][0]["rule"] == "workflow"
    post(client, VALUES, cells(f))
    submitted = post(client, "/api/values/submit/", period)
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["action"] == "submit"
    assert submitted.json()["values"] == 3  # the 3 cells entered; derived subtotals follow
    assert submitted.json()["by"] == "NIGER-1-editor"
    assert submitted.json()["period"]["label"] == "2020"
    locked = post(client, VALUES, [item(f, {"sex": "female", "population_group": "migrant"},
                                        11)])
    assert locked.status_code == 400 and locked.json()["violations"][0]["rule"] == "locked"
    assert post(client, "/api/values/approve/", period).status_code == 403
    client.force_login(f.funder)
    no_comment = post(client, "/api/values/return/", period)
    assert no_comment.status_code == 400
    assert no_comment.json()["violations"][0]["rule"] == "workflow"
    approved = post(client, "/api/values/approve/", {**period, "comment": "Fine"})
    assert approved.status_code == 200 and approved.json()["comment"] == "Fine"
    assert set(DataValue.objects.filter(derived=False).values_list("status", flat=True)) == {
        ValueStatus.APPROVED}
    by_dates = {"programme": "NIGER-1", "period": {"start": "2020-01-01", "end": "2020-12-31"},
                "comment": "Check the host community figures."}
    returned = post(client, "/api/values/return/", by_dates)
    assert returned.status_code == 200 and returned.json()["action"] == "return"
    assert listed(client, status="returned")


@pytest.mark.parametrize(("body", "name"), [
    ({"programme": "NOPE", "period": 1}, "programme"),
    ({"programme": "NIGER-1", "period": 999_999}, "period"),
    ({"programme": "NIGER-1", "period": {"start": "2030-01-01", "end": "2030-12-31"}}, "period"),
    ({"period": 1}, "programme"),
])
def test_bad_workflow_requests(client: Client, f: Framework, body: dict, name: str) -> None:
    client.force_login(f.editor)
    response = post(client, "/api/values/submit/", body)
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid request") and f"{name}:" in \
        response.json()["error"]


# -- schema -------------------------------------------------------------------------------

def test_schema_documents_the_results_api(client: Client) -> None:
    schema = client.get("/api/schema/", {"format": "json"}).json()
    validate(schema)
    paths = schema["paths"]
    assert {"/api/reference-indicators/", "/api/dimensions/{code}/", "/api/results/",
            "/api/indicators/{id}/", "/api/periods/", "/api/values/", "/api/values/submit/",
            "/api/values/approve/", "/api/values/return/"} <= set(paths)
    bulk = paths["/api/values/"]["post"]
    assert bulk["requestBody"]["content"]["application/json"]["schema"]["type"] == "array"
    assert {"201", "400", "401", "403"} <= set(bulk["responses"])
    names = {p["name"] for p in paths["/api/values/"]["get"]["parameters"]}
    assert {"programme", "indicator", "period", "place", "kind", "status", "by"} <= names
    assert "StatusEnum" in schema["components"]["schemas"]  # the programmes' enum keeps its name
    root = client.get("/api/").json()
    assert {"results", "indicators", "periods", "values", "dimensions",
            "reference-indicators"} <= set(root)
