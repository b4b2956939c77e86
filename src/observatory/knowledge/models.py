"""The knowledge base: what programmes learnt, as searchable statements."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from observatory.registry.models import Programme, SourceDocument, Theme


class StatementKind(models.TextChoices):
    CHALLENGE = "challenge", _("Challenge")
    GOOD_PRACTICE = "good_practice", _("Good practice")
    COVID_ADAPTATION = "covid_adaptation", _("COVID-19 adaptation")
    TESTIMONY = "testimony", _("Testimony")
    LESSON = "lesson", _("Lesson")


class Statement(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="statements",
                                  verbose_name=_("programme"))
    kind = models.CharField(_("kind"), max_length=20, choices=StatementKind.choices)
    text = models.TextField(_("text"))
    themes = models.ManyToManyField(Theme, verbose_name=_("themes and tags"), blank=True,
                                    related_name="statements")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source_document = models.ForeignKey(SourceDocument, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="statements",
                                        verbose_name=_("source document"))
    span_start = models.PositiveIntegerField(_("first character"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("character after the last"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["programme", "kind", "order", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return f"{self.programme.key} – {self.get_kind_display()}: {self.text[:60]}"
