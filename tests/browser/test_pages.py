"""A visitor's path through the site, in Debian's chromium, against the demo data."""

import re

import pytest
from playwright.sync_api import Page, expect

from observatory.demo.load import load_demo
from observatory.registry.services import load_reference_data

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db) -> None:  # type: ignore[no-untyped-def]
    # transactional tests empty the tables after each test, reference data included
    load_reference_data()
    load_demo()


def test_home_search_open_a_programme_and_see_funders_and_statements(page: Page, demo):
    page.goto("/")
    expect(page.locator(".count").first).to_contain_text("5")
    expect(page.locator("#map svg")).to_be_visible()  # Vega-Lite drew the map
    expect(page.locator("#country-table")).to_contain_text("Niger")
    screenshot(page, "home")

    page.get_by_role("searchbox").fill("observatories Niger")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#result-count")).to_contain_text("1 programme")
    page.get_by_role("link", name="ProGEM").click()

    expect(page.locator("h1")).to_contain_text("Management of migration challenges in Niger")
    funders = page.locator("#funders")
    expect(funders).to_contain_text("EUTF")
    expect(funders).to_contain_text("BMZ")
    expect(page.locator("#total-EUR")).to_have_text(re.compile(r"EUR 38,500,000"))
    expect(page.get_by_role("heading", name="Challenge", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Good practice", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="COVID-19 adaptation", exact=True)).to_be_visible()
    screenshot(page, "programme")


def test_filters_update_the_list_in_place(page: Page, demo):
    page.goto("/programmes/")
    expect(page.locator("#result-count")).to_contain_text("5 programmes")
    page.get_by_label("Country").select_option(label="Morocco")
    expect(page.locator("#result-count")).to_contain_text("2 programmes")
    expect(page).to_have_url(re.compile(r"country=MA"))
    expect(page.locator("#results")).to_contain_text("AMUDDU")
    expect(page.locator("#results")).to_contain_text("R2PM")
    screenshot(page, "programme-list-filtered")


def test_knowledge_search_shows_each_hit_with_its_programme(page: Page, demo):
    page.goto("/knowledge/")
    page.get_by_label("Search").fill("community agents")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#result-count")).to_contain_text("Search: community agents")
    hits = page.locator("li.hit")
    expect(hits.first).to_be_visible()
    expect(hits.first).to_contain_text("AMUDDU")
    page.get_by_label("Kind of statement").select_option(label="COVID-19 adaptation")
    page.get_by_label("Search").fill("")
    page.get_by_role("button", name="Apply").click()
    # wait for htmx to swap in the filtered results before reading them
    expect(page.locator("#result-count")).to_contain_text("Kind of statement: COVID-19 adaptation")
    expect(page.locator("#result-count")).not_to_contain_text("Search:")
    expect(page.locator("#result-count")).to_contain_text(re.compile(r"\d+ statements"))
    for text in page.locator("li.hit .kind").all_inner_texts():
        assert text.strip().lower() == "covid-19 adaptation"
    screenshot(page, "knowledge")


def test_switching_to_french(page: Page, demo):
    page.goto("/programmes/progem/")
    page.get_by_role("button", name="FR").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Bailleurs de fonds")).to_be_visible()
    expect(page.get_by_role("link", name="Enseignements")).to_be_visible()
    screenshot(page, "programme-fr")
    page.get_by_role("button", name="EN").click()
    expect(page.get_by_role("heading", name="Funders")).to_be_visible()


def test_anonymous_visitor_gets_no_unpublished_programme_and_no_admin(page: Page, demo):
    page.goto("/programmes/?q=draft-demo")
    expect(page.locator("#result-count")).to_contain_text("0 programmes")
    response = page.goto("/programmes/draft-demo/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Not found")
    page.goto("/knowledge/?q=diaspora+investment+pilot")
    expect(page.locator("#results")).not_to_contain_text("DRAFT-DEMO")
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_an_editor_sees_their_organisations_draft_and_can_edit_it(page: Page, demo):
    page.goto("/accounts/login/")
    page.get_by_label("User name").fill("editor")
    page.get_by_label("Password").fill("editor-demo-2020")
    page.get_by_role("button", name="Log in").click()
    page.goto("/programmes/draft-demo/")
    expect(page.locator(".badge-draft")).to_be_visible()
    page.get_by_role("link", name="Edit in the admin").click()
    expect(page).to_have_url(re.compile(r"/admin/registry/programme/\d+/change/"))


def test_pages_fit_a_phone_screen(browser, live_server, demo):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390,
                                                                       "height": 844})
    phone = context.new_page()
    for path in ["/", "/programmes/", "/programmes/amuddu/", "/knowledge/?q=migrants"]:
        phone.goto(path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the phone"
    screenshot(phone, "programme-phone")
    context.close()
