"""Benchmark of report ingestion: read_document + extract_fiches, pages per second and memory.

    .venv/bin/python bench/ingest_bench.py                 # all four inputs
    taskset -c 0 .venv/bin/python bench/ingest_bench.py    # pinned to one core
    .venv/bin/python bench/ingest_bench.py --profile txt   # also cProfile the 100-page .txt

Inputs: (a) the sample report (../shared/samples/pn-cfm-session1-report-2020.txt); (b) a
100-page .txt of varied fiches built in memory by bench/make_fiches.py (seeded, so the same on
every run), a page of text being PAGE_CHARS = 3,000 characters; (c) the same text laid out as
a real PDF with fpdf2; (d) the same text as a .docx with python-docx.

Each input is measured in a child process of its own (the bytes go through a pipe, nothing is
written to disk), so that the child's max RSS is that of ingesting this input alone: the
interpreter, Django and the readers' libraries, the input and the work. Within the child:
`runs` timed runs (read_document, then extract_fiches; the best total is kept), then the max
RSS, then one more run under tracemalloc for the peak of Python allocations. The processes are
single-threaded; under `taskset -c 0` the children inherit the pinning.

This is a benchmark, not a test: nothing is asserted about the times. The exit status is
non-zero only when something raises.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "observatory.settings")
# Nothing here signs anything; a fixed key keeps the settings from writing a .secret_key file
# into the working folder.
os.environ.setdefault("SECRET_KEY", "ingest-benchmark-not-secret")
# Importing observatory.ingest.extract needs no Django settings, but read_document does: its
# PDF and .docx readers build their (translated) error messages with gettext before parsing.
import django

django.setup()

from observatory.ingest.extract import clear_line_caches, extract_fiches  # noqa: E402
from observatory.ingest.readers import read_document  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fiches  # noqa: E402

PAGE_CHARS = make_fiches.PAGE_CHARS


# -- the child: measure one input ------------------------------------------------------------

def measure(filename: str, data: bytes, runs: int) -> dict:
    base_rss = _max_rss_mib()
    best = None
    for _ in range(runs):
        clear_line_caches()  # every run starts cold, as a new upload would
        t0 = time.perf_counter()
        document = read_document(filename, data)
        t1 = time.perf_counter()
        fiches = extract_fiches(document.text)
        t2 = time.perf_counter()
        if best is None or t2 - t0 < best[0]:
            best = (t2 - t0, t1 - t0, t2 - t1)
    max_rss = _max_rss_mib()
    del document, fiches
    clear_line_caches()
    tracemalloc.start()
    document = read_document(filename, data)
    fiches = extract_fiches(document.text)
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pages = document.page_count if document.has_pages else len(document.text) / PAGE_CHARS
    return {
        "format": document.format,
        "pages": pages,
        "chars": len(document.text),
        "keys": [f.key for f in fiches],
        "fiches": [f.as_dict() for f in fiches],
        "seconds": best[0],
        "read_seconds": best[1],
        "extract_seconds": best[2],
        "tracemalloc_peak_mib": peak / 2**20,
        "max_rss_mib": max_rss,
        "base_rss_mib": base_rss,
        "getrusage_max_rss_mib": _getrusage_max_rss_mib(),
    }


def _max_rss_mib() -> float:
    """This process's peak resident set, in MiB.

    VmHWM from /proc/self/status where there is one: getrusage's ru_maxrss of a child process
    starts from its parent's peak (Linux carries the high-water mark over fork/vfork and exec),
    so in a child of this large parent it would mostly measure the parent.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _getrusage_max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_main(filename: str, runs: int) -> None:
    data = sys.stdin.buffer.read()
    json.dump(measure(filename, data, runs), sys.stdout)


def run_child(filename: str, data: bytes, runs: int) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--measure", filename, "--runs", str(runs)],
        input=data, capture_output=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode(errors="replace"))
        raise RuntimeError(f"measuring {filename} failed (exit status {result.returncode})")
    return json.loads(result.stdout)


