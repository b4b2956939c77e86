import datetime as dt
import hashlib
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from observatory.accounts.roles import ADMINISTRATOR, EDITOR, VIEWER, has_role
from observatory.demo import data
from observatory.demo.load import DEMO_ACCOUNTS, load_demo
from observatory.knowledge.models import Statement
from observatory.registry.models import (
    FieldSource,
    Funding,
    Organisation,
    Participation,
    Place,
    PlaceLevel,
    Programme,
    ProgrammePlace,
    SourceDocument,
    WebLink,
)

SAMPLE = (Path(__file__).resolve().parents[4] / ".." / "shared" / "samples"
          / "pn-cfm-session1-report-2020.txt")
FIVE = {"ProGEM", "AMUDDU", "V4CP", "R2PM", "EUROsociAL+"}


def table_counts() -> dict[str, int]:
    models = [Programme, Funding, Participation, ProgrammePlace, WebLink, FieldSource, Statement,
              Organisation, Place, SourceDocument, get_user_model()]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_five_published_programmes_and_one_draft():
    counts = load_demo()

    assert set(Programme.objects.filter(published=True).values_list("key", flat=True)) == FIVE
    assert list(Programme.objects.filter(published=False).values_list("key", flat=True)) == [
        "DRAFT-DEMO"]
    draft = Programme.objects.get(key="DRAFT-DEMO")
    assert draft.implementing_agency.acronym == "Enabel"
    assert [e.place.code for e in draft.programme_places.all()] == ["SN"]
    assert counts["programmes"] == 6
    assert counts["published"] == 5
    assert counts["programmes_created"] == 6


@pytest.mark.django_db
def test_progem_fundings_and_dates():
    load_demo()
    progem = Programme.objects.get(key="ProGEM")

    fundings = list(progem.fundings.order_by("amount"))
    assert [(f.organisation.acronym, f.amount, f.currency) for f in fundings] == [
        ("BMZ", Decimal("13500000.00"), "EUR"),
        ("EUTF", Decimal("25000000.00"), "EUR"),
    ]
    assert sum(f.amount for f in fundings) == Decimal("38500000")
    assert progem.implementing_agency.acronym == "GIZ"
    assert progem.start_date == dt.date(2016, 1, 1)
    assert progem.start_precision == "year"
    assert progem.duration_months == 60
    assert progem.end_date == dt.date(2020, 12, 31)
    assert progem.status == "2"

    r2pm = Programme.objects.get(key="R2PM")
    assert (r2pm.start_date, r2pm.start_precision, r2pm.duration_months) == (
        dt.date(2020, 9, 1), "month", 36)
    assert r2pm.end_date == dt.date(2023, 8, 31)
    funding = r2pm.fundings.get()
    assert (funding.organisation.acronym, funding.amount, funding.currency) == (
        "AFD", Decimal("9000000.00"), "EUR")
    assert funding.note


@pytest.mark.django_db
def test_partner_roles():
    load_demo()
    roles = {(p.programme.key, p.organisation.acronym or p.organisation.name, p.role)
             for p in Participation.objects.select_related("programme", "organisation")}
    assert ("ProGEM", "Ministry of the Interior (Niger)", "2") in roles
    assert ("AMUDDU", "ANAPEC", "4") in roles
    assert ("V4CP", "IFPRI", "4") in roles
    assert {key for key, _org, _role in roles} == FIVE


@pytest.mark.django_db
def test_amuddu_places_lie_in_morocco():
    load_demo()
    amuddu = Programme.objects.get(key="AMUDDU")
    places = {e.place.code: e.place for e in amuddu.programme_places.select_related("place")}

    assert {"MA", "MA-RAB", "MA-CAS"} <= set(places)
    for code, region in (("MA-RAB", "MA-04"), ("MA-CAS", "MA-06")):
        assert places[code].country.code == "MA"
        assert places[code].parent.code == region


@pytest.mark.django_db
def test_added_places():
    load_demo()
    assamaka = Place.objects.get(name="Assamaka")
    assert assamaka.parent.code == "NE-1"
    assert assamaka.level == PlaceLevel.MUNICIPALITY
    assert assamaka.country.code == "NE"
    latin_america = Place.objects.get(name="Latin America", level=PlaceLevel.WORLD_REGION)
    assert latin_america.iati_region == "498"
    assert latin_america.parent is None
    eurosocial = Programme.objects.get(key="EUROsociAL+")
    assert {e.place.name for e in eurosocial.programme_places.all()} == {
        "Latin America", "European Union"}


