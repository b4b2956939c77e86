"""The review queue's pages, as editors, viewers and anonymous visitors use them, and the
``ingest`` command."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from observatory.ingest import readers, services
from observatory.ingest.models import (
    DraftFiche,
    ExtractedField,
    FicheStatus,
    FieldStatus,
    IngestionRun,
    RunStatus,
)
from observatory.registry.models import Programme

from .conftest import GROUND_TRUTH, SAMPLE, SAMPLE_KEYS

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def user(username: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=username)


def upload(client: Client, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return client.post(reverse("ingest:queue"), {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def run(accounts) -> IngestionRun:  # type: ignore[no-untyped-def]
    return services.ingest_file(SAMPLE.name, SAMPLE.read_bytes(), accounts["editor"])


def field(fiche: DraftFiche, name: str, n: int = 0) -> ExtractedField:
    return list(fiche.fields.filter(name=name).order_by("order"))[n]


# -- who may see the queue ------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(run):
    fiche = run.fiches.first()
    anonymous = Client()
    for url in (reverse("ingest:queue"), reverse("ingest:run", args=[run.pk]),
                reverse("ingest:fiche", args=[fiche.pk])):
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login")) and "next=" in response.url
    response = anonymous.post(reverse("ingest:decide_field", args=[field(fiche, "title").pk]),
                              {"action": "accept"})
    assert response.status_code == 302 and "login" in response.url
    assert upload(anonymous, "r.txt", b"text").status_code == 302
    assert IngestionRun.objects.count() == 1


def test_viewers_are_refused(accounts, run):
    fiche = run.fiches.first()
    viewer = client_for(accounts["viewer"])
    for url in (reverse("ingest:queue"), reverse("ingest:run", args=[run.pk]),
                reverse("ingest:fiche", args=[fiche.pk])):
        assert viewer.get(url).status_code == 403
    title = field(fiche, "title")
    assert viewer.post(reverse("ingest:decide_field", args=[title.pk]),
                       {"action": "accept"}, **HTMX).status_code == 403
    assert viewer.post(reverse("ingest:decide_fiche", args=[fiche.pk]),
                       {"action": "accept_all"}).status_code == 403
    assert upload(viewer, "r.txt", SAMPLE.read_bytes()).status_code == 403
    title.refresh_from_db()
    assert title.status == FieldStatus.PENDING and IngestionRun.objects.count() == 1


@pytest.mark.parametrize("who", ["editor", "admin"])
def test_editors_and_administrators_see_the_queue(accounts, run, who):
    client = client_for(accounts[who])
    page = client.get(reverse("ingest:queue")).content.decode()
    assert 'id="upload-form"' in page and SAMPLE.name in page
    for key in SAMPLE_KEYS:
        assert f">{key}</a>" in page
    assert client.get(reverse("ingest:run", args=[run.pk])).status_code == 200
    assert client.get(reverse("ingest:fiche", args=[run.fiches.first().pk])).status_code == 200


def test_the_ingest_link_is_shown_to_editors_only(accounts):
    link = f'href="{reverse("ingest:queue")}"'
    assert link in client_for(accounts["editor"]).get("/").content.decode()
    assert link in client_for(accounts["admin"]).get("/").content.decode()
    assert link not in client_for(accounts["viewer"]).get("/").content.decode()
    assert link not in Client().get("/").content.decode()


# -- uploading ------------------------------------------------------------------------------------


def test_uploading_the_sample_report_leads_to_its_run(accounts):
    client = Client()
    assert client.login(username="ed", password="pw-ed-12345")
    response = upload(client, SAMPLE.name, SAMPLE.read_bytes())
    run = IngestionRun.objects.get()
    assert response.status_code == 302 and response.url == run.get_absolute_url()
    assert run.status == RunStatus.COMPLETED and run.started_by == accounts["editor"]
    page = client.get(response.url).content.decode()
    assert re.search(r"5 fiches found in [\d.]+ s", page)
    for fiche in run.fiches.all():
        assert fiche.get_absolute_url() in page and f">{fiche.key}</a>" in page


def test_an_oversized_upload_is_refused_with_the_limit(accounts, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1024 * 1024)
    client = client_for(accounts["editor"])
    page = client.get(reverse("ingest:queue")).content.decode()
    assert "at most 1 MB" in page
    response = upload(client, "big.txt", b"x" * (1024 * 1024 + 10))
    assert response.status_code == 200
    assert "“big.txt” is too large (1 MB); the limit is 1 MB." in response.content.decode()
    assert not IngestionRun.objects.exists()


def test_a_far_too_large_upload_is_refused_before_it_is_read(accounts, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100 * 1024)
    client = client_for(accounts["editor"])
    response = upload(client, "huge.pdf", b"%PDF-1.7\n" + b"x" * (400 * 1024))
    assert response.status_code == 413
    assert "The file is too large; the limit is 0.1 MB." in response.content.decode()
    assert not IngestionRun.objects.exists()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.txt", b"text\x00with\x00nul bytes" * 10, "binary"),
    ("report.odt", b"some text", "not a supported file type"),
    ("scan.pdf", b"%PDF-1.7\nnot really a pdf" * 20, "pdf"),
])
def test_a_bad_file_shows_its_message_and_stores_nothing(accounts, name, data, message):
    client = client_for(accounts["editor"])
    response = upload(client, name, data)
    run = IngestionRun.objects.get()
    assert run.status == RunStatus.FAILED and response.url == run.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert message in page.lower() and "Nothing was stored from this file." in page
    assert page.count(run.error) == 1  # said once, not twice
    assert "Traceback" not in page
    assert not DraftFiche.objects.exists()
    queue = client.get(reverse("ingest:queue")).content.decode()
    assert "Failed" in queue and name in queue


def test_an_empty_upload_is_refused_by_the_form(accounts):
    response = upload(client_for(accounts["editor"]), "empty.txt", b"")
    assert response.status_code == 200 and "The submitted file is empty." in \
        response.content.decode()
    assert not IngestionRun.objects.exists()


def test_a_document_without_fiches_says_so(accounts):
    client = client_for(accounts["editor"])
    response = upload(client, "minutes.txt", b"Minutes of the meeting. Coffee was served.\n")
    page = client.get(response.url).content.decode()
    assert "0 fiches found" in page and "No programme fiche was found" in page


# -- reviewing ------------------------------------------------------------------------------------


def test_the_fiche_page_shows_each_value_beside_its_source(accounts, run):
    fiche = run.fiches.get(key="AMUDDU")
    page = client_for(accounts["editor"]).get(fiche.get_absolute_url()).content.decode()
    assert "<mark>AMUDDU</mark>" in page
    assert "<mark>Project supporting the national strategy on migration and Asylum</mark>" in page
    assert page.count('class="field-row status-pending"') == fiche.fields.count()
    assert "Create the programme from accepted values" in page  # no AMUDDU in the registry


def test_an_htmx_decision_returns_the_row_with_its_new_status(accounts, run):
    fiche = run.fiches.get(key="AMUDDU")
    title = field(fiche, "title")
    client = client_for(accounts["editor"])
    url = reverse("ingest:decide_field", args=[title.pk])

    response = client.post(url, {"action": "accept"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.strip().startswith(f'<div class="field-row status-accepted" id="field-{title.pk}"')
    assert '<span class="field-status">Accepted</span>' in html
    assert "<mark>Project supporting" in html

    duration = field(fiche, "duration_months")
    url = reverse("ingest:decide_field", args=[duration.pk])
    html = client.post(url, {"action": "edit", "value": "-3"}, **HTMX).content.decode()
    assert "A duration lies between 1 and 600 months." in html
    assert '<span class="field-status">Pending</span>' in html
    html = client.post(url, {"action": "edit", "value": "36"}, **HTMX).content.decode()
    assert '<span class="field-status">Edited</span>' in html and ">36</div>" in html

    funder = field(fiche, "funders")
    html = client.post(reverse("ingest:decide_field", args=[funder.pk]),
                       {"action": "edit", "name": "Belgium", "amount": "abc", "currency": "EUR"},
                       **HTMX).content.decode()
    assert "The amount must be a number." in html
    html = client.post(reverse("ingest:decide_field", args=[funder.pk]),
                       {"action": "edit", "name": "Belgium", "amount": "12,000,000",
                        "currency": "EUR"}, **HTMX).content.decode()
    assert "Belgium" in html and "EUR 12,000,000" in html and "Edited" in html

    # without htmx: back to the fiche, with the message
    response = client.post(url, {"action": "edit", "value": "abc"})
    assert response.status_code == 302 and response.url == fiche.get_absolute_url()
    assert "whole number of months" in client.get(response.url).content.decode()


def test_applying_and_publishing_from_the_fiche_page(accounts, run):
    fiche = run.fiches.get(key="AMUDDU")
    client = client_for(accounts["editor"])
    decide = reverse("ingest:decide_fiche", args=[fiche.pk])
    client.post(reverse("ingest:decide_field", args=[field(fiche, "challenges").pk]),
                {"action": "reject"}, **HTMX)
    assert client.post(decide, {"action": "accept_all"}).status_code == 302
    assert not fiche.fields.filter(status=FieldStatus.PENDING).exists()
    page = client.get(client.post(decide, {"action": "apply", "agency": "abc"}).url)
    assert "AMUDDU is in the registry, not yet published." in page.content.decode()
    programme = Programme.objects.get(key="AMUDDU")
    assert programme.implementing_agency == accounts["enabel"] and not programme.published
    assert field(fiche, "challenges").value not in programme.statements.values_list(
        "text", flat=True)
    page = client.get(fiche.get_absolute_url()).content.decode()
    assert "Publish the programme" in page and 'value="accept"' not in page
    client.post(decide, {"action": "publish"})
    programme.refresh_from_db()
    assert programme.published
    response = client.post(decide, {"action": "apply"}, follow=True)
    assert "This fiche has already been decided." in response.content.decode()
    assert client.post(decide, {"action": "destroy"}, follow=True).status_code == 200


def test_merging_into_another_organisations_programme_is_refused_with_a_message(demo):
    editor = user("editor")  # of Enabel; ProGEM belongs to GIZ
    fiche = services.ingest_file(SAMPLE.name, SAMPLE.read_bytes(), editor).fiches.get(
        key="ProGEM")
    client = client_for(editor)
    page = client.get(fiche.get_absolute_url()).content.decode()
    assert "merges the accepted values into it" in page and "belongs to another organisation" \
        in page
    decide = reverse("ingest:decide_fiche", args=[fiche.pk])
    client.post(decide, {"action": "accept_all"})
    response = client.post(decide, {"action": "apply"}, follow=True)
    assert response.status_code == 200
    assert "You may not change ProGEM, which belongs to another organisation." in \
        response.content.decode()
    fiche.refresh_from_db()
    assert fiche.status == FicheStatus.PENDING


def test_merging_a_published_programme_says_it_is_published(demo):
    editor = user("editor")
    fiche = services.ingest_file(SAMPLE.name, SAMPLE.read_bytes(), editor).fiches.get(
        key="AMUDDU")
    client = client_for(editor)
    page = client.get(fiche.get_absolute_url()).content.decode()
    assert "Merge accepted values into the programme" in page
    assert "belongs to another organisation" not in page
    decide = reverse("ingest:decide_fiche", args=[fiche.pk])
    client.post(decide, {"action": "accept_all"})
    page = client.post(decide, {"action": "apply"}, follow=True).content.decode()
    assert "The accepted values are merged into AMUDDU, which is published." in page
    assert "Publish the programme" not in page


# -- the command line -----------------------------------------------------------------------------


def test_the_ingest_command_queues_a_report_and_prints_its_fiches(db):
    out = io.StringIO()
    call_command("ingest", str(SAMPLE), stdout=out)
    text = out.getvalue()
    assert re.search(rf"{re.escape(SAMPLE.name)}: run \d+, 5 fiches in [\d.]+ s", text)
    for key in SAMPLE_KEYS:
        assert re.search(rf"^  {re.escape(key)}: .+ — \d+ values to review$", text, re.M)
    assert IngestionRun.objects.get().status == RunStatus.COMPLETED


def test_the_ingest_command_reports_bad_files(db, tmp_path):
    bad = tmp_path / "notes.odt"
    bad.write_text("some text")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 files could not be ingested"):
        call_command("ingest", str(bad), stderr=err)
    assert "not a supported file type" in err.getvalue()
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", str(tmp_path / "missing.txt"))


def test_the_ingest_command_evaluates_against_ground_truth(db):
    out = io.StringIO()
    call_command("ingest", "--evaluate", str(GROUND_TRUTH), str(SAMPLE), stdout=out)
    text = out.getvalue()
    assert "5 fiches extracted, 5 in the ground truth" in text
    assert re.search(r"^ALL \(micro\)\s+[\d.]+\s+[\d.]+\s+[\d.]+", text, re.M)
    assert not IngestionRun.objects.exists()  # evaluating stores nothing
