"""Saving values: derived subtotals, every validation rule, locking, totals."""

import pytest
from django.core.exceptions import PermissionDenied

from observatory.registry.models import Place
from observatory.results import selectors, services
from observatory.results.models import DataValue, ValueKind, ValueStatus
from observatory.results.services import ValuesRefused
from observatory.results.tests.factories import make_framework, value_input

pytestmark = pytest.mark.django_db


def stored(indicator, **filters):
    return {v.disaggregation.key: (v.value, v.derived)
            for v in DataValue.objects.filter(indicator=indicator, **filters)
            .select_related("disaggregation")}


def test_cells_get_derived_row_column_and_grand_totals():
    f = make_framework()
    cells = {("female", "migrant"): 10, ("male", "migrant"): 5, ("female", "host_community"): 3}
    services.save_values([value_input(f.indicator, f.year2020, "NE-1",
                                      {"sex": s, "population_group": p}, n)
                          for (s, p), n in cells.items()], f.editor)
    values = stored(f.indicator)
    assert values[""] == (18, True)
    assert values["sex=female"] == (13, True)
    assert values["sex=male"] == (5, True)
    assert values["population_group=migrant"] == (15, True)
    assert values["population_group=host_community"] == (3, True)
    assert values["population_group=migrant;sex=female"] == (10, False)
    # Changing a cell recomputes the subtotals; clearing one removes it from them.
    services.save_values([value_input(f.indicator, f.year2020, "NE-1",
                                      {"sex": "male", "population_group": "migrant"}, None)],
                         f.editor)
    values = stored(f.indicator)
    assert values[""] == (13, True)
    assert "sex=male" not in values


def test_an_entered_total_is_kept_and_checked_against_complete_parts():
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 78),
                          value_input(f.indicator, f.year2020, "NE-1", {"sex": "female"}, 58)],
                         f.editor)
    assert stored(f.indicator)[""] == (78, False)
    with pytest.raises(ValuesRefused) as refused:
        services.save_values([
            value_input(f.indicator, f.year2020, "NE-1", {"sex": "male"}, 30),
            value_input(f.indicator, f.year2020, "NE-1", {"sex": "other"}, 0)], f.editor)
    (violation,) = refused.value.violations
    assert violation.rule == "sum"
    assert "88" in violation.message and "78" in violation.message
    assert "People trained" in violation.value
    assert violation.fix
    assert "sex=male" not in stored(f.indicator)  # nothing of the refused set was stored


def test_incomplete_parts_may_not_exceed_the_total():
    f = make_framework()
    with pytest.raises(ValuesRefused) as refused:
        services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 10),
                              value_input(f.indicator, f.year2020, "NE-1", {"sex": "female"}, 12)],
                             f.editor)
    assert refused.value.violations[0].rule == "sum"
    assert not DataValue.objects.exists()


def test_the_grid_saves_cells_whose_sum_does_not_add_up_yet_and_reports_it():
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 10)], f.editor)
    report = services.save_values(
        [value_input(f.indicator, f.year2020, "NE-1", {"sex": "female"}, 12)], f.editor,
        strict=False)
    assert [v.rule for v in report.errors] == ["sum"]
    assert stored(f.indicator)["sex=female"] == (12, False)
    # ... but the period cannot be submitted until it is fixed.
    with pytest.raises(ValuesRefused):
        services.submit_period(f.programme, f.year2020, f.editor)


@pytest.mark.parametrize(("which", "number", "narrative", "rule"), [
    ("indicator", -1, "", "count"),
    ("indicator", 2.5, "", "count"),
    ("share", 101, "", "percentage"),
    ("share", -0.1, "", "percentage"),
    ("story", 3, "Employers are pleased", "qualitative"),
    ("story", None, "   ", None),  # empty: nothing to store, nothing to refuse
])
def test_value_rules(which, number, narrative, rule):
    f = make_framework()
    item = value_input(getattr(f, which), f.year2020, "NE-1", {}, number, narrative=narrative,
                       row=7)
    if rule is None:
        assert services.save_values([item], f.editor).created == 0
        return
    with pytest.raises(ValuesRefused) as refused:
        services.save_values([item], f.editor)
    assert [v.rule for v in refused.value.violations] == [rule]
    assert refused.value.violations[0].row == 7
    assert "row 7" in str(refused.value.violations[0])


def test_valid_values_of_each_measure_are_stored():
    f = make_framework()
    report = services.save_values([
        value_input(f.indicator, f.year2020, "NE-1", {}, 0),
        value_input(f.share, f.year2020, "NE-1", {}, 42.5),
        value_input(f.story, f.year2020, "NE-1", {}, None, narrative="Employers are pleased."),
    ], f.editor)
    assert report.created == 3 and not report.errors


def test_dimension_and_category_rules():
    f = make_framework()
    for categories, rule in [({"age_group": "15-24"}, "dimension"),
                             ({"sex": "unicorn"}, "category")]:
        with pytest.raises(ValuesRefused) as refused:
            services.save_values([value_input(f.indicator, f.year2020, "NE-1", categories, 1)],
                                 f.editor)
        assert refused.value.violations[0].rule == rule


