"""Which programmes an export covers: named ones, a search of the programme list, or an
organisation's; always through the registry's visibility rules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict

from observatory.registry.forms import ProgrammeFilterForm
from observatory.registry.models import Programme
from observatory.registry.selectors import (
    ProgrammeFilters,
    search_programmes,
    visible_programmes,
)

from .export import for_export


def by_keys(user: Any, keys: Iterable[str]) -> QuerySet[Programme]:
    return for_export(visible_programmes(user).filter(key__in=list(keys)))


def by_search(user: Any, filters: ProgrammeFilters) -> QuerySet[Programme]:
    ids = search_programmes(user, filters).values("pk")
    return for_export(Programme.objects.filter(pk__in=ids))


def from_query(user: Any, query: QueryDict) -> QuerySet[Programme]:
    """``?programme=KEY`` (repeatable), else the programme list's own filters (``q``,
    ``country``, ``organisation`` …): what the list page shows, every page of it."""
    keys = [k for k in query.getlist("programme") if k.strip()]
    if keys:
        return by_keys(user, keys)
    form = ProgrammeFilterForm(query or None, user=user)
    if form.is_bound and not form.is_valid():
        # The list page ignores a filter it cannot use; a download must not turn an unknown
        # organisation or theme into "every programme".
        return Programme.objects.none()
    return by_search(user, form.to_filters())
