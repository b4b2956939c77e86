"""Reads of the registry, with the visibility rules applied in one place."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from observatory.accounts.roles import is_administrator, is_editor, user_organisation_id
from observatory.text import search_terms

from .codelists import OrganisationRole
from .models import Organisation, Place, PlaceLevel, Programme, ProgrammePlace
from .services import involving

SORTS = {
    "relevance": None,
    "title": ["title"],
    "key": ["key"],
    "start": ["start_date", "key"],
    "-start": ["-start_date", "key"],
    "-updated": ["-updated_at", "key"],
}


@dataclass
class ProgrammeFilters:
    """What the list page, the knowledge search and the API filter programmes by."""

    q: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    place: int | None = None
    theme: str = ""  # slug
    organisation: str = ""  # slug: implementing agency, funder or partner
    target_group: str = ""  # slug
    start_year: int | None = None
    status: str = ""
    sort: str = ""


def visible_programmes(user: Any) -> QuerySet[Programme]:
    """Administrators see every programme; others the published ones and their organisation's."""
    programmes = Programme.objects.all()
    if is_administrator(user):
        return programmes
    organisation_id = user_organisation_id(user)
    if organisation_id is None:
        return programmes.filter(published=True)
    own = Programme.objects.filter(involving(organisation_id)).values("pk")
    return programmes.filter(Q(published=True) | Q(pk__in=own))


