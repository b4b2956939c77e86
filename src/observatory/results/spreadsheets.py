"""CSV and XLSX data-entry templates of one programme and period, and reading them back.

A template has one row per entry cell: indicator x place x kind x finest combination of the
indicator's categories, plus a total row. Programme staff fill it offline and upload it; each
row becomes a ``ValueInput`` and ``services.save_values`` stores the lot or nothing. Pure logic:
the views hand bytes in and out.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from observatory.registry.models import Place, Programme
from observatory.registry.selectors import place_and_descendant_ids

from . import selectors
from .disaggregations import Combination, full_grid, key_of, parse_key
from .models import DataValue, Dimension, Indicator, Period, ValueKind, ValueStatus
from .validation import ERROR, ValueInput, Violation, check_input, describe

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024  # zip-bomb guard: what the workbook may unpack to
SHEET = "Values"
HELP_SHEET = "Help"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KINDS = {"target": ValueKind.TARGET, "actual": ValueKind.ACTUAL}
KIND_NAMES = {number: name for name, number in KINDS.items()}
BEFORE = ["indicator_id", "indicator", "unit", "measure", "place_code", "place_id", "place",
          "kind"]
AFTER = ["value", "narrative", "comment", "source", "status"]
# Rule named in a report for a problem found in a column while reading the file.
RULES = {"indicator_id": "indicator", "place_id": "place", "place_code": "place",
         "kind": "kind", "value": "number"}
INFO = {"indicator", "unit", "measure", "place", "status"}  # shown, never read back
TEXTS = ("narrative", "comment", "source")
# Spreadsheet programs run a CSV cell starting with these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None
CellKey = tuple[int, int, str, int]  # indicator, place, disaggregation key, kind
ErrorFn = Callable[[str, str, str], None]  # column, message, fix


class UploadRefused(Exception):
    """The file as a whole cannot be read; nothing was stored."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


# --- the template -------------------------------------------------------------------------

@dataclass
class Line:
    indicator: Indicator
    place: Place
    kind: int
    categories: Combination
    stored: DataValue | None  # the cell's value, entered or derived


@dataclass
class Template:
    programme: Programme
    period: Period
    dimensions: list[Dimension]
    lines: list[Line]

    @property
    def headers(self) -> list[str]:
        return BEFORE + [d.code for d in self.dimensions] + AFTER

    def rows(self) -> Iterator[list[Cell]]:
        for line in self.lines:
            stored, indicator, place = line.stored, line.indicator, line.place
            entered = stored if stored is not None and not stored.derived else None
            yield [indicator.pk, indicator.title, indicator.unit,
                   indicator.get_measure_display(), place.code or "", place.pk, place.label,
                   KIND_NAMES[line.kind],
                   *[line.categories.get(d.code, "") for d in self.dimensions],
                   entered.value if entered else None, entered.narrative if entered else "",
                   entered.comment if entered else "", entered.source if entered else "",
                   status_text(stored)]


def status_text(stored: DataValue | None) -> str:
    if stored is None:
        return ""
    if stored.derived:
        shown = format_number(stored.value) if stored.value is not None else ""
        return _("computed from its parts: %(value)s") % {"value": shown}
    return str(ValueStatus(stored.status).label)


def entry_places(programme: Programme, period: Period) -> list[Place]:
    """The programme's places, then any other place already holding its values for the period."""
    places = [pp.place for pp in programme.programme_places.select_related("place")]
    used = DataValue.objects.filter(indicator__result__programme=programme,
                                    period=period).values("place_id")
    places += [p for p in Place.objects.filter(pk__in=used) if p not in places]
    return places


def programme_indicators(programme: Programme) -> list[Indicator]:
    return [i for result in selectors.framework(programme) for i in result.indicators.all()]


def stored_values(programme: Programme, period: Period,
                  drafts: bool = True) -> dict[CellKey, DataValue]:
    """The programme's values for the period; without ``drafts``, only what the public sees
    (targets and approved actual values)."""
    values = DataValue.objects.filter(indicator__result__programme=programme, period=period)
    found = {}
    for v in values.select_related("disaggregation"):
        if drafts or v.kind == ValueKind.TARGET or v.status == ValueStatus.APPROVED:
            found[(v.indicator_id, v.place_id, v.disaggregation.key, v.kind)] = v
    return found


