"""The REST API of the registry: programmes, organisations, places, schema and documentation."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate

from observatory.accounts.services import create_account
from observatory.registry import services
from observatory.registry.models import Place, PlaceLevel, SourceDocument

from .factories import make_organisation, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry() -> dict[str, Any]:
    progem = make_programme(
        "ProGEM", title="Management of migration challenges in Niger",
        objectives="Municipal migration observatories",
        agency=make_organisation("GIZ", "Deutsche Gesellschaft für Internationale "
                                        "Zusammenarbeit"),
        funders=[("EUTF", 25_000_000, "EUR"), ("BMZ", "1500000.50", "EUR"),
                 ("USAID", 300_000, "USD")],
        partners=[("MI-NE", "2"), "CSO"],
        places=[("NE-1", 60)], themes=["migration-governance", "gender"],
        target_groups=["migrants"], sdg_targets=["10.7"],
        start=dt.date(2016, 1, 1), start_precision="year", duration_months=60,
        links=["https://example.org/progem"],
        statements=[("challenge", "Mayors change after elections."),
                    ("good_practice", "Observatories meet every quarter.")])
    document = SourceDocument.objects.create(title="Workshop report 2021")
    services.record_source(progem, "objectives", document, span=(120, 153), page=4,
                           excerpt="Municipal migration observatories")
    amuddu = make_programme(
        "AMUDDU", title="Economic integration of migrants in Morocco", country="MA",
        agency="ENABEL", themes=["labour-mobility-and-skills"], target_groups=["youth"],
        start=dt.date(2018, 3, 1), status="4")
    secret = make_programme(
        "SECRET", title="Hidden diaspora bonds", published=False, agency="SNV",
        themes=["migration-governance"], start=dt.date(2016, 5, 1),
        statements=[("good_practice", "Confidential lesson about bonds.")])
    return {"progem": progem, "amuddu": amuddu, "secret": secret}


def keys(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["key"] for row in response.json()["results"]]


def get(client: Client, url: str, **params: Any) -> Any:
    return client.get(url, params)


# -- programmes: list, filters, pagination ------------------------------------------------

def test_programme_list_is_paginated_and_newest_first(client: Client, registry: dict) -> None:
    body = client.get("/api/programmes/").json()
    assert body["count"] == 2
    assert body["previous"] is None and body["next"] is None
    assert [row["key"] for row in body["results"]] == ["AMUDDU", "ProGEM"]
    first_page = client.get("/api/programmes/", {"page_size": 1}).json()
    assert len(first_page["results"]) == 1 and first_page["count"] == 2
    assert "page=2" in first_page["next"]
    second = client.get("/api/programmes/", {"page_size": 1, "page": 2}).json()
    assert [row["key"] for row in second["results"]] == ["ProGEM"]
    assert client.get("/api/programmes/", {"page": 9}).status_code == 404


def test_programme_list_rows_are_light_but_useful(client: Client, registry: dict) -> None:
    row = next(r for r in client.get("/api/programmes/").json()["results"]
               if r["key"] == "ProGEM")
    assert row["url"] == "http://testserver/api/programmes/progem/"
    assert row["implementing_agency"]["slug"] == "giz"
    assert row["countries"] == [{"code": "NE", "name": "Niger"}]
    assert {t["slug"] for t in row["themes"]} == {"migration-governance", "gender"}
    assert row["status"] == "2" and row["status_name"] == "Implementation"
    assert "funders" not in row and "statements" not in row


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "observatories NIGER"}, ["ProGEM"]),
    ({"q": "migrants maroc"}, ["AMUDDU"]),
    ({"q": "eutf"}, ["ProGEM"]),
    ({"country": "NE"}, ["ProGEM"]),
    ({"country": "ma"}, ["AMUDDU"]),
    ({"country": "ML"}, []),
    ({"theme": "gender"}, ["ProGEM"]),
    ({"organisation": "enabel"}, ["AMUDDU"]),
    ({"organisation": "eutf"}, ["ProGEM"]),
    ({"target_group": "youth"}, ["AMUDDU"]),
    ({"start_year": "2016"}, ["ProGEM"]),
    ({"status": "4"}, ["AMUDDU"]),
    ({"status": "4", "country": "NE"}, []),
    ({"sort": "key"}, ["AMUDDU", "ProGEM"]),
    ({"sort": "start"}, ["ProGEM", "AMUDDU"]),
    ({"sort": "-start"}, ["AMUDDU", "ProGEM"]),
    ({"country": "", "start_year": "", "status": "", "theme": ""}, ["AMUDDU", "ProGEM"]),
])
def test_programme_filters(client: Client, registry: dict, params: dict, expected: list) -> None:
    assert keys(client.get("/api/programmes/", params)) == expected


def test_place_filter_includes_places_below(client: Client, registry: dict) -> None:
    niger_region = Place.objects.get(code="NE-1")
    assert keys(client.get("/api/programmes/", {"place": niger_region.pk})) == ["ProGEM"]
    rabat = Place.objects.get(code="MA-RAB")
    assert keys(client.get("/api/programmes/", {"place": rabat.pk})) == []


@pytest.mark.parametrize(("params", "parameter"), [
    ({"start_year": "twenty"}, "start_year"),
    ({"start_year": "2016.5"}, "start_year"),
    ({"place": "Niger"}, "place"),
    ({"place": "999999"}, "place"),
    ({"country": "NER"}, "country"),
    ({"country": "XX"}, "country"),
    ({"status": "9"}, "status"),
    ({"sort": "budget"}, "sort"),
    ({"theme": "cooking"}, "theme"),
    ({"organisation": "nobody"}, "organisation"),
    ({"target_group": "aliens"}, "target_group"),
])
def test_bad_programme_parameters_are_a_clear_400(client: Client, registry: dict,
                                                  params: dict, parameter: str) -> None:
    response = client.get("/api/programmes/", params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["status"] == 400
    assert body["error"].startswith("Invalid query parameter")
    assert f"{parameter}:" in body["error"]


def test_several_bad_parameters_are_named_together(client: Client, registry: dict) -> None:
    body = client.get("/api/programmes/", {"start_year": "x", "status": "x"}).json()
    assert "start_year:" in body["error"] and "status:" in body["error"]


# -- programmes: detail -------------------------------------------------------------------

def test_programme_detail_json_shape(client: Client, registry: dict) -> None:
    response = client.get("/api/programmes/progem/")
    assert response.status_code == 200
    body = response.json()
    assert body["key"] == "ProGEM"
    assert body["title"] == "Management of migration challenges in Niger"
    assert body["objectives"] == "Municipal migration observatories"
    assert body["published"] is True
    assert body["web_url"] == "http://testserver/programmes/progem/"
    assert body["implementing_agency"] == {
        "slug": "giz", "acronym": "GIZ", "url": "http://testserver/api/organisations/giz/",
        "name": "Deutsche Gesellschaft für Internationale Zusammenarbeit"}
    assert [(f["organisation"]["slug"], f["amount"], f["currency"]) for f in body["funders"]] == [
        ("eutf", "25000000.00", "EUR"), ("bmz", "1500000.50", "EUR"),
        ("usaid", "300000.00", "USD")]
    assert body["budget_totals"] == [{"currency": "EUR", "amount": "26500000.50"},
                                     {"currency": "USD", "amount": "300000.00"}]
    assert sorted((p["organisation"]["slug"], p["role"], p["role_name"])
                  for p in body["partners"]) == [("cso", "4", "Implementing"),
                                                 ("mi-ne", "2", "Accountable")]
    places = {p["code"]: p for p in body["places"]}
    assert set(places) == {"NE", "NE-1"}
    assert places["NE-1"]["percentage"] == "60.00"
    assert places["NE-1"]["country"] == "NE" and places["NE-1"]["level"] == PlaceLevel.REGION
    assert places["NE"]["percentage"] is None
    assert places["NE-1"]["url"].startswith("http://testserver/api/places/")
    assert body["countries"] == [{"code": "NE", "name": "Niger"}]
    assert sorted((t["slug"], t["kind"]) for t in body["themes"]) == [
        ("gender", "tag"), ("migration-governance", "theme")]
    assert [g["slug"] for g in body["target_groups"]] == ["migrants"]
    assert body["sdg_targets"][0]["code"] == "10.7"
    assert body["links"] == [{"url": "https://example.org/progem", "label": ""}]
    assert body["start_date"] == "2016-01-01" and body["start_precision"] == "year"
    assert body["duration_months"] == 60 and body["end_date"] == "2020-12-31"
    assert body["status"] == "2" and body["status_name"] == "Implementation"
    assert body["sources"] == [{
        "field": "objectives", "document_title": "Workshop report 2021", "document_url": "",
        "span_start": 120, "span_end": 153, "page": 4,
        "excerpt": "Municipal migration observatories"}]
    assert [(s["kind"], s["kind_name"], s["text"]) for s in body["statements"]] == [
        ("challenge", "Challenge", "Mayors change after elections."),
        ("good_practice", "Good practice", "Observatories meet every quarter.")]
    assert body["statements"][0]["url"].startswith("http://testserver/api/statements/")


def test_programme_names_follow_the_request_language(client: Client, registry: dict) -> None:
    body = client.get("/api/programmes/progem/", HTTP_ACCEPT_LANGUAGE="fr").json()
    names = {t["slug"]: t["name"] for t in body["themes"]}
    assert names["migration-governance"] == "Gouvernance des migrations"
    assert body["countries"] == [{"code": "NE", "name": "Niger"}]


def test_unknown_programme_is_a_json_404(client: Client, registry: dict) -> None:
    response = client.get("/api/programmes/nothing-here/")
    assert response.status_code == 404
    assert response.json()["status"] == 404


# -- visibility ---------------------------------------------------------------------------

HIDDEN_QUERIES = [
    {},
    {"q": "hidden"},
    {"q": "bonds"},
    {"organisation": "snv"},
    {"start_year": "2016"},
    {"theme": "migration-governance"},
    {"country": "NE"},
]


@pytest.mark.parametrize("params", HIDDEN_QUERIES)
def test_anonymous_clients_never_see_unpublished_programmes(client: Client, registry: dict,
                                                            params: dict) -> None:
    assert "SECRET" not in keys(client.get("/api/programmes/", params))


def test_unpublished_programme_detail_is_404_anonymously(client: Client,
                                                         registry: dict) -> None:
    response = client.get("/api/programmes/secret/")
    assert response.status_code == 404
    assert "SECRET" not in response.content.decode()


@pytest.mark.parametrize("who", ["administrator", "member"])
def test_administrators_and_members_of_the_agency_see_unpublished(client: Client,
                                                                  registry: dict,
                                                                  who: str) -> None:
    snv = make_organisation("SNV")
    user = (create_account("root", "pw-root-1234", "administrator") if who == "administrator"
            else create_account("sam", "pw-sam-1234", "viewer", snv))
    client.force_login(user)
    for params in HIDDEN_QUERIES:
        assert "SECRET" in keys(client.get("/api/programmes/", params)), params
    body = client.get("/api/programmes/secret/").json()
    assert body["key"] == "SECRET" and body["published"] is False
    organisation = client.get("/api/organisations/snv/").json()
    assert [p["key"] for p in organisation["programmes"][0]["programmes"]] == ["SECRET"]


def test_members_of_other_organisations_do_not_see_unpublished(client: Client,
                                                               registry: dict) -> None:
    client.force_login(create_account("gil", "pw-gil-1234", "editor", make_organisation("GIZ")))
    assert "SECRET" not in keys(client.get("/api/programmes/", {"q": "hidden"}))
    assert client.get("/api/programmes/secret/").status_code == 404


def test_basic_authentication_works_for_scripts(client: Client, registry: dict) -> None:
    import base64

    create_account("root", "pw-root-1234", "administrator")
    token = base64.b64encode(b"root:pw-root-1234").decode()
    response = client.get("/api/programmes/secret/", HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 200


# -- organisations ------------------------------------------------------------------------

def test_organisation_list_and_filters(client: Client, registry: dict) -> None:
    body = client.get("/api/organisations/").json()
    slugs = [row["slug"] for row in body["results"]]
    assert {"giz", "eutf", "enabel", "snv", "usaid"} <= set(slugs)
    assert body["count"] == len(slugs)
    giz = client.get("/api/organisations/", {"q": "zusammenarbeit"}).json()["results"]
    assert [row["slug"] for row in giz] == ["giz"]
    assert giz[0]["org_type"] == "90" and giz[0]["org_type_name"] == "Other"
    make_organisation("AMDH", "Association marocaine", country=services.country("MA"),
                      org_type="22", is_diaspora=True)
    assert [r["slug"] for r in client.get("/api/organisations/", {"country": "ma"}).json()[
        "results"]] == ["amdh"]
    assert [r["slug"] for r in client.get("/api/organisations/", {"org_type": "22"}).json()[
        "results"]] == ["amdh"]
    diaspora = client.get("/api/organisations/", {"is_diaspora": "true"}).json()["results"]
    assert [r["slug"] for r in diaspora] == ["amdh"] and diaspora[0]["country"] == "MA"
    response = client.get("/api/organisations/", {"org_type": "99"})
    assert response.status_code == 400 and "org_type:" in response.json()["error"]


def test_organisation_detail_lists_visible_programmes_by_role(client: Client,
                                                              registry: dict) -> None:
    body = client.get("/api/organisations/eutf/").json()
    assert body["name"] == "EUTF" and body["web_url"] == "http://testserver/organisations/eutf/"
    assert [(s["role"], s["role_name"], [p["key"] for p in s["programmes"]])
            for s in body["programmes"]] == [("funder", "Funder", ["ProGEM"])]
    partner = client.get("/api/organisations/mi-ne/").json()
    assert [(s["role"], s["role_name"]) for s in partner["programmes"]] == [
        ("2", "Accountable")]
    snv = client.get("/api/organisations/snv/")
    assert snv.status_code == 200  # organisations are public records ...
    assert snv.json()["programmes"] == []  # ... their unpublished programmes are not
    assert client.get("/api/organisations/nobody/").status_code == 404


# -- places -------------------------------------------------------------------------------

def test_place_list_is_paginated(client: Client) -> None:
    body = client.get("/api/places/").json()
    assert body["count"] > 5000
    assert len(body["results"]) == 25 and body["next"]
    assert len(client.get("/api/places/", {"page_size": 1000}).json()["results"]) == 500


def test_place_filters(client: Client) -> None:
    countries = client.get("/api/places/", {"level": 1, "page_size": 500}).json()
    assert 240 < countries["count"] < 260
    assert {row["level"] for row in countries["results"]} == {1}
    niger = client.get("/api/places/", {"code": "ne"}).json()["results"]
    assert len(niger) == 1 and niger[0]["name"] == "Niger" and niger[0]["parent"] is None
    regions = client.get("/api/places/", {"parent": niger[0]["id"], "page_size": 50}).json()
    assert {row["code"] for row in regions["results"]} >= {"NE-1", "NE-8"}
    assert all(row["parent"] == niger[0]["id"] for row in regions["results"])
    found = client.get("/api/places/", {"q": "agadez", "level": 2}).json()["results"]
    assert [row["code"] for row in found] == ["NE-1"]
    maroc = client.get("/api/places/", {"q": "maroc", "level": 1}).json()["results"]
    assert [row["code"] for row in maroc] == ["MA"]


@pytest.mark.parametrize("params", [{"level": "9"}, {"level": "country"},
                                    {"parent": "0"}, {"parent": "x"}])
def test_bad_place_parameters_are_a_clear_400(client: Client, params: dict) -> None:
    response = client.get("/api/places/", params)
    assert response.status_code == 400
    assert f"{next(iter(params))}:" in response.json()["error"]


def test_place_detail(client: Client) -> None:
    region = Place.objects.get(code="NE-1")
    agadez = services.add_place("Agadez", region, level=PlaceLevel.MUNICIPALITY)
    body = client.get(f"/api/places/{agadez.pk}/").json()
    assert body["name"] == "Agadez" and body["code"] is None and body["level"] == 4
    assert body["level_name"] == "Municipality" and body["parent"] == region.pk
    assert [a["code"] for a in body["ancestors"]] == ["NE", "NE-1"]
    assert body["programmes"] == f"http://testserver/api/programmes/?place={agadez.pk}"
    assert body["children"] == f"http://testserver/api/places/?parent={agadez.pk}"
    assert client.get("/api/places/0/").status_code == 404


# -- schema and documentation -------------------------------------------------------------

def test_schema_is_valid_openapi_3_and_documents_the_filters(client: Client) -> None:
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert {"/api/programmes/", "/api/programmes/{slug}/", "/api/organisations/",
            "/api/organisations/{slug}/", "/api/places/", "/api/places/{id}/",
            "/api/statements/", "/api/statements/{id}/"} <= set(schema["paths"])
    listing = schema["paths"]["/api/programmes/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"q", "country", "place", "theme", "organisation", "target_group", "start_year",
            "status", "sort", "page", "page_size"} <= names
    start_year = next(p for p in listing["parameters"] if p["name"] == "start_year")
    assert start_year["schema"]["type"] == "integer"
    assert "400" in listing["responses"]
    place_names = {p["name"] for p in schema["paths"]["/api/places/"]["get"]["parameters"]}
    assert {"level", "parent", "code"} <= place_names


def test_schema_is_yaml_by_default_and_json_on_request(client: Client) -> None:
    assert client.get("/api/schema/").content.startswith(b"openapi: 3.")
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200 and response.json()["openapi"].startswith("3.")


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_documentation_pages_load_only_local_files(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert any(src.endswith(".js") for src in sources)
    for src in sources:
        assert src.startswith("/static/"), src
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)
    assert "/api/schema/" in html


def test_api_root_lists_the_resources(client: Client) -> None:
    body = client.get("/api/").json()
    assert set(body) == {"programmes", "organisations", "places", "statements",
                         "reference-indicators", "dimensions", "results", "indicators",
                         "periods", "values"}
