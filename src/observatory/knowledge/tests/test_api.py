"""The REST API of the knowledge base: statements, their filters and their visibility."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from observatory.accounts.services import create_account
from observatory.knowledge.models import Statement
from observatory.knowledge.services import add_statement
from observatory.registry.models import SourceDocument, Theme
from observatory.registry.tests.factories import make_organisation, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowledge() -> dict[str, Any]:
    progem = make_programme(
        "ProGEM", agency="GIZ", funders=[("EUTF", 1_000, "EUR")],
        themes=["migration-governance"], target_groups=["migrants"],
        statements=[("challenge", "Mayors change after elections."),
                    ("good_practice", "Observatories meet every quarter.")])
    report = SourceDocument.objects.create(title="Workshop report 2021")
    add_statement(progem, "covid_adaptation", "Meetings moved to WhatsApp groups.",
                  [Theme.objects.get(slug="covid-19")], document=report, span=(10, 44))
    make_programme("AMUDDU", country="MA", agency="ENABEL", themes=["diaspora-engagement"],
                   statements=[("testimony", "A returnee opened a bakery in Rabat."),
                               ("challenge", "Banks hesitate to lend to returnees.")])
    make_programme("SECRET", published=False, agency="SNV", themes=["migration-governance"],
                   statements=[("good_practice", "Confidential lesson about diaspora bonds.")])
    return {"report": report}


def texts(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["results"]]


def test_statement_list_is_paginated(client: Client, knowledge: dict) -> None:
    body = client.get("/api/statements/").json()
    assert body["count"] == 5 and len(body["results"]) == 5
    page = client.get("/api/statements/", {"page_size": 2, "page": 3}).json()
    assert len(page["results"]) == 1 and page["next"] is None and page["previous"]


def test_statement_json_shape(client: Client, knowledge: dict) -> None:
    row = next(r for r in client.get("/api/statements/", {"kind": "covid_adaptation"})
               .json()["results"])
    assert row["kind"] == "covid_adaptation" and row["kind_name"] == "COVID-19 adaptation"
    assert row["text"] == "Meetings moved to WhatsApp groups."
    assert [t["slug"] for t in row["themes"]] == ["covid-19"]
    assert row["programme"] == {"key": "ProGEM", "slug": "progem",
                                "title": "ProGEM programme",
                                "url": "http://testserver/api/programmes/progem/"}
    assert row["document_title"] == "Workshop report 2021"
    assert (row["span_start"], row["span_end"]) == (10, 44)
    detail = client.get(row["url"])
    assert detail.status_code == 200 and detail.json() == row


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "whatsapp"}, ["Meetings moved to WhatsApp groups."]),
    ({"q": "RETURNEE bakery"}, ["A returnee opened a bakery in Rabat."]),
    ({"kind": "challenge"}, ["Banks hesitate to lend to returnees.",
                             "Mayors change after elections."]),
    ({"kind": "challenge", "country": "NE"}, ["Mayors change after elections."]),
    ({"organisation": "enabel", "kind": "testimony"},
     ["A returnee opened a bakery in Rabat."]),
    ({"organisation": "eutf", "kind": "good_practice"},
     ["Observatories meet every quarter."]),
    ({"theme": "covid-19"}, ["Meetings moved to WhatsApp groups."]),  # the statement's own
    ({"theme": "diaspora-engagement", "q": "banks"},  # the programme's theme
     ["Banks hesitate to lend to returnees."]),
    ({"target_group": "migrants", "kind": "challenge"}, ["Mayors change after elections."]),
    ({"status": "4"}, []),
    ({"kind": "", "q": "", "country": ""}, None),  # empty parameters do not filter
])
def test_statement_filters(client: Client, knowledge: dict, params: dict,
                           expected: list[str] | None) -> None:
    found = texts(client.get("/api/statements/", params))
    if expected is None:
        assert len(found) == 5
    else:
        assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(("params", "parameter"), [
    ({"kind": "anecdote"}, "kind"),
    ({"start_year": "last"}, "start_year"),
    ({"country": "Niger"}, "country"),
    ({"theme": "nothing"}, "theme"),
])
def test_bad_statement_parameters_are_a_clear_400(client: Client, knowledge: dict,
                                                  params: dict, parameter: str) -> None:
    response = client.get("/api/statements/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and f"{parameter}:" in body["error"]


def test_statement_list_has_no_sort_parameter(client: Client, knowledge: dict) -> None:
    assert client.get("/api/statements/", {"sort": "anything"}).status_code == 200
    schema = client.get("/api/schema/", {"format": "json"}).json()
    names = {p["name"] for p in schema["paths"]["/api/statements/"]["get"]["parameters"]}
    assert {"q", "kind", "country", "place", "theme", "organisation", "target_group",
            "start_year", "status", "page", "page_size"} <= names
    assert "sort" not in names


# -- visibility ---------------------------------------------------------------------------

SECRET = "Confidential lesson about diaspora bonds."
HIDDEN_QUERIES = [{}, {"q": "confidential"}, {"q": "bonds"}, {"kind": "good_practice"},
                  {"organisation": "snv"}, {"theme": "migration-governance"}]


@pytest.mark.parametrize("params", HIDDEN_QUERIES)
def test_anonymous_clients_never_see_statements_of_unpublished_programmes(
        client: Client, knowledge: dict, params: dict) -> None:
    assert SECRET not in texts(client.get("/api/statements/", params))


def test_statement_of_unpublished_programme_is_404_anonymously(client: Client,
                                                              knowledge: dict) -> None:
    secret = Statement.objects.get(text=SECRET)
    response = client.get(f"/api/statements/{secret.pk}/")
    assert response.status_code == 404
    assert "Confidential" not in response.content.decode()


@pytest.mark.parametrize("who", ["administrator", "member"])
def test_administrators_and_members_see_statements_of_unpublished(client: Client,
                                                                  knowledge: dict,
                                                                  who: str) -> None:
    user = (create_account("root", "pw-root-1234", "administrator") if who == "administrator"
            else create_account("sam", "pw-sam-1234", "editor", make_organisation("SNV")))
    client.force_login(user)
    for params in HIDDEN_QUERIES:
        assert SECRET in texts(client.get("/api/statements/", params)), params
    secret = Statement.objects.get(text=SECRET)
    assert client.get(f"/api/statements/{secret.pk}/").json()["text"] == SECRET


def test_members_of_other_organisations_do_not_see_them(client: Client,
                                                        knowledge: dict) -> None:
    client.force_login(create_account("gil", "pw-gil-1234", "viewer", make_organisation("GIZ")))
    assert SECRET not in texts(client.get("/api/statements/", {"q": "bonds"}))
