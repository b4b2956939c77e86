"""Who sees and who edits which programme."""

import pytest

from observatory.accounts.services import create_account
from observatory.registry import services
from observatory.registry.codelists import OrganisationRole
from observatory.registry.models import Programme
from observatory.registry.selectors import (
    ProgrammeFilters,
    can_edit_programme,
    search_programmes,
    visible_programmes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    enabel = services.get_or_create_organisation("Enabel", "ENABEL")
    giz = services.get_or_create_organisation("Deutsche Gesellschaft für Internationale "
                                              "Zusammenarbeit", "GIZ")
    public = services.save_programme(Programme(key="PUB", title="Published one",
                                               implementing_agency=giz, published=True))
    draft = services.save_programme(Programme(key="DRAFT", title="Draft one",
                                              implementing_agency=enabel))
    services.add_programme_place(public, services.country("NE"))
    services.add_programme_place(draft, services.country("NE"))
    return {
        "public": public, "draft": draft, "enabel": enabel, "giz": giz,
        "admin": create_account("boss", "pw-boss-123", "administrator"),
        "editor": create_account("ed", "pw-ed-123", "editor", enabel),
        "other_editor": create_account("ged", "pw-ged-123", "editor", giz),
        "viewer": create_account("vi", "pw-vi-123", "viewer", giz),
    }


def test_anonymous_visitors_see_published_programmes_only(world):
    from django.contrib.auth.models import AnonymousUser

    assert list(visible_programmes(AnonymousUser())) == [world["public"]]
    assert list(search_programmes(AnonymousUser(), ProgrammeFilters(q="draft"))) == []
    assert list(search_programmes(AnonymousUser(), ProgrammeFilters(country="NE"))) == [
        world["public"]]


def test_members_see_their_organisations_drafts_and_administrators_see_all(world):
    assert set(visible_programmes(world["editor"])) == {world["public"], world["draft"]}
    assert set(visible_programmes(world["viewer"])) == {world["public"]}
    assert set(visible_programmes(world["admin"])) == {world["public"], world["draft"]}


def test_editors_edit_only_their_organisations_programmes(world):
    assert can_edit_programme(world["editor"], world["draft"])
    assert not can_edit_programme(world["editor"], world["public"])
    assert can_edit_programme(world["other_editor"], world["public"])
    assert not can_edit_programme(world["viewer"], world["public"])
    assert can_edit_programme(world["admin"], world["draft"])
    services.add_partner(world["public"], world["enabel"], OrganisationRole.IMPLEMENTING)
    assert can_edit_programme(world["editor"], world["public"])
    services.add_partner(world["draft"], world["giz"], OrganisationRole.FUNDING)
    assert not can_edit_programme(world["other_editor"], world["draft"])
