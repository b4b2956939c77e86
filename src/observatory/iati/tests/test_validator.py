"""The validator: IATI's own schema test files, and each ruleset check with a file that passes
it and one that does not."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable

import pytest
from lxml import etree

from observatory.iati import validator

from .conftest import EXAMPLES, IATI, SCHEMA_TESTS

TODAY = dt.date(2024, 6, 1)

VALID = b"""<iati-activities version="2.03">
<iati-activity xml:lang="en" last-updated-datetime="2024-01-01T00:00:00+00:00">
  <iati-identifier>XM-OBS-1-P1</iati-identifier>
  <reporting-org ref="XM-OBS-1" type="21"><narrative>Agency</narrative></reporting-org>
  <title><narrative>Programme</narrative></title>
  <description type="1"><narrative>What it does</narrative></description>
  <participating-org ref="XM-OBS-1" type="21" role="4"><narrative>Agency</narrative>
  </participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2020-01-01"/>
  <activity-date type="2" iso-date="2020-01-01"/>
  <activity-date type="3" iso-date="2023-12-31"/>
  <recipient-country code="NE" percentage="60"/>
  <recipient-country code="ML" percentage="40"/>
  <location ref="NE-1"><name><narrative>Agadez</narrative></name></location>
  <sector vocabulary="1" code="15190"/>
  <budget type="1" status="1"><period-start iso-date="2020-01-01"/>
    <period-end iso-date="2020-12-31"/>
    <value currency="EUR" value-date="2020-01-01">100</value></budget>
  <transaction><transaction-type code="11"/><transaction-date iso-date="2020-01-01"/>
    <value currency="EUR" value-date="2020-01-01">100</value>
    <provider-org ref="XI-IATI-EC_INTPA"><narrative>EU</narrative></provider-org></transaction>
  <result type="1">
    <title><narrative>Result</narrative></title>
    <indicator measure="1">
      <title><narrative>Count</narrative></title>
      <reference vocabulary="9" code="10.7.1"/>
      <baseline year="2019" value="0"/>
      <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
        <target value="10"/><actual value="5"><location ref="NE-1"/></actual></period>
    </indicator>
    <indicator measure="5">
      <title><narrative>Story</narrative></title>
      <baseline year="2019"><comment><narrative>Nothing yet</narrative></comment></baseline>
      <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
        <target><comment><narrative>Better</narrative></comment></target>
        <actual><comment><narrative>Better</narrative></comment></actual></period>
    </indicator>
  </result>
