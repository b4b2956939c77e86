"""Admin: editors see their own programmes' results; categories are retired, not deleted."""

import pytest

from observatory.results.tests.factories import make_framework

pytestmark = pytest.mark.django_db


def test_editors_see_only_their_programmes_results_in_the_admin(client):
    mine, other = make_framework("MINE"), make_framework("OTHER")
    client.force_login(mine.editor)
    page = client.get("/admin/results/result/")
    assert page.status_code == 200
    rows = page.content.decode()
    assert "MINE" in rows and "OTHER" not in rows
    assert client.get(f"/admin/results/result/{other.result.pk}/change/").status_code in (302,
                                                                                           404)
    assert client.get(f"/admin/results/result/{mine.result.pk}/change/").status_code == 200


def test_administrators_extend_dimensions_but_cannot_delete_categories(admin_client):
    from observatory.results.models import Dimension

    sex = Dimension.objects.get(code="sex")
    page = admin_client.get(f"/admin/results/dimension/{sex.pk}/change/").content.decode()
    assert "Other or unknown" in page
    response = admin_client.post(f"/admin/results/dimension/{sex.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Dimension.objects.filter(code="sex").exists()