# -- the parent: build the inputs, measure, print ---------------------------------------------

def machine() -> list[str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    affinity = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    return [
        f"CPU:     {model}",
        f"Cores:   {os.cpu_count()} online; this process may run on "
        f"{len(affinity)} (CPU {','.join(map(str, affinity))})",
        f"Python:  {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}",
    ]


def code_version() -> str:
    """Which observatory code is measured: its folder, the commit, and uncommitted changes to
    the modules that the measurement loaded."""
    import observatory

    package = Path(observatory.__file__).resolve().parent
    loaded = {Path(module.__file__).resolve() for name, module in list(sys.modules.items())
              if name.split(".")[0] == "observatory" and getattr(module, "__file__", None)}
    try:
        def git(*args: str) -> str:
            return subprocess.run(["git", *args], cwd=package, capture_output=True, text=True,
                                  check=True).stdout.rstrip("\n")
        top = Path(git("rev-parse", "--show-toplevel"))
        commit = git("log", "-1", "--format=%h %cs %s")
        dirty = [top / line[3:] for line in git("status", "--porcelain", "--", ".").splitlines()
                 if line.strip()]
    except (OSError, subprocess.CalledProcessError):
        return f"Code:    {package} (not a git checkout)"
    measured = sorted(str(path.relative_to(top)) for path in dirty if path.resolve() in loaded)
    state = ("uncommitted changes to measured modules: " + ", ".join(measured) if measured
             else "no uncommitted changes to the measured modules")
    return f"Code:    {package}, commit {commit}; {state}"


def table(rows: list[dict]) -> str:
    headers = ["input", "pages", "chars", "fiches", "read s", "extract s", "total s",
               "pages/s", "tracemalloc peak MiB", "max RSS MiB", "RSS growth MiB"]
    body = [[
        r["label"],
        f"{r['pages']:.0f}" if r["format"] == "pdf" else f"{r['pages']:.1f}",
        f"{r['chars']:,}",
        f"{len(r['keys'])}/{r['expected']}",
        f"{r['read_seconds']:.3f}",
        f"{r['extract_seconds']:.3f}",
        f"{r['seconds']:.3f}",
        f"{r['pages'] / r['seconds']:.0f}",
        f"{r['tracemalloc_peak_mib']:.1f}",
        f"{r['max_rss_mib']:.1f}",
        f"{r['max_rss_mib'] - r['base_rss_mib']:.1f}",
    ] for r in rows]
    widths = [max(len(row[i]) for row in [headers, *body]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))) + " |"

    rule = "|" + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2)
                          for i, w in enumerate(widths)) + "|"
    return "\n".join([line(headers), rule, *map(line, body)])


