"""Reads of the knowledge base: what programmes learnt, under the registry's visibility rules."""

from typing import Any

from django.db.models import Q, QuerySet

from observatory.registry.selectors import ProgrammeFilters, filter_programmes, visible_programmes
from observatory.text import search_terms

from .models import Statement


def visible_statements(user: Any) -> QuerySet[Statement]:
    return Statement.objects.filter(programme__in=visible_programmes(user).values("pk"))


def search_statements(user: Any, filters: ProgrammeFilters, kind: str = "") -> QuerySet[Statement]:
    """Statements matching every word of ``filters.q``; the other filters apply to the programme,
    except the theme, which matches the statement's own themes or its programme's."""
    statements = visible_statements(user)
    for term in search_terms(filters.q):
        statements = statements.filter(search_text__contains=term)
    if kind:
        statements = statements.filter(kind=kind)
    programme_filters = ProgrammeFilters(**{**filters.__dict__, "q": "", "theme": ""})
    statements = filter_programmes(statements, programme_filters, prefix="programme__")
    if filters.theme:
        statements = statements.filter(
            Q(themes__slug=filters.theme) | Q(programme__themes__slug=filters.theme))
    return (statements.select_related("programme").prefetch_related("themes")
            .distinct().order_by("programme__key", "kind", "order"))


def statements_by_kind(statements: QuerySet[Statement]) -> list[tuple[str, list[Statement]]]:
    from .models import StatementKind

    grouped: dict[str, list[Statement]] = {}
    for statement in statements:
        grouped.setdefault(statement.kind, []).append(statement)
    return [(label, grouped[value]) for value, label in StatementKind.choices if value in grouped]


def similar_programmes(user: Any, programme: Any, limit: int = 3) -> list[Any]:
    """Programmes sharing the most themes, target groups and countries with this one."""
    from observatory.registry.selectors import programme_countries

    own_themes = set(programme.themes.values_list("pk", flat=True))
    own_groups = set(programme.target_groups.values_list("pk", flat=True))
    own_countries = {c.pk for c in programme_countries(programme)}
    scored = []
    candidates = (visible_programmes(user).exclude(pk=programme.pk)
                  .prefetch_related("themes", "target_groups",
                                    "programme_places__place__parent__parent__parent"))
    for other in candidates:
        score = (2 * len(own_themes & {t.pk for t in other.themes.all()})
                 + len(own_groups & {g.pk for g in other.target_groups.all()})
                 + 2 * len(own_countries & {c.pk for c in programme_countries(other)}))
        if score:
            scored.append((score, other.key, other))
    scored.sort(key=lambda row: (-row[0], row[1]))
    return [other for _score, _key, other in scored[:limit]]
