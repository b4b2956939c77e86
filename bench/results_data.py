"""Synthetic results data for bench/results_bench.py, and the fast path that loads it.

Needs Django set up: the models are imported at module level. The test
src/observatory/results/tests/test_bench.py uses it at a tiny scale.

What ``build_dataset`` creates through the registry and results services:

- municipalities (level 4), spread evenly over a few countries and, within each country, over
  its lowest ISO subdivisions (provinces where the country has them, else regions);
- programmes of one result each, whose indicators are disaggregated by sex x population group
  and linked, indicator by indicator, to a few EU Trust Fund reference indicators; each
  programme works in two countries and reports from a sample of their municipalities;
- monthly periods.

What ``value_batches`` generates, one batch per month: for each (indicator, month,
municipality) that reports, the grid sex {female, male} x population group {migrant, refugee,
host_community} as entered cells, plus the margins the platform derives from them
(``services.recompute_margins``: 2 by sex, 3 by population group, 1 total, derived=True), all
approved actuals: ROWS_PER_GRID = 12 rows; and for each (indicator, month) one programme-wide
target (the total, at the programme's first country; targets stay drafts, as through the
workflow). ``bulk_load_values`` inserts the rows without validating them.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from observatory.registry import services as registry
from observatory.registry.models import Place, PlaceLevel, Programme, add_months
from observatory.results import selectors, services
from observatory.results.disaggregations import DisaggregationCache
from observatory.results.models import (
    DataValue,
    Indicator,
    Period,
    PeriodType,
    ReferenceIndicator,
    ValueKind,
    ValueStatus,
)

SEXES = ("female", "male")
GROUPS = ("migrant", "refugee", "host_community")
DIMENSIONS = ("sex", "population_group")
ROWS_PER_GRID = len(SEXES) * len(GROUPS) + len(SEXES) + len(GROUPS) + 1
# Indicator j of every programme is linked to REFERENCES[j % 5]: all count indicators.
REFERENCES = [("EUTF", "1.5"), ("EUTF", "2.9"), ("EUTF", "3.3"), ("EUTF", "1.4"),
              ("EUTF", "1.3")]
COUNTRIES_PER_PROGRAMME = 2

# The DataValue fields a row gives, in this order (``id`` is left to the database).
FIELDS = ("indicator", "period", "place", "disaggregation", "kind", "value", "narrative",
          "comment", "source", "status", "derived", "entered_by", "entered_at")


@dataclass(frozen=True)
class Scale:
    rows: int = 10_000_000  # DataValue rows wanted; the data has at least this many, < 12 more
    municipalities: int = 1_500
    programmes: int = 10
    indicators_per_programme: int = 5
    months: int = 60
    first_month: dt.date = dt.date(2020, 1, 1)
    countries: tuple[str, ...] = ("NE", "ML", "SN", "MA", "BF")
    seed: int = 20240601


@dataclass
class Dataset:
    scale: Scale
    municipalities: list[Place]
    periods: list[Period]
    programmes: list[Programme]
    indicators: list[Indicator]  # programme by programme
    programme_of: list[int]  # indicator index -> programme index
    coverage: list[list[int]]  # programme index -> ids of the municipalities it reports from
    target_place: list[int]  # programme index -> id of the country its targets are set for
    total_id: int
    cell_ids: list[int]  # the six cells, sex-major: (female, migrant), (female, refugee), ...
    sex_ids: list[int]
    group_ids: list[int]
    grids: int  # reporting (indicator, month, municipality) combinations
    extra: int = field(default=0)  # the first ``extra`` (month, indicator) pairs get one more

    @property
    def per_pair(self) -> int:
        """Municipalities reporting per (month, indicator), the ``extra`` pairs aside."""
        return self.grids // (len(self.indicators) * len(self.periods))

    @property
    def rows(self) -> int:
        return len(self.indicators) * len(self.periods) + self.grids * ROWS_PER_GRID


def columns() -> list[str]:
    return [DataValue._meta.get_field(name).column for name in FIELDS]


# --- the structure, through the services ----------------------------------------------------

def lowest_subdivisions(country: Place) -> list[Place]:
    regions = list(Place.objects.filter(parent=country, level=PlaceLevel.REGION).order_by("code"))
    provinces = list(Place.objects.filter(parent__in=regions, level=PlaceLevel.PROVINCE)
                     .order_by("code"))
    with_provinces = {p.parent_id for p in provinces}
    return provinces + [r for r in regions if r.pk not in with_provinces]


def add_municipalities(scale: Scale, countries: list[Place]) -> list[Place]:
    """Municipality i goes to country i mod C, then round robin over that country's
    subdivisions."""
    parents = [lowest_subdivisions(c) for c in countries]
    municipalities = []
    for i in range(scale.municipalities):
        c = i % len(countries)
        below = parents[c]
        parent = below[(i // len(countries)) % len(below)]
        municipalities.append(registry.add_place(f"Bench commune {i + 1:04d}", parent,
                                                 level=PlaceLevel.MUNICIPALITY))
    return municipalities


def build_dataset(scale: Scale) -> Dataset:
    countries = [registry.country(code) for code in scale.countries]
    municipalities = add_municipalities(scale, countries)
    country_index = {m.pk: i % len(countries) for i, m in enumerate(municipalities)}
    periods = [services.period_for(add_months(scale.first_month, m), PeriodType.MONTH)
               for m in range(scale.months)]
    cache = DisaggregationCache()
    cells = [cache.get({"sex": s, "population_group": g}).pk for s in SEXES for g in GROUPS]
    sex_ids = [cache.get({"sex": s}).pk for s in SEXES]
    group_ids = [cache.get({"population_group": g}).pk for g in GROUPS]
    total_id = cache.get({}).pk
    references = [ReferenceIndicator.objects.get(framework=f, code=c) for f, c in REFERENCES]
    agency = registry.get_or_create_organisation("Benchmark implementer", "BENCH")

    pairs = scale.programmes * scale.indicators_per_programme * scale.months
    grids = max(0, math.ceil((scale.rows - pairs) / ROWS_PER_GRID))
    per_pair, extra = divmod(grids, pairs)
    wanted = per_pair + (extra > 0)
    rng = random.Random(scale.seed)
    programmes, indicators, programme_of, coverage, target_place = [], [], [], [], []
    for p in range(scale.programmes):
        mine = [(p + i) % len(countries)
                for i in range(min(COUNTRIES_PER_PROGRAMME, len(countries)))]
        programme = registry.save_programme(Programme(
            key=f"BENCH-{p + 1:02d}", title=f"Benchmark programme {p + 1}", published=True,
            implementing_agency=agency, start_date=scale.first_month, start_precision="month",
            duration_months=scale.months))
        for c in mine:
            registry.add_programme_place(programme, countries[c])
        result = services.add_result(programme, "People reached")
        for j in range(scale.indicators_per_programme):
            indicators.append(services.add_indicator(
                result, f"Indicator {j + 1} of programme {p + 1}", dimensions=DIMENSIONS,
                reference=references[j % len(references)], unit="people"))
            programme_of.append(p)
        pool = [m.pk for m in municipalities if country_index[m.pk] in mine]
        if wanted > len(pool):
            raise ValueError(f"{scale.rows:,} rows need {wanted} reporting municipalities per "
                             f"programme; its countries have {len(pool)}")
        coverage.append(sorted(rng.sample(pool, wanted)))
        target_place.append(countries[mine[0]].pk)
        programmes.append(programme)
    return Dataset(scale, municipalities, periods, programmes, indicators, programme_of,
                   coverage, target_place, total_id, cells, sex_ids, group_ids, grids, extra)


# --- the values -----------------------------------------------------------------------------

def entered_at(period: Period) -> dt.datetime:
    """Reports come in on the 5th of the following month."""
    day = period.end + dt.timedelta(days=5)
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)


def value_batches(data: Dataset, sums: dict[int, float] | None = None,
                  adapt: Callable[[dt.datetime], Any] | None = None) -> Iterator[list[tuple]]:
    """The rows, one list per month (FIELDS order), in the same order on every call.

    ``sums``, when given, gets each indicator's total of approved actuals added to it, for a
    cheap check of the totals at full scale."""
    rng = random.Random(data.scale.seed + 1)
    bits = rng.getrandbits
    if adapt is None:
        # A string, already as the database stores it: psycopg copies a str about twice as
        # fast as a datetime, and sqlite3 gets what Django would write.
        ops = connections[DEFAULT_DB_ALIAS].ops
        adapt = lambda moment: str(ops.adapt_datetimefield_value(moment))  # noqa: E731
    actual, target, approved, draft = (ValueKind.ACTUAL.value, ValueKind.TARGET.value,
                                       ValueStatus.APPROVED.value, ValueStatus.DRAFT.value)
    c0, c1, c2, c3, c4, c5 = data.cell_ids
    female, male = data.sex_ids
    g0, g1, g2 = data.group_ids
    total_id = data.total_id
    pair = 0
    for period in data.periods:
        stamp = adapt(entered_at(period))
        per = period.pk
        batch: list[tuple] = []
        add = batch.append
        for n, indicator in enumerate(data.indicators):
            ind = indicator.pk
            programme = data.programme_of[n]
            count = data.per_pair + (pair < data.extra)
            pair += 1
            add((ind, per, data.target_place[programme], total_id, target,
                 float(30 * len(data.cell_ids) * count + bits(8)), "", "", "", draft, False,
                 None, stamp))
            indicator_sum = 0.0
            for place in data.coverage[programme][:count]:
                v0, v1, v2 = float(bits(6)), float(bits(6)), float(bits(6))
                v3, v4, v5 = float(bits(6)), float(bits(6)), float(bits(6))
                m0, m1, m2 = v0 + v3, v1 + v4, v2 + v5
                everyone = m0 + m1 + m2
                indicator_sum += everyone
                for disaggregation, number, derived in (
                        (c0, v0, False), (c1, v1, False), (c2, v2, False), (c3, v3, False),
                        (c4, v4, False), (c5, v5, False), (female, v0 + v1 + v2, True),
                        (male, v3 + v4 + v5, True), (g0, m0, True), (g1, m1, True),
                        (g2, m2, True), (total_id, everyone, True)):
                    add((ind, per, place, disaggregation, actual, number, "", "", "",
                         approved, derived, None, stamp))
            if sums is not None:
                sums[ind] = sums.get(ind, 0.0) + indicator_sum
        yield batch


# --- the three totals timed ------------------------------------------------------------------

def queries(data: Dataset) -> dict[str, Callable[[], Any]]:
    """(1) every indicator linked to one reference indicator, by country and year; (2) one
    indicator by region, year, sex and population group; (3) one programme's progress."""
    first = data.indicators[0]
    return {
        "by country and year": lambda: selectors.reference_totals(
            first.reference_id, place_level=PlaceLevel.COUNTRY, by_year=True),
        "by region, sex and population group": lambda: selectors.totals(selectors.TotalsQuery(
            indicator_ids=[first.pk], dimensions=DIMENSIONS, place_level=PlaceLevel.REGION,
            by_year=True)),
        "programme progress": lambda: selectors.progress(data.programmes[0]),
    }


