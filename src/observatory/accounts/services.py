"""Creating accounts with a role and an organisation."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.db import transaction

from observatory.registry.models import Organisation

from .models import Profile
from .roles import ADMINISTRATOR, EDITOR, ROLES, ensure_role_groups


@transaction.atomic
def create_account(
    username: str,
    password: str,
    role: str,
    organisation: Organisation | None = None,
    email: str = "",
) -> AbstractUser:
    """Create (or reset) an account with one role; editors and administrators are staff."""
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if not Group.objects.filter(name=role).exists():
        ensure_role_groups()
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(username=username)
    user.email = email
    user.set_password(password)
    user.is_staff = role in (ADMINISTRATOR, EDITOR)
    user.is_superuser = role == ADMINISTRATOR
    user.save()
    user.groups.set([Group.objects.get(name=role)])
    Profile.objects.update_or_create(user=user, defaults={"organisation": organisation})
    return user
