"""A small results framework for tests, built through the services.

    framework = make_framework()  # programme NIGER-1, 2019-2022, implemented by IMP-NIGER-1,
                                  # funded by FUND; a count by sex x population group, a
                                  # percentage and a qualitative indicator
    value_input(framework.indicator, framework.year2020, "NE-1", {"sex": "female"}, 12)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from observatory.accounts.services import create_account
from observatory.registry.models import Place, Programme
from observatory.registry.tests.factories import make_organisation, make_programme, place
from observatory.results import services
from observatory.results.models import Indicator, Period, PeriodType, Result, ValueKind
from observatory.results.validation import ValueInput


@dataclass
class Framework:
    programme: Programme
    result: Result
    indicator: Indicator  # count, by sex and population group
    share: Indicator  # percentage, no dimensions
    story: Indicator  # qualitative
    year2020: Period
    year2021: Period
    editor: Any  # editor of the implementing organisation
    funder: Any  # editor of the funding organisation (approves)
    outsider: Any  # editor of another organisation


def make_framework(key: str = "NIGER-1") -> Framework:
    implementer, funder_org = make_organisation(f"IMP-{key}"), make_organisation("FUND")
    programme = make_programme(key, agency=implementer, funders=[(funder_org, 1_000_000, "EUR")],
                               start=dt.date(2019, 1, 1), start_precision="year",
                               duration_months=48, places=["NE-1"])
    result = services.add_result(programme, "People find work", type="1")
    indicator = services.add_indicator(result, "People trained", unit="people",
                                       dimensions=["sex", "population_group"],
                                       baseline_value=0, baseline_year=2019)
    share = services.add_indicator(result, "Share of trainees employed", measure="2", unit="%")
    story = services.add_indicator(result, "How employers see the trainees", measure="5")
    return Framework(
        programme, result, indicator, share, story,
        services.period_for(dt.date(2020, 6, 1), PeriodType.YEAR),
        services.period_for(dt.date(2021, 6, 1), PeriodType.YEAR),
        create_account(f"{key}-editor", "pw-editor-1", "editor", implementer),
        create_account(f"{key}-funder", "pw-funder-1", "editor", funder_org),
        create_account(f"{key}-outsider", "pw-outsider-1", "editor", make_organisation("OUT")),
    )


def value_input(indicator: Indicator, period: Period, where: str | Place,
                categories: dict[str, str] | None = None, number: float | None = None, *,
                kind: int = ValueKind.ACTUAL, narrative: str = "", row: int | None = None,
                ) -> ValueInput:
    return ValueInput(indicator, period, place(where), categories or {}, kind, number,
                      narrative, row=row)
