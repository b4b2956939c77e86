"""Entering disaggregated values in the grid, in Debian's chromium: totals appear as you type,
violations show inline, and the period goes through submission and approval."""

import pytest
from playwright.sync_api import Page, expect

from observatory.registry.services import load_reference_data
from observatory.results.models import DataValue, ValueStatus
from observatory.results.tests.factories import make_framework

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_enter_values_in_the_grid_then_submit_and_approve(page: Page, transactional_db):
    load_reference_data()
    f = make_framework()
    log_in(page, f.editor.username, "pw-editor-1")
    page.goto(f"/programmes/{f.programme.slug}/results/")
    page.get_by_role("button", name="Open").click()  # the year containing today is outside
    expect(page.locator(".messages")).to_have_count(0)
    page.goto(f"/programmes/{f.programme.slug}/results/{f.year2020.pk}/")
    grid = page.locator(f"#grid-{f.indicator.pk}")
    female_migrants = grid.locator("input[name='cell:population_group=migrant;sex=female']")
    male_migrants = grid.locator("input[name='cell:population_group=migrant;sex=male']")
    female_migrants.fill("58")
    male_migrants.click()  # leaving the cell saves it
    expect(grid.locator("input[name='cell:']")).to_have_value("58")
    grid.locator("input[name='cell:population_group=migrant;sex=male']").fill("20")
    grid.locator("input[name='cell:population_group=refugee;sex=male']").click()
    expect(grid.locator("input[name='cell:']")).to_have_value("78")
    expect(grid.locator("input[name='cell:sex=female']")).to_have_value("58")
    expect(grid.locator("input[name='cell:population_group=migrant']")).to_have_value("78")

    share = page.locator(f"#grid-{f.share.pk}")
    share.locator("input[name='cell:']").fill("140")
    share.locator("input[name='source']").click()
    expect(share.locator(".violations")).to_contain_text("outside 0–100")
    share.locator("input[name='cell:']").fill("35")
    share.locator("input[name='source']").click()
    expect(share.locator(".violations")).to_have_count(0)
    expect(share.locator("input[name='cell:']")).to_have_value("35")
    screenshot(page, "results-entry-grid")

    page.goto(f"/programmes/{f.programme.slug}/results/")
    page.locator(f"#period-{f.year2020.pk}").get_by_role("button", name="Submit").click()
    expect(page.locator(".messages")).to_contain_text("Submitted")
    assert set(DataValue.objects.filter(derived=False, kind=2).values_list("status", flat=True)
               ) == {ValueStatus.SUBMITTED}

    page.get_by_role("button", name="Log out").click()
    log_in(page, f.funder.username, "pw-funder-1")
    page.goto(f"/programmes/{f.programme.slug}/results/")
    page.locator(f"#period-{f.year2020.pk}").get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("Approved")
    expect(page.locator(f"#indicator-{f.indicator.pk}")).to_contain_text("78")
    screenshot(page, "results-summary")


def test_demo_results_page_and_reference_totals_draw_their_charts(page: Page, transactional_db):
    from observatory.demo.load import load_demo
    from observatory.results.models import ReferenceIndicator

    load_reference_data()
    load_demo()
    page.goto("/programmes/progem/results/")
    expect(page.locator("h1")).to_contain_text("ProGEM")
    expect(page.locator(".chart svg").first).to_be_visible()  # Vega-Lite drew the history
    expect(page.locator(".progress-table").first).to_contain_text("750")
    screenshot(page, "results-demo-progem")
    reference = ReferenceIndicator.objects.get(framework="EUTF", code="1.4")
    page.goto(f"/results/reference/{reference.pk}/")
    expect(page.locator("#totals")).to_contain_text("Morocco")
    expect(page.locator("#reference-chart svg")).to_be_visible()
    screenshot(page, "results-reference-eutf-1-4")
