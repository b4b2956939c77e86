"""Roles as Django groups, and the questions the rest of the code asks about a user.

administrator  every record, the admin, accounts
editor         adds and edits the records of their own organisation (staff, so the admin opens)
viewer         reads published records and the unpublished ones of their own organisation
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.contenttypes.models import ContentType

ADMINISTRATOR = "administrator"
EDITOR = "editor"
VIEWER = "viewer"
ROLES = (ADMINISTRATOR, EDITOR, VIEWER)

# Models an editor may add and change (objects are still limited to their organisation).
EDITOR_MODELS = {
    "registry": ["programme", "funding", "participation", "programmeplace", "weblink",
                 "fieldsource", "organisation", "place", "sourcedocument"],
    "knowledge": ["statement"],
    "results": ["result", "indicator"],
}
READ_MODELS = {
    "registry": ["programme", "funding", "participation", "programmeplace", "weblink",
                 "fieldsource", "organisation", "place", "sourcedocument", "theme",
                 "targetgroup", "sdgtarget"],
    "knowledge": ["statement"],
    "results": ["result", "indicator", "period", "referenceindicator", "dimension", "category"],
}


def _permissions(models_by_app: dict[str, list[str]], actions: list[str]) -> list[Permission]:
    perms = []
    for app_label, model_names in models_by_app.items():
        for model_name in model_names:
            try:
                ct = ContentType.objects.get(app_label=app_label, model=model_name)
            except ContentType.DoesNotExist:
                continue
            codenames = [f"{action}_{model_name}" for action in actions]
            perms.extend(Permission.objects.filter(content_type=ct, codename__in=codenames))
    return perms


def ensure_role_groups(**_: Any) -> None:
    """Create or refresh the three role groups; runs after every migrate."""
    # post_migrate reaches this app before the apps listed after it have their content types
    # and permissions, so make them now.
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    admin_group, _created = Group.objects.get_or_create(name=ADMINISTRATOR)
    admin_group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["registry", "knowledge", "results",
                                                               "accounts", "auth"])
    )
    editor_group, _created = Group.objects.get_or_create(name=EDITOR)
    editor_group.permissions.set(
        _permissions(EDITOR_MODELS, ["add", "change", "delete", "view"])
        + _permissions(READ_MODELS, ["view"])
    )
    viewer_group, _created = Group.objects.get_or_create(name=VIEWER)
    viewer_group.permissions.set(_permissions(READ_MODELS, ["view"]))


def has_role(user: Any, role: str) -> bool:
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return user.groups.filter(name=role).exists()


def is_administrator(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, ADMINISTRATOR)


def is_editor(user: Any) -> bool:
    return is_administrator(user) or has_role(user, EDITOR)


def user_organisation_id(user: Any) -> int | None:
    if user is None or not user.is_authenticated:
        return None
    profile = getattr(user, "profile", None)
    return profile.organisation_id if profile is not None else None
