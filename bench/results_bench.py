"""Benchmark of the results fact table: bulk load of 10 million values and three typical totals,
on SQLite and PostgreSQL side by side in one run.

    .venv/bin/python bench/results_bench.py                     # 10,000,000 rows, both databases
    .venv/bin/python bench/results_bench.py --quick             # smoke run: 120,000 rows
    .venv/bin/python bench/results_bench.py --databases sqlite --rows 1000000
    .venv/bin/python bench/results_bench.py --load rebuild      # drop the indexes, load, rebuild

The data (bench/results_data.py): 1,500 municipalities in five countries, 10 programmes of 5
indicators (50) by sex x population group, 60 monthly periods (2020-2024); per reporting
(indicator, month, municipality) the 6 cells of the grid and their 6 derived margins (12 rows,
approved actuals), per (indicator, month) one programme-wide target.

Each database runs in a child process of its own, one after the other: SQLite in a file in a
temporary folder; PostgreSQL in a fresh database on the server of DATABASE_URL when that is a
postgres:// URL, else on a throwaway cluster started by scripts/with-postgres.sh. In the child:
migrate (the schema and its indexes as the models define them), the places, programmes,
indicators and periods through the services, then the timed steps:

- load: ``results_data.bulk_load_values``, one transaction, one batch per month (SQLite:
  executemany INSERT with synchronous=OFF, a 1 GiB page cache and temp_store=MEMORY;
  PostgreSQL: COPY FROM STDIN through psycopg 3). With ``--load rebuild`` the table's indexes
  (on PostgreSQL also its unique and foreign-key constraints) are dropped before and created
  again after the load, timed apart. The rows are generated in Python while they are loaded;
  the time to generate them alone is measured first and printed.
- ANALYZE (PostgreSQL: VACUUM ANALYZE), as a bulk import would end.
- the three totals of ``results_data.queries``, each ``--runs`` times on a new connection: the
  first run, then the median of the others. Their sums are checked against the generated data.
- for each total, the SQL statements it sends to the fact table, their times and plans (SQLite
  EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN (ANALYZE, BUFFERS)).

This is a benchmark, not a test: nothing is asserted about the times. The exit status is
non-zero if something raises or a total does not match the generated data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WITH_POSTGRES = ROOT / "scripts" / "with-postgres.sh"
NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
QUICK_ROWS = 120_000


def log(tag: str, message: str) -> None:
    print(f"[{tag}] {message}", flush=True)


# -- the child: one database -----------------------------------------------------------------

class Child:
    """Sets up one database, loads it, times the totals; everything ends up in ``self.out``."""

    def __init__(self, database: str, args: argparse.Namespace) -> None:
        self.database = database
        self.args = args
        self.out: dict[str, Any] = {"database": database, "steps": {}, "queries": {}}
        self.cleanup: list[Callable[[], None]] = []

    def step(self, name: str, action: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - t0
        self.out["steps"][name] = seconds
        log(self.database, f"{name}: {seconds:.1f} s")
        return result

    def configure(self) -> None:
        os.environ.setdefault("SECRET_KEY", "results-benchmark-not-secret")
        os.environ["DJANGO_SETTINGS_MODULE"] = "observatory.settings"
        if self.database == "sqlite":
            folder = tempfile.mkdtemp(prefix="results-bench-")
            self.cleanup.append(lambda: shutil.rmtree(folder, ignore_errors=True))
            os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
            self.out["file"] = f"{folder}/bench.sqlite3"
        else:
            os.environ["DATABASE_URL"] = fresh_postgres_database(os.environ["DATABASE_URL"],
                                                                 self.cleanup)
        import django

        django.setup()

    def run(self) -> None:
        self.out["load_average_start"] = os.getloadavg()
        self.measure()
        self.out["load_average_end"] = os.getloadavg()

    def measure(self) -> None:
        from django.core.management import call_command
        from django.db import connection

        sys.path.insert(0, str(HERE))
        import results_data

        self.step("migrate", lambda: call_command("migrate", verbosity=0))
        self.out["engine"] = engine_version(connection)
        self.out["settings"] = engine_settings(connection)
        scale = results_data.Scale(rows=self.args.rows)
        data = self.step("places, programmes, indicators, periods",
                         lambda: results_data.build_dataset(scale))
        self.out.update(rows=data.rows, grids=data.grids, indicators=len(data.indicators),
                        periods=len(data.periods), municipalities=len(data.municipalities))
        self.step("generate only (Python, not loaded)",
                  lambda: sum(len(batch) for batch in results_data.value_batches(data)))
        tune_for_bulk_load(connection)
        if self.args.load == "rebuild":
            statements = self.step("drop indexes", results_data.drop_indexes)
        sums: dict[int, float] = {}
        loaded = self.step("load", lambda: results_data.bulk_load_values(
            results_data.value_batches(data, sums)))
        assert loaded == data.rows, (loaded, data.rows)
        if self.args.load == "rebuild":
            self.out["index_statements"] = self.step(
                "create indexes", lambda: create_indexes(connection, statements))
        self.step("analyze", lambda: analyze(connection))
        self.out["sizes"] = sizes(connection)
        connection.close()
        self.time_queries(results_data.queries(data), connection)
        self.out["check"] = check(data, sums, results_data.queries(data))
        log(self.database, f"totals against the generated data: {self.out['check']}")
        if self.args.try_index:
            self.out["candidate"] = self.step("candidate index",
                                              lambda: candidate_index(connection))
            self.out["sizes_candidate"] = sizes(connection)
            connection.close()
            self.time_queries(results_data.queries(data), connection, "queries_candidate")
        connection.close()

    def time_queries(self, queries: dict[str, Callable[[], Any]], connection: Any,
                     key: str = "queries") -> None:
        from django.test.utils import CaptureQueriesContext

        for name, query in queries.items():
            runs, groups = [], 0
            for _ in range(self.args.runs):
                t0 = time.perf_counter()
                found = query()
                runs.append(time.perf_counter() - t0)
                groups = result_size(found)
            with CaptureQueriesContext(connection) as captured:
                query()
            statements = [{"seconds": rerun(connection, q["sql"]), "sql": q["sql"],
                           "plan": explain(connection, q["sql"])}
                          for q in captured.captured_queries if "results_datavalue" in q["sql"]]
            self.out.setdefault(key, {})[name] = {
                "runs": runs, "first": runs[0],
                "median": statistics.median(runs[1:]) if len(runs) > 1 else runs[0],
                "groups": groups, "statements": statements,
                "sql_count": len(captured.captured_queries)}
            log(self.database, f"{name}{' (candidate index)' if key != 'queries' else ''}: "
                f"first {runs[0]:.3f} s, then "
                f"{', '.join(f'{r:.3f}' for r in runs[1:])} s; {groups} groups")


def fresh_postgres_database(url: str, cleanup: list[Callable[[], None]]) -> str:
    """Create an empty database on the server of ``url`` (never touching the one it names);
    returns its URL and registers its removal."""
    import psycopg

    parts = urlsplit(url)
    name = f"results_bench_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    cleanup.append(drop)
    return urlunsplit(parts._replace(path=f"/{name}"))


def engine_version(connection: Any) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def engine_settings(connection: Any) -> dict[str, str]:
    """What the queries run with (the load's own settings are in tune_for_bulk_load)."""
    names = (["cache_size", "journal_mode", "synchronous", "page_size", "mmap_size"]
             if connection.vendor == "sqlite" else
             ["shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size",
              "max_wal_size", "fsync", "synchronous_commit", "full_page_writes",
              "max_parallel_workers_per_gather", "jit"])
    found = {}
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"PRAGMA {name}" if connection.vendor == "sqlite" else f"SHOW {name}")
            found[name] = str(cursor.fetchone()[0])
    return found


