"""An editor's path through report ingestion, in Debian's chromium, against the demo data:
upload the sample report, review AMUDDU beside its source, merge it into the registry."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from observatory.demo.load import load_demo
from observatory.ingest.models import DraftFiche
from observatory.registry.services import load_reference_data

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = (Path(__file__).resolve().parents[2].parent / "shared" / "samples"
          / "pn-cfm-session1-report-2020.txt")


@pytest.fixture
def demo(transactional_db) -> None:  # type: ignore[no-untyped-def]
    # transactional tests empty the tables after each test, reference data included
    load_reference_data()
    load_demo()


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def row(page: Page, name: str, n: int = 0):  # type: ignore[no-untyped-def]
    return page.locator(f'.field-row[data-name="{name}"]').nth(n)


def test_an_editor_uploads_reviews_and_merges_a_fiche(page: Page, demo):
    log_in(page, "editor", "editor-demo-2020")
    page.get_by_role("link", name="Ingest").click()
    expect(page.locator("h1")).to_have_text("Report ingestion")
    expect(page.locator("#pending")).to_contain_text("Nothing waits for review.")
    page.get_by_label("Report").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Upload and extract").click()

    expect(page).to_have_url(re.compile(r"/ingest/runs/\d+/$"))
    expect(page.locator("h1")).to_have_text(SAMPLE.name)
    expect(page.locator("#run-summary")).to_contain_text("5 fiches found")
    fiches = page.locator("ul.results > li")
    expect(fiches).to_have_count(5)
    for key in ("ProGEM", "AMUDDU", "V4CP", "R2PM", "EUROSociAL+"):
        expect(fiches.locator("h3").get_by_role("link", name=key, exact=True)).to_be_visible()
    expect(fiches.filter(has_text="AMUDDU")).to_contain_text("Same key as AMUDDU")
    screenshot(page, "ingest-run")

    fiches.locator("h3").get_by_role("link", name="AMUDDU", exact=True).click()
    expect(page.locator("h1")).to_have_text("Review: AMUDDU")
    expect(page.locator("#merge-notice")).to_contain_text("A programme with the key AMUDDU exists")
    # every value beside its highlighted source
    rows = page.locator(".field-row")
    count = rows.count()
    assert count > 20
    expect(page.locator(".field-row .field-source mark")).to_have_count(count)
    expect(row(page, "key").locator("mark")).to_have_text("AMUDDU")
    expect(row(page, "title").locator("mark")).to_have_text(
        "Project supporting the national strategy on migration and Asylum")
    expect(row(page, "countries").locator("mark")).to_contain_text("Morocco")

    # decisions swap the row in place: no page load happens
    page.evaluate("window.notReloaded = true")
    title = row(page, "title")
    title.get_by_role("button", name="Accept").click()
    expect(title.locator(".field-status")).to_have_text("Accepted")
    expect(title).to_have_class(re.compile(r"status-accepted"))

    duration = row(page, "duration_months")
    expect(duration.locator(".field-value .prose")).to_have_text("48")
    duration.locator("summary", has_text="Edit").click()
    duration.get_by_label("Corrected value").fill("-3")
    duration.get_by_role("button", name="Save correction").click()
    expect(duration.locator(".errorlist")).to_have_text("A duration lies between 1 and 600 months.")
    expect(duration.locator(".field-status")).to_have_text("Pending")
    duration.locator("summary", has_text="Edit").click()
    duration.get_by_label("Corrected value").fill("42")
    duration.get_by_role("button", name="Save correction").click()
    expect(duration.locator(".field-status")).to_have_text("Edited")
    expect(duration.locator(".field-value .prose")).to_have_text("42")

    challenge = row(page, "challenges", 0)
    rejected_text = challenge.locator(".field-value .prose").inner_text().strip()
    challenge.get_by_role("button", name="Reject").click()
    expect(challenge.locator(".field-status")).to_have_text("Rejected")
    expect(challenge).to_have_class(re.compile(r"status-rejected"))
    # the decisions table follows, out of band
    expect(page.locator("#decisions tr")).to_have_count(3)  # the refused edit is not recorded
    expect(page.locator("#decisions tr").first).to_contain_text("reject")
    assert page.evaluate("window.notReloaded") is True
    screenshot(page, "ingest-review")

    page.get_by_role("button", name="Accept all pending values").click()
    expect(page.locator("#decisions")).to_contain_text("accept_all")
    expect(page.locator(".field-row.status-pending")).to_have_count(0)
    expect(row(page, "challenges", 0).locator(".field-status")).to_have_text("Rejected")
    expect(row(page, "duration_months").locator(".field-status")).to_have_text("Edited")
    page.get_by_role("button", name="Merge accepted values into the programme").click()
    expect(page.locator(".messages")).to_contain_text(
        "The accepted values are merged into AMUDDU, which is published.")
    expect(page.locator("#fiche-status")).to_contain_text("Applied to the registry")
    screenshot(page, "ingest-merged")

    fiche = DraftFiche.objects.get(key="AMUDDU")
    new_challenge = fiche.fields.filter(name="challenges").order_by("order")[1].value
    page.locator("#fiche-status").get_by_role("link", name="AMUDDU").click()
    expect(page).to_have_url(re.compile(r"/programmes/amuddu/$"))
    expect(page.locator("h1")).to_contain_text(
        "Project supporting the national strategy on migration and Asylum")
    expect(page.locator("main")).to_contain_text(new_challenge[:60])
    expect(page.locator("main")).not_to_contain_text(rejected_text[:60])
    expect(page.locator("main")).to_contain_text("42 months")
    screenshot(page, "ingest-programme")


def test_a_bad_upload_shows_its_message(page: Page, demo, tmp_path):
    log_in(page, "editor", "editor-demo-2020")
    page.goto("/ingest/")
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"text\x00with\x00nul bytes" * 10)
    page.get_by_label("Report").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and extract").click()
    expect(page.locator("#run-error")).to_contain_text("contains binary data")
    expect(page.locator("main")).to_contain_text("Nothing was stored from this file.")
    screenshot(page, "ingest-failed")
    page.get_by_role("link", name="Report ingestion").click()
    expect(page.locator("#runs")).to_contain_text("Failed")
    screenshot(page, "ingest-queue")


def test_viewers_get_no_ingest_link_and_no_queue(page: Page, demo):
    log_in(page, "viewer", "viewer-demo-2020")
    expect(page.get_by_role("link", name="Ingest")).to_have_count(0)
    response = page.goto("/ingest/")
    assert response is not None and response.status == 403


def test_the_review_page_fits_a_phone_screen(browser, live_server, demo):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390,
                                                                       "height": 844})
    phone = context.new_page()
    log_in(phone, "editor", "editor-demo-2020")
    phone.goto("/ingest/")
    phone.get_by_label("Report").set_input_files(str(SAMPLE))
    phone.get_by_role("button", name="Upload and extract").click()
    expect(phone.locator("#run-summary")).to_contain_text("5 fiches found")
    for path in [phone.url, "/ingest/"] + [
            f.get_absolute_url() for f in DraftFiche.objects.filter(key__in=["AMUDDU", "V4CP"])]:
        phone.goto(path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the phone"
    screenshot(phone, "ingest-review-phone")
    context.close()
