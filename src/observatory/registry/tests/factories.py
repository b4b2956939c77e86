"""Small registries for tests, built through the services like real data.

    agency = make_organisation("GIZ")
    make_programme("ProGEM", agency=agency, funders=[("EUTF", 25_000_000, "EUR")],
                   statements=[("challenge", "Mayors change after elections.")])

Organisations may be given as records or as acronyms (created on first use).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from observatory.registry import services
from observatory.registry.codelists import ActivityStatus, OrganisationRole
from observatory.registry.models import (
    Organisation,
    Place,
    Programme,
    SdgTarget,
    TargetGroup,
    Theme,
)

OrganisationLike = Organisation | str
# (funder, amount, currency), or just the funder
FunderLike = OrganisationLike | tuple[OrganisationLike, Decimal | int | str | None, str]
# (kind, text), or just the text of a challenge
StatementLike = str | tuple[str, str]


def make_organisation(acronym: str, name: str = "", **fields: Any) -> Organisation:
    """The organisation with this acronym, created (named ``name`` or the acronym) if new."""
    return services.get_or_create_organisation(name or acronym, acronym, **fields)


def organisation(value: OrganisationLike) -> Organisation:
    return value if isinstance(value, Organisation) else make_organisation(value)


def place(code_or_place: str | Place) -> Place:
    """A place by ISO 3166 code ("NE", "NE-1"), or the place itself."""
    if isinstance(code_or_place, Place):
        return code_or_place
    return Place.objects.get(code=code_or_place.upper())


def make_programme(
    key: str,
    *,
    title: str = "",
    published: bool = True,
    country: str | None = "NE",
    places: Iterable[str | Place | tuple[str | Place, int]] = (),
    agency: OrganisationLike | None = None,
    funders: Iterable[FunderLike] = (),
    partners: Iterable[OrganisationLike | tuple[OrganisationLike, str]] = (),
    themes: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    sdg_targets: Sequence[str] = (),
    start: dt.date | None = None,
    start_precision: str = "month",
    duration_months: int | None = None,
    status: str = ActivityStatus.IMPLEMENTATION,
    statements: Iterable[StatementLike] = (),
    links: Iterable[str] = (),
    **fields: Any,
) -> Programme:
    """A programme with its relations; ``country`` is added to ``places`` unless None.

    ``places`` take ISO codes or places, optionally with a percentage: ``[("NE-1", 60)]``;
    ``partners`` take an organisation, optionally with an IATI role code (default implementing);
    ``themes``, ``target_groups`` are slugs and ``sdg_targets`` codes of the reference data.
    """
    programme = services.save_programme(
        Programme(key=key, title=title or f"{key} programme", published=published,
                  implementing_agency=organisation(agency) if agency is not None else None,
                  start_date=start, start_precision=start_precision,
                  duration_months=duration_months, status=status, **fields),
        themes=Theme.objects.filter(slug__in=themes),
        target_groups=TargetGroup.objects.filter(slug__in=target_groups),
        sdg_targets=SdgTarget.objects.filter(code__in=sdg_targets),
    )
    for funder in funders:
        who, amount, currency = funder if isinstance(funder, tuple) else (funder, None, "")
        services.add_funding(programme, organisation(who), amount, currency)
    for partner in partners:
        who, role = partner if isinstance(partner, tuple) else (partner,
                                                                OrganisationRole.IMPLEMENTING)
        services.add_partner(programme, organisation(who), role)
    entries = [*([country] if country else []), *places]
    for entry in entries:
        where, percentage = entry if isinstance(entry, tuple) else (entry, None)
        services.add_programme_place(programme, place(where), percentage)
    for url in links:
        services.add_link(programme, url)
    if statements:
        from observatory.knowledge.services import add_statement

        for statement in statements:
            kind, text = statement if isinstance(statement, tuple) else ("challenge", statement)
            add_statement(programme, kind, text)
    programme.refresh_from_db()
    return programme