def tune_for_bulk_load(connection: Any) -> None:
    """SQLite, for this connection (the load's): no fsync (the PostgreSQL cluster of
    with-postgres.sh runs with fsync=off too), a 1 GiB page cache so that the nine B-trees
    being filled stay in memory, sorts for CREATE INDEX in memory. PostgreSQL: more memory for
    CREATE INDEX (the server's own settings are with-postgres.sh's)."""
    statements = (["PRAGMA synchronous = OFF", "PRAGMA cache_size = -1048576",
                   "PRAGMA temp_store = MEMORY"] if connection.vendor == "sqlite" else
                  ["SET maintenance_work_mem = '1GB'"])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


CANDIDATE = "value_totals_cover_idx"


def candidate_index(connection: Any) -> str:
    """Replace value_totals_idx (indicator, kind, status, disaggregation) by an index that
    leads with indicator and disaggregation, the two columns every total and the progress
    filter on, and carries place, period and value, so that the totals read the index alone
    (on PostgreSQL as INCLUDE columns, on SQLite as trailing key columns). Returns its SQL."""
    from observatory.results.models import DataValue

    table = connection.ops.quote_name(DataValue._meta.db_table)
    keys = '"indicator_id", "disaggregation_id", "kind", "status"'
    carried = '"place_id", "period_id", "value"'
    sql = (f'CREATE INDEX "{CANDIDATE}" ON {table} ({keys}, {carried})'
           if connection.vendor == "sqlite" else
           f'CREATE INDEX "{CANDIDATE}" ON {table} ({keys}) INCLUDE ({carried})')
    with connection.cursor() as cursor:
        cursor.execute('DROP INDEX "value_totals_idx"')
        cursor.execute(sql)
        cursor.execute(f'ANALYZE "{CANDIDATE}"' if connection.vendor == "sqlite"
                       else f"ANALYZE {table}")
    return sql


