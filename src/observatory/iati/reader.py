"""One ``iati-activity`` element as plain data, before anything touches the database.

Reads 2.01 to 2.03: the elements the importer uses have not changed between them, except that
2.01/2.02 allow at most one target or actual per period, which reads the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from lxml import etree

from .xmlutil import FIELD, UNIT, XML_LANG, parse_bool

INCOMING_COMMITMENT = "11"  # IATI TransactionType


@dataclass
class Org:
    ref: str
    name: str
    type: str = ""
    role: str = ""


@dataclass
class Value:
    kind: int  # results.models.ValueKind
    value: str | None
    location_refs: list[str]
    dimensions: list[tuple[str, str]]
    comment: str


@dataclass
class PeriodData:
    start: dt.date | None
    end: dt.date | None
    values: list[Value] = field(default_factory=list)


@dataclass
class IndicatorData:
    title: str
    description: str
    measure: str
    ascending: bool | None
    unit: str
    references: list[tuple[str, str]]  # (vocabulary, code)
    baseline: tuple[int, str | None, str] | None  # (year, value, comment)
    periods: list[PeriodData]


@dataclass
class ResultData:
    type: str
    title: str
    description: str
    indicators: list[IndicatorData]


@dataclass
class Location:
    ref: str
    name: str
    country: str  # from <administrative vocabulary="A4">, "" when not given


@dataclass
class Transaction:
    type: str
    value: Decimal | None
    currency: str
    provider: Org | None
    description: str


@dataclass
class Budget:
    type: str
    start: dt.date | None
    end: dt.date | None
    value: Decimal | None
    currency: str


@dataclass
class Description:
    type: str
    field: str  # our extension attribute, "" in other publishers' files
    text: str


@dataclass
class Activity:
    identifier: str
    line: int
    reporting: Org
    title: str
    descriptions: list[Description]
    participants: list[Org]
    status: str
    dates: dict[str, dt.date]  # ActivityDateType -> date (the first of each type)
    countries: list[tuple[str, Decimal | None]]
    regions: list[tuple[str, str, Decimal | None]]  # (vocabulary, code, percentage)
    locations: list[Location]
    sectors: list[tuple[str, str, Decimal | None, str]]  # (vocabulary, code, %, narrative)
    budgets: list[Budget]
    commitments: list[Transaction]  # incoming commitments: all the importer reads of them
    links: list[tuple[str, str]]  # (url, title)
    results: list[ResultData]


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        number = Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


class Texts:
    """Picks one narrative of an element: the one in the activity's language (or without a
    language, which means that one), else English, else the first."""

    def __init__(self, language: str) -> None:
        self.language = (language or "").lower()

    def __call__(self, element: etree._Element | None) -> str:
        if element is None:
            return ""
        narratives = element.findall("narrative")
        if not narratives:  # 1.x style text; also location names written without narrative
            return (element.text or "").strip()
        for wanted in (self.language, "en"):
            for narrative in narratives:
                if (narrative.get(XML_LANG) or self.language).lower() == wanted:
                    return (narrative.text or "").strip()
        return (narratives[0].text or "").strip()


def _attr(element: etree._Element, path: str, name: str) -> str:
    """An attribute of the first child at ``path`` (find, not XPath: this runs per element of
    files of hundreds of megabytes)."""
    found = element.find(path)
    return (found.get(name) or "") if found is not None else ""


def _org(element: etree._Element, text: Texts) -> Org:
    return Org((element.get("ref") or "").strip(), text(element), element.get("type") or "",
               element.get("role") or "")


def read_activity(element: etree._Element) -> Activity:
    text = Texts(element.get(XML_LANG) or "")
    reporting = element.find("reporting-org")
    dates: dict[str, dt.date] = {}
    for date in element.findall("activity-date"):
        day = _date(date.get("iso-date"))
        if day is not None:
            dates.setdefault(date.get("type") or "", day)
    return Activity(
        identifier=(element.findtext("iati-identifier") or "").strip(),
        line=element.sourceline or 0,
        reporting=_org(reporting, text) if reporting is not None else Org("", ""),
        title=text(element.find("title")),
        descriptions=[Description(d.get("type") or "1", d.get(FIELD) or "", text(d))
                      for d in element.findall("description")],
        participants=[_org(o, text) for o in element.findall("participating-org")],
        status=_attr(element, "activity-status", "code"),
        dates=dates,
        countries=[((c.get("code") or "").strip().upper(), _decimal(c.get("percentage")))
                   for c in element.findall("recipient-country")],
        regions=[(r.get("vocabulary") or "1", (r.get("code") or "").strip(),
                  _decimal(r.get("percentage"))) for r in element.findall("recipient-region")],
        locations=[Location((loc.get("ref") or "").strip(), text(loc.find("name")),
                            _attr(loc, "administrative[@vocabulary='A4']", "code").upper())
                   for loc in element.findall("location")],
        sectors=[(s.get("vocabulary") or "1", (s.get("code") or "").strip(),
                  _decimal(s.get("percentage")), text(s)) for s in element.findall("sector")],
        budgets=[Budget(b.get("type") or "1", _date(_attr(b, "period-start", "iso-date")),
                        _date(_attr(b, "period-end", "iso-date")),
                        _decimal(b.findtext("value")),
                        _attr(b, "value", "currency") or element.get("default-currency")
                        or "") for b in element.findall("budget")],
        commitments=[_transaction(t, text, element.get("default-currency") or "")
                     for t in element.iterfind("transaction")
                     if _attr(t, "transaction-type", "code") == INCOMING_COMMITMENT],
        links=[(d.get("url") or "", text(d.find("title"))) for d in element.findall(
            "document-link") if d.get("url")],
        results=[_result(r, text) for r in element.findall("result")],
    )


def _transaction(element: etree._Element, text: Texts, currency: str) -> Transaction:
    provider = element.find("provider-org")
    return Transaction(
        _attr(element, "transaction-type", "code"), _decimal(element.findtext("value")),
        _attr(element, "value", "currency") or currency,
        _org(provider, text) if provider is not None else None,
        text(element.find("description")))


def _result(element: etree._Element, text: Texts) -> ResultData:
    return ResultData(element.get("type") or "9", text(element.find("title")),
                      text(element.find("description")),
                      [_indicator(i, text) for i in element.findall("indicator")])


def _indicator(element: etree._Element, text: Texts) -> IndicatorData:
    baseline = element.find("baseline")
    year = baseline.get("year", "") if baseline is not None else ""
    return IndicatorData(
        title=text(element.find("title")),
        description=text(element.find("description")),
        measure=element.get("measure") or "1",
        ascending=parse_bool(element.get("ascending")),
        unit=element.get(UNIT) or "",
        references=[(r.get("vocabulary") or "", (r.get("code") or "").strip())
                    for r in element.findall("reference")],
        baseline=(int(year), baseline.get("value"), text(baseline.find("comment")))
        if baseline is not None and year.strip().isdigit() else None,
        periods=[_period(p, text) for p in element.findall("period")],
    )


def _period(element: etree._Element, text: Texts) -> PeriodData:
    period = PeriodData(_date(_attr(element, "period-start", "iso-date")),
                        _date(_attr(element, "period-end", "iso-date")))
    for kind, tag in ((1, "target"), (2, "actual")):
        for value in element.findall(tag):
            period.values.append(Value(
                kind, value.get("value"),
                [(loc.get("ref") or "").strip() for loc in value.findall("location")
                 if (loc.get("ref") or "").strip()],
                [((d.get("name") or "").strip(), (d.get("value") or "").strip())
                 for d in value.findall("dimension")],
                text(value.find("comment"))))
    return period
