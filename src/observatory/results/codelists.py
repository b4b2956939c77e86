"""IATI 2.03 codes of the results framework (ResultType, IndicatorMeasure).

A test compares them with the official codelist files, as for the registry's codes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultType(models.TextChoices):
    OUTPUT = "1", _("Output")
    OUTCOME = "2", _("Outcome")
    IMPACT = "3", _("Impact")
    OTHER = "9", _("Other")


class IndicatorMeasure(models.TextChoices):
    UNIT = "1", _("Unit")
    PERCENTAGE = "2", _("Percentage")
    NOMINAL = "3", _("Nominal")
    ORDINAL = "4", _("Ordinal")
    QUALITATIVE = "5", _("Qualitative")