def create_indexes(connection: Any, statements: list[str]) -> list[dict[str, Any]]:
    done = []
    with connection.cursor() as cursor:
        for statement in statements:
            t0 = time.perf_counter()
            cursor.execute(statement)
            done.append({"sql": statement, "seconds": time.perf_counter() - t0})
    return done


def analyze(connection: Any) -> None:
    from observatory.results.models import DataValue

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        else:
            cursor.execute(f"VACUUM ANALYZE {DataValue._meta.db_table}")


def sizes(connection: Any) -> dict[str, Any]:
    from observatory.results.models import DataValue

    table = DataValue._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = %s", [table])
            indexes = [name for (name,) in cursor.fetchall()]
            cursor.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")
            pages = dict(cursor.fetchall())
            cursor.execute("PRAGMA page_count")
            page_count = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            each = {name: pages.get(name, 0) for name in indexes}
            return {"database": page_count * cursor.fetchone()[0], "table": pages[table],
                    "indexes": sum(each.values()), "each index": each}
        cursor.execute("SELECT pg_database_size(current_database()), pg_relation_size(%s), "
                       "pg_indexes_size(%s)", [table, table])
        database, heap, indexes = cursor.fetchone()
        cursor.execute("SELECT c.relname, pg_relation_size(c.oid) FROM pg_index i JOIN pg_class c "
                       "ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass", [table])
        return {"database": database, "table": heap, "indexes": indexes,
                "each index": dict(cursor.fetchall())}


def result_size(found: Any) -> int:
    if isinstance(found, dict):
        return len(found)
    return sum(len(i.periods) for _result, indicators in found for i in indicators)


def rerun(connection: Any, sql: str) -> float:
    """Seconds to execute a captured statement again and fetch all its rows (Django's own
    timing of a SQLite query leaves out the fetch, where SQLite does the work)."""
    with connection.cursor() as cursor:
        t0 = time.perf_counter()
        cursor.execute(sql)
        cursor.fetchall()
        return time.perf_counter() - t0


def explain(connection: Any, sql: str) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            depth = {0: -1}
            lines = []
            for node, parent, _unused, detail in cursor.fetchall():
                depth[node] = depth.get(parent, -1) + 1
                lines.append("  " * depth[node] + detail)
            return lines
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return [line for (line,) in cursor.fetchall()]


def check(data: Any, sums: dict[int, float], queries: dict[str, Callable[[], Any]]) -> str:
    """Each total's grand total against the sums of the generated total rows."""
    first = data.indicators[0]
    linked = sum(sums[i.pk] for i in data.indicators if i.reference_id == first.reference_id)
    found = {
        "by country and year": (sum(queries["by country and year"]().values()), linked),
        "by region, sex and population group": (
            sum(queries["by region, sex and population group"]().values()), sums[first.pk]),
        "programme progress": (
            sum(p.actual or 0.0 for _r, indicators in queries["programme progress"]()
                for i in indicators for p in i.periods),
            sum(sums[i.pk] for i in data.indicators if i.result.programme_id
                == data.programmes[0].pk)),
    }
    wrong = [f"{name}: {got:,.0f} instead of {wanted:,.0f}"
             for name, (got, wanted) in found.items() if got != wanted]
    return "; ".join(wrong) if wrong else "ok"