def place_and_descendant_ids(place: Place) -> set[int]:
    ids, frontier = {place.pk}, {place.pk}
    while frontier:
        frontier = set(Place.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier -= ids
        ids |= frontier
    return ids


def filter_programmes(programmes: QuerySet[Programme], filters: ProgrammeFilters,
                      prefix: str = "") -> QuerySet[Programme]:
    """Apply ``filters``; ``prefix`` reaches the programme from another model ("programme__")."""
    p = prefix
    for term in search_terms(filters.q):
        programmes = programmes.filter(**{f"{p}search_text__contains": term})
    place_ids: set[int] | None = None
    if filters.country:
        country = Place.objects.filter(code=filters.country.upper(),
                                       level=PlaceLevel.COUNTRY).first()
        place_ids = place_and_descendant_ids(country) if country else set()
    if filters.place is not None:
        place = Place.objects.filter(pk=filters.place).first()
        ids = place_and_descendant_ids(place) if place else set()
        place_ids = ids if place_ids is None else place_ids & ids
    if place_ids is not None:
        programmes = programmes.filter(**{
            f"{p}pk__in": ProgrammePlace.objects.filter(place_id__in=place_ids)
            .values("programme_id")})
    if filters.theme:
        programmes = programmes.filter(**{f"{p}themes__slug": filters.theme})
    if filters.target_group:
        programmes = programmes.filter(**{f"{p}target_groups__slug": filters.target_group})
    if filters.organisation:
        organisation = Organisation.objects.filter(slug=filters.organisation).first()
        involved = (Programme.objects.filter(involving(organisation.pk)).values("pk")
                    if organisation else Programme.objects.none().values("pk"))
        programmes = programmes.filter(**{f"{p}pk__in": involved})
    if filters.start_year:
        programmes = programmes.filter(**{f"{p}start_date__year": filters.start_year})
    if filters.status:
        programmes = programmes.filter(**{f"{p}status": filters.status})
    return programmes


def search_programmes(user: Any, filters: ProgrammeFilters) -> QuerySet[Programme]:
    programmes = filter_programmes(visible_programmes(user), filters)
    programmes = programmes.select_related("implementing_agency").distinct()
    sort = filters.sort if filters.sort in SORTS else ""
    if not sort:
        sort = "relevance" if filters.q.strip() else "-start"
    if sort == "relevance":
        query = filters.q.strip()
        programmes = programmes.annotate(rank=Case(
            When(key__iexact=query, then=Value(3)),
            When(title__icontains=query, then=Value(2)),
            default=Value(1), output_field=IntegerField(),
        )).order_by("-rank", "-start_date", "key")
    else:
        programmes = programmes.order_by(*SORTS[sort])
    return programmes


def programme_for(user: Any, slug: str) -> Programme | None:
    return (visible_programmes(user)
            .select_related("implementing_agency")
            .prefetch_related("themes", "target_groups", "sdg_targets", "links",
                              "fundings__organisation", "participations__organisation",
                              "programme_places__place__parent__parent__parent",
                              "sources__document")
            .filter(slug=slug).first())


def budget_totals(programme: Programme) -> dict[str, Decimal]:
    """Total funding by currency; amounts in different currencies are never added together."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for funding in programme.fundings.all():
        if funding.amount is not None:
            totals[funding.currency] += funding.amount
    return dict(sorted(totals.items()))


def partners_by_role(programme: Programme) -> list[tuple[str, list[Any]]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for participation in programme.participations.all():
        grouped[participation.get_role_display()].append(participation)
    order = [label for _code, label in OrganisationRole.choices]
    return sorted(grouped.items(), key=lambda item: order.index(item[0]))


SOURCE_FIELD_LABELS = {
    "key": _("Short name"), "title": _("Title"), "objectives": _("Objectives"),
    "expected_results": _("Expected results"), "main_features": _("Main features"),
    "nexus": _("Migration and development nexus"), "funders": _("Funders"),
    "start": _("Start"), "duration": _("Duration"), "places": _("Places"),
    "partners": _("Partners"), "links": _("Web links"),
}


def sources_by_document(programme: Programme) -> list[tuple[Any, list[tuple[str, Any]]]]:
    """The programme's field sources grouped by document, each with a readable field label."""
    grouped: dict[int, tuple[Any, list[tuple[str, Any]]]] = {}
    for source in sorted(programme.sources.all(), key=lambda s: (s.span_start or 0, s.field)):
        label = str(SOURCE_FIELD_LABELS.get(source.field, source.field.replace("_", " ")))
        grouped.setdefault(source.document_id, (source.document, []))[1].append((label, source))
    return list(grouped.values())


def country_of(place: Place) -> Place | None:
    return place.country


def programme_countries(programme: Programme) -> list[Place]:
    countries: dict[int, Place] = {}
    for entry in programme.programme_places.all():
        country = country_of(entry.place)
        if country is not None:
            countries[country.pk] = country
    return sorted(countries.values(), key=lambda c: c.name)


def country_programme_counts(user: Any) -> list[dict[str, Any]]:
    """For the map: each country with programmes, its ISO codes and how many programmes."""
    entries = (ProgrammePlace.objects
               .filter(programme__in=visible_programmes(user))
               .select_related("place__parent__parent__parent"))
    programmes_by_country: dict[int, set[int]] = defaultdict(set)
    countries: dict[int, Place] = {}
    for entry in entries:
        country = country_of(entry.place)
        if country is not None:
            countries[country.pk] = country
            programmes_by_country[country.pk].add(entry.programme_id)
    return sorted(
        ({"code": c.code, "numeric": c.numeric_code, "name": c.label,
          "programmes": len(programmes_by_country[pk])} for pk, c in countries.items()),
        key=lambda row: (-row["programmes"], row["name"]),
    )


def home_counts(user: Any) -> dict[str, int]:
    programmes = visible_programmes(user)
    organisation_ids: set[int] = set()
    for programme in programmes.prefetch_related("fundings", "participations"):
        organisation_ids |= {f.organisation_id for f in programme.fundings.all()}
        organisation_ids |= {p.organisation_id for p in programme.participations.all()}
        if programme.implementing_agency_id:
            organisation_ids.add(programme.implementing_agency_id)
    from observatory.knowledge.models import Statement

    return {
        "programmes": programmes.count(),
        "organisations": len(organisation_ids),
        "countries": len(country_programme_counts(user)),
        "statements": Statement.objects.filter(programme__in=programmes).count(),
    }


def latest_programmes(user: Any, limit: int = 5) -> QuerySet[Programme]:
    return (visible_programmes(user).select_related("implementing_agency")
            .order_by("-start_date", "-created_at")[:limit])


def organisation_programmes_by_role(user: Any, organisation: Organisation
                                    ) -> list[tuple[str, list[Programme]]]:
    """The programmes an organisation implements, funds or takes part in, by role."""
    visible = visible_programmes(user)
    sections: list[tuple[str, list[Programme]]] = []
    implemented = list(visible.filter(implementing_agency=organisation))
    if implemented:
        sections.append(("implementing-agency", implemented))
    funded = list(visible.filter(fundings__organisation=organisation).distinct())
    if funded:
        sections.append(("funder", funded))
    for code, _label in OrganisationRole.choices:
        partnered = list(visible.filter(participations__organisation=organisation,
                                        participations__role=code).distinct())
        if partnered:
            sections.append((code, partnered))
    return sections


def place_programmes(user: Any, place: Place) -> QuerySet[Programme]:
    return (visible_programmes(user)
            .filter(pk__in=ProgrammePlace.objects
                    .filter(place_id__in=place_and_descendant_ids(place))
                    .values("programme_id"))
            .order_by("key"))


def place_children_with_counts(user: Any, place: Place) -> list[Place]:
    """The places right below ``place`` that have visible programmes in or below them, each
    with ``programme_count``, most first."""
    below = place_and_descendant_ids(place) - {place.pk}
    parents = dict(Place.objects.filter(pk__in=below).values_list("pk", "parent_id"))
    programmes_by_child: dict[int, set[int]] = defaultdict(set)
    entries = ProgrammePlace.objects.filter(place_id__in=below,
                                            programme__in=visible_programmes(user).values("pk"))
    for place_id, programme_id in entries.values_list("place_id", "programme_id"):
        while parents.get(place_id) != place.pk:
            place_id = parents[place_id]
        programmes_by_child[place_id].add(programme_id)
    children = list(Place.objects.filter(pk__in=programmes_by_child))
    for child in children:
        child.programme_count = len(programmes_by_child[child.pk])
    return sorted(children, key=lambda c: (-c.programme_count, c.name))


def filter_choices(user: Any) -> dict[str, Any]:
    """Options for the filter forms: only values a visible programme uses, to keep lists short."""
    from .models import TargetGroup, Theme

    visible = visible_programmes(user)
    used_places = (ProgrammePlace.objects.filter(programme__in=visible)
                   .select_related("place__parent__parent__parent"))
    countries = {c.pk: c for c in (country_of(e.place) for e in used_places) if c is not None}
    visible_ids = visible.values("pk")
    used_orgs = (Organisation.objects.filter(
        Q(implemented_programmes__in=visible_ids) | Q(fundings__programme__in=visible_ids)
        | Q(participations__programme__in=visible_ids)).distinct().order_by("name"))
    years = sorted({d.year for d in visible.exclude(start_date=None)
                    .values_list("start_date", flat=True)}, reverse=True)
    return {
        "countries": sorted(countries.values(), key=lambda c: c.label),
        "themes": list(Theme.objects.all()),
        "organisations": list(used_orgs),
        "target_groups": list(TargetGroup.objects.all()),
        "years": years,
    }


def editable_programmes(user: Any) -> QuerySet[Programme]:
    """Administrators edit every programme; editors those their organisation implements or is
    accountable for; everyone else none."""
    if is_administrator(user):
        return Programme.objects.all()
    organisation_id = user_organisation_id(user)
    if not is_editor(user) or organisation_id is None:
        return Programme.objects.none()
    own_roles = [OrganisationRole.ACCOUNTABLE, OrganisationRole.IMPLEMENTING]
    return Programme.objects.filter(
        Q(implementing_agency_id=organisation_id)
        | Q(pk__in=Programme.objects.filter(participations__organisation_id=organisation_id,
                                            participations__role__in=own_roles).values("pk")))


def can_edit_programme(user: Any, programme: Programme) -> bool:
    return editable_programmes(user).filter(pk=programme.pk).exists()