def build_template(programme: Programme, period: Period, drafts: bool = True) -> Template:
    indicators = programme_indicators(programme)
    places = entry_places(programme, period)
    stored = stored_values(programme, period, drafts)
    # Entered values off the grid (a subtotal, a retired category) get rows too, so a round
    # trip through the file never loses them.
    off_grid: dict[tuple[int, int, int], list[str]] = defaultdict(list)
    dimensions: dict[str, Dimension] = {}
    grids: dict[int, list[Combination]] = {}
    for indicator in indicators:
        dims = list(indicator.dimensions.all())
        dimensions.update((d.code, d) for d in dims)
        grids[indicator.pk] = [*full_grid(dims), {}] if dims else [{}]
    on_grid = {(i, key_of(c)) for i, combos in grids.items() for c in combos}
    for (indicator_id, place_id, key, kind), value in sorted(stored.items()):
        if not value.derived and (indicator_id, key) not in on_grid:
            off_grid[(indicator_id, place_id, kind)].append(key)
    lines = []
    for indicator in indicators:
        for place in places:
            for kind in (ValueKind.TARGET, ValueKind.ACTUAL):
                combos = grids[indicator.pk] + [
                    parse_key(key) for key in off_grid[(indicator.pk, place.pk, kind)]]
                lines += [Line(indicator, place, kind, c,
                               stored.get((indicator.pk, place.pk, key_of(c), kind)))
                          for c in combos]
    in_use = sorted(dimensions.values(), key=lambda d: (d.order, d.code))
    return Template(programme, period, in_use, lines)


def filename(programme: Programme, period: Period, fmt: str) -> str:
    """``ProGEM-2020-Q1-results.xlsx``: the key and period label, safe in a file name."""
    def safe(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9._]+", "-", text).strip("-.")

    return f"{safe(programme.key) or 'programme'}-{safe(period.label)}-results.{fmt}"


def format_number(number: float) -> str:
    """Every digit kept (``:g`` would round 1234567 to 1.23457e+06)."""
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _csv_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def write_csv(template: Template) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(template.headers)
    for row in template.rows():
        writer.writerow([_csv_safe(c) if isinstance(c, str) else
                         format_number(c) if isinstance(c, float) else c for c in row])
    return out.getvalue().encode("utf-8-sig")


def column_help(dimensions: list[Dimension]) -> list[tuple[str, str]]:
    info = _("Information only: changes to it are ignored.")
    return [
        ("indicator_id", _("Number of the indicator. Keep it as it is.")),
        ("indicator", info), ("unit", info), ("measure", info),
        ("place_code", _("ISO 3166 code of the place; empty for places without one.")),
        ("place_id", _("Number of the place in the observatory. Keep it as it is.")),
        ("place", info),
        ("kind", _("target or actual.")),
        *[(d.code, _("Category code of “%(dimension)s” (see below); empty means all of them, "
                     "the total over that dimension.") % {"dimension": d.label})
          for d in dimensions],
        ("value", _("The number: digits, with a decimal point or comma (1234 or 12.5). Leave "
                    "it empty where you have no figure; emptying a stored value removes it. "
                    "Totals left empty are computed from their parts.")),
        ("narrative", _("The text of a qualitative indicator, or what the number means.")),
        ("comment", _("A note for reviewers, e.g. why a figure changed.")),
        ("source", _("Where the figure comes from (attendance sheets, survey ...).")),
        ("status", info),
    ]