def max_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_main(args: argparse.Namespace) -> None:
    child = Child(args.child, args)
    try:
        child.configure()
        child.run()
        child.out["max_rss_mib"] = max_rss_mib()
        Path(args.json).write_text(json.dumps(child.out))
    finally:
        for action in reversed(child.cleanup):
            action()
    if child.out.get("check") != "ok":
        sys.exit(1)


# -- the parent: run the children, print side by side -----------------------------------------

def run_child(database: str, args: argparse.Namespace, folder: str) -> dict[str, Any]:
    out = Path(folder) / f"{database}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", database,
               "--rows", str(args.rows), "--runs", str(args.runs), "--load", args.load,
               "--json", str(out), *(["--try-index"] if args.try_index else [])]
    if database == "postgres" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        command = [str(WITH_POSTGRES), *command]
    result = subprocess.run(command, check=False)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"the {database} run failed (exit status {result.returncode})")
    return json.loads(out.read_text())


def machine() -> list[str]:
    import sqlite3

    model = "?"
    memory = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    return [
        f"Date:    {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"CPU:     {model}, {os.cpu_count()} cores online; memory {memory}; "
        f"load average {os.getloadavg()[0]:.1f} at the start",
        f"Python:  {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}; sqlite3 module on SQLite "
        f"{sqlite3.sqlite_version}",
    ]


def code_version() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.rstrip("\n")

    try:
        commit = git("log", "-1", "--format=%h %cs %s")
        dirty = git("status", "--porcelain", "--", "src/observatory/results",
                    "src/observatory/registry", "bench").splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "Code:    not a git checkout"
    state = (f"uncommitted: {', '.join(line[3:] for line in dirty)}" if dirty
             else "no uncommitted changes to results, registry or bench")
    return f"Code:    commit {commit}; {state}"


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def table(headers: list[str], body: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [headers, *body]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))) + " |"

    rule = "|" + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2)
                          for i, w in enumerate(widths)) + "|"
    return "\n".join([line(headers), rule, *map(line, body)])


def figures(r: dict[str, Any]) -> list[tuple[str, float | None, str]]:
    """(label, number compared across databases, formatted) for one database's run."""
    steps, size = r["steps"], r["sizes"]
    rows: list[tuple[str, float | None, str]] = [
        ("rows loaded", None, f"{r['rows']:,}"),
        ("load s", steps["load"], f"{steps['load']:.1f}"),
        ("load rows/s", r["rows"] / steps["load"], f"{r['rows'] / steps['load']:,.0f}"),
    ]
    if "create indexes" in steps:
        both = steps["drop indexes"] + steps["load"] + steps["create indexes"]
        rows += [("create indexes s", steps["create indexes"], f"{steps['create indexes']:.1f}"),
                 ("drop + load + create s", both, f"{both:.1f}")]
    rows += [
        ("analyze s", steps["analyze"], f"{steps['analyze']:.1f}"),
        ("database MiB", size["database"], mib(size["database"])),
        ("fact table MiB", size["table"], mib(size["table"])),
        ("its indexes MiB", size["indexes"], mib(size["indexes"])),
    ]
    for number, (name, q) in enumerate(r["queries"].items(), 1):
        sql = sum(statement["seconds"] for statement in q["statements"])
        rows += [(f"({number}) {name}: first s", q["first"], f"{q['first']:.3f}"),
                 (f"({number}) {name}: median s", q["median"], f"{q['median']:.3f}"),
                 (f"({number}) of which fact-table SQL s", sql, f"{sql:.3f}")]
    if "queries_candidate" in r:
        size = r["sizes_candidate"]
        rows += [("candidate index: create s", steps["candidate index"],
                  f"{steps['candidate index']:.1f}"),
                 ("candidate index: table's indexes MiB", size["indexes"], mib(size["indexes"]))]
        for number, q in enumerate(r["queries_candidate"].values(), 1):
            sql = sum(statement["seconds"] for statement in q["statements"])
            rows += [(f"({number}) candidate index: median s", q["median"],
                      f"{q['median']:.3f}"),
                     (f"({number}) candidate index: fact-table SQL s", sql, f"{sql:.3f}")]
    return rows


