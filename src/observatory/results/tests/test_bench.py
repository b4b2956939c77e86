"""The results benchmark (bench/results_bench.py) at a tiny scale: its data is what the platform
stores, its loader stores every row, and the three totals it times match sums computed here
from the generated rows. Correctness only; nothing here is timed."""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from django.db import connection

from observatory.registry.models import Place, PlaceLevel
from observatory.results import services
from observatory.results.models import DataValue, Disaggregation, Period, ValueKind, ValueStatus

BENCH = Path(__file__).resolve().parents[4] / "bench"  # the tests run from the repository
sys.path.insert(0, str(BENCH))
import results_data  # noqa: E402

pytestmark = pytest.mark.django_db

# Two programmes of one indicator each, both linked to the same reference indicator; three
# municipalities in two countries; December 2020 and January 2021. 4 targets + 10 grids of 12.
SCALE = results_data.Scale(rows=4 + 10 * 12, municipalities=3, programmes=2,
                           indicators_per_programme=1, months=2,
                           first_month=dt.date(2020, 12, 1), countries=("NE", "ML"))


def as_dicts(data: results_data.Dataset) -> list[dict]:
    return [dict(zip(results_data.FIELDS, row, strict=True))
            for batch in results_data.value_batches(data) for row in batch]


def ancestor(place_id: int, level: int) -> int:
    place = Place.objects.get(pk=place_id)
    return next(p.pk for p in [*place.ancestors(), place] if p.level == level)


def test_bench_rows_load_and_the_three_totals_add_up():
    data = results_data.build_dataset(SCALE)
    rows = as_dicts(data)
    assert len(rows) == data.rows == SCALE.rows
    sums: dict[int, float] = {}
    assert results_data.bulk_load_values(results_data.value_batches(data, sums)) == len(rows)
    assert DataValue.objects.count() == len(rows)
    assert sorted(data.per_pair + (i < data.extra) for i in range(4)) == [2, 2, 3, 3]

    categories = {d.pk: {c.dimension.code: c.code for c in d.categories.all()}
                  for d in Disaggregation.objects.prefetch_related("categories__dimension")}
    year = {p.pk: p.start.year for p in Period.objects.all()}
    approved = [r for r in rows if r["kind"] == ValueKind.ACTUAL
                and r["status"] == ValueStatus.APPROVED]
    assert len(approved) == 10 * 12
    totals = [r for r in approved if categories[r["disaggregation"]] == {}]
    assert sums == {i: sum(r["value"] for r in totals if r["indicator"] == i)
                    for i in {r["indicator"] for r in totals}}

    by_country: dict[tuple, float] = defaultdict(float)
    for r in totals:  # both indicators share the reference indicator
        by_country[(ancestor(r["place"], PlaceLevel.COUNTRY), year[r["period"]])] += r["value"]
    first = data.indicators[0].pk
    by_region: dict[tuple, float] = defaultdict(float)
    for r in approved:
        cats = categories[r["disaggregation"]]
        if r["indicator"] == first and set(cats) == {"sex", "population_group"}:
            by_region[(ancestor(r["place"], PlaceLevel.REGION), year[r["period"]], cats["sex"],
                       cats["population_group"])] += r["value"]
    progress: dict[int, list] = defaultdict(lambda: [None, None])  # period -> target, actual
    for r in rows:
        if r["indicator"] == first and categories[r["disaggregation"]] == {}:
            slot = 0 if r["kind"] == ValueKind.TARGET else 1
            progress[r["period"]][slot] = (progress[r["period"]][slot] or 0.0) + r["value"]

    queries = results_data.queries(data)
    assert queries["by country and year"]() == dict(by_country)
    assert {year[r["period"]] for r in rows} == {2020, 2021}
    assert len({key[0] for key in by_country}) == 2
    assert queries["by region, sex and population group"]() == dict(by_region)
    [(_result, indicators)] = queries["programme progress"]()
    [indicator] = indicators
    assert indicator.indicator.pk == first
    assert {p.period.pk: [p.target, p.actual] for p in indicator.periods} == dict(progress)
    assert all(p.pending is None for p in indicator.periods)


def test_bench_margins_are_the_ones_the_platform_derives():
    data = results_data.build_dataset(SCALE)
    results_data.bulk_load_values(results_data.value_batches(data))
    group = (data.indicators[0].pk, data.periods[0].pk, data.coverage[0][0], ValueKind.ACTUAL)

    def stored() -> dict[str, tuple]:
        return {v.disaggregation.key: (v.value, v.derived, v.status) for v in
                DataValue.objects.filter(indicator_id=group[0], period_id=group[1],
                                         place_id=group[2], kind=group[3])
                .select_related("disaggregation")}

    loaded = stored()
    assert len(loaded) == results_data.ROWS_PER_GRID
    services.recompute_margins(*group)
    assert stored() == loaded


def test_indexes_dropped_for_a_load_come_back():
    table = DataValue._meta.db_table

    def indexes() -> set[str]:
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, table)
        return {name for name, info in found.items() if info["index"] or info["unique"]
                or info["foreign_key"]}

    before = indexes()
    statements = results_data.drop_indexes()
    assert indexes() < before
    data = results_data.build_dataset(SCALE)
    results_data.bulk_load_values(results_data.value_batches(data))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    assert indexes() == before
