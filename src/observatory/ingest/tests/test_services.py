"""The ingestion pipeline's database side: queueing a report, reviewing it, applying it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from observatory.ingest import readers, services
from observatory.ingest.models import (
    Document,
    DraftFiche,
    ExtractedField,
    FicheStatus,
    FieldStatus,
    IngestionRun,
    ReviewDecision,
    RunStatus,
)
from observatory.knowledge.models import Statement
from observatory.registry.models import (
    FieldSource,
    Funding,
    Organisation,
    Place,
    Programme,
    SourceDocument,
    WebLink,
)

from .conftest import SAMPLE, SAMPLE_KEYS, encrypt, make_pdf

pytestmark = pytest.mark.django_db

STORED = (Document, DraftFiche, ExtractedField, Programme, SourceDocument, FieldSource,
          Statement, Funding)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in STORED}


def words(text: str) -> str:
    """Text with markup and whitespace runs removed, to compare a value with its span."""
    return re.sub(r"\s+", " ", re.sub(r"[*“”\"]", "", text)).strip()


def ingest_sample(user=None) -> IngestionRun:  # type: ignore[no-untyped-def]
    run = services.ingest_file(SAMPLE.name, SAMPLE.read_bytes(), user)
    assert run.status == RunStatus.COMPLETED, run.error
    return run


def user(username: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=username)


def fiche_of(run: IngestionRun, key: str) -> DraftFiche:
    return run.fiches.get(key__iexact=key)


def fields(fiche: DraftFiche, name: str) -> list[ExtractedField]:
    return list(fiche.fields.filter(name=name).order_by("order"))


# -- ingestion -------------------------------------------------------------------------------


def test_the_sample_report_queues_five_fiches_with_their_source_spans(accounts, sample):
    before = counts()
    run = services.ingest_file(SAMPLE.name, sample, accounts["editor"])

    assert run.status == RunStatus.COMPLETED and run.error == ""
    assert run.fiche_count == 5 and run.seconds > 0
    assert run.started_by == accounts["editor"]
    assert Document.objects.count() == before["Document"] + 1
    document = run.document
    assert document.text == sample.decode("utf-8")
    assert document.format == "txt" and document.size_bytes == len(sample)
    assert document.uploaded_by == accounts["editor"]
    assert document.source is not None and document.source.sha256 == document.sha256
    assert [f.key for f in run.fiches.order_by("order")] == SAMPLE_KEYS
    assert DraftFiche.objects.count() == before["DraftFiche"] + 5

    text = document.text
    for fiche in run.fiches.all():
        assert fiche.status == FicheStatus.PENDING and fiche.existing_programme is None
        assert text[fiche.span_start:fiche.span_end].startswith(fiche.key)
        [key] = fields(fiche, "key")
        assert text[key.span_start:key.span_end] == key.value == fiche.key
        [title] = fields(fiche, "title")
        assert text[title.span_start:title.span_end] == title.value
        assert fiche.fields.count() > 10
        for found in fiche.fields.all():
            assert found.status == FieldStatus.PENDING and found.page is None
            assert fiche.span_start <= found.span_start < found.span_end <= fiche.span_end
            span = words(text[found.span_start:found.span_end])
            if found.name in ("objectives", "challenges", "good_practices", "sites"):
                assert " ".join(words(found.value).split()[:3]) in span, (found.name, found.value)
            if found.name == "funders" and found.value["name"]:
                assert words(found.value["name"]) in span
            if found.name == "partners":
                assert words(found.value).split(" (")[0][:20] in span

    progem = fiche_of(run, "ProGEM")
    funders = [f.value for f in fields(progem, "funders")]
    assert funders == [{"name": "EUTF", "amount": 25_000_000, "currency": "EUR"},
                       {"name": "BMZ", "amount": 13_500_000, "currency": "EUR"}]
    assert [f.value for f in fields(progem, "countries")] == ["NE"]
    assert [f.value for f in fields(progem, "duration_months")] == [60]
    # nothing reaches the registry by ingesting
    for model in (Programme, FieldSource, Statement, Funding):
        assert model.objects.count() == before[model.__name__]


def test_a_pdf_gives_each_value_its_page(accounts, sample):
    text = sample.decode("utf-8")
    amuddu = text.index("AMUDDU\n")
    pages = [text[16668:amuddu], text[amuddu:31811]]  # ProGEM on page 1, AMUDDU on page 2
    run = services.ingest_file("two-fiches.pdf", make_pdf(pages), accounts["editor"])

    assert run.status == RunStatus.COMPLETED, run.error
    assert run.document.format == "pdf" and len(run.document.page_starts) >= 2
    assert [f.key for f in run.fiches.all()] == ["ProGEM", "AMUDDU"]
    for fiche in run.fiches.all():
        [key] = fields(fiche, "key")
        assert run.document.text[key.span_start:key.span_end] == fiche.key
        for found in fiche.fields.all():
            assert found.page is not None
            assert found.page == run.document.page_of(found.span_start)
    progem, amuddu = run.fiches.all()
    # ProGEM fills the first pages, AMUDDU starts on a new page
    assert fields(progem, "key")[0].page == 1
    assert fields(amuddu, "key")[0].page > max(f.page for f in progem.fields.all()) > 1
    amuddu_start = run.document.text.index("AMUDDU\n")
    assert amuddu_start in run.document.page_starts


def test_with_the_demo_loaded_fiches_find_their_programme_organisations_and_places(demo):
    run = ingest_sample()
    progem = fiche_of(run, "ProGEM")
    assert progem.existing_programme == Programme.objects.get(key="ProGEM")
    # EUROsociAL+ in the registry, EUROSociAL+ in the report
    assert fiche_of(run, "EUROSociAL+").existing_programme.key == "EUROsociAL+"
    assert all(f.existing_programme is not None for f in run.fiches.all())

    eutf, bmz = fields(progem, "funders")
    assert eutf.match == {"organisation_id": Organisation.objects.get(acronym="EUTF").pk,
                          "how": "acronym"}
    assert bmz.match["organisation_id"] == Organisation.objects.get(acronym="BMZ").pk
    [niger] = fields(progem, "countries")
    assert niger.match == {"place_id": Place.objects.get(code="NE", level=1).pk, "how": "iso"}
    agadez = fields(progem, "places")[0]
    assert agadez.value == "Agadez" and Place.objects.get(pk=agadez.match["place_id"]).name == \
        "Agadez"

    amuddu = fiche_of(run, "AMUDDU")
    amappe = [f for f in fields(amuddu, "partners") if "AMAPPE" in f.value]
    assert amappe[0].match["organisation_id"] == Organisation.objects.get(acronym="AMAPPE").pk
    assert fields(amuddu, "countries")[0].match["place_id"] == Place.objects.get(
        code="MA", level=1).pk
    assert {Place.objects.get(pk=f.match["place_id"]).name for f in fields(amuddu, "places")} \
        == {"Rabat", "Casablanca"}
    euro = fiche_of(run, "EUROSociAL+")
    sisca = [f for f in fields(euro, "partners") if f.value.startswith("SISCA")]
    assert sisca[0].match["organisation_id"] == Organisation.objects.get(acronym="SISCA").pk
    # an unknown organisation is proposed as new
    ministry = [f for f in fields(progem, "partners") if "Interior" in f.value]
    assert ministry[0].match == {"proposed": True}


def test_ingesting_changes_nothing_published(demo):
    progem = Programme.objects.get(key="ProGEM")
    before = (progem.title, progem.objectives, progem.updated_at, progem.published,
              sorted((f.organisation_id, f.amount, f.currency) for f in progem.fundings.all()),
              progem.statements.count(), progem.sources.count())
    total = counts()
    ingest_sample(user("editor"))
    ingest_sample(user("admin"))  # twice: a second run of the same file is a new run
    progem.refresh_from_db()
    assert (progem.title, progem.objectives, progem.updated_at, progem.published,
            sorted((f.organisation_id, f.amount, f.currency) for f in progem.fundings.all()),
            progem.statements.count(), progem.sources.count()) == before
    after = counts()
    assert after["Programme"] == total["Programme"] and after["Funding"] == total["Funding"]
    assert after["Statement"] == total["Statement"]
    # the demo already knows the report (same SHA-256): its source document is reused
    assert after["SourceDocument"] == total["SourceDocument"]
    assert Document.objects.filter(source__isnull=False).count() == 2


def _bad_inputs() -> list[tuple[str, str, bytes, str]]:
    return [
        ("empty", "report.txt", b"", "empty"),
        ("binary", "report.txt", b"text\x00with\x00nul bytes" * 10, "binary"),
        ("encrypted", "report.pdf",
         encrypt(make_pdf(["ProGEM\nA confidential report with enough text."]), "secret"),
         "password"),
        ("unknown-extension", "report.odt", b"ProGEM\nManagement of migration", "not a supported"),
        ("oversized", "huge.txt", b"ProGEM\n" + b"x" * 400, "too large"),
    ]


@pytest.mark.parametrize(("filename", "data", "expected"),
                         [case[1:] for case in _bad_inputs()], ids=[c[0] for c in _bad_inputs()])
def test_bad_input_gives_a_failed_run_with_its_message_and_stores_nothing(
        demo, monkeypatch, filename, data, expected):
    if filename == "huge.txt":
        monkeypatch.setattr(readers, "MAX_BYTES", 300)
    before = counts()
    runs = IngestionRun.objects.count()
    run = services.ingest_file(filename, data, user("editor"))
    assert run.status == RunStatus.FAILED
    assert expected in run.error.lower() and "Traceback" not in run.error
    assert run.document is None and run.fiche_count == 0
    assert run.filename == filename and run.started_by == user("editor")
    assert IngestionRun.objects.count() == runs + 1
    assert counts() == before


def test_a_document_without_fiches_gives_a_completed_run_with_none(accounts):
    run = services.ingest_file("minutes.md", b"# Minutes\n\nThe meeting opened at ten and "
                               b"closed at noon. Coffee was served.\n", accounts["editor"])
    assert run.status == RunStatus.COMPLETED and run.fiche_count == 0
    assert not run.fiches.exists() and run.document.format == "md"


def test_a_failure_while_storing_leaves_no_partial_rows(demo, monkeypatch):
    before = counts()
    calls = []

    def broken_bulk_create(*args, **kwargs):  # type: ignore[no-untyped-def]
        # by now the document, the run and five draft fiches have been written
        calls.append(DraftFiche.objects.count() - before["DraftFiche"])
        raise RuntimeError("disk full")

    monkeypatch.setattr(ExtractedField.objects, "bulk_create", broken_bulk_create)
    run = services.ingest_file(SAMPLE.name, SAMPLE.read_bytes(), user("editor"))
    assert calls == [5]
    assert run.status == RunStatus.FAILED
    assert "nothing was stored" in run.error.lower() and "disk full" not in run.error
    assert counts() == before
    assert IngestionRun.objects.filter(status=RunStatus.COMPLETED).count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_failure_while_storing_rolls_back_a_real_transaction(monkeypatch):
    calls = []
    real = services._match

    def fails_on_the_twentieth(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 20:
            raise ValueError("matcher broke")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "_match", fails_on_the_twentieth)
    run = services.ingest_file(SAMPLE.name, SAMPLE.read_bytes())
    assert len(calls) == 20 and run.status == RunStatus.FAILED
    assert not Document.objects.exists() and not DraftFiche.objects.exists()
    assert not SourceDocument.objects.exists() and not ExtractedField.objects.exists()
    assert list(IngestionRun.objects.values_list("status", flat=True)) == [RunStatus.FAILED]


# -- review ----------------------------------------------------------------------------------


@pytest.fixture
def progem(accounts) -> DraftFiche:  # type: ignore[no-untyped-def]
    return fiche_of(ingest_sample(accounts["editor"]), "ProGEM")


def test_field_decisions_are_recorded_with_who_and_when(accounts, progem):
    editor = accounts["editor"]
    [title] = fields(progem, "title")
    services.decide_field(title, "accept", editor)
    title.refresh_from_db()
    assert title.status == FieldStatus.ACCEPTED

    challenge = fields(progem, "challenges")[0]
    services.decide_field(challenge, "reject", editor)
    assert ExtractedField.objects.get(pk=challenge.pk).status == FieldStatus.REJECTED

    [duration] = fields(progem, "duration_months")
    services.decide_field(duration, "edit", editor, " 48 ")
    duration.refresh_from_db()
    assert duration.status == FieldStatus.EDITED and duration.edited_value == 48
    assert duration.value == 60 and duration.final_value == 48

    services.decide_field(duration, "reset", editor)
    duration.refresh_from_db()
    assert duration.status == FieldStatus.PENDING and duration.edited_value is None
    assert duration.final_value == 60

    decisions = list(ReviewDecision.objects.filter(fiche=progem).order_by("pk"))
    assert [(d.action, d.field_id) for d in decisions] == [
        ("accept", title.pk), ("reject", challenge.pk), ("edit", duration.pk),
        ("reset", duration.pk)]
    assert all(d.user == editor and d.at is not None for d in decisions)
    assert decisions[2].before == {"status": "pending", "value": 60}
    assert decisions[2].after == {"status": "edited", "value": 48}
    assert decisions[3].after == {"status": "pending", "value": 60}


@pytest.mark.parametrize(("name", "value", "message"), [
    ("start", "20xx", "yyyy"),
    ("start", "2020-13", "yyyy"),
    ("duration_months", "-3", "between 1 and 600"),
    ("duration_months", "five", "whole number"),
    ("funders", {"name": "EUTF", "amount": "abc", "currency": "EUR"}, "must be a number"),
    ("funders", {"name": "EUTF", "amount": "NaN", "currency": "EUR"}, "must be a number"),
    ("funders", {"name": "EUTF", "amount": "1e30", "currency": "EUR"}, "too large"),
    ("funders", {"name": "EUTF", "amount": "-5", "currency": "EUR"}, "negative"),
    ("funders", {"name": "EUTF", "amount": "25000000", "currency": ""}, "currency"),
    ("funders", {"name": "EUTF", "amount": "25000000", "currency": "EURO"}, "iso 4217"),
    ("countries", "XX", "iso 3166"),
    ("objectives", "   ", "cannot be empty"),
    ("sites", "not a web address", "web address"),
])
def test_a_bad_correction_is_refused_and_changes_nothing(accounts, progem, name, value, message):
    found = fields(progem, name)[0]
    with pytest.raises(ValidationError) as caught:
        services.decide_field(found, "edit", accounts["editor"], value)
    assert message in " ".join(caught.value.messages).lower()
    found.refresh_from_db()
    assert found.status == FieldStatus.PENDING and found.edited_value is None
    assert not ReviewDecision.objects.exists()


def test_good_corrections_are_stored_in_the_fields_type(accounts, progem):
    editor = accounts["editor"]
    eutf = fields(progem, "funders")[0]
    services.decide_field(eutf, "edit", editor,
                          {"name": " EUTF ", "amount": "25 500 000", "currency": "eur"})
    assert ExtractedField.objects.get(pk=eutf.pk).final_value == {
        "name": "EUTF", "amount": 25_500_000, "currency": "EUR"}
    [start] = fields(progem, "start")
    services.decide_field(start, "edit", editor, "2016-03")
    assert ExtractedField.objects.get(pk=start.pk).final_value == "2016-03"
    [niger] = fields(progem, "countries")
    services.decide_field(niger, "edit", editor, "ml")
    niger.refresh_from_db()
    assert niger.final_value == "ML"
    assert niger.match["place_id"] == Place.objects.get(code="ML", level=1).pk


def test_an_unknown_decision_is_refused(accounts, progem):
    with pytest.raises(ValidationError):
        services.decide_field(fields(progem, "title")[0], "approve", accounts["editor"])
    with pytest.raises(ValidationError):
        services.decide_fiche(progem, "approve", accounts["editor"])


@pytest.mark.parametrize("who", ["viewer", "anonymous"])
def test_viewers_and_anonymous_visitors_may_not_review(accounts, progem, who):
    person = AnonymousUser() if who == "anonymous" else accounts["viewer"]
    [title] = fields(progem, "title")
    with pytest.raises(PermissionDenied):
        services.decide_field(title, "accept", person)
    with pytest.raises(PermissionDenied):
        services.decide_fiche(progem, "accept_all", person)
    with pytest.raises(PermissionDenied):
        services.apply_fiche(progem, person)
    with pytest.raises(PermissionDenied):
        services.publish_fiche_programme(progem, person)
    assert not ReviewDecision.objects.exists()
    assert ExtractedField.objects.get(pk=title.pk).status == FieldStatus.PENDING
    assert not services.can_review(person)


# -- applying to the registry ------------------------------------------------------------------


def test_applying_creates_an_unpublished_programme_from_accepted_values_only(accounts, progem):
    editor = accounts["editor"]
    for name in ("key", "title", "start", "countries", "funders", "partners", "places",
                 "sites", "challenges", "good_practices", "main_features"):
        for found in fields(progem, name):
            services.decide_field(found, "accept", editor)
    rejected = fields(progem, "challenges")[1]
    services.decide_field(rejected, "reject", editor)
    [duration] = fields(progem, "duration_months")
    services.decide_field(duration, "edit", editor, "54")
    objectives_before = Programme.objects.count()

    programme = services.apply_fiche(progem, editor)

    assert Programme.objects.count() == objectives_before + 1
    assert programme.key == "ProGEM" and not programme.published
    assert programme.title == "Management of migration challenges in Niger"
    assert programme.implementing_agency == accounts["enabel"]  # the editor's organisation
    assert programme.duration_months == 54
    assert programme.start_date.year == 2016 and programme.start_precision == "year"
    assert programme.objectives == ""  # left pending: not applied
    assert programme.main_features.startswith("All partner municipalities")

    source = progem.run.document.source
    challenges = list(programme.statements.filter(kind="challenge").order_by("order"))
    accepted = [f for f in fields(progem, "challenges") if f.pk != rejected.pk]
    assert [s.text for s in challenges] == [f.value for f in accepted]
    assert rejected.value not in [s.text for s in programme.statements.all()]
    for statement, found in zip(challenges, accepted, strict=True):
        assert (statement.span_start, statement.span_end) == (found.span_start, found.span_end)
        assert statement.source_document == source
    assert programme.statements.filter(kind="good_practice").count() == 3
    assert not programme.statements.filter(kind="covid_adaptation").exists()  # pending

    fundings = {(f.organisation.acronym, f.amount, f.currency)
                for f in programme.fundings.select_related("organisation")}
    assert fundings == {("EUTF", Decimal("25000000.00"), "EUR"),
                        ("BMZ", Decimal("13500000.00"), "EUR")}
    assert {p.place.code for p in programme.programme_places.select_related("place")
            if p.place.level == 1} == {"NE"}
    assert {p.place.name for p in programme.programme_places.select_related("place")} >= {
        "Niger", "Agadez", "Tahoua", "Zinder"}
    assert programme.participations.count() == 2
    assert list(programme.links.values_list("url", flat=True)) == [
        "https://www.giz.de/en/worldwide/43838.html"]

    # sources under the registry's field names, with the document's text as excerpt
    recorded = {s.field: s for s in FieldSource.objects.filter(programme=programme)}
    assert set(recorded) == {"key", "title", "start", "duration", "funders", "places",
                             "partners", "links", "main_features"}
    [key] = fields(progem, "key")
    assert (recorded["key"].span_start, recorded["key"].span_end) == (key.span_start,
                                                                      key.span_end)
    assert recorded["key"].document == source and recorded["key"].page is None
    assert recorded["key"].excerpt == "ProGEM"
    assert recorded["funders"].excerpt == "EUTF (EUR 25 mio) & BMZ (EUR 13,5 mio)"
    assert recorded["duration"].excerpt == "2016 (60 months)"
    assert FieldSource.objects.filter(programme=programme, field="funders").count() == 1

    progem.refresh_from_db()
    assert progem.status == FicheStatus.APPLIED and progem.programme == programme
    last = ReviewDecision.objects.filter(fiche=progem).first()
    assert last.action == "apply" and last.after == {"programme": programme.pk}


def test_a_second_apply_and_late_decisions_are_refused(accounts, progem):
    editor = accounts["editor"]
    services.decide_fiche(progem, "accept_all", editor)
    assert not progem.fields.filter(status=FieldStatus.PENDING).exists()
    services.apply_fiche(progem, editor)
    count = Programme.objects.count()
    with pytest.raises(ValidationError):
        services.apply_fiche(progem, editor)
    with pytest.raises(ValidationError):
        services.decide_field(fields(progem, "title")[0], "reject", editor)
    with pytest.raises(ValidationError):
        services.decide_fiche(progem, "reject", editor)
    assert Programme.objects.count() == count


def test_a_fiche_applied_meanwhile_is_not_applied_again(accounts, progem):
    """Two requests (a double click) hold their own copy of the fiche, both pending."""
    editor = accounts["editor"]
    services.decide_fiche(progem, "accept_all", editor)
    first, second = DraftFiche.objects.get(pk=progem.pk), DraftFiche.objects.get(pk=progem.pk)
    services.apply_fiche(first, editor)
    with pytest.raises(ValidationError):
        services.apply_fiche(second, editor)
    assert Programme.objects.filter(key="ProGEM").count() == 1
    assert ReviewDecision.objects.filter(fiche=progem, action="apply").count() == 1


def test_publishing_comes_after_applying(accounts, progem):
    editor = accounts["editor"]
    with pytest.raises(ValidationError):
        services.publish_fiche_programme(progem, editor)
    services.decide_fiche(progem, "accept_all", editor)
    programme = services.apply_fiche(progem, editor)
    assert not Programme.objects.get(pk=programme.pk).published
    services.publish_fiche_programme(progem, editor)
    assert Programme.objects.get(pk=programme.pk).published
    assert ReviewDecision.objects.filter(fiche=progem, action="publish").exists()


def test_an_editor_may_not_publish_a_programme_of_another_organisation(accounts, progem):
    services.decide_fiche(progem, "accept_all", accounts["editor"])
    services.apply_fiche(progem, accounts["editor"])
    with pytest.raises(PermissionDenied):
        services.publish_fiche_programme(progem, accounts["giz_editor"])


def test_a_rejected_fiche_is_not_applied(accounts, progem):
    services.decide_fiche(progem, "reject", accounts["editor"])
    with pytest.raises(ValidationError):
        services.apply_fiche(progem, accounts["editor"])
    assert not Programme.objects.filter(key="ProGEM").exists()


def test_an_administrator_chooses_the_implementing_agency(accounts, progem):
    services.decide_fiche(progem, "accept_all", accounts["admin"])
    programme = services.apply_fiche(progem, accounts["admin"], accounts["giz"])
    assert programme.implementing_agency == accounts["giz"]


def test_an_editor_creates_programmes_for_their_own_organisation_only(accounts, progem):
    services.decide_fiche(progem, "accept_all", accounts["editor"])
    with pytest.raises(PermissionDenied):
        services.apply_fiche(progem, accounts["editor"], accounts["giz"])
    programme = services.apply_fiche(progem, accounts["editor"], accounts["enabel"])
    assert programme.implementing_agency == accounts["enabel"]


def test_an_editor_without_organisation_cannot_create_a_programme(accounts, progem):
    from observatory.accounts.services import create_account

    loner = create_account("loner", "pw-loner-12345", "editor")
    services.decide_fiche(progem, "accept_all", loner)
    with pytest.raises(ValidationError):
        services.apply_fiche(progem, loner)
    assert not Programme.objects.filter(key="ProGEM").exists()


def test_a_corrected_partner_or_place_is_matched_again(demo):
    editor = user("editor")
    amuddu = fiche_of(ingest_sample(editor), "AMUDDU")
    anappec = next(f for f in fields(amuddu, "partners") if "ANAPPEC" in f.value)
    assert anappec.match == {"proposed": True}
    services.decide_field(anappec, "edit", editor, "Moroccan Public Employment Service (ANAPEC)")
    anappec.refresh_from_db()
    anapec = Organisation.objects.get(acronym="ANAPEC")
    assert anappec.match["organisation_id"] == anapec.pk
    rabat = next(f for f in fields(amuddu, "places") if f.value == "Rabat")
    services.decide_field(rabat, "edit", editor, "Casablanca")
    rabat.refresh_from_db()
    assert Place.objects.get(pk=rabat.match["place_id"]).name == "Casablanca"
    services.decide_field(rabat, "reset", editor)
    rabat.refresh_from_db()
    assert Place.objects.get(pk=rabat.match["place_id"]).name == "Rabat"


# -- merging into an existing programme ----------------------------------------------------------


def test_a_fiche_with_a_known_key_merges_into_the_programme(demo):
    editor = user("editor")  # of Enabel, which implements AMUDDU
    programme = Programme.objects.get(key="AMUDDU")
    statements = set(programme.statements.values_list("text", flat=True))
    fundings, links = programme.fundings.count(), programme.links.count()
    total = Programme.objects.count()

    fiche = fiche_of(ingest_sample(editor), "AMUDDU")
    assert fiche.existing_programme == programme
    rejected = fields(fiche, "challenges")[0]
    services.decide_field(rejected, "reject", editor)
    services.decide_fiche(fiche, "accept_all", editor)
    merged = services.apply_fiche(fiche, editor)

    assert merged.pk == programme.pk and Programme.objects.count() == total
    merged.refresh_from_db()
    assert merged.published  # the published programme stays published
    new = set(merged.statements.values_list("text", flat=True)) - statements
    assert len(new) == merged.statements.count() - len(statements) > 0
    assert fields(fiche, "challenges")[1].value in new
    assert rejected.value not in new
    assert merged.links.count() == links  # the project site was known already
    assert ReviewDecision.objects.filter(fiche=fiche, action="merge").exists()

    # the same report again: nothing is added twice
    after = (merged.statements.count(), merged.fundings.count(), merged.links.count(),
             merged.participations.count(), merged.programme_places.count(),
             merged.sources.count())
    again = fiche_of(ingest_sample(editor), "AMUDDU")
    services.decide_field(fields(again, "challenges")[0], "reject", editor)
    services.decide_fiche(again, "accept_all", editor)
    services.apply_fiche(again, editor)
    assert (merged.statements.count(), merged.fundings.count(), merged.links.count(),
            merged.participations.count(), merged.programme_places.count(),
            merged.sources.count()) == after
    assert merged.fundings.count() >= fundings
    assert Programme.objects.count() == total


def test_merging_needs_the_right_to_edit_that_programme(demo):
    editor = user("editor")  # of Enabel; ProGEM is GIZ's
    progem = Programme.objects.get(key="ProGEM")
    before = (progem.title, progem.statements.count())
    fiche = fiche_of(ingest_sample(editor), "ProGEM")
    services.decide_fiche(fiche, "accept_all", editor)
    with pytest.raises(PermissionDenied):
        services.apply_fiche(fiche, editor)
    progem.refresh_from_db()
    assert (progem.title, progem.statements.count()) == before
    fiche.refresh_from_db()
    assert fiche.status == FicheStatus.PENDING and fiche.programme is None
    # an administrator may
    assert services.apply_fiche(fiche, user("admin")).pk == progem.pk


def test_the_key_a_reviewer_enters_decides_where_the_fiche_goes(demo):
    admin = user("admin")
    fiche = fiche_of(ingest_sample(admin), "V4CP")
    [key] = fields(fiche, "key")
    services.decide_field(key, "edit", admin, "V4CP-2")
    services.decide_fiche(fiche, "accept_all", admin)
    programme = services.apply_fiche(fiche, admin)
    assert programme.key == "V4CP-2" and programme.pk != Programme.objects.get(key="V4CP").pk
    assert not programme.published and WebLink.objects.filter(programme=programme).count() == 1