def report(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    for r in results:
        name = NAMES[r["database"]]
        print(f"\n## {r['engine']}\n")
        print("Query-time settings: " + ", ".join(f"{k}={v}" for k, v in r["settings"].items()))
        print(f"Rows: {r['rows']:,} ({r['grids']:,} grids of 12 + "
              f"{r['indicators'] * r['periods']:,} targets); {r['indicators']} indicators, "
              f"{r['periods']} months, {r['municipalities']:,} municipalities. "
              f"Child max RSS {r['max_rss_mib']:,.0f} MiB.")
        print("Load average (1, 5, 15 min) at the start of this database's run: "
              + ", ".join(f"{n:.1f}" for n in r["load_average_start"]) + "; at its end: "
              + ", ".join(f"{n:.1f}" for n in r["load_average_end"]))
        print("Steps: " + "; ".join(f"{k} {v:.1f} s" for k, v in r["steps"].items()))
        for statement in r.get("index_statements", []):
            print(f"  {statement['seconds']:6.1f} s  {statement['sql']}")
        for key in ("sizes", "sizes_candidate"):
            if key in r:
                print(("Index sizes, MiB" if key == "sizes" else "With the candidate index")
                      + ": " + ", ".join(f"{name} {mib(size)}" for name, size in
                                         sorted(r[key]["each index"].items())))
        print()
        print(table(["", name], [[label, text] for label, _n, text in figures(r)]))
        explained(r["queries"])
        if "candidate" in r:
            print(f"\nWith the candidate index instead of value_totals_idx: {r['candidate']}")
            explained(r["queries_candidate"])
    if len(results) < 2:
        return
    a, b = results[0], results[1]
    short = {"sqlite": "SQLite", "postgres": "PG"}
    labels = [NAMES[a["database"]], NAMES[b["database"]],
              f"{short[b['database']]}/{short[a['database']]}"]
    fa, fb = figures(a), figures(b)
    body = [[label, ta, tb, f"{nb / na:.2f}" if na and nb is not None else ""]
            for (label, na, ta), (_l, nb, tb) in zip(fa, fb, strict=True)]
    print(f"\n## Side by side ({args.rows:,} rows wanted, --load {args.load}, "
          f"{args.runs} runs per total)\n")
    print(table(["", *labels], body))


def explained(queries: dict[str, Any]) -> None:
    for number, (query, q) in enumerate(queries.items(), 1):
        print(f"\n({number}) {query}: runs {', '.join(f'{s:.3f}' for s in q['runs'])} s; "
              f"{q['groups']:,} groups; {q['sql_count']} SQL statements, of which those on "
              "the fact table, each run again (execute + fetch all) and explained:")
        for statement in q["statements"]:
            sql = statement["sql"]
            print(f"  {statement['seconds']:.3f} s  "
                  + (sql if len(sql) <= 400 else sql[:400] + " …"))
            print("\n".join("      " + line for line in statement["plan"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="DataValue rows to load")
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke run: {QUICK_ROWS:,} rows, 3 runs per total")
    parser.add_argument("--databases", default="sqlite,postgres",
                        help="comma-separated: sqlite, postgres (default both)")
    parser.add_argument("--load", choices=["indexed", "rebuild"], default="indexed",
                        help="load into the indexed table (default), or drop the indexes, "
                             "load and create them again")
    parser.add_argument("--runs", type=int, default=5, help="runs per total (first + warm)")
    parser.add_argument("--try-index", action="store_true",
                        help="then replace value_totals_idx by a covering candidate index and "
                             "time the totals again")
    parser.add_argument("--child", choices=list(NAMES), help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args)
        return
    if args.quick:
        args.rows, args.runs = QUICK_ROWS, 3
    databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    unknown = set(databases) - set(NAMES)
    if unknown:
        parser.error(f"unknown database(s): {', '.join(sorted(unknown))}")

    print("Results benchmark: bulk load of the fact table and three totals")
    print("Command: " + " ".join([sys.executable, *sys.argv]))
    print("\n".join(machine()))
    print(code_version(), flush=True)
    with tempfile.TemporaryDirectory(prefix="results-bench-") as folder:
        results = [run_child(database, args, folder) for database in databases]
    report(results, args)


if __name__ == "__main__":
    main()
