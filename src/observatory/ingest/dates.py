"""Start dates and durations as programme fiches write them, in English, French and Spanish.

``find_start_duration`` reads the sidebar expressions of the genre: "2016 (60 months)",
"Starting Sep 2020 (36 months)", "11/2019 (48 + 6 months)", "From 03/2018 to 02/2021",
"2016–2020", "Depuis janvier 2019 (36 mois)", "Desde marzo de 2018 (24 meses)", "(5 years)".
A date on its own ("2016", "Sep 2020") is not read as a start: it needs a duration next to it, a
"starting"/"since"/"depuis"/"desde"… in front of it, or a second date making a range.
Everything is compiled once at import: the function is called on many short snippets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .money import ISO_CURRENCY_CODES

__all__ = ["StartDuration", "find_start_duration"]


@dataclass(frozen=True)
class StartDuration:
    start: str | None  # "YYYY" or "YYYY-MM"
    duration_months: int | None
    start_offset: int | None  # span of the matched expression in the input
    end_offset: int | None


_MONTHS: dict[str, int] = {}
for _month, _names in enumerate((
    "january jan janvier janv enero ene",
    "february feb février fevrier févr fevr fév fev febrero",
    "march mar mars marzo",
    "april apr avril avr abril abr",
    "may mai mayo",
    "june jun juin junio",
    "july jul juillet juil julio",
    "august aug août aout agosto ago",
    "september sept sep septembre septiembre setiembre set",
    "october oct octobre octubre",
    "november nov novembre noviembre",
    "december dec décembre decembre déc diciembre dic",
), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _month

_YEAR_MIN, _YEAR_MAX = 1990, 2040
_YEAR = r"(?:199\d|20[0-3]\d|2040)"
# Not part of a longer number, an amount ("2016 M€", "2018 million") or a percentage.
_YEAR_BEFORE = r"(?<![\d.,/])"
_YEAR_AFTER = (
    r"(?!\d|[.,]\d|\s*(?:%|[€$£]|(?:mio|millions?|millones|M|k)(?![^\W\d_])))"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NAME = (
    r"(?<![^\W\d_])(?:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")(?![^\W\d_])\.?"
)
_UNIT = (
    r"(?:months?|mths?|mos|mois|mes(?:es)?|years?|yrs?|ans?|ann[ée]es?|a[ñn]os?)(?![^\W\d_])"
)
_YEAR_UNITS = re.compile(r"y|an|a[ñn]", re.IGNORECASE)  # how the year units begin
_TERM = rf"\d{{1,3}}(?:[.,]\d)?(?:-|\s*)(?:{_UNIT})?"  # "6-month" too
_PLUS = r"\s*(?:\(\s*\+|\+|&|and|et|y)\s*"
# "+ 6 meses de extensión sin costo", "+ 6 de ampliación", "+ 12 mois de prolongation"
_NO_COST = r"(?:sin cost[oe]|sans (?:frais|co[uû]ts?)|at no cost)"
_EXTENSION = (rf"(?:\s+(?:de|d['’]|of))?\s+(?:(?:no-cost\s+)?(?:extensi[oó]n|prolongation|"
              rf"pr[oó]rroga|ampliaci[oó]n)(?:\s+{_NO_COST})?|{_NO_COST})")
_TERMS = (rf"(?:{_TERM}{_PLUS})*\d{{1,3}}(?:[.,]\d)?(?:-|\s*){_UNIT}"
          rf"(?:{_PLUS}\d{{1,3}}(?:\s*{_UNIT})?{_EXTENSION}|{_EXTENSION})?")
_TERM_RE = re.compile(rf"(?P<n>\d{{1,3}}(?:[.,]\d)?)(?:-|\s*)(?P<unit>{_UNIT})?", re.IGNORECASE)

_START_WORDS = (
    # English
    r"starting(?:\s+(?:in|on|from))?|start(?:s|ed)?(?:\s+(?:in|on|date))?|since|from"
    r"|beginning(?:\s+(?:in|of))?|commenc(?:ing|ed)(?:\s+in)?|launched(?:\s+in)?"
    # French
    r"|depuis|d[ée]marrage|d[ée]marr[ée]e?(?:\s+en)?|d[ée]but(?:\s+(?:en|le))?"
    r"|date\s+de\s+d[ée]but|[àa]\s+partir\s+d(?:e|['’])|lanc[ée]e?\s+en|commenc[ée]e?\s+en"
    # Spanish
    r"|desde|inicio|iniciad[oa]\s+en|comienzo|comenz[óo]\s+en|fecha\s+de\s+inicio"
)
_PREFIX_TAIL = r"(?![^\W\d_])\s*[:\-–]?\s*(?:(?:in|en|on|le|el)\s+)?"
_PREFIX = rf"(?<![^\W\d_])(?:{_START_WORDS}){_PREFIX_TAIL}"
# Before a range, "de"/"du"/"del" also start it: "De 2017 à 2021", "del 2016 al 2019".
_RANGE_PREFIX = rf"(?<![^\W\d_])(?:{_START_WORDS}|de|du|del){_PREFIX_TAIL}"
_CONNECTOR = (
    r"\s*(?:[-–—‐]|/|to|until|till|through|thru|à|au|jusqu['’]?\s*(?:à|au|en)|a|al|hasta)\s*"
)
_DURATION_LABEL = (
    r"(?<![^\W\d_])(?:duration|durée|duree|duración|duracion|period|période|periode|período"
    r"|periodo)(?![^\W\d_])(?:\s+(?:initiale?|inicial|pr[ée]vue|prevista|planned|totale?))?"
    r"\s*(?:(?:of|de)\s+)?[:\-–]?\s*"
)


def _date(p: str) -> str:
    """A start or end date; its named groups all begin with ``p``."""
    return (
        # "11/2019", "01/09/2020" (day first), "09.2020"
        rf"(?:(?<![\d/.])(?:{_DAY}[/.\-])?(?P<{p}mn1>0?[1-9]|1[0-2])[/.\-]"
        rf"(?P<{p}y1>{_YEAR}){_YEAR_AFTER}"
        # "2020-09", "2020-09-01"
        rf"|{_YEAR_BEFORE}(?P<{p}y2>{_YEAR})-(?P<{p}mn2>0[1-9]|1[0-2])(?!\d)(?:-{_DAY}(?!\d))?"
        # "Sep 2020", "sept. 2020", "1er septembre 2020", "15 de marzo de 2018", "May 1, 2020"
        rf"|(?:(?<!\d){_DAY}(?:st|nd|rd|th|er|º|°)?\s+(?:(?:de|of)\s+)?)?"
        rf"(?P<{p}mname>{_MONTH_NAME})(?:\s+{_DAY}(?:st|nd|rd|th)?)?,?\s*(?:(?:de|del|of)\s+)?"
        rf"(?P<{p}y3>{_YEAR}){_YEAR_AFTER}"
        # "2016"
        rf"|{_YEAR_BEFORE}(?P<{p}y4>{_YEAR}){_YEAR_AFTER})"
    )


def _duration_after(p: str) -> str:
    """A duration right after a date: "(60 months)", ", 36 months", "for 3 years"."""
    return (
        rf"\s*(?:\(\s*(?P<{p}d1>{_TERMS})\s*(?:[,;][^()]{{0,60}})?\)"
        rf"|[,;:/|–—-]?\s*(?:(?:for|pour|por|durante|pendant|over|sur)\s+|{_DURATION_LABEL}"
        rf"|with an?\s+(?={_TERMS}\s+(?:time ?frame|duration|life ?span|horizon|period)))?"
        rf"(?P<{p}d2>{_TERMS}))"  # "avril 2019 – durée initiale de 36 mois"
    )


_EXPRESSION_RE = re.compile(
    # Every expression begins with a digit, "(" or the first letter of a word, and has a digit
    # within its first 48 characters: checking that first makes the search skip most positions.
    r"(?=[\d(]|(?<![^\W\d_])[^\W\d_])(?=\D{0,48}\d)(?:"
    # "From 03/2018 to 02/2021", "2016–2020", "De 2017 à 2021", "Jan 2017 – Dec 2019"
    rf"(?:{_RANGE_PREFIX})?{_date('a')}{_CONNECTOR}{_date('b')}(?:{_duration_after('r')})?"
    # "between 2017 and 2021", "entre 2017 et 2021", "entre 2017 y 2021"
    rf"|(?<![^\W\d_])(?:between|entre)\s+{_date('c')}\s+(?:and|et|y)\s+{_date('d')}"
    rf"(?:{_duration_after('s')})?"
    # "Starting Sep 2020 (36 months)", "Since January 2019", "Inicio: 09/2020 (36 meses)"
    rf"|{_PREFIX}{_date('e')}(?:{_duration_after('t')})?"
    # "2016 (60 months)", "Nov 2017 (48 months)"
    rf"|{_date('f')}{_duration_after('u')}"
    # "(5 years)", "(48 + 6 months)", "Duration: 36 months"
    rf"|\(\s*(?P<vd1>{_TERMS})\s*(?:[,;][^()]{{0,60}})?\)|{_DURATION_LABEL}(?P<vd2>{_TERMS}))",
    re.IGNORECASE,
)
_CURRENCY_BEFORE_RE = re.compile(
    rf"(?:[€$£]|(?<![A-Za-z])(?:{'|'.join(sorted(ISO_CURRENCY_CODES))}))[ \t\u00a0\u202f]*\Z"
)
_HAS_DIGIT_RE = re.compile(r"\d")


def _months(terms: str) -> int | None:
    """Total months of "60 months", "5 years", "48 + 6 months", "3 years and 6 months"."""
    pending: list[Decimal] = []
    total = Decimal(0)
    factor = 0
    for m in _TERM_RE.finditer(terms):
        try:
            pending.append(Decimal(m["n"].replace(",", ".")))
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            return None
        if m["unit"]:
            factor = 12 if _YEAR_UNITS.match(m["unit"]) else 1
            total += sum(pending) * factor
            pending = []
    if pending and factor:  # "48 meses + 6 de ampliación": the last unit goes on
        total += sum(pending) * factor
    months = int(total.to_integral_value())
    return months if months > 0 else None


def _date_parts(m: re.Match[str], p: str) -> tuple[int, int | None] | None:
    """(year, month or None) of the date whose groups begin with ``p``, if it matched."""
    if m[f"{p}y1"]:
        return int(m[f"{p}y1"]), int(m[f"{p}mn1"])
    if m[f"{p}y2"]:
        return int(m[f"{p}y2"]), int(m[f"{p}mn2"])
    if m[f"{p}y3"]:
        return int(m[f"{p}y3"]), _MONTHS[m[f"{p}mname"].rstrip(".").lower()]
    if m[f"{p}y4"]:
        return int(m[f"{p}y4"]), None
    return None


def _format(year: int, month: int | None) -> str:
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"


def _year_start(m: re.Match[str], p: str) -> int:
    """Where the year of the date ``p`` begins (a currency just before it makes it an amount)."""
    for name in ("y1", "y2", "y3", "y4"):
        if m[p + name]:
            return m.start(p + name)
    return m.start()  # pragma: no cover


def _read(m: re.Match[str], text: str) -> StartDuration | None:
    for first, second, dur in (("a", "b", "r"), ("c", "d", "s"), ("e", None, "t"),
                               ("f", None, "u")):
        start = _date_parts(m, first)
        if start is None:
            continue
        year_at = _year_start(m, first)
        if _CURRENCY_BEFORE_RE.search(text, max(0, year_at - 8), year_at):
            return None  # "EUR 2018 (48 months)" is an amount
        explicit = m[f"{dur}d1"] or m[f"{dur}d2"]
        months = _months(explicit) if explicit else None
        if second is not None:
            end = _date_parts(m, second)
            assert end is not None
            span = (end[0] * 12 + (end[1] or 12)) - (start[0] * 12 + (start[1] or 1)) + 1
            if span <= 0:
                return None
            if months is None:
                months = span
        return StartDuration(_format(*start), months, m.start(), m.end())
    months = _months(m["vd1"] or m["vd2"])
    if months is None:
        return None
    return StartDuration(None, months, m.start(), m.end())


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "dix-huit": 18,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "dieciocho": 18,
}
_NUMBER_WORD_RE = re.compile(
    r"(?<![^\W\d_])(" + "|".join(sorted((w.strip() for w in _NUMBER_WORDS), key=len, reverse=True))
    + rf")(?=(?:\s+|-){_UNIT})", re.IGNORECASE)  # "four years", "a five-year timeframe"


_AND_A_HALF = re.compile(  # "2 años y medio", "2 and a half years", "3 ans et demi"
    r"(?i)\b(\d{1,2})(?:\s+(years?|ans|ann[ée]es|a[ñn]os)\s+(?:and a half|et demie?|y medio)|"
    r"\s+(?:and a half|et demie?|y medio)\s+(years?|ans|ann[ée]es|a[ñn]os))\b")


def spelled_numbers(text: str) -> str:
    """Durations spelt out in words, in digits: "four years" -> "4 years", "dos años y
    medio" -> "2.5 años"."""
    text = _NUMBER_WORD_RE.sub(lambda m: str(_NUMBER_WORDS[m.group(1).lower()]), text)
    return _AND_A_HALF.sub(lambda m: f"{m.group(1)}.5 {m.group(2) or m.group(3)}", text)


def find_start_duration(text: str) -> StartDuration | None:
    """The start and duration of the first date expression in ``text``, or None.

    An expression with both a start and a duration is preferred to an earlier one with only
    one of them.
    """
    if not _HAS_DIGIT_RE.search(text):
        return None
    first: StartDuration | None = None
    pos = 0
    while (m := _EXPRESSION_RE.search(text, pos)) is not None:
        found = _read(m, text)
        if found is None:
            pos = m.start() + 1
            continue
        if found.start is not None and found.duration_months is not None:
            return found
        if first is None:
            first = found
        pos = m.end()
    return first
