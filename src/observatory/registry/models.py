"""The programme registry: programmes ("fiches"), organisations, places, themes and provenance."""

from __future__ import annotations

import calendar
import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from observatory.i18n import LocalizedNameMixin

from .codelists import ActivityStatus, OrganisationRole, OrganisationType


class PlaceLevel(models.IntegerChoices):
    WORLD_REGION = 0, _("World region")
    COUNTRY = 1, _("Country")
    REGION = 2, _("Region")
    PROVINCE = 3, _("Province")
    MUNICIPALITY = 4, _("Municipality")


class Place(LocalizedNameMixin, models.Model):
    """A node of the hierarchy world region / country -> region -> province -> municipality.

    Countries carry their ISO 3166-1 alpha-2 code, subdivisions their ISO 3166-2 code; places
    added by users below that (municipalities, districts) have no code.
    """

    name = models.CharField(_("name"), max_length=200)
    name_fr = models.CharField(_("name in French"), max_length=200, blank=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=PlaceLevel.choices)
    code = models.CharField(
        _("ISO 3166 code"), max_length=12, unique=True, null=True, blank=True,
        help_text=_("ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions."),
    )
    numeric_code = models.CharField(_("ISO 3166-1 numeric code"), max_length=3, blank=True)
    subdivision_type = models.CharField(_("subdivision type"), max_length=80, blank=True)
    iati_region = models.CharField(_("IATI region code"), max_length=6, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:place", args=[self.pk])

    @property
    def country(self) -> Place | None:
        place: Place | None = self
        while place is not None and place.level > PlaceLevel.COUNTRY:
            place = place.parent
        return place if place is not None and place.level == PlaceLevel.COUNTRY else None

    def ancestors(self) -> list[Place]:
        """From the top of the hierarchy down to this place's parent."""
        chain: list[Place] = []
        place = self.parent
        while place is not None:
            chain.append(place)
            place = place.parent
        return list(reversed(chain))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    org_type = models.CharField(
        _("type (IATI OrganisationType)"), max_length=2, choices=OrganisationType.choices,
        default=OrganisationType.OTHER,
    )
    country = models.ForeignKey(
        Place, verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="organisations", limit_choices_to={"level": PlaceLevel.COUNTRY},
    )
    website = models.URLField(_("website"), blank=True)
    is_diaspora = models.BooleanField(_("diaspora organisation"), default=False)
    iati_ref = models.CharField(_("IATI organisation identifier"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:organisation", args=[self.slug])

    @property
    def short_name(self) -> str:
        return self.acronym or self.name


class ThemeKind(models.TextChoices):
    THEME = "theme", _("Theme")
    TAG = "tag", _("Cross-cutting tag")


class Theme(LocalizedNameMixin, models.Model):
    """One of the five thematic work streams, or a cross-cutting tag (gender, youth, ...)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)
    name_fr = models.CharField(_("name in French"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=5, choices=ThemeKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["-kind", "order", "name"]  # the five themes before the tags
        verbose_name = _("theme or tag")
        verbose_name_plural = _("themes and tags")

    def __str__(self) -> str:
        return self.name


class TargetGroup(LocalizedNameMixin, models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)
    name_fr = models.CharField(_("name in French"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name


class SdgTarget(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("e.g. 10.7"))
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"SDG {self.code}"


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clipped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


class Programme(models.Model):
    """A programme fiche: what it wants, who funds and runs it, where, and since when."""

    key = models.CharField(_("key"), max_length=60, unique=True,
                           help_text=_("Short name, e.g. ProGEM"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=400)
    objectives = models.TextField(_("objectives"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    main_features = models.TextField(_("main features"), blank=True)
    nexus = models.TextField(_("migration and development nexus"), blank=True)
    status = models.CharField(_("status (IATI ActivityStatus)"), max_length=1,
                              choices=ActivityStatus.choices, default=ActivityStatus.IMPLEMENTATION)
    start_date = models.DateField(_("start"), null=True, blank=True,
                                  help_text=_("First day of the start year or month."))
    start_precision = models.CharField(_("start precision"), max_length=5,
                                       choices=DatePrecision.choices, default=DatePrecision.MONTH)
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), null=True, blank=True, validators=[MaxValueValidator(600)])
    implementing_agency = models.ForeignKey(
        Organisation, verbose_name=_("implementing agency"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="implemented_programmes",
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes and tags"), blank=True,
                                    related_name="programmes")
    target_groups = models.ManyToManyField(TargetGroup, verbose_name=_("target groups"),
                                           blank=True, related_name="programmes")
    sdg_targets = models.ManyToManyField(SdgTarget, verbose_name=_("SDG targets"), blank=True,
                                         related_name="programmes")
    published = models.BooleanField(_("published"), default=False)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        indexes = [models.Index(fields=["published", "start_date"])]

    def __str__(self) -> str:
        return f"{self.key}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("registry:programme", args=[self.slug])

    @property
    def end_date(self) -> dt.date | None:
        """The last day covered: start plus duration, minus one day."""
        if self.start_date is None or self.duration_months is None:
            return None
        return add_months(self.start_date, self.duration_months) - dt.timedelta(days=1)

    @property
    def start_label(self) -> str:
        if self.start_date is None:
            return ""
        if self.start_precision == DatePrecision.YEAR:
            return str(self.start_date.year)
        if self.start_precision == DatePrecision.MONTH:
            return self.start_date.strftime("%Y-%m")
        return self.start_date.isoformat()

    @property
    def end_label(self) -> str:
        end = self.end_date
        if end is None:
            return ""
        if self.start_precision == DatePrecision.YEAR:
            return str(end.year)
        if self.start_precision == DatePrecision.MONTH:
            return end.strftime("%Y-%m")
        return end.isoformat()


class Funding(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="fundings",
                                  verbose_name=_("programme"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="fundings", verbose_name=_("funder"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, null=True,
                                 blank=True, validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering = ["programme", "-amount", "pk"]
        verbose_name = _("funding")
        verbose_name_plural = _("fundings")

    def __str__(self) -> str:
        if self.amount is None:
            return str(self.organisation)
        return f"{self.organisation}: {self.currency} {self.amount:,.0f}"


class Participation(models.Model):
    """A partner organisation of a programme, in an IATI OrganisationRole."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="participations", verbose_name=_("programme"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="participations",
                                     verbose_name=_("organisation"))
    role = models.CharField(_("role (IATI OrganisationRole)"), max_length=1,
                            choices=OrganisationRole.choices)
    description = models.CharField(_("what they do"), max_length=300, blank=True)

    class Meta:
        ordering = ["programme", "role", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["programme", "organisation", "role"],
                                    name="one_role_per_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProgrammePlace(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="programme_places", verbose_name=_("programme"))
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="programme_places",
                              verbose_name=_("place"))
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2, null=True,
                                     blank=True,
                                     validators=[MinValueValidator(0), MaxValueValidator(100)])
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering = ["programme", "place__level", "place__name"]
        verbose_name = _("programme place")
        verbose_name_plural = _("programme places")
        constraints = [
            models.UniqueConstraint(fields=["programme", "place"], name="one_entry_per_place"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.key} @ {self.place}"


class WebLink(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="links",
                                  verbose_name=_("programme"))
    url = models.URLField(_("address"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        ordering = ["programme", "pk"]
        verbose_name = _("web link")
        verbose_name_plural = _("web links")

    def __str__(self) -> str:
        return self.label or self.url


class SourceDocument(models.Model):
    """A report, spreadsheet or page that facts in the registry come from."""

    title = models.CharField(_("title"), max_length=400)
    publisher = models.CharField(_("publisher"), max_length=250, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    filename = models.CharField(_("file name"), max_length=250, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.title


class FieldSource(models.Model):
    """Where the value of one field of a programme was read: document, character span, page."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sources",
                                  verbose_name=_("programme"))
    field = models.CharField(_("field"), max_length=60)
    document = models.ForeignKey(SourceDocument, on_delete=models.PROTECT,
                                 related_name="field_sources", verbose_name=_("document"))
    span_start = models.PositiveIntegerField(_("first character"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("character after the last"), null=True, blank=True)
    page = models.PositiveIntegerField(_("page"), null=True, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)

    class Meta:
        ordering = ["programme", "field", "span_start"]
        verbose_name = _("field source")
        verbose_name_plural = _("field sources")

    def __str__(self) -> str:
        return f"{self.programme.key}.{self.field} <- {self.document}"

