"""Accepted indicator suggestions become draft values when a fiche is applied."""

from __future__ import annotations

import datetime as dt

import pytest

from observatory.ingest import services, to_results
from observatory.ingest.models import DraftFiche, FicheStatus, ReviewDecision
from observatory.registry.models import Programme
from observatory.results.models import DataValue, Indicator, Result, ValueKind, ValueStatus

from .test_services import fiche_of, fields, ingest_sample, user

pytestmark = pytest.mark.django_db

TRAINING = "migrants enrolled in different vocational training"
INFORMED = "migrants better knowledge of vocational training"
COOPERATIVES = "cooperatives created by migrants"


def suggestion(fiche: DraftFiche, unit: str):  # type: ignore[no-untyped-def]
    return next(f for f in fields(fiche, "indicators") if f.value["unit"] == unit)


def stated(programme: Programme) -> Result | None:
    return programme.results.filter(title=to_results.RESULT_TITLE).first()


def reasons(fiche: DraftFiche) -> list[str]:
    return [d.after["reason"] for d in ReviewDecision.objects.filter(
        fiche=fiche, action=to_results.SKIPPED)]


def reviewed_amuddu(editor) -> DraftFiche:  # type: ignore[no-untyped-def]
    """The AMUDDU fiche of the sample, every value accepted but one suggestion rejected."""
    fiche = fiche_of(ingest_sample(editor), "AMUDDU")
    services.decide_field(suggestion(fiche, INFORMED), "reject", editor)
    services.decide_fiche(fiche, "accept_all", editor)
    return fiche


def test_accepted_suggestions_become_draft_values_of_the_programme(demo):
    editor = user("editor")  # of Enabel, which implements AMUDDU
    fiche = reviewed_amuddu(editor)
    accepted = [f for f in fields(fiche, "indicators") if f.value["unit"] != INFORMED]

    programme = services.apply_fiche(fiche, editor)

    result = stated(programme)
    assert result is not None and result.type == "1"
    titles = set(result.indicators.values_list("title", flat=True))
    # the demo's "Cooperatives created by migrants" has the same title: it is reused, and
    # its approved value is locked, so the suggestion is skipped, saying why
    cooperatives = Indicator.objects.get(result__programme=programme,
                                         title__iexact=COOPERATIVES)
    assert cooperatives.result != result
    [reason] = reasons(fiche)
    assert "locked" in reason
    assert DataValue.objects.get(indicator=cooperatives).status == ValueStatus.APPROVED
    accepted = [f for f in accepted if f.value["unit"] != COOPERATIVES]
    assert titles == {f.value["unit"] for f in accepted}
    assert INFORMED not in titles  # rejected: nothing made of it

    training = result.indicators.get(title=TRAINING)
    assert [d.code for d in training.dimensions.all()] == ["sex"]
    values = {v.disaggregation.key: v for v in DataValue.objects.filter(indicator=training)
              .select_related("disaggregation", "period", "place")}
    assert set(values) == {"", "sex=female"}
    assert (values[""].value, values["sex=female"].value) == (78, 58)
    found = suggestion(fiche, TRAINING)
    for value in values.values():
        assert value.status == ValueStatus.DRAFT and value.kind == ValueKind.ACTUAL
        assert value.period.label == "2020"  # the report's date, known from the demo
        assert value.place.code == "MA"
        assert value.entered_by == editor
        assert value.source.startswith("Linking development and migration governance")
        assert f"{found.span_start}–{found.span_end}" in value.source
    others = result.indicators.exclude(pk=training.pk)
    assert all(not i.dimensions.exists() for i in others)
    assert DataValue.objects.filter(indicator__result=result).count() == len(accepted) + 1
    stored = ReviewDecision.objects.filter(fiche=fiche, action=to_results.STORED)
    assert stored.count() == len(accepted)


def test_applying_the_report_again_does_not_duplicate(demo):
    editor = user("editor")
    programme = services.apply_fiche(reviewed_amuddu(editor), editor)
    before = (Result.objects.count(), Indicator.objects.count(), DataValue.objects.count())

    again = services.apply_fiche(reviewed_amuddu(editor), editor)

    assert again.pk == programme.pk
    assert (Result.objects.count(), Indicator.objects.count(),
            DataValue.objects.count()) == before
    assert programme.results.filter(title=to_results.RESULT_TITLE).count() == 1


def test_a_period_outside_the_programme_is_skipped_and_the_fiche_still_applied(accounts):
    # no demo: the document's date is unknown, so the year is the ingestion's, after ProGEM
    editor = accounts["editor"]
    fiche = fiche_of(ingest_sample(editor), "ProGEM")
    services.decide_fiche(fiche, "accept_all", editor)

    programme = services.apply_fiche(fiche, editor)

    fiche.refresh_from_db()
    assert fiche.status == FicheStatus.APPLIED
    assert programme.end_date < dt.date(fiche.run.started_at.year, 1, 1)
    assert not DataValue.objects.exists() and stated(programme) is None
    skipped = reasons(fiche)
    assert len(skipped) == len(fields(fiche, "indicators"))
    assert all("outside the programme's dates" in r for r in skipped)


def test_a_value_the_rules_refuse_is_skipped_with_the_reason(demo):
    admin = user("admin")
    fiche = fiche_of(ingest_sample(admin), "ProGEM")
    jobs = fields(fiche, "indicators")[2]
    jobs.value = {**jobs.value, "value": 2.5}  # a count must be a whole number
    jobs.save()
    services.decide_fiche(fiche, "accept_all", admin)

    programme = services.apply_fiche(fiche, admin)

    [reason] = reasons(fiche)
    assert "whole number" in reason
    result = stated(programme)
    assert not result.indicators.filter(title=jobs.value["unit"]).exists()
    assert result.indicators.count() == len(fields(fiche, "indicators")) - 1
    assert DataValue.objects.filter(indicator__result=result, derived=False).count() == (
        len(fields(fiche, "indicators")) - 1)


def test_a_reviewer_who_may_not_enter_values_still_applies_the_fiche(demo, monkeypatch):
    editor = user("editor")
    monkeypatch.setattr(to_results, "can_enter", lambda *args: False)
    fiche = reviewed_amuddu(editor)

    programme = services.apply_fiche(fiche, editor)

    fiche.refresh_from_db()
    assert fiche.status == FicheStatus.APPLIED and fiche.programme == programme
    assert stated(programme) is None
    assert len(reasons(fiche)) == len(fields(fiche, "indicators")) - 1


def test_a_failure_never_breaks_applying(demo, monkeypatch):
    editor = user("editor")

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(to_results.results, "save_values", broken)
    fiche = reviewed_amuddu(editor)
    statements = Programme.objects.get(key="AMUDDU").statements.count()

    programme = services.apply_fiche(fiche, editor)

    assert programme.statements.count() > statements  # the rest of the fiche was applied
    assert stated(programme) is None
    assert reasons(fiche) and all("could not be stored" in r for r in reasons(fiche))


def test_a_programme_without_a_single_country_gets_no_values(demo):
    admin = user("admin")
    fiche = fiche_of(ingest_sample(admin), "V4CP")  # five countries
    services.decide_fiche(fiche, "accept_all", admin)
    programme = services.apply_fiche(fiche, admin)
    assert stated(programme) is None
    assert reasons(fiche) and all("single country" in r for r in reasons(fiche))
