"""Results frameworks and their disaggregated values.

Programme -> Result -> Indicator; values live in one narrow fact table (``DataValue``) keyed by
indicator x period x place x disaggregation x kind. A disaggregation is a combination of
categories, one per dimension (sex, age group, population group, ...); the empty combination is
the total. Dimensions and categories are rows, so administrators add to them without touching
stored values; categories are retired (``active``), never deleted while values use them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from observatory.i18n import LocalizedNameMixin
from observatory.registry.models import Place, Programme

from .codelists import IndicatorMeasure, ResultType


class Dimension(LocalizedNameMixin, models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    iati_name = models.CharField(
        _("IATI dimension name"), max_length=60, blank=True,
        help_text=_("The name written in IATI <dimension name=...>; the code when empty."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return self.name


class Category(LocalizedNameMixin, models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="categories",
                                  verbose_name=_("dimension"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(
        _("active"), default=True,
        help_text=_("Retired categories keep their stored values but are no longer offered."))

    class Meta:
        ordering = ["dimension", "order", "code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["dimension", "code"],
                                               name="category_unique_code")]

    def __str__(self) -> str:
        return f"{self.dimension.code}={self.code}"


class Disaggregation(models.Model):
    """One combination of categories (at most one per dimension); ``key`` is canonical,
    e.g. ``population_group=migrant;sex=female``, and ``""`` is the total."""

    key = models.CharField(_("key"), max_length=400, unique=True)
    categories = models.ManyToManyField(Category, related_name="disaggregations",
                                        verbose_name=_("categories"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("disaggregation")
        verbose_name_plural = _("disaggregations")

    def __str__(self) -> str:
        return self.key or "total"

    @property
    def is_total(self) -> bool:
        return self.key == ""


class ReferenceIndicator(LocalizedNameMixin, models.Model):
    """A shared indicator (SDG, EU Trust Fund common output ...): programme indicators linked to
    one add up across programmes."""

    framework = models.CharField(_("framework"), max_length=40)
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=400)
    name_fr = models.CharField(_("name in French"), max_length=400, blank=True)
    unit = models.CharField(_("unit"), max_length=120, blank=True)
    measure = models.CharField(_("measure (IATI IndicatorMeasure)"), max_length=1,
                               choices=IndicatorMeasure.choices, default=IndicatorMeasure.UNIT)
    dimensions = models.ManyToManyField(Dimension, blank=True, related_name="reference_indicators",
                                        verbose_name=_("expected disaggregations"))
    vocabulary = models.CharField(
        _("IATI IndicatorVocabulary"), max_length=4, blank=True,
        help_text=_("Code of the IATI IndicatorVocabulary list, where the framework has one."))

    class Meta:
        ordering = ["framework", "code"]
        verbose_name = _("reference indicator")
        verbose_name_plural = _("reference indicators")
        constraints = [models.UniqueConstraint(fields=["framework", "code"],
                                               name="reference_indicator_unique_code")]

    def __str__(self) -> str:
        return f"{self.framework} {self.code}: {self.name}"


class Result(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="results",
                                  verbose_name=_("programme"))
    type = models.CharField(_("type (IATI ResultType)"), max_length=1, choices=ResultType.choices,
                            default=ResultType.OUTPUT)
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators",
                               verbose_name=_("result"))
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    measure = models.CharField(_("measure (IATI IndicatorMeasure)"), max_length=1,
                               choices=IndicatorMeasure.choices, default=IndicatorMeasure.UNIT)
    ascending = models.BooleanField(_("higher is better"), default=True)
    unit = models.CharField(_("unit"), max_length=120, blank=True,
                            help_text=_("e.g. people trained, municipalities, EUR"))
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_comment = models.CharField(_("baseline comment"), max_length=400, blank=True)
    reference = models.ForeignKey(ReferenceIndicator, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="indicators",
                                  verbose_name=_("reference indicator"))
    dimensions = models.ManyToManyField(Dimension, blank=True, related_name="indicators",
                                        verbose_name=_("disaggregated by"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["result__order", "result_id", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.title

    @property
    def programme(self) -> Programme:
        return self.result.programme

    @property
    def is_count(self) -> bool:
        return self.measure == IndicatorMeasure.UNIT

    @property
    def is_qualitative(self) -> bool:
        return self.measure == IndicatorMeasure.QUALITATIVE


class PeriodType(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")
    OTHER = "other", _("Other")


class Period(models.Model):
    """A reporting period, shared by every programme that reports on it."""

    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    type = models.CharField(_("type"), max_length=8, choices=PeriodType.choices,
                            default=PeriodType.OTHER)

    class Meta:
        ordering = ["start", "end"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [models.UniqueConstraint(fields=["start", "end"], name="period_unique")]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError(_("A period cannot end before it starts."))

    @property
    def label(self) -> str:
        if self.type == PeriodType.YEAR:
            return str(self.start.year)
        if self.type == PeriodType.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.type == PeriodType.MONTH:
            return self.start.strftime("%Y-%m")
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class ValueKind(models.IntegerChoices):
    TARGET = 1, _("Target")
    ACTUAL = 2, _("Actual")


class ValueStatus(models.IntegerChoices):
    DRAFT = 1, _("Draft")
    SUBMITTED = 2, _("Submitted")
    APPROVED = 3, _("Approved")
    RETURNED = 4, _("Returned")


class DataValue(models.Model):
    """One number (or narrative): the narrow fact table that totals are computed from.

    ``derived`` marks a total or subtotal the platform computed from a complete set of parts;
    it is recomputed whenever its parts change and never overrides a value someone entered.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values",
                                  verbose_name=_("indicator"))
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="values",
                               verbose_name=_("period"))
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="result_values",
                              verbose_name=_("place"))
    disaggregation = models.ForeignKey(Disaggregation, on_delete=models.PROTECT,
                                       related_name="values", verbose_name=_("disaggregation"))
    kind = models.PositiveSmallIntegerField(_("kind"), choices=ValueKind.choices)
    value = models.FloatField(_("value"), null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True, default="")
    comment = models.TextField(_("comment"), blank=True, default="")
    source = models.CharField(_("source"), max_length=300, blank=True, default="")
    status = models.PositiveSmallIntegerField(_("status"), choices=ValueStatus.choices,
                                              default=ValueStatus.DRAFT)
    derived = models.BooleanField(_("computed from its parts"), default=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("entered by"))
    entered_at = models.DateTimeField(_("entered"), null=True, blank=True)

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "place", "disaggregation", "kind"],
                name="value_unique_cell"),
        ]
        # Totals filter on indicator, kind and status, then group by place and period; the
        # foreign keys' own indexes serve lookups by period and by place.
        indexes = [
            models.Index(fields=["indicator", "kind", "status", "disaggregation"],
                         name="value_totals_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.period_id}/{self.place_id}/{self.disaggregation_id}"


class ReviewAction(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    APPROVE = "approve", _("Approved")
    RETURN = "return", _("Returned")


class ReviewEvent(models.Model):
    """Who moved a programme's actual values for a period along the workflow, and why."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="results_reviews", verbose_name=_("programme"))
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reviews",
                               verbose_name=_("period"))
    action = models.CharField(_("action"), max_length=8, choices=ReviewAction.choices)
    comment = models.TextField(_("comment"), blank=True)
    values = models.PositiveIntegerField(_("values moved"), default=0)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")

    def __str__(self) -> str:
        return f"{self.programme.key} {self.period} {self.action}"


def programme_results_url(programme: Programme) -> str:
    return reverse("results:summary", args=[programme.slug])
