"""Where a programme works, as IATI wants it: recipient countries and regions whose
percentages add up to 100, and locations for the places below country level."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.utils.translation import gettext as _

from observatory.registry.models import Place, PlaceLevel, ProgrammePlace

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass
class Recipient:
    kind: str  # "country" or "region"
    code: str  # ISO 3166-1 alpha-2, or IATI Region code (vocabulary 1)
    place: Place
    percentage: Decimal


def even(total: Decimal, count: int) -> list[Decimal]:
    """``total`` in ``count`` shares of whole cents; the first takes what rounding leaves."""
    if count <= 0:
        return []
    share = (total / count).quantize(CENT, rounding=ROUND_DOWN)
    shares = [share] * count
    shares[0] += total - share * count
    return shares


def spread(percentages: Sequence[Decimal | None]) -> tuple[list[Decimal], bool]:
    """Percentages that add up to exactly 100, and whether any was changed or filled in.

    Known percentages are kept when they leave room for the unknown ones, which share the rest
    evenly; known ones that do not add up to 100 on their own are scaled to 100; with nothing
    usable, every entry gets an even share."""
    count = len(percentages)
    if count == 0:
        return [], False
    if count == 1:
        return [HUNDRED], percentages[0] != HUNDRED
    known = [p for p in percentages if p is not None]
    total = sum(known, Decimal(0))
    unknown = count - len(known)
    if unknown == 0 and total == HUNDRED:
        return [Decimal(p) for p in known], False
    if unknown and total < HUNDRED:
        rest = iter(even(HUNDRED - total, unknown))
        return [p if p is not None else next(rest) for p in percentages], True
    if unknown == 0 and total > 0:
        scaled = [(p * HUNDRED / total).quantize(CENT) for p in known]
        largest = max(range(count), key=lambda i: scaled[i])
        scaled[largest] += HUNDRED - sum(scaled, Decimal(0))
        return scaled, True
    return even(HUNDRED, count), True


def recipients(entries: Iterable[ProgrammePlace]) -> tuple[list[Recipient], list[str]]:
    """Countries (named, or the country of a place below) and IATI regions, with percentages.

    A country's own percentage is used; without one, the sum of its places' percentages when
    they all have one."""
    notes: list[str] = []
    own: dict[int, Decimal | None] = {}
    below: dict[int, list[Decimal | None]] = {}
    countries: dict[int, Place] = {}
    regions: list[tuple[Place, Decimal | None]] = []
    for entry in entries:
        place = entry.place
        if place.level == PlaceLevel.WORLD_REGION:
            if place.iati_region:
                regions.append((place, entry.percentage))
            else:
                notes.append(_("%(place)s has no IATI region code and is left out.")
                             % {"place": place.name})
            continue
        country = place if place.level == PlaceLevel.COUNTRY else place.country
        if country is None or not country.code:
            notes.append(_("%(place)s lies in no known country and is left out.")
                         % {"place": place.name})
            continue
        countries[country.pk] = country
        if place.level == PlaceLevel.COUNTRY:
            own[country.pk] = entry.percentage
        else:
            below.setdefault(country.pk, []).append(entry.percentage)

    def country_share(pk: int) -> Decimal | None:
        if own.get(pk) is not None:
            return own[pk]
        parts = below.get(pk, [])
        if parts and all(p is not None for p in parts):
            return sum((p for p in parts if p is not None), Decimal(0))
        return None

    listed = sorted(countries.values(), key=lambda c: c.code or "")
    found = [Recipient("country", c.code or "", c, Decimal(0)) for c in listed]
    shares = [country_share(c.pk) for c in listed]
    for place, percentage in sorted(regions, key=lambda r: r[0].iati_region):
        found.append(Recipient("region", place.iati_region, place, Decimal(0)))
        shares.append(percentage)
    final, changed = spread(shares)
    for recipient, share in zip(found, final, strict=True):
        recipient.percentage = share
    if changed and len(found) > 1:
        notes.append(_("Recipient percentages were missing or did not add up to 100; they were "
                       "completed so that they do."))
    return found, notes


def location_ref(place: Place) -> str:
    return place.code or f"place-{place.pk}"


def location_order(place: Place) -> tuple[int, str, str]:
    return (place.level, place.name, location_ref(place))


def default_place(found: Sequence[Recipient]) -> Place | None:
    """Values at the programme's only recipient country need no location."""
    if len(found) == 1 and found[0].kind == "country":
        return found[0].place
    return None
