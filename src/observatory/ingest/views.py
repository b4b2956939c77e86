"""The review queue: upload a report, review each extracted value beside its source, apply a
fiche to the registry (merging into a programme with the same key), publish deliberately."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from observatory.registry.models import Organisation
from observatory.registry.selectors import can_edit_programme

from . import readers, selectors, services
from .forms import UploadForm
from .models import DraftFiche, ExtractedField, IngestionRun


def _reviewer(request: HttpRequest) -> None:
    if not services.can_review(request.user):
        raise PermissionDenied(_("Only editors and administrators review ingested reports."))


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _reviewer(request)
    form = UploadForm()
    if request.method == "POST" and _content_length(request) > readers.MAX_BYTES + 64 * 1024:
        # refused before Django reads the body into a temporary file
        messages.error(request, _("The file is too large; the limit is %(limit)s MB.")
                       % {"limit": f"{readers.MAX_BYTES / (1024 * 1024):.1f}".removesuffix(".0")})
        return render(request, "ingest/queue.html", {
            "form": form, "runs": selectors.recent_runs(), "pending": selectors.pending_fiches()},
            status=413)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            run = services.ingest_file(upload.name, upload.read(), request.user)
            return redirect(run)  # whose page says what failed, if anything did
    return render(request, "ingest/queue.html", {
        "form": form, "runs": selectors.recent_runs(), "pending": selectors.pending_fiches()})


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    run = get_object_or_404(IngestionRun.objects.select_related("document"), pk=pk)
    return render(request, "ingest/run.html", {
        "run": run, "fiches": run.fiches.select_related("existing_programme", "programme")})


@login_required
def fiche_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    fiche = get_object_or_404(DraftFiche.objects.select_related(
        "run__document", "existing_programme", "programme"), pk=pk)
    return render(request, "ingest/fiche.html", _fiche_context(fiche, request.user))


def _fiche_context(fiche: DraftFiche, user: Any) -> dict[str, Any]:
    groups = []
    for name, found in selectors.fields_for_review(fiche):
        groups.append((name, [(f, selectors.fiche_source_context(fiche, f)) for f in found]))
    matched = {f.match.get("organisation_id") for f in fiche.fields.all()
               if f.name in ("partners", "funders") and f.match.get("organisation_id")}
    return {
        "fiche": fiche, "groups": groups,
        "decisions": fiche.decisions.select_related("user", "field")[:50],
        "agencies": Organisation.objects.filter(pk__in=matched).order_by("name"),
        "may_merge": fiche.existing_programme is None
        or can_edit_programme(user, fiche.existing_programme),
    }


@login_required
@require_POST
def decide_field(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    found = get_object_or_404(ExtractedField.objects.select_related("fiche__run__document"),
                              pk=pk)
    action = request.POST.get("action", "")
    value: Any = request.POST.get("value")
    if found.name == "funders" and action == "edit":
        value = {k: request.POST.get(k, "") for k in ("name", "amount", "currency")}
    error = ""
    try:
        services.decide_field(found, action, request.user, value)
    except ValidationError as problem:
        error = _message(problem)
    found.refresh_from_db()
    fiche = found.fiche
    context = {"found": found, "error": error, "fiche": fiche,
               "source": selectors.fiche_source_context(fiche, found),
               "decisions": fiche.decisions.select_related("user", "field")[:50]}
    if request.headers.get("HX-Request") == "true":
        # the row, and the decisions table out of band
        return render(request, "ingest/_field_response.html", context)
    if error:
        messages.error(request, error)
    return redirect(found.fiche)


@login_required
@require_POST
def decide_fiche(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    fiche = get_object_or_404(DraftFiche, pk=pk)
    action = request.POST.get("action", "")
    try:
        if action in ("accept_all", "reject"):
            services.decide_fiche(fiche, action, request.user)
        elif action == "apply":
            agency_id = request.POST.get("agency", "")
            agency = Organisation.objects.filter(pk=int(agency_id)).first() \
                if agency_id.isdigit() else None
            programme = services.apply_fiche(fiche, request.user, agency)
            if programme.published:
                messages.success(request, _("The accepted values are merged into %(key)s, "
                                            "which is published.") % {"key": programme.key})
            else:
                messages.success(request, _("%(key)s is in the registry, not yet published.")
                                 % {"key": programme.key})
        elif action == "publish":
            programme = services.publish_fiche_programme(fiche, request.user)
            messages.success(request, _("%(key)s is published.") % {"key": programme.key})
        else:
            messages.error(request, _("Unknown decision."))
    except ValidationError as problem:
        messages.error(request, _message(problem))
    except PermissionDenied as refusal:  # e.g. merging into another organisation's programme
        messages.error(request, str(refusal) or _("You may not do this."))
    return redirect(fiche)