# --- loading --------------------------------------------------------------------------------

def bulk_load_values(batches: Iterable[Iterable[tuple]], using: str = DEFAULT_DB_ALIAS) -> int:
    """Insert DataValue rows (FIELDS order) in one transaction, without validating them: one
    ``COPY ... FROM STDIN`` per batch on PostgreSQL, one ``executemany`` INSERT on SQLite.
    Returns the number of rows.

    On PostgreSQL the (deferrable) foreign keys are checked at the end of each batch rather
    than at commit, so that the queue of pending checks holds one batch, not the whole load."""
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(DataValue._meta.db_table)
    names = ", ".join(quote(c) for c in columns())
    count = 0
    with transaction.atomic(using=using):
        connection.ensure_connection()
        raw = connection.connection
        if connection.vendor == "postgresql":
            with raw.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for batch in batches:
                    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in batch:
                            copy.write_row(row)
                            count += 1
        elif connection.vendor == "sqlite":
            sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(FIELDS))})"
            for batch in batches:
                count += raw.executemany(sql, batch).rowcount
        else:
            raise NotImplementedError(f"bulk load on {connection.vendor}")
    return count


def drop_indexes(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Drop DataValue's indexes, and on PostgreSQL its unique and foreign-key constraints too
    (the primary key stays); returns the statements that put them back, in a good order.

    SQLite cannot drop a constraint declared in CREATE TABLE: its unique constraint (the
    ``sqlite_autoindex``) and foreign keys stay."""
    connection = connections[using]
    table = DataValue._meta.db_table
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = %s AND sql IS NOT NULL ORDER BY name", [table])
            found = cursor.fetchall()
            for name, _sql in found:
                cursor.execute(f"DROP INDEX {quote(name)}")
            return [sql for _name, sql in found]
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass AND NOT "
            "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
            "ORDER BY c.relname", [table])
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC, "
            "conname", [table])
        constraints = cursor.fetchall()
        for name, _kind, _definition in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    return ([definition for _name, definition in indexes]
            + [f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}"
               for name, _kind, definition in constraints])
