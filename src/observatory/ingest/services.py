"""Ingesting a report into the review queue, and the reviewer's decisions.

An ingestion stores the document and its draft fiches in one transaction, or, on bad input,
only a failed run with its message. Nothing reaches the registry until a reviewer applies a
fiche; publishing is a separate, deliberate step.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import time
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from observatory.accounts.roles import is_administrator, is_editor, user_organisation_id
from observatory.knowledge.services import add_statement
from observatory.registry import services as registry
from observatory.registry.codelists import OrganisationRole
from observatory.registry.models import (
    DatePrecision,
    Organisation,
    Place,
    Programme,
    SourceDocument,
)
from observatory.registry.selectors import can_edit_programme

from .errors import IngestError
from .extract import Fiche, extract_fiches
from .matching import OrganisationMatcher, match_country, match_place
from .models import (
    Document as StoredDocument,
)
from .models import (
    DraftFiche,
    ExtractedField,
    FicheStatus,
    FieldStatus,
    IngestionRun,
    ReviewDecision,
    RunStatus,
)
from .readers import read_document
from .to_results import draft_values

logger = logging.getLogger(__name__)

# the registry's names for the fields whose sources it records (registry.selectors)
SOURCE_FIELDS = {"duration_months": "duration", "countries": "places", "sites": "links"}
MATCHED_FIELDS = ("partners", "funders", "countries", "places")
MAX_AMOUNT = Decimal(10) ** 14  # what a Funding's amount (16 digits, 2 decimals) can hold
STATEMENT_KINDS = {"challenges": "challenge", "good_practices": "good_practice",
                   "covid_adaptations": "covid_adaptation", "testimony": "testimony"}
TEXT_FIELDS = ("title", "objectives", "expected_results", "main_features", "nexus")


def ingest_file(filename: str, data: bytes, user: Any = None) -> IngestionRun:
    """Read, extract and queue a report. Bad input gives a failed run with its message and
    stores nothing else; a document without fiches gives a completed run with none."""
    began = time.perf_counter()
    try:
        document = read_document(filename, data)
        fiches = extract_fiches(document.text)
        with transaction.atomic():
            return _store(filename, data, document, fiches, user, began)
    except IngestError as error:
        return _failed(filename, error.message, user, began)
    except Exception:
        logger.exception("Ingestion of %s failed", filename)
        return _failed(filename, _("The document could not be processed. Nothing was stored; "
                                   "please check the file or report the problem."), user, began)


def _failed(filename: str, message: str, user: Any, began: float) -> IngestionRun:
    return IngestionRun.objects.create(
        filename=filename[:255], status=RunStatus.FAILED, error=message,
        started_by=user if getattr(user, "is_authenticated", False) else None,
        seconds=time.perf_counter() - began)


def _store(filename: str, data: bytes, read: Any, fiches: list[Fiche], user: Any,
           began: float) -> IngestionRun:
    digest = hashlib.sha256(data).hexdigest()
    source = registry.get_or_create_source_document(
        title=filename[:400], sha256=digest, filename=filename[:250])
    actor = user if getattr(user, "is_authenticated", False) else None
    document = StoredDocument.objects.create(
        filename=filename[:255], format=read.format, sha256=digest, size_bytes=len(data),
        text=read.text, page_starts=list(read.page_starts), source=source, uploaded_by=actor)
    run = IngestionRun.objects.create(document=document, filename=filename[:255],
                                      status=RunStatus.COMPLETED, fiche_count=len(fiches),
                                      started_by=actor)
    organisations = OrganisationMatcher()
    rows: list[ExtractedField] = []
    for order, fiche in enumerate(fiches):
        draft = DraftFiche.objects.create(
            run=run, order=order, key=fiche.key[:120], title=fiche.title[:400],
            span_start=fiche.start, span_end=fiche.end,
            existing_programme=Programme.objects.filter(key__iexact=fiche.key).first()
            if fiche.key else None)
        countries = fiche.values("countries")
        for n, found in enumerate(fiche.fields):
            rows.append(ExtractedField(
                fiche=draft, name=found.name, order=n, value=found.value,
                span_start=found.start, span_end=found.end, page=read.page_of(found.start),
                match=_match(found.name, found.value, organisations, countries)))
    ExtractedField.objects.bulk_create(rows, batch_size=500)
    run.seconds = time.perf_counter() - began
    run.save(update_fields=["seconds"])
    return run


def _match(name: str, value: Any, organisations: OrganisationMatcher,
           countries: list[str]) -> dict[str, Any]:
    if name == "partners":
        return organisations.match(value)
    if name == "funders" and value.get("name"):
        return organisations.match(value["name"])
    if name == "countries":
        return match_country(value)
    if name == "places":
        return match_place(value, countries)
    return {}


# -- review -------------------------------------------------------------------------------

def can_review(user: Any) -> bool:
    return is_editor(user)


def _require_reviewer(user: Any) -> None:
    if not can_review(user):
        raise PermissionDenied(_("Only editors and administrators review ingested fiches."))


def _record(fiche: DraftFiche, user: Any, action: str, field: ExtractedField | None = None,
            before: Any = None, after: Any = None) -> None:
    ReviewDecision.objects.create(fiche=fiche, field=field, action=action, before=before,
                                  after=after, user=user)


@transaction.atomic
def decide_field(field: ExtractedField, action: str, user: Any, value: Any = None
                 ) -> ExtractedField:
    """Accept, reject or edit one extracted value; reset puts it back to pending."""
    _require_reviewer(user)
    if field.fiche.status != FicheStatus.PENDING:
        raise ValidationError(_("This fiche has already been decided."))
    before = {"status": field.status, "value": field.final_value}
    if action == "accept":
        field.status = FieldStatus.ACCEPTED
    elif action == "reject":
        field.status = FieldStatus.REJECTED
    elif action == "reset":
        field.status, field.edited_value = FieldStatus.PENDING, None
    elif action == "edit":
        field.edited_value = clean_edited_value(field.name, value, field.value)
        field.status = FieldStatus.EDITED
    else:
        raise ValidationError(_("Unknown decision."))
    if action in ("edit", "reset") and field.name in MATCHED_FIELDS:
        # the match belongs to the value: a corrected name is looked up again
        field.match = _match(field.name, field.final_value, OrganisationMatcher(),
                             _fiche_countries(field.fiche))
    field.save(update_fields=["status", "edited_value", "match"])
    _record(field.fiche, user, action, field, before,
            {"status": field.status, "value": field.final_value})
    return field


def _fiche_countries(fiche: DraftFiche) -> list[str]:
    return [f.final_value for f in fiche.fields.filter(name="countries")
            .exclude(status=FieldStatus.REJECTED)]


def clean_edited_value(name: str, value: Any, original: Any) -> Any:
    """A reviewer's text for a field, checked and turned into the field's type."""
    text = (value or "").strip() if isinstance(value, str) else value
    if name in ("start",):
        if not re.fullmatch(r"(19|20)\d\d(-(0[1-9]|1[0-2]))?", text or ""):
            raise ValidationError(_("Give the start as YYYY or YYYY-MM."))
        return text
    if name == "duration_months":
        try:
            months = int(text)
        except (TypeError, ValueError) as error:
            raise ValidationError(_("Give the duration as a whole number of months.")) from error
        if not 0 < months <= 600:
            raise ValidationError(_("A duration lies between 1 and 600 months."))
        return months
    if name == "countries":
        code = (text or "").upper()
        if not Place.objects.filter(code=code, level=1).exists():
            raise ValidationError(_("Give an ISO 3166-1 alpha-2 country code, e.g. NE."))
        return code
    if name == "funders":
        if not isinstance(value, dict):
            raise ValidationError(_("A funder needs a name, an amount and a currency."))
        amount = value.get("amount")
        currency = registry.validate_currency(value.get("currency") or "")
        try:  # "25,000,000" and "25 000 000" are numbers too
            number = None if amount in (None, "") else Decimal(
                re.sub(r"[\s,\u202f]", "", str(amount)))
        except Exception as error:
            raise ValidationError(_("The amount must be a number.")) from error
        if number is not None and not number.is_finite():
            raise ValidationError(_("The amount must be a number."))
        if number is not None and number < 0:
            raise ValidationError(_("An amount cannot be negative."))
        if number is not None and number >= MAX_AMOUNT:
            raise ValidationError(_("The amount is too large."))
        if number is not None and not currency:
            raise ValidationError(_("An amount needs its currency."))
        return {"name": (value.get("name") or "").strip(),
                "amount": None if number is None else float(number), "currency": currency or None}
    if name == "indicators":
        return original  # suggested values are corrected in the results capability
    if not text:
        raise ValidationError(_("An edited value cannot be empty; reject the field instead."))
    if name == "sites":
        try:
            URLValidator(schemes=["http", "https"])(text)
        except ValidationError as error:
            raise ValidationError(_("Give a full web address, e.g. https://example.org/.")
                                  ) from error
    if name == "key" and len(text) > 60:
        raise ValidationError(_("A short name (key) has at most 60 characters."))
    return text


def _lock_pending(fiche: DraftFiche) -> None:
    """Read the fiche's status again, locked until the transaction ends, so that two requests
    (a double click on "apply") cannot both find it pending."""
    fiche.status = DraftFiche.objects.select_for_update().values_list(
        "status", flat=True).get(pk=fiche.pk)
    if fiche.status != FicheStatus.PENDING:
        raise ValidationError(_("This fiche has already been decided."))


@transaction.atomic
def decide_fiche(fiche: DraftFiche, action: str, user: Any) -> DraftFiche:
    """accept_all: every pending value accepted; reject: the whole fiche set aside."""
    _require_reviewer(user)
    _lock_pending(fiche)
    if action == "accept_all":
        fiche.fields.filter(status=FieldStatus.PENDING).update(status=FieldStatus.ACCEPTED)
    elif action == "reject":
        fiche.status = FicheStatus.REJECTED
        fiche.save(update_fields=["status"])
    else:
        raise ValidationError(_("Unknown decision."))
    _record(fiche, user, action)
    return fiche


@transaction.atomic
def apply_fiche(fiche: DraftFiche, user: Any, agency: Organisation | None = None) -> Programme:
    """Write the accepted and edited values into the registry: into the programme with the
    same key when there is one (merge), else into a new, unpublished programme implemented by
    ``agency`` (by default an editor's own organisation, so that they can go on editing it)."""
    _require_reviewer(user)
    _lock_pending(fiche)
    fields = list(fiche.fields.filter(status__in=[FieldStatus.ACCEPTED, FieldStatus.EDITED]))
    values: dict[str, list[ExtractedField]] = {}
    for found in fields:
        values.setdefault(found.name, []).append(found)
    key = _single(values, "key") or fiche.key
    if not key:
        raise ValidationError(_("Accept or enter the fiche's short name (key) first."))
    programme = Programme.objects.filter(key__iexact=key).first()
    merging = programme is not None
    if merging and not can_edit_programme(user, programme):
        raise PermissionDenied(_("You may not change %(key)s, which belongs to another "
                                 "organisation.") % {"key": programme.key})
    if programme is None:
        title = _single(values, "title") or fiche.title or key
        if not is_administrator(user):
            # an editor creates programmes of their own organisation, which they can go on
            # editing and publish; another organisation's are not theirs to create
            own = Organisation.objects.filter(pk=user_organisation_id(user)).first()
            if own is None:
                raise ValidationError(_("Your account belongs to no organisation, so the "
                                        "programme would have no one to edit it; ask an "
                                        "administrator to apply this fiche."))
            if agency is not None and agency != own:
                raise PermissionDenied(_("Editors create programmes of their own "
                                         "organisation only."))
            agency = own
        programme = Programme(key=key[:60], title=title[:400], published=False,
                              implementing_agency=agency)
    for name in TEXT_FIELDS:
        text = _single(values, name)
        if text:
            setattr(programme, name, text)
    start = _single(values, "start")
    if start:
        year, _sep, month = start.partition("-")
        programme.start_date = dt.date(int(year), int(month or 1), 1)
        programme.start_precision = DatePrecision.MONTH if month else DatePrecision.YEAR
    duration = _single(values, "duration_months")
    if duration:
        programme.duration_months = int(duration)
    registry.save_programme(programme)

    source = fiche.run.document.source if fiche.run.document else None
    text = fiche.run.document.text if fiche.run.document else ""
    for found in fields:
        _apply_field(programme, found, source, text)
    draft_values(fiche, programme, fields, user)  # accepted suggestions become draft values
    fiche.status = FicheStatus.APPLIED
    fiche.programme = programme
    fiche.save(update_fields=["status", "programme"])
    _record(fiche, user, "merge" if merging else "apply", after={"programme": programme.pk})
    return programme


def _single(values: dict[str, list[ExtractedField]], name: str) -> Any:
    found = values.get(name)
    return found[0].final_value if found else None


def _apply_field(programme: Programme, found: ExtractedField, source: SourceDocument | None,
                 text: str) -> None:
    value = found.final_value
    span = (found.span_start, found.span_end)
    if found.name in STATEMENT_KINDS:
        if not programme.statements.filter(text=value).exists():
            add_statement(programme, STATEMENT_KINDS[found.name], value, document=source,
                          span=span)
        return
    if found.name == "funders":
        organisation = _organisation(value.get("name") or "", found.match)
        if organisation is None:  # an amount with no funder named: the programme's own budget
            organisation = programme.implementing_agency
        if organisation is not None and not programme.fundings.filter(
                organisation=organisation, amount=value.get("amount")).exists():
            registry.add_funding(programme, organisation, value.get("amount"),
                                 value.get("currency") or "", note=_("from an ingested report"))
    elif found.name == "partners":
        organisation = _organisation(value, found.match)
        if organisation is not None:
            registry.add_partner(programme, organisation, OrganisationRole.IMPLEMENTING)
    elif found.name == "countries":
        place = Place.objects.filter(code=value, level=1).first()
        if place is not None:
            registry.add_programme_place(programme, place)
    elif found.name == "places":
        place = _place(value, found.match, programme)
        if place is not None:
            registry.add_programme_place(programme, place)
    elif found.name == "sites" and not programme.links.filter(url=value).exists():
        registry.add_link(programme, value)
    field = SOURCE_FIELDS.get(found.name, found.name)
    if source is not None and found.name != "indicators" and not programme.sources.filter(
            field=field, document=source, span_start=span[0], span_end=span[1]).exists():
        # the excerpt is what the document says there, as the registry's other sources do
        excerpt = " ".join(text[span[0]:span[1]].split())[:500] or str(value)[:500]
        registry.record_source(programme, field, source, span, page=found.page,
                               excerpt=excerpt)


def _organisation(name: str, match: dict[str, Any]) -> Organisation | None:
    if match.get("organisation_id"):
        return Organisation.objects.filter(pk=match["organisation_id"]).first()
    if not name:
        return None
    acronym = re.findall(r"\(([A-Z][A-Za-z0-9&+-]{1,14})\)", name)
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip() or name
    if not acronym and re.fullmatch(r"[A-Z][A-Za-z0-9&+-]{1,14}", plain) and \
            sum(c.isupper() for c in plain) >= 2:
        acronym = [plain]  # a funder named by its acronym only ("EUTF", "BMZ")
    return registry.get_or_create_organisation(plain[:250], acronym[0] if acronym else "")


def _place(name: str, match: dict[str, Any], programme: Programme) -> Place | None:
    if match.get("place_id"):
        return Place.objects.filter(pk=match["place_id"]).first()
    countries = [e.place for e in programme.programme_places.select_related("place")
                 if e.place.level == 1]
    if len(countries) == 1:
        return registry.add_place(name, countries[0])
    return None


@transaction.atomic
def publish_fiche_programme(fiche: DraftFiche, user: Any) -> Programme:
    _require_reviewer(user)
    if fiche.programme is None:
        raise ValidationError(_("Apply the fiche to the registry before publishing it."))
    if not can_edit_programme(user, fiche.programme):
        raise PermissionDenied(_("You may not publish a programme of another organisation."))
    registry.set_published(fiche.programme, True)
    _record(fiche, user, "publish", after={"programme": fiche.programme.pk})
    return fiche.programme
