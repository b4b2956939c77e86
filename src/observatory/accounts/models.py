"""Accounts belong to an organisation; roles are Django groups (see roles.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from observatory.registry.models import Organisation


class Profile(models.Model):
    """Which organisation an account belongs to; editors edit that organisation's records."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="profile")
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="members",
                                     verbose_name=_("organisation"))

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation or '-'}"
