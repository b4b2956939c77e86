"""Reads of the review queue."""

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from observatory.registry.selectors import SOURCE_FIELD_LABELS

from .models import DraftFiche, ExtractedField, FicheStatus, IngestionRun

CONTEXT = 220  # characters of the document shown around a value's span

FIELD_ORDER = ["key", "title", "objectives", "expected_results", "main_features", "nexus",
               "funders", "start", "duration_months", "countries", "places", "partners",
               "sites", "challenges", "good_practices", "covid_adaptations", "testimony",
               "indicators"]


def recent_runs(limit: int = 30) -> QuerySet[IngestionRun]:
    return (IngestionRun.objects.select_related("document", "started_by")
            .annotate(pending=Count("fiches", filter=Q(fiches__status=FicheStatus.PENDING)))
            .order_by("-started_at")[:limit])


def pending_fiches() -> QuerySet[DraftFiche]:
    return (DraftFiche.objects.filter(status=FicheStatus.PENDING)
            .select_related("run", "existing_programme").order_by("-run__started_at", "order"))


FIELD_LABELS = {
    **SOURCE_FIELD_LABELS,
    "duration_months": _("Duration in months"), "countries": _("Countries"),
    "sites": _("Project sites"), "challenges": _("Challenges"),
    "good_practices": _("Good practices"), "covid_adaptations": _("COVID-19 adaptations"),
    "testimony": _("Testimony"), "indicators": _("Suggested indicator values"),
}


def fields_for_review(fiche: DraftFiche) -> list[tuple[str, list[ExtractedField]]]:
    """The fiche's values grouped by field, in the order of a fiche, with readable labels."""
    grouped: dict[str, list[ExtractedField]] = {}
    for found in fiche.fields.all():
        grouped.setdefault(found.name, []).append(found)
    order = {name: n for n, name in enumerate(FIELD_ORDER)}
    return [(str(FIELD_LABELS.get(name, name)), found)
            for name, found in sorted(grouped.items(), key=lambda item: order.get(item[0], 99))]


def source_context(text: str, start: int, end: int) -> dict[str, Any]:
    """The document around a span: before, the span itself, after."""
    before_start = max(0, start - CONTEXT)
    after_end = min(len(text), end + CONTEXT)
    return {"before": ("…" if before_start else "") + text[before_start:start],
            "span": text[start:end],
            "after": text[end:after_end] + ("…" if after_end < len(text) else "")}
