"""IATI 2.03 codes the registry stores (OrganisationType, OrganisationRole, ActivityStatus).

Kept as Django choices so forms, the admin and the API show names; a test compares them with the
official codelist files so that they cannot drift from the standard.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    GOVERNMENT = "10", _("Government")
    LOCAL_GOVERNMENT = "11", _("Local Government")
    OTHER_PUBLIC_SECTOR = "15", _("Other Public Sector")
    INTERNATIONAL_NGO = "21", _("International NGO")
    NATIONAL_NGO = "22", _("National NGO")
    REGIONAL_NGO = "23", _("Regional NGO")
    PARTNER_COUNTRY_NGO = "24", _("Partner Country based NGO")
    PUBLIC_PRIVATE_PARTNERSHIP = "30", _("Public Private Partnership")
    MULTILATERAL = "40", _("Multilateral")
    FOUNDATION = "60", _("Foundation")
    PRIVATE_SECTOR = "70", _("Private Sector")
    PRIVATE_SECTOR_PROVIDER = "71", _("Private Sector in Provider Country")
    PRIVATE_SECTOR_RECIPIENT = "72", _("Private Sector in Aid Recipient Country")
    PRIVATE_SECTOR_THIRD = "73", _("Private Sector in Third Country")
    ACADEMIC = "80", _("Academic, Training and Research")
    OTHER = "90", _("Other")


class OrganisationRole(models.TextChoices):
    FUNDING = "1", _("Funding")
    ACCOUNTABLE = "2", _("Accountable")
    EXTENDING = "3", _("Extending")
    IMPLEMENTING = "4", _("Implementing")


class ActivityStatus(models.TextChoices):
    PIPELINE = "1", _("Pipeline/identification")
    IMPLEMENTATION = "2", _("Implementation")
    FINALISATION = "3", _("Finalisation")
    CLOSED = "4", _("Closed")
    CANCELLED = "5", _("Cancelled")
    SUSPENDED = "6", _("Suspended")
