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

from . import selectors, services
from .forms import UploadForm
from .models import DraftFiche, ExtractedField, IngestionRun, RunStatus


def _reviewer(request: HttpRequest) -> None:
    if not services.can_review(request.user):
        raise PermissionDenied(_("Only editors and administrators review ingested reports."))


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _reviewer(request)
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            run = services.ingest_file(upload.name, upload.read(), request.user)
            if run.status == RunStatus.FAILED:
                messages.error(request, run.error)
            return redirect(run)
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
    return render(request, "ingest/fiche.html", _fiche_context(fiche))


def _fiche_context(fiche: DraftFiche) -> dict[str, Any]:
    text = fiche.run.document.text if fiche.run.document else ""
    groups = []
    for name, found in selectors.fields_for_review(fiche):
        groups.append((name, [(f, selectors.source_context(text, f.span_start, f.span_end))
                              for f in found]))
    matched = {f.match.get("organisation_id") for f in fiche.fields.all()
               if f.name in ("partners", "funders") and f.match.get("organisation_id")}
    return {
        "fiche": fiche, "groups": groups,
        "decisions": fiche.decisions.select_related("user", "field")[:50],
        "agencies": Organisation.objects.filter(pk__in=matched).order_by("name"),
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
    text = found.fiche.run.document.text if found.fiche.run.document else ""
    context = {"found": found, "error": error, "fiche": found.fiche,
               "source": selectors.source_context(text, found.span_start, found.span_end)}
    if request.headers.get("HX-Request") == "true":
        return render(request, "ingest/_field.html", context)
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
            agency = Organisation.objects.filter(pk=request.POST.get("agency") or None).first()
            programme = services.apply_fiche(fiche, request.user, agency)
            messages.success(request, _("%(key)s is in the registry, not yet published.")
                             % {"key": programme.key})
        elif action == "publish":
            programme = services.publish_fiche_programme(fiche, request.user)
            messages.success(request, _("%(key)s is published.") % {"key": programme.key})
        else:
            messages.error(request, _("Unknown decision."))
    except ValidationError as problem:
        messages.error(request, _message(problem))
    return redirect(fiche)
