"""Is an IATI activity file valid? The 2.03 schema, then the checks of IATI's standard ruleset
(``rulesets/standard.json``) that bear on what the observatory writes and reads: identifiers,
dates, percentages, values by indicator measure, codes in their codelists.

Each rule has the ruleset's id and severity; ``location-ref`` (a result's location must be one
of the activity's) and ``codelist:<Name>`` are checks the IATI validator makes outside that
file. The rules look at one ``iati-activity`` at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from lxml import etree

from .reference import activity_schema, codelist, safe_parser
from .xmlutil import XML_LANG

ERROR, WARNING = "error", "warning"
HUNDRED = Decimal(100)
QUANTITATIVE = ("1", "2", "3", "4")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    activity: str  # the iati-identifier
    message: str

    def __str__(self) -> str:
        return f"{self.activity}: [{self.rule} {self.severity}] {self.message}"


@dataclass
class Context:
    today: dt.date
    now: dt.datetime
    directory: Path | None = None


Check = Callable[[etree._Element, Context], Iterable[str]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    message: Any  # lazily translated
    check: Check  # yields one detail per violation ("" when the message says it all)


RULES: list[Rule] = []


def rule(id: str, severity: str, message: Any) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES.append(Rule(id, severity, message, check))
        return check
    return register


# --- helpers -------------------------------------------------------------------------------

def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _moment(text: str | None) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat((text or "").strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal((text or "").strip())
    except InvalidOperation:
        return None


def _dates(activity: etree._Element, type_: str) -> list[dt.date]:
    return [d for d in (_date(x) for x in activity.xpath(
        f"activity-date[@type='{type_}']/@iso-date")) if d is not None]


def _percentages(elements: Iterable[etree._Element]) -> list[Decimal | None]:
    return [_decimal(e.get("percentage")) if e.get("percentage") is not None else None
            for e in elements]


def _sum_is_hundred(values: list[Decimal | None]) -> bool:
    return all(v is not None for v in values) and \
        sum((v for v in values if v is not None), Decimal(0)) == HUNDRED


def _by_vocabulary(elements: Iterable[etree._Element]) -> dict[str, list[etree._Element]]:
    groups: dict[str, list[etree._Element]] = defaultdict(list)
    for element in elements:
        groups[element.get("vocabulary") or "1"].append(element)
    return groups


# --- identifiers ---------------------------------------------------------------------------

def _identifier(activity: etree._Element) -> str:
    return activity.findtext("iati-identifier") or ""


def _reporting_ref(activity: etree._Element) -> str:
    return activity.xpath("string(reporting-org/@ref)")


@rule("1.1.3", ERROR, _("The activity identifier must differ from the reporting "
                        "organisation's identifier."))
def _identifier_differs(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if _identifier(activity).strip() and _identifier(activity).strip() == _reporting_ref(
            activity).strip():
        yield ""


@rule("1.1.21", WARNING, _("The activity identifier should begin with the reporting "
                           "organisation's identifier and a hyphen."))
def _identifier_prefix(activity: etree._Element, ctx: Context) -> Iterator[str]:
    prefixes = [_reporting_ref(activity), *activity.xpath("other-identifier[@type='B1']/@ref")]
    identifier = _identifier(activity)
    if not any(p and identifier.startswith(p + "-") for p in prefixes):
        yield identifier


@rule("1.3.13", WARNING, _("The activity identifier must not contain /, &, | or ?."))
def _identifier_symbols(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if set("/&|?") & set(_identifier(activity)):
        yield _identifier(activity)


@rule("1.3.1", WARNING, _("The activity identifier should not start or end with spaces."))
def _identifier_spaces(activity: etree._Element, ctx: Context) -> Iterator[str]:
    identifier = _identifier(activity)
    if identifier != identifier.strip():
        yield repr(identifier)


@rule("1.14.1", WARNING, _("The reporting-org identifier should not start or end with "
                           "spaces."))
def _reporting_spaces(activity: etree._Element, ctx: Context) -> Iterator[str]:
    ref = _reporting_ref(activity)
    if ref != ref.strip():
        yield repr(ref)


# --- organisations, texts ------------------------------------------------------------------

@rule("6.10.1", ERROR, _("A participating organisation needs an identifier or a narrative."))
def _participant_named(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for org in activity.findall("participating-org"):
        if not org.get("ref") and not org.xpath("narrative[normalize-space()]"):
            yield org.get("role", "")


@rule("6.9.1", ERROR, _("A provider organisation needs an identifier or a narrative."))
def _provider_named(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for org in activity.xpath("transaction/provider-org | planned-disbursement/provider-org"):
        if not org.get("ref") and not org.xpath("narrative[normalize-space()]"):
            yield ""


@rule("4.3.1", ERROR, _("A title must contain narrative text."))
def _title_text(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for title in activity.iter("title"):
        if not title.xpath("narrative[normalize-space()]"):
            yield title.getparent().tag


@rule("4.4.1", ERROR, _("A description must contain narrative text."))
def _description_text(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for description in activity.iter("description"):
        if not description.xpath("narrative[normalize-space()]"):
            yield description.getparent().tag


@rule("4.1.1", ERROR, _("The activity needs a default language, or every narrative its own."))
def _language(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if activity.get(XML_LANG) is None and any(
            n.get(XML_LANG) is None for n in activity.iter("narrative")):
        yield ""


@rule("7.8.1", ERROR, _("The activity needs a default currency, or every value its own."))
def _currency(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if not activity.get("default-currency") and any(
            not v.get("currency") for v in activity.xpath(".//value[@value-date]")):
        yield ""


# --- dates ---------------------------------------------------------------------------------

@rule("6.11.1", ERROR, _("The activity must have a planned or an actual start date."))
def _has_start(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if not activity.xpath("activity-date[@type='1' or @type='2']"):
        yield ""


@rule("11.1.1", ERROR, _("The last-updated datetime must not be in the future."))
def _updated_not_future(activity: etree._Element, ctx: Context) -> Iterator[str]:
    moment = _moment(activity.get("last-updated-datetime"))
    if moment is not None and moment > ctx.now:
        yield moment.isoformat()


def _order(less_type: str, more_type: str) -> Check:
    def check(activity: etree._Element, ctx: Context) -> Iterator[str]:
        for less in _dates(activity, less_type):
            for more in _dates(activity, more_type):
                if less > more:
                    yield f"{less} > {more}"
    return check


rule("11.1.2", ERROR, _("The planned start date must be before the planned end date."))(
    _order("1", "3"))
rule("11.1.3", ERROR, _("The actual start date must be before the actual end date."))(
    _order("2", "4"))


def _not_future(path: str) -> Check:
    def check(activity: etree._Element, ctx: Context) -> Iterator[str]:
        for day in (_date(x) for x in activity.xpath(path)):
            if day is not None and day > ctx.today:
                yield day.isoformat()
    return check


rule("11.1.4", ERROR, _("The actual start date must not be in the future."))(
    _not_future("activity-date[@type='2']/@iso-date"))
rule("11.1.5", ERROR, _("The actual end date must not be in the future."))(
    _not_future("activity-date[@type='4']/@iso-date"))
rule("11.2.1", ERROR, _("A transaction date must not be in the future."))(
    _not_future("transaction/transaction-date/@iso-date"))
rule("11.2.2", ERROR, _("A transaction value date must not be in the future."))(
    _not_future("transaction/value/@value-date"))


def _period_pairs(activity: etree._Element, path: str) -> Iterator[tuple[dt.date, dt.date]]:
    for element in activity.xpath(path):
        start = _date(element.xpath("string(period-start/@iso-date)"))
        end = _date(element.xpath("string(period-end/@iso-date)"))
        if start is not None and end is not None:
            yield start, end


@rule("8.6.3", ERROR, _("A budget period must start before it ends."))
def _budget_order(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for start, end in _period_pairs(activity, "budget | planned-disbursement"):
        if start > end:
            yield f"{start} > {end}"


@rule("7.5.3", ERROR, _("A budget period must not be longer than one year."))
def _budget_length(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for start, end in _period_pairs(activity, "budget"):
        if (end - start).days > 365:
            yield f"{start} – {end}"


@rule("8.6.1", ERROR, _("A result period must start before it ends."))
def _result_period_order(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for start, end in _period_pairs(activity, "result/indicator/period"):
        if start > end:
            yield f"{start} > {end}"


# --- sectors, countries and regions --------------------------------------------------------

@rule("6.2.2", ERROR, _("The activity must have a sector, at activity level or in every "
                        "transaction."))
def _has_sector(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if not activity.xpath("sector | transaction/sector"):
        yield ""


@rule("2.1.1", ERROR, _("When several sectors of a vocabulary are given, each needs a "
                        "percentage."))
def _sector_percentages_given(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for vocabulary, sectors in _by_vocabulary(activity.findall("sector")).items():
        if len(sectors) > 1 and None in _percentages(sectors):
            yield vocabulary


@rule("2.1.2", ERROR, _("The percentages of the sectors of a vocabulary must add up to 100."))
def _sector_sum(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for vocabulary, sectors in _by_vocabulary(activity.findall("sector")).items():
        given = [p for p in _percentages(sectors) if p is not None]
        if len(given) > 1 and sum(given, Decimal(0)) != HUNDRED:
            yield vocabulary


@rule("2.1.4", ERROR, _("A single sector has no percentage or 100."))
def _single_sector(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for vocabulary, sectors in _by_vocabulary(activity.findall("sector")).items():
        if len(sectors) == 1 and _percentages(sectors)[0] not in (None, HUNDRED):
            yield vocabulary


@rule("3.1.1", ERROR, _("When several recipient countries are given, each needs a "
                        "percentage."))
def _countries_given(activity: etree._Element, ctx: Context) -> Iterator[str]:
    countries = activity.findall("recipient-country")
    if len(countries) > 1 and not activity.findall("recipient-region") and \
            None in _percentages(countries):
        yield ""


@rule("3.1.2", ERROR, _("The percentages of the recipient countries must add up to 100."))
def _countries_sum(activity: etree._Element, ctx: Context) -> Iterator[str]:
    countries = activity.findall("recipient-country")
    if len(countries) > 1 and not activity.findall("recipient-region") and \
            not _sum_is_hundred(_percentages(countries)):
        yield ""


@rule("3.1.4", ERROR, _("A single recipient country has no percentage or 100."))
def _single_country(activity: etree._Element, ctx: Context) -> Iterator[str]:
    countries = activity.findall("recipient-country")
    if len(countries) == 1 and not activity.findall("recipient-region") and \
            _percentages(countries)[0] not in (None, HUNDRED):
        yield ""


@rule("3.4.1", ERROR, _("When several recipient regions of a vocabulary are given, each needs "
                        "a percentage."))
def _regions_given(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for vocabulary, regions in _by_vocabulary(activity.findall("recipient-region")).items():
        if len(regions) > 1 and None in _percentages(regions):
            yield vocabulary


@rule("3.4.2", ERROR, _("The percentages of the recipient countries and the regions of a "
                        "vocabulary must add up to 100."))
def _countries_and_regions_sum(activity: etree._Element, ctx: Context) -> Iterator[str]:
    countries = activity.findall("recipient-country")
    for vocabulary, regions in _by_vocabulary(activity.findall("recipient-region")).items():
        if len(regions) + len(countries) > 1 and \
                not _sum_is_hundred(_percentages([*regions, *countries])):
            yield vocabulary


@rule("3.4.4", ERROR, _("A single recipient region (and no country) has no percentage or "
                        "100."))
def _single_region(activity: etree._Element, ctx: Context) -> Iterator[str]:
    if activity.findall("recipient-country"):
        return
    for vocabulary, regions in _by_vocabulary(activity.findall("recipient-region")).items():
        if len(regions) == 1 and _percentages(regions)[0] not in (None, HUNDRED):
            yield vocabulary


@rule("12.1.1", ERROR, _("A country or region percentage lies between 0 and 100."))
def _geo_range(activity: etree._Element, ctx: Context) -> Iterator[str]:
    elements = activity.xpath("recipient-country[@percentage] | recipient-region[@percentage]")
    for element in elements:
        value = _decimal(element.get("percentage"))
        if value is None or not 0 <= value <= HUNDRED:
            yield f"{element.get('code')}: {element.get('percentage')}"


@rule("12.3.1", ERROR, _("A sector percentage lies between 0 and 100."))
def _sector_range(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for element in activity.xpath("sector[@percentage]"):
        value = _decimal(element.get("percentage"))
        if value is None or not 0 <= value <= HUNDRED:
            yield f"{element.get('code')}: {element.get('percentage')}"


# --- results -------------------------------------------------------------------------------

def _value_rule(tag: str, measures: tuple[str, ...], wanted: bool) -> Check:
    """``wanted``: each element must carry @value; else it must not."""
    path = "result/indicator[{}]/{}".format(
        " or ".join(f"@measure='{m}'" for m in measures), tag)

    def check(activity: etree._Element, ctx: Context) -> Iterator[str]:
        for element in activity.xpath(path):
            if (element.get("value") is not None) != wanted:
                yield element.getparent().xpath("string(title/narrative)") or \
                    element.getparent().getparent().xpath("string(title/narrative)")
    return check


def _numeric_rule(tag: str) -> Check:
    path = "result/indicator[{}]/{}[@value]".format(
        " or ".join(f"@measure='{m}'" for m in QUANTITATIVE), tag)

    def check(activity: etree._Element, ctx: Context) -> Iterator[str]:
        for element in activity.xpath(path):
            try:
                float(element.get("value"))
            except ValueError:
                yield element.get("value")
    return check


VALUE_RULES = [  # (path below the indicator, (value needed, number, no value when qualitative))
    ("baseline", (("8.8.1", _("A baseline of a non-qualitative indicator needs a value.")),
                  ("8.8.2", _("A baseline value should be a number.")),
                  ("8.8.3", _("A baseline of a qualitative indicator should have no value.")))),
    ("period/target", (("8.9.1", _("A target of a non-qualitative indicator needs a value.")),
                       ("8.9.2", _("A target value should be a number.")),
                       ("8.9.3", _("A target of a qualitative indicator should have no "
                                   "value.")))),
    ("period/actual", (("8.10.1", _("An actual of a non-qualitative indicator needs a value.")),
                       ("8.10.2", _("An actual value should be a number.")),
                       ("8.10.3", _("An actual of a qualitative indicator should have no "
                                    "value.")))),
]
for _tag, ((_needed, _m1), (_number, _m2), (_none, _m3)) in VALUE_RULES:
    rule(_needed, ERROR, _m1)(_value_rule(_tag, QUANTITATIVE, True))
    rule(_number, WARNING, _m2)(_numeric_rule(_tag))
    rule(_none, WARNING, _m3)(_value_rule(_tag, ("5",), False))


@rule("8.11.1", ERROR, _("A reference goes on the result or on its indicators, not both."))
def _reference_level(activity: etree._Element, ctx: Context) -> Iterator[str]:
    for result in activity.findall("result"):
        if result.findall("reference") and result.xpath("indicator/reference"):
            yield result.xpath("string(title/narrative)")


@rule("location-ref", ERROR, _("A result location must refer to a location of the activity."))
def _result_locations(activity: etree._Element, ctx: Context) -> Iterator[str]:
    known = set(activity.xpath("location/@ref"))
    for ref in activity.xpath("result//location/@ref"):
        if ref not in known:
            yield ref


# --- codes ---------------------------------------------------------------------------------

CODED: list[tuple[str, str]] = [  # (codelist, XPath of the codes from the activity)
    ("ActivityStatus", "activity-status/@code"),
    ("ActivityDateType", "activity-date/@type"),
    ("DescriptionType", "description/@type"),
    ("OrganisationRole", "participating-org/@role"),
    ("OrganisationType", "reporting-org/@type | participating-org/@type"
                         " | transaction/provider-org/@type | transaction/receiver-org/@type"),
    ("Country", "recipient-country/@code | transaction/recipient-country/@code"),
    ("Region", "recipient-region[not(@vocabulary) or @vocabulary='1']/@code"),
    ("Sector", "sector[not(@vocabulary) or @vocabulary='1']/@code"),
    ("SectorVocabulary", "sector/@vocabulary"),
    ("BudgetType", "budget/@type"),
    ("BudgetStatus", "budget/@status"),
    ("TransactionType", "transaction/transaction-type/@code"),
    ("Currency", "@default-currency | .//value/@currency"),
    ("ResultType", "result/@type"),
    ("IndicatorMeasure", "result/indicator/@measure"),
    ("IndicatorVocabulary", "result/indicator/reference/@vocabulary"),
]


def _codes(name: str, path: str) -> Check:
    def check(activity: etree._Element, ctx: Context) -> Iterator[str]:
        codes = codelist(name, ctx.directory)
        for code in activity.xpath(path):
            if code.strip() not in codes:
                yield code
    return check


for _name, _path in CODED:
    rule(f"codelist:{_name}", ERROR, format_lazy("{} {}", _("A code is not in the IATI codelist"),
                                                 _name))(_codes(_name, _path))


# --- running the checks --------------------------------------------------------------------

def check_activity(activity: etree._Element, today: dt.date | None = None,
                   directory: Path | None = None, rules: Iterable[Rule] | None = None
                   ) -> list[Finding]:
    now = dt.datetime.now(dt.UTC)
    ctx = Context(today or now.date(), now, directory)
    identifier = _identifier(activity)
    findings = []
    for checked in rules if rules is not None else RULES:
        for detail in checked.check(activity, ctx):
            message = f"{checked.message} ({detail})" if detail else str(checked.message)
            findings.append(Finding(checked.id, checked.severity, identifier, message))
    return findings


def check_rules(root: etree._Element, today: dt.date | None = None,
                directory: Path | None = None) -> list[Finding]:
    return [finding for activity in root.iter("iati-activity")
            for finding in check_activity(activity, today, directory)]


def schema_errors(document: etree._ElementTree | etree._Element,
                  directory: Path | None = None) -> list[str]:
    schema = activity_schema(directory)
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@dataclass
class Validation:
    schema: list[str]
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def valid(self) -> bool:
        return not self.schema and not self.errors


def parse(data: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(data, safe_parser()))


def validate(data: bytes, today: dt.date | None = None,
             directory: Path | None = None) -> Validation:
    """Schema and rules of a whole file in memory (for exports and files of modest size)."""
    tree = parse(data)
    return Validation(schema_errors(tree, directory), check_rules(tree.getroot(), today,
                                                                   directory))
