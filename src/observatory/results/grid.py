"""The data-entry grid of one indicator: cells at the finest grain, row and column totals."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from observatory.registry.models import Place

from .disaggregations import Combination, active_categories, key_of
from .models import DataValue, Indicator, Period, ValueKind, ValueStatus
from .selectors import group_values
from .validation import Violation, check_sums, outliers

LOCKED = (ValueStatus.SUBMITTED, ValueStatus.APPROVED)


@dataclass
class Cell:
    key: str
    value: DataValue | None
    locked: bool
    flagged: list[Violation] = field(default_factory=list)

    @property
    def number(self) -> str:
        if self.value is None or self.value.value is None:
            return ""
        return f"{self.value.value:g}"

    @property
    def derived(self) -> bool:
        return self.value is not None and self.value.derived


@dataclass
class Row:
    label: str
    cells: list[Cell]
    total: Cell | None


@dataclass
class Grid:
    indicator: Indicator
    kind: int
    column_labels: list[str]
    rows: list[Row]
    column_totals: list[Cell]
    grand_total: Cell
    violations: list[Violation]
    narrative: str = ""
    statuses: set[int] = field(default_factory=set)

    @property
    def locked(self) -> bool:
        return bool(self.statuses) and self.statuses <= set(LOCKED)


def build_grid(indicator: Indicator, period: Period, place: Place, kind: int,
               violations: list[Violation] | None = None) -> Grid:
    """Columns are the categories of the last dimension, rows every combination of the others.
    Row totals sum over the column dimension, column totals over all row dimensions."""
    values = group_values(indicator, period, place, kind)
    dims = list(indicator.dimensions.all())
    per_dim = active_categories(dims)
    if violations is None:
        violations = check_sums(indicator, values.values(), period, place, kind)
        if kind == ValueKind.ACTUAL:
            violations += outliers([v for v in values.values() if not v.derived])
    flagged: dict[str, list[Violation]] = {}
    for violation in violations:
        flagged.setdefault(str(violation.cell.get("key", "")), []).append(violation)

    def cell(combination: Combination) -> Cell:
        key = key_of(combination)
        value = values.get(key)
        locked = (kind == ValueKind.ACTUAL and value is not None and not value.derived
                  and value.status in LOCKED)
        return Cell(key, value, locked, flagged.get(key, []))

    if not dims:
        total = cell({})
        return Grid(indicator, kind, [], [], [], total, violations,
                    values[""].narrative if "" in values else "",
                    {v.status for v in values.values()})
    column_dim, row_dims = dims[-1], dims[:-1]
    columns = per_dim[column_dim.code]
    row_combos: list[Combination] = [
        dict(zip([d.code for d in row_dims], cats, strict=True))
        for cats in itertools.product(*[[c.code for c in per_dim[d.code]] for d in row_dims])]
    labels = {(d.code, c.code): c.label for d in dims for c in per_dim[d.code]}
    rows = []
    for combo in row_combos:
        label = " · ".join(labels[(dim, cat)] for dim, cat in combo.items()) or _("All")
        rows.append(Row(label,
                        [cell({**combo, column_dim.code: c.code}) for c in columns],
                        cell(combo) if row_dims else None))
    column_totals = [cell({column_dim.code: c.code}) for c in columns] if row_dims else []
    return Grid(indicator, kind, [c.label for c in columns], rows, column_totals, cell({}),
                violations, "", {v.status for v in values.values()})
