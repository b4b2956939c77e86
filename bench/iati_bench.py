"""IATI import benchmark (docs/benchmarks.md, "IATI import").

    .venv/bin/python bench/iati_bench.py                 # examples + a ~200 MB synthetic file
    .venv/bin/python bench/iati_bench.py --size-mb 20    # a smaller synthetic file
    .venv/bin/python bench/iati_bench.py --keep /tmp/iati-bench   # keep the file and databases

Imports IATI's example files (../shared/iati/examples) and a synthetic file built by repeating
their 22 activities under new identifiers (``<identifier>-R000001`` …) until it reaches the
size asked, each into a fresh SQLite database migrated once for the run. For the synthetic
file it also measures, in the same run and on the same file, our parser alone (iterparse and
``reader.read_activity``, no database) and iatikit reading each activity's identifier, title,
description and dates. iatikit parses the whole file into memory (``etree.parse``) first.

Every measurement runs in a fresh child process, so that its peak resident set (``VmHWM``)
is its own; "growth" is that peak minus the child's resident set before the work started
(Python, Django and lxml loaded). The script asserts nothing about the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO.parent / "shared" / "iati" / "examples"
PLACEHOLDER = "@@IDENTIFIER@@"


def status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def setup_django(database: Path | None) -> None:
    os.environ.setdefault("SECRET_KEY", "iati-bench")
    os.environ["DJANGO_SETTINGS_MODULE"] = "observatory.settings"
    if database is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


# --- children --------------------------------------------------------------------------------

def child(mode: str, path: Path, database: Path | None) -> dict[str, object]:
    if mode != "iatikit":
        setup_django(database)
    if mode == "migrate":
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        return {}
    base = status_kib("VmRSS")
    started, cpu = time.perf_counter(), time.process_time()
    result: dict[str, object] = {}
    if mode == "import":
        from observatory.iati.importer import import_file

        report = import_file(path)
        result = {"activities": len(report.created) + len(report.updated)
                  + len(report.unchanged), "skipped": len(report.skipped),
                  "error": report.error}
    elif mode == "parse":
        from observatory.iati.importer import activities, check_root
        from observatory.iati.reader import read_activity

        count = 0
        with path.open("rb") as handle:
            check_root(handle)
            for element in activities(handle):
                read_activity(element)
                count += 1
        result = {"activities": count}
    elif mode == "iatikit":
        import iatikit

        count = 0
        for activity in iatikit.Dataset(str(path)).activities:
            read = (activity.iati_identifier, activity.title, activity.description,
                    activity.start, activity.end)
            count += bool(read)
        result = {"activities": count}
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {**result, "seconds": seconds, "cpu": cpu, "base_kib": base,
            "hwm_kib": status_kib("VmHWM")}


def run_child(mode: str, path: Path, database: Path | None = None) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", mode, str(path)]
    if database is not None:
        command += ["--database", str(database)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"child {mode} {path.name} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the synthetic file ----------------------------------------------------------------------

def templates() -> list[tuple[str, bytes, bytes]]:
    """Each example activity serialised around a placeholder for its identifier."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    found = []
    for path in sorted(EXAMPLES.glob("*.xml")):
        for activity in etree.parse(str(path), parser).getroot().iter("iati-activity"):
            identifier = activity.find("iati-identifier")
            base = (identifier.text or "").strip()
            identifier.text = PLACEHOLDER
            before, after = etree.tostring(activity, encoding="utf-8").split(
                PLACEHOLDER.encode())
            found.append((base, before, after))
    return found


def build_synthetic(path: Path, size_mb: float) -> int:
    parts = templates()
    wanted = int(size_mb * 1_000_000)
    written, count = 0, 0
    with path.open("wb") as out:
        head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" '
                b'generated-datetime="2024-06-01T00:00:00Z">\n')
        out.write(head)
        written += len(head)
        while written < wanted:
            for base, before, after in parts:
                count += 1
                chunk = before + f"{base}-R{count:06d}".encode() + after + b"\n"
                out.write(chunk)
                written += len(chunk)
        out.write(b"</iati-activities>\n")
    return count


# --- the report ------------------------------------------------------------------------------

def row(label: str, path: Path, measured: dict[str, object]) -> str:
    megabytes = path.stat().st_size / 1_000_000
    seconds = float(measured["seconds"])  # type: ignore[arg-type]
    activities = int(measured.get("activities", 0))  # type: ignore[arg-type]
    peak = int(measured["hwm_kib"]) / 1024  # type: ignore[arg-type]
    growth = (int(measured["hwm_kib"]) - int(measured["base_kib"])) / 1024  # type: ignore
    cpu = float(measured["cpu"])  # type: ignore[arg-type]
    return (f"| {label:<34} | {megabytes:7.2f} | {activities:6d} | {seconds:8.1f} | "
            f"{cpu:8.1f} | {megabytes / seconds:6.2f} | {megabytes / cpu:7.2f} | "
            f"{peak:8.1f} | {growth:8.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=200)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep what is made")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        mode, name = options.child
        database = Path(options.database) if options.database else None
        print(json.dumps(child(mode, Path(name), database)))
        return

    work = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="iati-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        template = work / "template.sqlite3"
        if not template.exists():
            run_child("migrate", template, template)

        def fresh_database(name: str) -> Path:
            database = work / f"{name}.sqlite3"
            shutil.copyfile(template, database)
            return database

        import iatikit
        import lxml

        print(f"date: {dt.date.today()}  python: {platform.python_version()}  "
              f"lxml: {lxml.__version__}  iatikit: {iatikit.__version__}  "
              f"cpus: {os.cpu_count()}  database: SQLite (fresh, migrated)")
        print("| input: what                        |      MB | activ. |   wall s |    CPU s | "
              "  MB/s | MB/CPU s | peak MiB | grow MiB |")
        print("|------------------------------------|--------:|-------:|---------:|---------:|"
              "-------:|--------:|---------:|---------:|")
        for path in sorted(EXAMPLES.glob("*.xml")):
            measured = run_child("import", path, fresh_database(path.stem))
            print(row(f"{path.name}: import", path, measured), flush=True)
        synthetic = work / f"synthetic-{options.size_mb:g}mb.xml"
        started = time.perf_counter()
        count = build_synthetic(synthetic, options.size_mb)
        sys.stderr.write(f"built {synthetic.name}: {count} activities, "
                         f"{synthetic.stat().st_size / 1e6:.1f} MB in "
                         f"{time.perf_counter() - started:.1f} s\n")
        label = f"synthetic {options.size_mb:g} MB"
        print(row(f"{label}: iatikit parse", synthetic, run_child("iatikit", synthetic)),
              flush=True)
        print(row(f"{label}: our parse, no DB", synthetic, run_child("parse", synthetic)),
              flush=True)
        measured = run_child("import", synthetic, fresh_database("synthetic"))
        print(row(f"{label}: our import", synthetic, measured), flush=True)
        if measured.get("skipped") or measured.get("error"):
            print(f"import: {measured.get('skipped')} skipped, error: {measured.get('error')}")
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