@pytest.mark.django_db
def test_each_programme_has_challenges_good_practices_and_covid_adaptations():
    load_demo()
    for key in FIVE:
        kinds = set(Statement.objects.filter(programme__key=key).values_list("kind", flat=True))
        assert {"challenge", "good_practice", "covid_adaptation"} <= kinds, key
    testimonies = Statement.objects.filter(kind="testimony")
    assert set(testimonies.values_list("programme__key", flat=True)) == FIVE - {"R2PM"}
    assert Statement.objects.filter(programme__key="ProGEM", kind="challenge").count() == 3


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    first = load_demo()
    before = table_counts()
    second = load_demo()

    assert table_counts() == before
    assert second["programmes_created"] == 0
    assert second["programmes_skipped"] == 6
    drop = {"programmes_created", "programmes_skipped"}
    assert {k: v for k, v in first.items() if k not in drop} == {
        k: v for k, v in second.items() if k not in drop}


@pytest.mark.django_db
def test_demo_accounts():
    load_demo()
    roles = {ADMINISTRATOR: "admin", EDITOR: "editor", VIEWER: "viewer"}
    for account in DEMO_ACCOUNTS:
        user = authenticate(username=account.username, password=account.password)
        assert user is not None, account.username
        assert has_role(user, account.role)
        assert roles[account.role] == account.username
    assert get_user_model().objects.get(username="editor").profile.organisation.acronym == (
        "Enabel")
    assert get_user_model().objects.get(username="viewer").profile.organisation.acronym == "GIZ"


@pytest.mark.django_db
def test_demo_command_without_accounts():
    out = StringIO()
    call_command("demo", "--no-accounts", stdout=out)

    assert "programmes: 6" in out.getvalue()
    assert "published: 5" in out.getvalue()
    assert "demo-2020" not in out.getvalue()
    assert not get_user_model().objects.exists()

    out = StringIO()
    call_command("demo", stdout=out)
    assert "editor / editor-demo-2020" in out.getvalue()
    assert get_user_model().objects.count() == 3


@pytest.mark.django_db
def test_spans_point_into_the_report():
    raw = SAMPLE.read_bytes()
    text = SAMPLE.read_text(encoding="utf-8")
    assert hashlib.sha256(raw).hexdigest() == data.REPORT_SHA256
    assert len(text) == data.REPORT_LENGTH

    load_demo()
    document = SourceDocument.objects.get()
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.published_on == dt.date(2020, 5, 13)

    fields = {}
    for source in FieldSource.objects.select_related("programme"):
        assert source.document == document
        assert 0 <= source.span_start < source.span_end <= len(text)
        original = text[source.span_start:source.span_end]
        assert original == original.strip()
        if source.excerpt:
            assert " ".join(original.split()) == source.excerpt, (source.programme.key,
                                                                  source.field)
        fields.setdefault(source.programme.key, set()).add(source.field)
        if source.field == "key":
            assert original.casefold() == source.programme.key.casefold()
        if source.field == "title":
            assert text[source.span_start - 1] == "\n" and text[source.span_end] == "\n"
            assert original == source.excerpt
            assert original.casefold() == source.programme.title.casefold()

    assert set(fields) == FIVE
    for key, names in fields.items():
        assert {"key", "title", "funders", "start", "duration", "places", "partners"} <= names
        assert ("links" in names) == (key != "R2PM")

    statements = Statement.objects.exclude(programme__key="DRAFT-DEMO")
    assert statements.count() > 40
    for statement in statements:
        assert statement.source_document == document
        assert 0 <= statement.span_start < statement.span_end <= len(text)
        original = text[statement.span_start:statement.span_end]
        assert original == original.strip() and len(original) > 10
        if statement.kind == "testimony":
            assert original[0] == "\u201c"
        elif statement.kind in ("challenge", "good_practice") and statement.span_start > 16000:
            assert original.startswith("- "), original[:40]