def write_xlsx(template: Template) -> bytes:
    """The Values sheet (bold frozen header, lists for kind and categories) and a Help sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.freeze_panes = "A2"
    headers = template.headers
    widths = {"indicator": 40, "place": 20, "narrative": 40, "comment": 30, "source": 25,
              "status": 18, "measure": 12, "unit": 14}
    for index, name in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(name, 13)
    grey = PatternFill("solid", fgColor="E8ECEA")
    header = []
    for name in headers:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        if name in INFO:
            cell.fill = grey
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in template.rows():
        cells: list[object] = []
        for value in row:
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text that looks like a formula stays text
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1

    helper = book.create_sheet(HELP_SHEET)
    bold = Font(bold=True)

    def title(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(helper, value=text)
        cell.font = bold
        return cell

    helper.column_dimensions["A"].width = 22
    helper.column_dimensions["B"].width = 90
    line = 0

    def add(*values: object) -> int:
        nonlocal line
        helper.append(list(values))
        line += 1
        return line

    add(title(_("How to fill this file")))
    add(_("One row per value: fill the value (or the narrative of a qualitative indicator), "
          "keep the other columns, then upload the file on the programme's results page. "
          "The whole file is checked and stored at once, or nothing is stored."))
    add()
    add(title(_("Column")), title(_("What to write")))
    for name, text in column_help(template.dimensions):
        add(name, text)
    add()
    add(title("kind"), title(_("Meaning")))
    add("target", _("what the programme aims for in the period"))
    add("actual", _("what was achieved in the period"))
    ranges: dict[str, str] = {}
    for dimension in template.dimensions:
        add()
        add(title(dimension.code), title(dimension.label))
        first = line + 1
        for category in dimension.categories.all():
            if category.active:
                add(category.code, category.label)
        if line >= first:
            ranges[dimension.code] = f"{HELP_SHEET}!$A${first}:$A${line}"

    last = count + 1 + 1000  # room for rows added by hand
    kinds = DataValidation(type="list", formula1='"target,actual"', allow_blank=True)
    kinds.add(f"{_column(headers, 'kind')}2:{_column(headers, 'kind')}{last}")
    sheet.data_validations.append(kinds)
    for code, cells_range in ranges.items():
        validation = DataValidation(type="list", formula1=cells_range, allow_blank=True)
        letter = _column(headers, code)
        validation.add(f"{letter}2:{letter}{last}")
        sheet.data_validations.append(validation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _column(headers: list[str], name: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(headers.index(name) + 1)


# --- reading a file -----------------------------------------------------------------------

@dataclass
class Table:
    headers: list[str]  # lower case, stripped
    rows: list[tuple[int, list[object]]]  # row number as in the file, cells
    escaped: bool = False  # CSV: text cells may carry the formula guard "'"


def _too_many_rows() -> UploadRefused:
    return UploadRefused(
        _("The file has more than %(n)s rows.") % {"n": MAX_ROWS},
        _("split it into several files, e.g. one per place or per indicator."))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise UploadRefused(
            _("“%(name)s” is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"name": name, "size": _megabytes(size), "limit": _megabytes(MAX_BYTES)},
            _("split it into several files, e.g. one per place or per indicator."))


def read_table(name: str, data: bytes) -> Table:
    """The header and rows of a CSV or XLSX file, whatever its extension claims."""
    check_size(name, len(data))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    unknown = UploadRefused(
        _("“%(name)s” is not a CSV or XLSX file.") % {"name": name},
        _("download the template, fill it in, and upload it as .xlsx or .csv "
          "(in Excel or LibreOffice: “Save as” Excel workbook or CSV UTF-8)."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UploadRefused(
            _("“%(name)s” is an old Excel workbook (.xls).") % {"name": name},
            _("save it as an Excel workbook (.xlsx) or CSV UTF-8 and upload that."))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(name, data, unknown)
    if extension not in ("csv", "txt", "tsv", ""):
        raise unknown
    return _read_csv(name, data, unknown)


def _read_csv(name: str, data: bytes, unknown: UploadRefused) -> Table:
    if b"\x00" in data[:4096]:
        raise unknown
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel's plain "CSV" on Windows
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UploadRefused(
                _("“%(name)s” is not in a text encoding the observatory reads.") % {"name": name},
                _("save it as CSV UTF-8.")) from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count) if first.strip() else ","
    if not first.count(delimiter):
        delimiter = ","
    rows: list[tuple[int, list[object]]] = []
    headers: list[str] | None = None
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter),
                                     start=1):
            if number > 2 * MAX_ROWS:  # empty rows cost time too
                raise _too_many_rows()
            if headers is None:
                headers = [c.strip().lower() for c in row]
                continue
            if not any(c.strip() for c in row):
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            rows.append((number, list(row)))
    except csv.Error:
        raise unknown from None
    if headers is None:
        raise UploadRefused(_("“%(name)s” is empty.") % {"name": name},
                            _("upload the filled template."))
    return Table(headers, rows, escaped=True)


def _read_xlsx(name: str, data: bytes, unknown: UploadRefused) -> Table:
    from openpyxl import load_workbook

    damaged = UploadRefused(_("“%(name)s” could not be read as an Excel workbook.")
                            % {"name": name},
                            _("open it in Excel or LibreOffice, save it again as .xlsx, and "
                              "upload it again."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if "xl/workbook.xml" not in {e.filename for e in entries}:
                raise unknown
            if sum(e.file_size for e in entries) > MAX_XLSX_UNCOMPRESSED:
                raise damaged
    except zipfile.BadZipFile:
        raise damaged from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        logger.debug("openpyxl could not read %s", name, exc_info=error)
        raise damaged from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong sheet size; read to the end
        headers: list[str] | None = None
        rows: list[tuple[int, list[object]]] = []
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            if number > 2 * MAX_ROWS:  # empty rows cost time too
                raise _too_many_rows()
            if headers is None:
                headers = [str(c).strip().lower() if c is not None else "" for c in values]
                continue
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows()
            rows.append((number, list(values)))
    except UploadRefused:
        raise
    except Exception as error:  # sheets are parsed lazily, while iterating
        logger.debug("openpyxl could not read %s", name, exc_info=error)
        raise damaged from None
    finally:
        book.close()
    if headers is None:
        raise UploadRefused(_("“%(name)s” is empty.") % {"name": name},
                            _("upload the filled template."))
    return Table(headers, rows)


# --- numbers ------------------------------------------------------------------------------

_DIGITS = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")


def _grouped(text: str, separator: str) -> bool:
    """``1.234.567`` with separator ".": digit groups of three after the first."""
    head, *groups = text.split(separator)
    return bool(groups) and 1 <= len(head) <= 3 and head.isdigit() and all(
        len(g) == 3 and g.isdigit() for g in groups)


def parse_number(text: str) -> float:
    """Read "1234", "1 234", "12.5", "12,5", "1,234.5", "1.234,5", "45 %".

    Raises ValueError with the message to show; a lone comma before exactly three digits
    ("1,234") is refused as ambiguous (a thousand and some, or one and a fraction)."""
    raw = text.strip()
    spaced = bool(_SPACES.search(raw))
    cleaned = _SPACES.sub("", raw).removesuffix("%")
    sign = cleaned[:1] if cleaned[:1] in "+-" else ""
    body = cleaned[len(sign):]
    not_a_number = ValueError(_("“%(text)s” is not a number.") % {"text": text})
    if not body or not re.fullmatch(r"[\d.,]+", body):
        raise not_a_number
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        decimal, thousands = (".", ",") if body.rfind(".") > body.rfind(",") else (",", ".")
        whole, _sep, fraction = body.rpartition(decimal)
        if not _grouped(whole, thousands):
            raise not_a_number
        body = whole.replace(thousands, "") + "." + fraction
    elif commas > 1 or dots > 1:
        separator = "," if commas else "."
        if not _grouped(body, separator):
            raise not_a_number
        body = body.replace(separator, "")
    elif commas == 1:
        whole, _sep, fraction = body.partition(",")
        if len(fraction) == 3 and whole not in ("", "0") and not spaced:
            raise ValueError(
                _("“%(text)s” could be %(thousands)s or %(decimal)s.")
                % {"text": text, "thousands": whole + fraction, "decimal": f"{whole}.{fraction}"})
        body = f"{whole}.{fraction}"
    if not _DIGITS.match(sign + body):
        raise not_a_number
    return float(sign + body)


# --- rows to values -----------------------------------------------------------------------

@dataclass
class Parsed:
    items: list[ValueInput] = field(default_factory=list)  # what changes
    errors: list[Violation] = field(default_factory=list)
    unchanged: int = 0
    ignored: int = 0  # empty rows for empty cells


def _text(value: object, escaped: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return _csv_unsafe(text) if escaped else text


def _same(stored: DataValue, item: ValueInput) -> bool:
    return (stored.value == item.value and stored.narrative == item.narrative
            and stored.comment == item.comment and stored.source == item.source)


class _Reader:
    """Turns rows into ValueInputs for one programme and period, collecting row errors."""

    def __init__(self, programme: Programme, period: Period, table: Table) -> None:
        self.programme, self.period, self.table = programme, period, table
        self.columns: dict[str, int] = {}
        for index, name in enumerate(table.headers):
            self.columns.setdefault(name, index)
        self.indicators = {i.pk: i for i in programme_indicators(programme)}
        places = entry_places(programme, period)
        allowed = {p.pk for p in places}
        for pp in programme.programme_places.all():
            allowed |= place_and_descendant_ids(pp.place)
        self.places = {p.pk: p for p in Place.objects.filter(pk__in=allowed)}
        self.codes = {p.code.upper(): p for p in self.places.values() if p.code}
        self.stored = stored_values(programme, period)
        self.dimensions = {d.code: d for d in Dimension.objects.prefetch_related("categories")}
        self.seen: dict[CellKey, int] = {}

    def check_columns(self) -> None:
        missing = [c for c in ("indicator_id", "kind", "value") if c not in self.columns]
        if "place_id" not in self.columns and "place_code" not in self.columns:
            missing.append("place_id")
        if missing:
            raise UploadRefused(
                _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)},
                _("keep the header row of the template as the first row of the file; the "
                  "columns needed are indicator_id, place_id (or place_code), kind and value."))

    def cell(self, row: list[object], name: str) -> object:
        index = self.columns.get(name)
        return row[index] if index is not None and index < len(row) else None

    def text(self, row: list[object], name: str) -> str:
        return _text(self.cell(row, name), self.table.escaped)

    def read(self) -> Parsed:
        self.check_columns()
        parsed = Parsed()
        for number, row in self.table.rows:
            self.read_row(number, row, parsed)
        return parsed

    def read_row(self, number: int, row: list[object], parsed: Parsed) -> None:
        errors: list[Violation] = []

        def error(column: str, message: str, fix: str) -> None:
            shown = self.text(row, column)
            errors.append(Violation(ERROR, RULES.get(column, column),
                                    f"{column} “{shown}”" if shown else column,
                                    message, fix, number, {"column": column}))

        indicator = self.indicator(row, error)
        place = self.place(row, error)
        kind_text = self.text(row, "kind").lower()
        kind = KINDS.get(kind_text) or {"1": ValueKind.TARGET, "2": ValueKind.ACTUAL}.get(
            kind_text) or {str(k.label).lower(): k for k in ValueKind}.get(kind_text)
        if kind is None:
            error("kind", _("“%(kind)s” is not a kind of value.") % {"kind": kind_text},
                  _("write target or actual."))
        categories: Combination = {}
        for code, dimension in self.dimensions.items():
            given = self.text(row, code)
            if given:
                categories[code] = self.category(dimension, given)
        value = self.number(row, error)
        if errors or indicator is None or place is None or kind is None:
            known = [str(x) for x in (indicator and indicator.title, place and place.label,
                                      kind and ValueKind(kind).label.lower()) if x]
            for violation in errors:
                violation.value = " · ".join([*known, violation.value])
            parsed.errors += errors
            return
        cell = (indicator.pk, place.pk, key_of(categories), kind)
        stored = self.stored.get(cell)
        entered = stored if stored is not None and not stored.derived else None
        texts = {name: (self.text(row, name) if name in self.columns
                        else getattr(entered, name, "")) for name in TEXTS}
        item = ValueInput(indicator, self.period, place, categories, kind, value, row=number,
                          **texts)
        if cell in self.seen:
            parsed.errors.append(Violation(
                ERROR, "duplicate", describe(indicator, self.period, place, categories, kind),
                _("the same value is also given on row %(row)s.") % {"row": self.seen[cell]},
                _("keep one row per value."), number))
            return
        self.seen[cell] = number
        if item.is_empty and entered is None:
            parsed.ignored += 1
        elif entered is not None and _same(entered, item):
            parsed.unchanged += 1
        else:
            parsed.items.append(item)

    def indicator(self, row: list[object], error: ErrorFn) -> Indicator | None:
        given = self.text(row, "indicator_id")
        if not given:
            title = self.text(row, "indicator")
            matches = [i for i in self.indicators.values() if i.title == title]
            if title and len(matches) == 1:
                return matches[0]
            error("indicator_id", _("the indicator is missing."),
                  _("copy the indicator_id from the template."))
            return None
        try:
            found = self.indicators.get(int(given))
        except ValueError:
            found = None
        if found is None:
            error("indicator_id", _("%(id)s is not an indicator of %(programme)s.")
                  % {"id": given, "programme": self.programme.key},
                  _("use the indicator_id given in the template; download a new template if "
                    "the results framework has changed."))
        return found

    def place(self, row: list[object], error: ErrorFn) -> Place | None:
        given_id, code = self.text(row, "place_id"), self.text(row, "place_code").upper()
        fix = _("use a place_id or place_code given in the template; add the place to the "
                "programme's fiche first if it is missing.")
        by_code = self.codes.get(code) if code else None
        if given_id:
            try:
                found = self.places.get(int(given_id))
            except ValueError:
                found = None
            if found is None:
                error("place_id", _("%(id)s is not one of the programme's places.")
                      % {"id": given_id}, fix)
            elif code and by_code != found:
                error("place_code", _("the place_code %(code)s is not the place %(id)s.")
                      % {"code": code, "id": given_id},
                      _("correct one of the two, or empty place_code."))
                return None
            return found
        if not code:
            error("place_id", _("the place is missing."), fix)
        elif by_code is None:
            error("place_code", _("%(code)s is not one of the programme's places.")
                  % {"code": code}, fix)
        return by_code

    @staticmethod
    def category(dimension: Dimension, given: str) -> str:
        """The category's code, recognised also by its name; unknown text is passed on for
        the validation to report with the list of codes."""
        wanted = given.casefold()
        for category in dimension.categories.all():
            if wanted in (category.code.casefold(), category.name.casefold(),
                          category.name_fr.casefold()):
                return category.code
        return given

    def number(self, row: list[object], error: ErrorFn) -> float | None:
        value = self.cell(row, "value")
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            error("value", _("“%(value)s” is not a number.") % {"value": value},
                  _("type digits only, e.g. 1250 or 12.5; format the column as a number, not a "
                    "date."))
            return None
        if not isinstance(value, str):
            return float(value)
        if not value.strip():
            return None
        try:
            return parse_number(value)
        except ValueError as problem:
            error("value", str(problem),
                  _("type digits only, e.g. 1250 or 12.5 (12,5 is read as 12.5; write "
                    "thousands without a separator)."))
            return None


def read_values(programme: Programme, period: Period, table: Table) -> Parsed:
    """The file's rows as values to save. Rows equal to the stored value are counted as
    unchanged and not passed on; empty rows for empty (or computed) cells are skipped."""
    return _Reader(programme, period, table).read()


def row_errors(parsed: Parsed) -> list[Violation]:
    """Everything wrong with the rows themselves, reading and rules of each value together,
    so that one report lists it all."""
    found = parsed.errors + [v for item in parsed.items for v in check_input(item)
                             if v.severity == ERROR]
    return sorted(found, key=lambda v: v.row or 0)


def attach_rows(violations: list[Violation], items: list[ValueInput]) -> list[Violation]:
    """Point sum and outlier violations (found on stored cells) at the row of the file that
    holds the very cell named, where there is one; sorted by row."""
    rows = {describe(i.indicator, i.period, i.place, i.categories, i.kind): i.row
            for i in items}
    for violation in violations:
        violation.row = rows.get(violation.value, violation.row)
    return sorted(violations, key=lambda v: (v.row is None, v.row or 0))