def _squeeze(value):
    """A field's value with runs of whitespace made one space (a PDF wraps lines)."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_squeeze(v) for v in value]
    if isinstance(value, dict):
        return {k: _squeeze(v) for k, v in value.items()}
    return value


def agreement(reference: dict, other: dict) -> str:
    """Per field, how many fiches (matched by key) have the same value as in the .txt."""
    ref = {f["key"]: f for f in reference["fiches"]}
    oth = {f["key"]: f for f in other["fiches"]}
    common = [k for k in ref if k in oth]
    fields = list(reference["fiches"][0]) if reference["fiches"] else []
    diffs = []
    for name in fields:
        same = sum(_squeeze(ref[k][name]) == _squeeze(oth[k][name]) for k in common)
        if same < len(common):
            diffs.append(f"{name} {same}")
    if not diffs:
        return f"all fields equal in all {len(common)} fiches"
    return f"of {len(common)} fiches, equal: " + ", ".join(diffs) + "; other fields all equal"


def profile(filename: str, data: bytes, top: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    document = read_document(filename, data)
    extract_fiches(document.text)
    profiler.disable()
    print(f"\ncProfile of one run of read_document + extract_fiches on {filename} "
          f"(top {top} by cumulative time):\n")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per input (best kept)")
    parser.add_argument("--pages", type=int, default=100, help="pages of the generated input")
    parser.add_argument("--save", metavar="DIR", help="also write the generated inputs to DIR")
    parser.add_argument("--profile", choices=["sample", "txt", "pdf", "docx"],
                        help="also profile one run of this input with cProfile")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # child mode: bytes on stdin
    args = parser.parse_args()
    if args.measure:
        _child_main(args.measure, args.runs)
        return

    print("Report ingestion benchmark: read_document + extract_fiches")
    print("Command: " + " ".join([sys.executable, *sys.argv]))
    print("\n".join(machine()))
    print(code_version())

    t0 = time.perf_counter()
    sample = make_fiches.SAMPLE.read_bytes()
    sample_keys = [f["key"] for f in json.loads(make_fiches.SAMPLE_TRUTH.read_text())["fiches"]]
    document = make_fiches.build_document(args.pages)
    txt = document.text.encode("utf-8")
    pdf, pdf_pages = make_fiches.to_pdf(document.text)
    docx = make_fiches.to_docx(document.text)
    print(f"\nInputs built in {time.perf_counter() - t0:.1f} s (not measured): "
          f"{document.fiches} varied fiches (seed {make_fiches.SEED}), "
          f"{len(document.text):,} characters = {document.pages:.1f} pages of {PAGE_CHARS:,} "
          f"characters; PDF {pdf_pages} A4 pages ({len(pdf):,} bytes, "
          f"{make_fiches.pdf_font()} {make_fiches.PDF_FONT_SIZE} pt), "
          f".docx {len(docx):,} bytes.")
    name = f"fiches-{args.pages}p"
    inputs = [
        ("(a) sample .txt", make_fiches.SAMPLE.name, sample, sample_keys),
        (f"(b) {args.pages}-page .txt", f"{name}.txt", txt, document.keys),
        (f"(c) {args.pages}-page .pdf", f"{name}.pdf", pdf, document.keys),
        (f"(d) {args.pages}-page .docx", f"{name}.docx", docx, document.keys),
    ]
    if args.save:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for _label, filename, data, _keys in inputs[1:]:
            (out / filename).write_bytes(data)
        print(f"Generated inputs written to {out}/")

    rows = []
    for label, filename, data, keys in inputs:
        row = run_child(filename, data, args.runs)
        row.update(label=label, expected=len(keys))
        missing = sorted(set(keys) - set(row["keys"]))
        row["missing"] = missing
        rows.append(row)

    print(f"\nBest of {args.runs} runs per input; each input in a fresh child process.")
    print("Pages: real pages for the PDF; characters / 3,000 for .txt and .docx (as read).")
    base = sorted({f"{r['base_rss_mib']:.0f}" for r in rows})
    print("Fiches: found / written. tracemalloc peak: Python allocations during one run. "
          "Max RSS: the child's peak resident set (VmHWM), interpreter, Django and the readers' "
          f"libraries included ({'–'.join(base)} MiB after imports and reading the input); "
          "RSS growth: max RSS minus that.")
    print("(getrusage's ru_maxrss in the children: "
          + ", ".join(f"{r['getrusage_max_rss_mib']:.0f}" for r in rows)
          + " MiB: it starts from the parent's peak, see _max_rss_mib.)\n")
    print(table(rows))
    for row in rows:
        if row["missing"]:
            print(f"\n{row['label']}: {len(row['missing'])} written fiche(s) not found by key: "
                  + ", ".join(row["missing"][:20]) + (" …" if len(row["missing"]) > 20 else ""))

    print("\nSame values as from the .txt (whitespace squeezed, fiches matched by key):")
    for row in rows[2:]:
        print(f"  {row['label']}: {agreement(rows[1], row)}")

    if args.profile:
        chosen = {"sample": inputs[0], "txt": inputs[1], "pdf": inputs[2],
                  "docx": inputs[3]}[args.profile]
        profile(chosen[1], chosen[2], args.top)


if __name__ == "__main__":
    main()
