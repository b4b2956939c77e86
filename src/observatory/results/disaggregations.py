"""Combinations of categories: canonical keys, lookup and creation, and the grids they form."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Category, Dimension, Disaggregation

Combination = dict[str, str]  # dimension code -> category code


def key_of(combination: Mapping[str, str]) -> str:
    """``{"sex": "female", "population_group": "migrant"}`` gives
    ``population_group=migrant;sex=female``; the empty combination (the total) gives ``""``."""
    return ";".join(f"{dim}={cat}" for dim, cat in sorted(combination.items()) if cat)


def parse_key(key: str) -> Combination:
    combination: Combination = {}
    for part in filter(None, (p.strip() for p in key.split(";"))):
        dim, _sep, cat = part.partition("=")
        combination[dim.strip()] = cat.strip()
    return combination


class DisaggregationCache:
    """Finds or creates Disaggregation rows, remembering them for the length of one operation."""

    def __init__(self) -> None:
        self._by_key: dict[str, Disaggregation] = {}
        self._categories: dict[tuple[str, str], Category] | None = None

    def categories(self) -> dict[tuple[str, str], Category]:
        if self._categories is None:
            self._categories = {(c.dimension.code, c.code): c
                                for c in Category.objects.select_related("dimension")}
        return self._categories

    def get(self, combination: Mapping[str, str]) -> Disaggregation:
        key = key_of(combination)
        found = self._by_key.get(key)
        if found is not None:
            return found
        found = Disaggregation.objects.filter(key=key).first()
        if found is None:
            categories = []
            for dim, cat in combination.items():
                if not cat:
                    continue
                category = self.categories().get((dim, cat))
                if category is None:
                    raise ValidationError(
                        _("Unknown category %(category)s of dimension %(dimension)s.")
                        % {"category": cat, "dimension": dim})
                categories.append(category)
            found = Disaggregation.objects.create(key=key)
            found.categories.set(categories)
        self._by_key[key] = found
        return found

    def by_id(self, ids: Iterable[int]) -> dict[int, Combination]:
        return {d.pk: parse_key(d.key) for d in Disaggregation.objects.filter(pk__in=set(ids))}


def active_categories(dimensions: Iterable[Dimension]) -> dict[str, list[Category]]:
    """Each dimension's categories that are still offered, in display order."""
    return {d.code: [c for c in d.categories.all() if c.active] for d in dimensions}


def full_grid(dimensions: list[Dimension]) -> list[Combination]:
    """Every combination at the finest grain of an indicator's dimensions (the entry cells)."""
    per_dim = active_categories(dimensions)
    codes = [d.code for d in dimensions]
    return [dict(zip(codes, cats, strict=True))
            for cats in itertools.product(*[[c.code for c in per_dim[code]] for code in codes])]


def all_levels(dimensions: list[Dimension]) -> list[Combination]:
    """Every combination of every subset of the dimensions, the total included."""
    per_dim = active_categories(dimensions)
    codes = [d.code for d in dimensions]
    combos: list[Combination] = []
    for size in range(len(codes), -1, -1):
        for subset in itertools.combinations(codes, size):
            for cats in itertools.product(*[[c.code for c in per_dim[code]] for code in subset]):
                combos.append(dict(zip(subset, cats, strict=True)))
    return combos
