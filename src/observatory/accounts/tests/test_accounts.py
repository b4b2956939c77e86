"""Roles, accounts and the commands that create them."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from observatory.accounts.roles import is_administrator, is_editor, user_organisation_id
from observatory.accounts.services import create_account
from observatory.registry import services

pytestmark = pytest.mark.django_db


def test_migrate_creates_the_three_role_groups_with_their_permissions():
    editor = Group.objects.get(name="editor")
    viewer = Group.objects.get(name="viewer")
    assert editor.permissions.filter(codename="change_programme").exists()
    assert editor.permissions.filter(codename="add_statement").exists()
    assert not editor.permissions.filter(codename="change_theme").exists()
    assert viewer.permissions.filter(codename="view_programme").exists()
    assert not viewer.permissions.filter(codename__startswith="change_").exists()
    assert Group.objects.get(name="administrator").permissions.filter(
        codename="change_theme").exists()


def test_accounts_get_one_role_staff_status_and_an_organisation():
    enabel = services.get_or_create_organisation("Enabel", "ENABEL")
    editor = create_account("ed", "pw-editor-123", "editor", enabel)
    assert editor.is_staff and not editor.is_superuser
    assert is_editor(editor) and not is_administrator(editor)
    assert user_organisation_id(editor) == enabel.pk
    viewer = create_account("ed", "pw-viewer-123", "viewer")  # the same account, demoted
    assert not viewer.is_staff and not is_editor(viewer)
    assert list(viewer.groups.values_list("name", flat=True)) == ["viewer"]
    assert user_organisation_id(viewer) is None
    with pytest.raises(ValueError):
        create_account("x", "pw-x-12345", "superhero")


def test_create_account_command(capsys):
    services.get_or_create_organisation("Enabel", "ENABEL")
    call_command("create_account", "ana", "--role", "editor", "--organisation", "enabel",
                 "--password", "pw-ana-12345")
    assert "ana: editor of ENABEL" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No organisation"):
        call_command("create_account", "bo", "--role", "viewer", "--organisation", "nope",
                     "--password", "pw-bo-123456")
    with pytest.raises(CommandError, match="at least 8"):
        call_command("create_account", "bo", "--role", "viewer", "--password", "short")
