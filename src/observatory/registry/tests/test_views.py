"""The public pages, through Django's test client."""

import datetime as dt

import pytest
from django.test import Client

from observatory.accounts.services import create_account
from observatory.knowledge.services import add_statement
from observatory.registry import services
from observatory.registry.models import Place, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    giz = services.get_or_create_organisation("GIZ", "GIZ")
    eutf = services.get_or_create_organisation("EU Emergency Trust Fund for Africa", "EUTF")
    bmz = services.get_or_create_organisation("German Federal Ministry for Economic "
                                              "Cooperation and Development", "BMZ")
    progem = services.save_programme(Programme(
        key="ProGEM", title="Management of migration challenges in Niger", published=True,
        implementing_agency=giz, start_date=dt.date(2016, 1, 1), start_precision="year",
        duration_months=60))
    services.add_funding(progem, eutf, 25_000_000, "EUR")
    services.add_funding(progem, bmz, 13_500_000, "EUR")
    agadez = services.add_place("Agadez", Place.objects.get(code="NE-1"), level=4)
    services.add_programme_place(progem, agadez)
    add_statement(progem, "challenge", "Balancing quick results with durable capacity.")
    add_statement(progem, "good_practice", "Municipal observatories analyse local migration.")
    secret = services.save_programme(Programme(key="SECRET", title="Unpublished pilot",
                                               implementing_agency=giz))
    services.add_programme_place(secret, services.country("NE"))
    add_statement(secret, "challenge", "Confidential observatories lesson.")
    return {"progem": progem, "secret": secret, "giz": giz, "agadez": agadez}


def test_home_shows_counts_map_data_and_latest(client: Client, registry):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="country-counts"' in body
    assert '"numeric": "562"' in body  # Niger on the map
    assert response.context["counts"] == {"programmes": 1, "organisations": 3,
                                          "countries": 1, "statements": 2}
    assert "ProGEM" in body and "SECRET" not in body


def test_programme_page_shows_funders_total_places_and_statements(client: Client, registry):
    body = client.get("/programmes/progem/").content.decode()
    assert "EUTF" in body and "BMZ" in body
    assert "EUR 38,500,000" in body
    assert "Agadez" in body
    assert "Municipal observatories analyse local migration." in body
    assert "2016" in body and "2020" in body


def test_unpublished_programmes_are_hidden_from_anonymous_visitors(client: Client, registry):
    assert client.get("/programmes/secret/").status_code == 404
    assert "SECRET" not in client.get("/programmes/?q=unpublished").content.decode()
    assert "SECRET" not in client.get("/programmes/").content.decode()
    assert "Confidential" not in client.get("/knowledge/?q=observatories").content.decode()
    assert "SECRET" not in client.get(f"/places/{registry['agadez'].parent.parent.pk}/"
                                      ).content.decode()
    assert "SECRET" not in client.get("/organisations/giz/").content.decode()


def test_members_of_the_implementing_organisation_see_its_draft(client: Client, registry):
    create_account("giz-viewer", "pw-giz-123", "viewer", registry["giz"])
    client.login(username="giz-viewer", password="pw-giz-123")
    body = client.get("/programmes/").content.decode()
    assert "SECRET" in body and "unpublished" in body
    assert client.get("/programmes/secret/").status_code == 200


def test_list_filters_and_htmx_partial(client: Client, registry):
    full = client.get("/programmes/?country=NE")
    assert "ProGEM" in full.content.decode()
    assert "<html" in full.content.decode()
    partial = client.get("/programmes/?country=ML", headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert "<html" not in body
    assert "ProGEM" not in body and "0 programmes" in body
    # an invalid value is ignored, not an error page
    assert client.get("/programmes/?start_year=abc&sort=nonsense").status_code == 200


def test_knowledge_search_finds_statements_with_their_programme(client: Client, registry):
    response = client.get("/knowledge/?q=observatories&kind=good_practice")
    body = response.content.decode()
    assert "Municipal observatories analyse local migration." in body
    assert "Balancing quick results" not in body
    assert 'href="/programmes/progem/#statements"' in body


def test_organisation_and_place_pages(client: Client, registry):
    body = client.get("/organisations/eutf/").content.decode()
    assert "As funder" in body and "ProGEM" in body
    niger = Place.objects.get(code="NE")
    body = client.get(f"/places/{niger.pk}/").content.decode()
    assert "ProGEM" in body  # works in Agadez, below Niger
    assert "Agadez" in body
    assert client.get("/places/999999/").status_code == 404


def test_pages_switch_to_french(client: Client, registry):
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    body = client.get("/programmes/progem/").content.decode()
    assert "Bailleurs de fonds" in body
    assert "Agadès" in body or "Agadez" in body
    assert client.get("/").content.decode().count('lang="fr"') >= 1


def test_admin_is_for_staff_only(client: Client, registry):
    assert client.get("/admin/").status_code == 302
    create_account("reader", "pw-reader-123", "viewer", registry["giz"])
    client.login(username="reader", password="pw-reader-123")
    assert client.get("/admin/").status_code == 302


def test_editors_see_only_their_organisations_programmes_in_the_admin(client: Client, registry):
    enabel = services.get_or_create_organisation("Enabel", "ENABEL")
    services.save_programme(Programme(key="AMUDDU", title="Migrants' employability",
                                      implementing_agency=enabel, published=True))
    create_account("ed", "pw-editor-123", "editor", enabel)
    client.login(username="ed", password="pw-editor-123")
    listing = client.get("/admin/registry/programme/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "AMUDDU" in body and "ProGEM" not in body
    assert client.get(f"/admin/registry/programme/{registry['progem'].pk}/change/"
                      ).status_code in (302, 403, 404)


def test_editors_publish_their_programmes_deliberately_from_the_admin(client: Client, registry):
    create_account("gized", "pw-gized-123", "editor", registry["giz"])
    client.login(username="gized", password="pw-gized-123")
    response = client.post("/admin/registry/programme/", {
        "action": "publish", "_selected_action": [registry["secret"].pk]}, follow=True)
    assert response.status_code == 200
    registry["secret"].refresh_from_db()
    assert registry["secret"].published
    client.logout()
    assert client.get("/programmes/secret/").status_code == 200
