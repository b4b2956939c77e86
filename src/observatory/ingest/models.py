"""Uploaded reports, ingestion runs, and the review queue of extracted fiches.

An ingestion never writes to the registry: it fills the queue (DraftFiche and ExtractedField).
Only a reviewer's decisions move values into a Programme, so nothing published changes until
somebody accepts it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from observatory.registry.models import Programme, SourceDocument


class Document(models.Model):
    filename = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=8)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size_bytes = models.PositiveBigIntegerField(_("size in bytes"))
    text = models.TextField(_("text"))
    page_starts = models.JSONField(_("page start offsets"), default=list)
    source = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="ingested_documents")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ingested document")
        verbose_name_plural = _("ingested documents")

    def __str__(self) -> str:
        return self.filename

    def page_of(self, offset: int) -> int | None:
        if len(self.page_starts) <= 1:
            return None
        page = 0
        for n, start in enumerate(self.page_starts):
            if start <= offset:
                page = n
        return page + 1


class RunStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


class IngestionRun(models.Model):
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="runs")
    filename = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices)
    error = models.TextField(_("error"), blank=True)
    fiche_count = models.PositiveIntegerField(_("fiches found"), default=0)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    seconds = models.FloatField(_("seconds"), default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("ingestion run")
        verbose_name_plural = _("ingestion runs")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("ingest:run", args=[self.pk])


class FicheStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPLIED = "applied", _("Applied to the registry")
    REJECTED = "rejected", _("Rejected")


class DraftFiche(models.Model):
    """A fiche found in a document: the draft of a programme, waiting for a reviewer."""

    run = models.ForeignKey(IngestionRun, on_delete=models.CASCADE, related_name="fiches")
    order = models.PositiveIntegerField(_("order"))
    key = models.CharField(_("key"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    status = models.CharField(_("status"), max_length=10, choices=FicheStatus.choices,
                              default=FicheStatus.PENDING)
    existing_programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("A programme with the same key, found when the fiche was extracted."))
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="draft_fiches",
                                  help_text=_("The programme the fiche was applied to."))

    class Meta:
        ordering = ["run", "order"]
        verbose_name = _("draft fiche")
        verbose_name_plural = _("draft fiches")

    def __str__(self) -> str:
        return f"{self.key or self.title or self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("ingest:fiche", args=[self.pk])


class FieldStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EDITED = "edited", _("Edited")
    REJECTED = "rejected", _("Rejected")


class ExtractedField(models.Model):
    """One value found for a fiche (one funder, one challenge, the title…) and where."""

    fiche = models.ForeignKey(DraftFiche, on_delete=models.CASCADE, related_name="fields")
    name = models.CharField(_("field"), max_length=40)
    order = models.PositiveIntegerField(_("order"), default=0)
    value = models.JSONField(_("extracted value"))
    edited_value = models.JSONField(_("reviewer's value"), null=True, blank=True)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    page = models.PositiveIntegerField(null=True, blank=True)
    match = models.JSONField(_("match in the registry"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=FieldStatus.choices,
                              default=FieldStatus.PENDING)

    class Meta:
        ordering = ["fiche", "order"]
        verbose_name = _("extracted field")
        verbose_name_plural = _("extracted fields")
        indexes = [models.Index(fields=["fiche", "name"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.final_value}"

    @property
    def final_value(self):  # type: ignore[no-untyped-def]
        return self.edited_value if self.status == FieldStatus.EDITED else self.value


class ReviewDecision(models.Model):
    """Who decided what, when: the audit trail of the review queue."""

    fiche = models.ForeignKey(DraftFiche, on_delete=models.CASCADE, related_name="decisions")
    field = models.ForeignKey(ExtractedField, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="decisions")
    action = models.CharField(_("action"), max_length=20)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.fiche}"
