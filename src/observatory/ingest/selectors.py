"""Reads of the review queue."""

import re
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from observatory.registry.selectors import SOURCE_FIELD_LABELS

from .models import DraftFiche, ExtractedField, FicheStatus, IngestionRun

CONTEXT = 220  # characters of the document shown after a value's span
CONTEXT_BEFORE = 120  # and before it
BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

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


def source_context(text: str, start: int, end: int, floor: int = 0,
                   ceiling: int | None = None) -> dict[str, Any]:
    """The document around a span: before, the span itself, after.

    The context stays within ``floor``–``ceiling`` (the fiche), starts at a line, and runs of
    blank lines are shortened, so that the span shows near the top of its box."""
    ceiling = len(text) if ceiling is None else max(ceiling, end)
    floor = min(floor, start)
    before_start = max(floor, start - CONTEXT_BEFORE)
    before = text[before_start:start]
    if before_start > floor and "\n" in before:
        before = before[before.index("\n") + 1:]
    after_end = min(ceiling, end + CONTEXT)
    after = text[end:after_end]
    return {"before": ("…" if before_start > floor else "") + _blank_lines(before).lstrip("\n"),
            "span": text[start:end],
            "after": _blank_lines(after) + ("…" if after_end < ceiling else "")}


def _blank_lines(text: str) -> str:
    return BLANK_LINES.sub("\n\n", text)


def fiche_source_context(fiche: DraftFiche, found: ExtractedField) -> dict[str, Any]:
    text = fiche.run.document.text if fiche.run.document else ""
    return source_context(text, found.span_start, found.span_end, fiche.span_start,
                          fiche.span_end)
