"""The demo's results frameworks: figures from the report, labelled synthetic history,
approved totals, and a workflow left part way."""

import re
from pathlib import Path

import pytest

from observatory.demo import results as demo
from observatory.demo.load import load_demo
from observatory.registry.models import Place, PlaceLevel, Programme
from observatory.results import selectors
from observatory.results.models import (
    DataValue,
    Indicator,
    ReferenceIndicator,
    Result,
    ReviewEvent,
    ValueKind,
    ValueStatus,
)

SAMPLE = (Path(__file__).resolve().parents[4] / ".." / "shared" / "samples"
          / "pn-cfm-session1-report-2020.txt")
FIVE = {"ProGEM", "AMUDDU", "V4CP", "R2PM", "EUROsociAL+"}
WORDS = {"two": 2}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """The demo accounts are made in every load; the production hasher is slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def numbers_in(written: str) -> set[float]:
    """The numbers a figure is written with: "300.000" and "300,000" are 300000."""
    found = {float(re.sub(r"[.,](?=\d{3}\b)", "", raw).replace(",", "."))
             for raw in re.findall(r"\d+(?:[.,]\d+)*", written)}
    found |= {float(n) for word, n in WORDS.items() if re.search(rf"\b{word}\b", written, re.I)}
    return found


def facts() -> list[tuple[str, demo.IndicatorSpec, demo.Fact]]:
    return [(spec.key, indicator, fact) for spec in demo.PROGRAMMES for result in spec.results
            for indicator in result.indicators for fact in indicator.facts]


def test_every_figure_taken_from_the_report_is_written_there():
    text = SAMPLE.read_text(encoding="utf-8")
    figures = 0
    for key, indicator, fact in facts():
        if fact.value is None:
            assert fact.narrative and not fact.written, (key, indicator.title)
            continue
        assert fact.written in text, (key, fact.written)
        assert fact.value in numbers_in(fact.written), (key, fact.written, fact.value)
        if fact.women is not None:
            assert fact.women_written in text
            assert fact.women in numbers_in(fact.women_written)
        figures += 1
    for spec in demo.PROGRAMMES:
        for result in spec.results:
            for indicator in result.indicators:
                if indicator.baseline_written:
                    assert indicator.baseline_written in text
                    assert indicator.baseline in numbers_in(indicator.baseline_written)
    assert figures >= 25


@pytest.mark.django_db
def test_the_five_programmes_have_results_from_their_fiche():
    counts = load_demo()

    assert counts["results_skipped"] == 0
    assert set(Result.objects.values_list("programme__key", flat=True)) == FIVE
    for key in FIVE:
        source = f"PN-CFM session 1 report (2020), {key} fiche"
        assert DataValue.objects.filter(indicator__result__programme__key=key,
                                        source=source).exists(), key
    assert not Result.objects.filter(programme__key="DRAFT-DEMO").exists()
    assert counts["results"] == Result.objects.count()
    assert counts["indicators"] == Indicator.objects.count()

    trained = Indicator.objects.get(result__programme__key="AMUDDU",
                                    title="Migrants enrolled in vocational training")
    assert trained.reference == ReferenceIndicator.objects.get(framework="EUTF", code="1.4")
    assert [d.code for d in trained.dimensions.all()] == ["sex"]
    values = {(v.disaggregation.key, v.kind): v for v in DataValue.objects.filter(
        indicator=trained, period__start__year=2020).select_related("disaggregation")}
    assert values[("", ValueKind.ACTUAL)].value == 78
    assert values[("sex=female", ValueKind.ACTUAL)].value == 58
    assert values[("", ValueKind.ACTUAL)].entered_by.username == "editor"
    assert values[("", ValueKind.ACTUAL)].source.endswith("AMUDDU fiche")

    # a sub-national place, and the aims of a programme that starts after the report
    waste = DataValue.objects.get(indicator__title__startswith="Municipalities that adapted")
    assert waste.place.code == "NE-1"
    r2pm = Programme.objects.get(key="R2PM")
    targets = DataValue.objects.filter(indicator__result__programme=r2pm, kind=ValueKind.TARGET,
                                       source__contains="fiche")
    assert sorted(targets.values_list("value", flat=True)) == [30, 100]
    for target in targets:
        assert (target.period.start, target.period.end) == (r2pm.start_date, r2pm.end_date)


@pytest.mark.django_db
def test_synthetic_values_are_labelled_and_give_history():
    load_demo()
    synthetic = DataValue.objects.filter(source=demo.SYNTHETIC_SOURCE)
    assert "not from any report" in demo.SYNTHETIC_SOURCE
    assert synthetic.count() >= 15
    assert all(v.comment == demo.SYNTHETIC_COMMENT for v in synthetic)
    report = DataValue.objects.filter(source__startswith="PN-CFM session 1 report (2020)")
    assert set(DataValue.objects.filter(derived=False).values_list("pk", flat=True)) == set(
        synthetic.values_list("pk", flat=True)) | set(report.values_list("pk", flat=True))

    with_history = {v.indicator_id for v in synthetic.filter(kind=ValueKind.ACTUAL)}
    assert len(with_history) >= 3
    for indicator_id in with_history:
        actuals = (DataValue.objects.filter(indicator_id=indicator_id, kind=ValueKind.ACTUAL,
                                            disaggregation__key="")
                   .order_by("period__start").values_list("value", flat=True))
        assert list(actuals) == sorted(actuals)  # cumulative counts grow


@pytest.mark.django_db
def test_approved_totals_add_up_across_programmes_and_the_workflow_is_visible():
    load_demo()
    niger = Place.objects.get(code="NE", level=PlaceLevel.COUNTRY)
    access = ReferenceIndicator.objects.get(framework="EUTF", code="2.9")
    assert selectors.reference_totals(access.pk)[(niger.pk, 2020)] == 300_000
    assert selectors.reference_totals(access.pk)[(niger.pk, 2018)] == 135_000

    # EUTF 1.2 adds ProGEM's enterprises and AMUDDU's cooperatives
    enterprises = ReferenceIndicator.objects.get(framework="EUTF", code="1.2")
    morocco = Place.objects.get(code="MA", level=PlaceLevel.COUNTRY)
    totals = selectors.reference_totals(enterprises.pk)
    assert (totals[(niger.pk, 2020)], totals[(morocco.pk, 2020)]) == (60, 6)

    statuses = {(v.indicator.result.programme.key, v.period.label, v.status)
                for v in DataValue.objects.filter(kind=ValueKind.ACTUAL, derived=False)
                .select_related("indicator__result__programme", "period")}
    assert ("AMUDDU", "2021", ValueStatus.SUBMITTED) in statuses
    assert ("R2PM", "2020-09-01 – 2023-08-31", ValueStatus.DRAFT) in statuses
    report_statuses = set(DataValue.objects.filter(
        kind=ValueKind.ACTUAL, source__startswith="PN-CFM").values_list("status", flat=True))
    assert report_statuses == {ValueStatus.APPROVED}
    # the submitted period is not counted yet
    trained = ReferenceIndicator.objects.get(framework="EUTF", code="1.4")
    assert (morocco.pk, 2021) not in selectors.reference_totals(trained.pk)
    assert selectors.reference_totals(trained.pk)[(morocco.pk, 2020)] == 78
    assert ReviewEvent.objects.filter(action="approve").count() >= 5


@pytest.mark.django_db
def test_loading_twice_does_not_duplicate_results():
    first = load_demo()
    before = (Result.objects.count(), Indicator.objects.count(), DataValue.objects.count(),
              ReviewEvent.objects.count())
    second = load_demo()
    assert (Result.objects.count(), Indicator.objects.count(), DataValue.objects.count(),
            ReviewEvent.objects.count()) == before
    keys = ("results", "indicators", "result_values", "approved_values")
    assert [first[k] for k in keys] == [second[k] for k in keys]


@pytest.mark.django_db
def test_without_accounts_the_frameworks_load_without_values():
    counts = load_demo(accounts=False)
    assert counts["results"] > 0 and counts["result_values"] == 0
    assert not DataValue.objects.exists()