def test_a_retired_category_keeps_its_values_but_takes_no_new_ones():
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {"sex": "other"}, 4)],
                         f.editor)
    from observatory.results.models import Category

    Category.objects.filter(dimension__code="sex", code="other").update(active=False)
    assert stored(f.indicator)["sex=other"] == (4, False)
    with pytest.raises(ValuesRefused) as refused:
        services.save_values([value_input(f.indicator, f.year2021, "NE-1", {"sex": "other"}, 4)],
                             f.editor)
    assert refused.value.violations[0].rule == "category"


def test_a_period_outside_the_programme_dates_is_refused():
    f = make_framework()  # 2019 to 2022
    import datetime as dt

    late = services.period_for(dt.date(2024, 3, 1))
    with pytest.raises(ValuesRefused) as refused:
        services.save_values([value_input(f.indicator, late, "NE-1", {}, 1)], f.editor)
    assert refused.value.violations[0].rule == "period"
    assert "2024" in refused.value.violations[0].message


def test_outliers_are_flagged_not_refused():
    f = make_framework()
    import datetime as dt

    from observatory.results.models import PeriodType

    months = [services.period_for(dt.date(2020, m, 1), PeriodType.MONTH) for m in range(1, 8)]
    for period, n in zip(months[:6], [10, 12, 11, 9, 10, 11], strict=True):
        services.save_values([value_input(f.indicator, period, "NE-1", {}, n)], f.editor)
    report = services.save_values([value_input(f.indicator, months[6], "NE-1", {}, 400)],
                                  f.editor)
    assert report.created == 1
    assert [(v.severity, v.rule) for v in report.violations] == [("warning", "outlier")]
    normal = services.save_values([value_input(f.indicator, months[6], "NE-1", {}, 12)],
                                  f.editor)
    assert normal.violations == []


def test_only_the_programmes_editors_enter_values():
    f = make_framework()
    with pytest.raises(PermissionDenied):
        services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 1)], f.outsider)
    assert not DataValue.objects.exists()


def test_workflow_submit_approve_return_and_totals_count_only_approved():
    f = make_framework()
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 20),
                          value_input(f.indicator, f.year2020, "NE-1", {}, 50,
                                      kind=ValueKind.TARGET)], f.editor)
    query = selectors.TotalsQuery([f.indicator.pk])
    niger = Place.objects.get(code="NE").pk
    assert selectors.totals(query) == {}
    with pytest.raises(PermissionDenied):
        services.approve_period(f.programme, f.year2020, f.editor)  # implementers don't approve
    services.submit_period(f.programme, f.year2020, f.editor)
    with pytest.raises(ValuesRefused):  # locked once submitted
        services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 21)], f.editor)
    with pytest.raises(ValuesRefused):  # returning needs a reason
        services.return_period(f.programme, f.year2020, f.funder, "")
    services.return_period(f.programme, f.year2020, f.funder, "Source missing")
    assert DataValue.objects.get(kind=ValueKind.ACTUAL).status == ValueStatus.RETURNED
    services.save_values([value_input(f.indicator, f.year2020, "NE-1", {}, 21)], f.editor)
    services.submit_period(f.programme, f.year2020, f.editor)
    services.approve_period(f.programme, f.year2020, f.funder)
    assert selectors.totals(query) == {(niger, 2020): 21}
    ((_result, indicators),) = selectors.progress(f.programme)
    (cell,) = indicators[0].periods
    assert (cell.target, cell.actual) == (50, 21)
    assert cell.progress(f.indicator) == pytest.approx(21 / 50)
    actions = [e.action for e in selectors.review_history(f.programme)]
    assert actions == ["approve", "submit", "return", "submit"]


def test_progress_respects_a_descending_indicator():
    f = make_framework()
    f.share.ascending = False
    f.share.baseline_value = 40
    f.share.save()
    services.save_values([value_input(f.share, f.year2020, "NE-1", {}, 30),
                          value_input(f.share, f.year2020, "NE-1", {}, 20, kind=ValueKind.TARGET)],
                         f.editor)
    services.submit_period(f.programme, f.year2020, f.editor)
    services.approve_period(f.programme, f.year2020, f.funder)
    ((_result, indicators),) = selectors.progress(f.programme)
    share = next(i for i in indicators if i.indicator == f.share)
    assert share.periods[0].progress(f.share) == pytest.approx(0.5)


def test_totals_by_region_sex_and_population_group_fold_places_and_ignore_other_grains():
    f = make_framework()
    region = Place.objects.get(code="NE-1")
    services.save_values([
        value_input(f.indicator, f.year2020, "NE-1", {"sex": "female", "population_group":
                                                      "migrant"}, 7),
        value_input(f.indicator, f.year2020, "NE-1", {"sex": "male", "population_group":
                                                      "migrant"}, 3)], f.editor)
    services.submit_period(f.programme, f.year2020, f.editor)
    services.approve_period(f.programme, f.year2020, f.funder)
    by = selectors.totals(selectors.TotalsQuery(
        [f.indicator.pk], dimensions=("sex", "population_group"), place_level=2))
    assert by == {(region.pk, 2020, "female", "migrant"): 7,
                  (region.pk, 2020, "male", "migrant"): 3}
    by_sex = selectors.totals(selectors.TotalsQuery([f.indicator.pk], dimensions=("sex",)))
    niger = region.parent_id
    assert by_sex == {(niger, 2020, "female"): 7, (niger, 2020, "male"): 3}
    total = selectors.totals(selectors.TotalsQuery([f.indicator.pk]))
    assert total == {(niger, 2020): 10}