</iati-activity>
</iati-activities>"""

Change = Callable[[etree._Element], None]


def tree() -> etree._Element:
    return etree.fromstring(VALID)


def first(activity: etree._Element, path: str) -> etree._Element:
    return activity.xpath(path)[0]


def set_attr(path: str, name: str, value: str | None) -> Change:
    def change(activity: etree._Element) -> None:
        for element in activity.xpath(path):
            if value is None:
                element.attrib.pop(name, None)
            else:
                element.set(name, value)
    return change


def remove(path: str) -> Change:
    def change(activity: etree._Element) -> None:
        for element in activity.xpath(path):
            element.getparent().remove(element)
    return change


def add(after: str, xml: str) -> Change:
    def change(activity: etree._Element) -> None:
        anchor = activity.xpath(after)[-1]
        anchor.addnext(etree.fromstring(xml))
    return change


def text(path: str, value: str) -> Change:
    def change(activity: etree._Element) -> None:
        first(activity, path).text = value
    return change


def both(*changes: Change) -> Change:
    def change(activity: etree._Element) -> None:
        for one in changes:
            one(activity)
    return change


def same(activity: etree._Element) -> None:
    return None


REGION_50 = '<recipient-region code="289" vocabulary="1" percentage="50"/>'
ONE_COUNTRY = remove("recipient-country[@code='ML']")

# rule id -> (change giving a file that passes the rule, change giving one that breaks it)
CASES: dict[str, tuple[Change, Change]] = {
    "1.1.3": (same, text("iati-identifier", "XM-OBS-1")),
    "1.1.21": (same, text("iati-identifier", "XM-OTHER-P1")),
    "1.3.13": (same, text("iati-identifier", "XM-OBS-1-P1/2")),
    "1.3.1": (same, text("iati-identifier", " XM-OBS-1-P1")),
    "1.14.1": (same, set_attr("reporting-org", "ref", "XM-OBS-1 ")),
    "6.10.1": (same, both(set_attr("participating-org", "ref", None),
                          remove("participating-org/narrative"))),
    "6.9.1": (same, both(set_attr("transaction/provider-org", "ref", None),
                         remove("transaction/provider-org/narrative"))),
    "4.3.1": (same, text("result/title/narrative", " ")),
    "4.4.1": (same, remove("description/narrative")),
    "4.1.1": (same, set_attr(".", "{http://www.w3.org/XML/1998/namespace}lang", None)),
    "7.8.1": (both(set_attr(".", "default-currency", "EUR"),
                   set_attr("budget/value", "currency", None)),
              set_attr("budget/value", "currency", None)),
    "6.11.1": (remove("activity-date[@type='2']"),
               remove("activity-date[@type='1' or @type='2']")),
    "11.1.1": (same, set_attr(".", "last-updated-datetime", "2999-01-01T00:00:00Z")),
    "11.1.2": (same, set_attr("activity-date[@type='3']", "iso-date", "2019-12-31")),
    "11.1.3": (add("activity-date[last()]", '<activity-date type="4" iso-date="2023-12-31"/>'),
               add("activity-date[last()]", '<activity-date type="4" iso-date="2019-12-31"/>')),
    "11.1.4": (same, set_attr("activity-date[@type='2']", "iso-date", "2025-01-01")),
    "11.1.5": (add("activity-date[last()]", '<activity-date type="4" iso-date="2024-05-31"/>'),
               add("activity-date[last()]", '<activity-date type="4" iso-date="2024-06-02"/>')),
    "11.2.1": (same, set_attr("transaction/transaction-date", "iso-date", "2024-06-02")),
    "11.2.2": (same, set_attr("transaction/value", "value-date", "2024-06-02")),
    "8.6.3": (same, set_attr("budget/period-end", "iso-date", "2019-12-31")),
    "7.5.3": (set_attr("budget/period-end", "iso-date", "2020-12-31"),
              set_attr("budget/period-end", "iso-date", "2021-01-01")),
    "8.6.1": (same, set_attr("result/indicator/period/period-end", "iso-date", "2019-01-01")),
    "6.2.2": (same, remove("sector")),
    "2.1.1": (both(set_attr("sector", "percentage", "60"),
                   add("sector", '<sector vocabulary="1" code="15110" percentage="40"/>')),
              add("sector", '<sector vocabulary="1" code="15110" percentage="40"/>')),
    "2.1.2": (both(set_attr("sector", "percentage", "60"),
                   add("sector", '<sector vocabulary="1" code="15110" percentage="40"/>')),
              both(set_attr("sector", "percentage", "60"),
                   add("sector", '<sector vocabulary="1" code="15110" percentage="30"/>'))),
    "2.1.4": (set_attr("sector", "percentage", "100"), set_attr("sector", "percentage", "90")),
    "3.1.1": (same, set_attr("recipient-country[@code='ML']", "percentage", None)),
    "3.1.2": (same, set_attr("recipient-country[@code='ML']", "percentage", "30")),
    "3.1.4": (both(ONE_COUNTRY, set_attr("recipient-country", "percentage", "100")),
              both(ONE_COUNTRY, set_attr("recipient-country", "percentage", "60"))),
    "3.4.1": (both(ONE_COUNTRY, set_attr("recipient-country", "percentage", "20"),
                   add("recipient-country", REGION_50),
                   add("recipient-region", REGION_50.replace("50", "30").replace("289",
                                                                                  "298"))),
              both(ONE_COUNTRY, add("recipient-country", REGION_50),
                   add("recipient-region", '<recipient-region code="298" vocabulary="1"/>'))),
    "3.4.2": (both(ONE_COUNTRY, set_attr("recipient-country", "percentage", "50"),
                   add("recipient-country", REGION_50)),
              add("recipient-country[last()]", REGION_50)),
    "3.4.4": (both(remove("recipient-country"), remove("location"),
                   remove("result/indicator/period/actual/location"),
                   add("activity-date[last()]", REGION_50.replace("50", "100"))),
              both(remove("recipient-country"), remove("location"),
                   remove("result/indicator/period/actual/location"),
                   add("activity-date[last()]", REGION_50))),
    "12.1.1": (same, both(set_attr("recipient-country[@code='NE']", "percentage", "140"),
                          set_attr("recipient-country[@code='ML']", "percentage", "-40"))),
    "12.3.1": (same, set_attr("sector", "percentage", "101")),
    "8.8.1": (same, set_attr("result/indicator[@measure='1']/baseline", "value", None)),
    "8.8.2": (same, set_attr("result/indicator[@measure='1']/baseline", "value", "none")),
    "8.8.3": (same, set_attr("result/indicator[@measure='5']/baseline", "value", "1")),
    "8.9.1": (same, set_attr("result/indicator[@measure='1']/period/target", "value", None)),
    "8.9.2": (same, set_attr("result/indicator[@measure='1']/period/target", "value", "ten")),
    "8.9.3": (same, set_attr("result/indicator[@measure='5']/period/target", "value", "1")),
    "8.10.1": (same, set_attr("result/indicator[@measure='1']/period/actual", "value", None)),
    "8.10.2": (same, set_attr("result/indicator[@measure='1']/period/actual", "value", "5 %")),
    "8.10.3": (same, set_attr("result/indicator[@measure='5']/period/actual", "value", "1")),
    "8.11.1": (same, add("result/title", '<reference vocabulary="9" code="10.7.1"/>')),
    "location-ref": (same, set_attr("result/indicator/period/actual/location", "ref", "NE-2")),
    "codelist:ActivityStatus": (same, set_attr("activity-status", "code", "7")),
    "codelist:ActivityDateType": (same, set_attr("activity-date[@type='3']", "type", "5")),
    "codelist:DescriptionType": (same, set_attr("description", "type", "9")),
    "codelist:OrganisationRole": (same, set_attr("participating-org", "role", "5")),
    "codelist:OrganisationType": (same, set_attr("reporting-org", "type", "99")),
    "codelist:Country": (same, set_attr("recipient-country[@code='ML']", "code", "XX")),
    "codelist:Region": (add("recipient-country", REGION_50),
                        add("recipient-country", REGION_50.replace("289", "12345"))),
    "codelist:Sector": (same, set_attr("sector", "code", "99999")),
    "codelist:SectorVocabulary": (set_attr("sector", "vocabulary", "99"),
                                  set_attr("sector", "vocabulary", "77")),
    "codelist:BudgetType": (same, set_attr("budget", "type", "3")),
    "codelist:BudgetStatus": (same, set_attr("budget", "status", "3")),
    "codelist:TransactionType": (same, set_attr("transaction/transaction-type", "code", "99")),
    "codelist:Currency": (same, set_attr("budget/value", "currency", "EURO")),
    "codelist:ResultType": (same, set_attr("result", "type", "4")),
    "codelist:IndicatorMeasure": (same, set_attr("result/indicator[@measure='5']", "measure",
                                                 "6")),
    "codelist:IndicatorVocabulary": (same, set_attr("result/indicator/reference", "vocabulary",
                                                    "10")),
}


def findings(change: Change, rule_id: str) -> list[validator.Finding]:
    root = tree()
    activity = root.find("iati-activity")
    change(activity)
    rules = [r for r in validator.RULES if r.id == rule_id]
    return validator.check_activity(activity, TODAY, IATI, rules)


def test_the_valid_file_passes_the_schema_and_every_rule():
    result = validator.validate(VALID, TODAY, IATI)
    assert result.schema == []
    assert result.findings == []


def test_every_rule_has_a_case():
    assert {r.id for r in validator.RULES} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id):
    passing, failing = CASES[rule_id]
    assert findings(passing, rule_id) == []
    found = findings(failing, rule_id)
    assert found and {f.rule for f in found} == {rule_id}
    assert all(f.activity for f in found)


def test_passing_cases_stay_schema_valid():
    """A rule test means little on a file the schema refuses."""
    for rule_id, (passing, _failing) in CASES.items():
        root = tree()
        passing(root.find("iati-activity"))
        assert validator.schema_errors(root, IATI) == [], rule_id


def test_rule_ids_and_severities_are_the_rulesets():
    ruleset = json.loads((IATI / "rulesets" / "standard.json").read_text())
    official: dict[str, set[str]] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            info = node.get("ruleInfo")
            if isinstance(info, dict):
                official.setdefault(info["id"], set()).add(info["severity"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(ruleset)
    for checked in validator.RULES:
        if checked.id == "location-ref" or checked.id.startswith("codelist:"):
            continue
        assert official.get(checked.id) == {checked.severity}, checked.id


SHOULD_PASS = sorted((SCHEMA_TESTS / "should-pass").rglob("*.xml"))
SHOULD_FAIL = sorted((SCHEMA_TESTS / "should-fail").rglob("*.xml"))


def test_iatis_schema_tests_are_there():
    assert len(SHOULD_PASS) > 50 and len(SHOULD_FAIL) > 200


@pytest.mark.parametrize("path", SHOULD_PASS, ids=lambda p: str(p.relative_to(SCHEMA_TESTS)))
def test_iatis_should_pass_files_are_valid(path):
    assert validator.schema_errors(validator.parse(path.read_bytes()), IATI) == []


@pytest.mark.parametrize("path", SHOULD_FAIL, ids=lambda p: str(p.relative_to(SCHEMA_TESTS)))
def test_iatis_should_fail_files_are_invalid(path):
    try:
        document = validator.parse(path.read_bytes())
    except etree.XMLSyntaxError:
        return  # not even well-formed: refused all the same
    assert validator.schema_errors(document, IATI) != []


def test_the_annotated_example_is_schema_valid_but_breaks_rules():
    result = validator.validate((EXAMPLES / "annotated-example-2.03.xml").read_bytes(), TODAY,
                                IATI)
    assert result.schema == []
    broken = {f.rule for f in result.errors}
    assert "3.4.2" in broken  # country + region percentages add up to 75
    assert "8.11.1" in broken  # references on the result and its indicator
    assert not result.valid


def test_a_finding_reads_as_a_sentence():
    found = findings(CASES["3.1.2"][1], "3.1.2")[0]
    assert str(found).startswith("XM-OBS-1-P1: [3.1.2 error] The percentages")



def test_the_validate_command(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_bytes(VALID)
    bad.write_bytes(VALID.replace(b'percentage="40"', b'percentage="30"'))
    out = io.StringIO()
    call_command("iati", "validate", str(good), stdout=out)
    assert "0 schema errors, 0 rule errors" in out.getvalue()
    with pytest.raises(CommandError, match="not valid"):
        call_command("iati", "validate", str(bad), stdout=out)
    assert "[3.1.2 error]" in out.getvalue()
