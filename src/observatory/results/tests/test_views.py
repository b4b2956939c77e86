"""The results pages: summary, entry grid saving through htmx posts, workflow, reference totals."""

import pytest

from observatory.results import services
from observatory.results.models import DataValue, ValueStatus
from observatory.results.tests.factories import make_framework, value_input

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def grid_url(f, indicator):
    return f"/programmes/{f.programme.slug}/results/{f.year2020.pk}/cell/{indicator.pk}/"


def test_summary_shows_framework_progress_and_only_approved_totals(client):
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 40),
                          value_input(f.indicator, f.year2020, "NE-1", {}, 80, kind=1)],
                         f.editor)
    page = client.get(f"/programmes/{f.programme.slug}/results/").content.decode()
    assert "People trained" in page and "People find work" in page
    assert "50 %" not in page  # not approved yet: no progress
    services.submit_period(f.programme, f.year2020, f.editor)
    services.approve_period(f.programme, f.year2020, f.funder)
    page = client.get(f"/programmes/{f.programme.slug}/results/").content.decode()
    assert "50 %" in page


def test_the_grid_saves_a_cell_and_returns_derived_totals_and_violations(client):
    f = make_framework()
    login(client, f.editor)
    page = client.get(f"/programmes/{f.programme.slug}/results/{f.year2020.pk}/")
    assert page.status_code == 200
    assert 'name="cell:population_group=migrant;sex=female"' in page.content.decode()
    response = client.post(grid_url(f, f.indicator), {
        "place": f.programme.programme_places.last().place_id, "kind": "actual",
        "cell:population_group=migrant;sex=female": "12",
        "cell:population_group=migrant;sex=male": "1 000",
        "cell:": "", "source": "attendance sheets"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="1012"' in body  # the derived grand total
    total = DataValue.objects.get(disaggregation__key="")
    assert total.derived and total.value == 1012
    assert DataValue.objects.get(disaggregation__key="population_group=migrant;sex=female"
                                 ).source == "attendance sheets"
    # A total typed over the derived one that the parts exceed: saved, and the problem shown.
    response = client.post(grid_url(f, f.indicator), {
        "place": total.place_id, "kind": "actual", "cell:": "500"})
    body = response.content.decode()
    assert "more than the total 500" in body
    assert DataValue.objects.get(disaggregation__key="").value == 500


def test_not_a_number_is_reported_and_nothing_saved(client):
    f = make_framework()
    login(client, f.editor)
    place = f.programme.programme_places.last().place_id
    body = client.post(grid_url(f, f.share), {"place": place, "kind": "actual",
                                              "cell:": "abc"}).content.decode()
    assert "is not a number" in body
    assert not DataValue.objects.exists()


def test_outsiders_cannot_open_the_grid_or_post(client):
    f = make_framework()
    login(client, f.outsider)
    assert client.get(f"/programmes/{f.programme.slug}/results/{f.year2020.pk}/"
                      ).status_code == 403
    assert client.post(grid_url(f, f.share), {"cell:": "3"}).status_code == 403
    assert not DataValue.objects.exists()


def test_workflow_buttons(client):
    f = make_framework()
    services.save_values([value_input(f.share, f.year2020, "NE-1", {}, 40)], f.editor)
    url = f"/programmes/{f.programme.slug}/results/{f.year2020.pk}/workflow/"
    login(client, f.editor)
    client.post(url, {"action": "submit"})
    assert DataValue.objects.get().status == ValueStatus.SUBMITTED
    login(client, f.funder)
    response = client.post(url, {"action": "return", "comment": ""}, follow=True)
    assert "needs a comment" in response.content.decode()
    client.post(url, {"action": "approve"})
    assert DataValue.objects.get().status == ValueStatus.APPROVED
    page = client.get(f"/programmes/{f.programme.slug}/results/").content.decode()
    assert "Approved" in page and f.funder.username in page


def test_open_period_creates_a_quarter_and_opens_its_grid(client):
    f = make_framework()
    login(client, f.editor)
    response = client.post(f"/programmes/{f.programme.slug}/results/period/",
                           {"type": "quarter", "day": "2020-05-17"})
    assert response.status_code == 302
    entry = client.get(response["Location"])
    assert "2020-Q2" in entry.content.decode()


def test_reference_totals_add_up_across_programmes(client):
    from observatory.results.models import ReferenceIndicator

    reference = ReferenceIndicator.objects.get(framework="EUTF", code="1.4")
    frameworks = [make_framework("P-ONE"), make_framework("P-TWO")]
    for f, n in zip(frameworks, [30, 12], strict=True):
        f.indicator.reference = reference
        f.indicator.save()
        services.save_values([value_input(f.indicator, f.year2020, "NE-1", {"sex": "female",
                              "population_group": "migrant"}, n)], f.editor)
        services.submit_period(f.programme, f.year2020, f.editor)
        services.approve_period(f.programme, f.year2020, f.funder)
    page = client.get(f"/results/reference/{reference.pk}/").content.decode()
    assert "Niger" in page and ">42<" in page
    split = client.get(f"/results/reference/{reference.pk}/?by=sex").content.decode()
    assert "female" in split
    assert "EUTF" in client.get("/results/").content.decode()
