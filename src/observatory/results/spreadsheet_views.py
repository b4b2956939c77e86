"""CSV and XLSX templates of a programme's values for a period, and their upload."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from observatory.accounts.roles import is_administrator, user_organisation_id
from observatory.registry.models import Programme
from observatory.registry.selectors import programme_for
from observatory.registry.services import involving

from . import services, spreadsheets
from .models import Period
from .validation import WARNING

MAX_SHOWN = 200  # errors listed on the page; the count says how many more


def _programme(request: HttpRequest, slug: str) -> Programme:
    programme = programme_for(request.user, slug)
    if programme is None:
        raise Http404
    return programme


def _sees_drafts(user: Any, programme: Programme) -> bool:
    """As the API: the organisations involved see values before approval, others only targets
    and approved actual values."""
    if is_administrator(user):
        return True
    organisation_id = user_organisation_id(user)
    return organisation_id is not None and Programme.objects.filter(
        involving(organisation_id), pk=programme.pk).exists()


def template(request: HttpRequest, slug: str, period_id: int, fmt: str) -> HttpResponse:
    programme = _programme(request, slug)
    period = get_object_or_404(Period, pk=period_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    sheet = spreadsheets.build_template(programme, period,
                                        drafts=_sees_drafts(request.user, programme))
    if fmt == "csv":
        response = HttpResponse(spreadsheets.write_csv(sheet), content_type=spreadsheets.CSV_TYPE)
    else:
        response = HttpResponse(spreadsheets.write_xlsx(sheet),
                                content_type=spreadsheets.XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        True, spreadsheets.filename(programme, period, fmt))
    return response


def _store(request: HttpRequest, programme: Programme, period: Period) -> dict[str, Any]:
    upload = request.FILES.get("file")
    if upload is None:
        return {"refused": spreadsheets.UploadRefused(
            _("No file was chosen."), _("choose the filled template, then upload it."))}
    try:
        spreadsheets.check_size(upload.name or "", upload.size or 0)
        table = spreadsheets.read_table(upload.name or "", upload.read())
        parsed = spreadsheets.read_values(programme, period, table)
    except spreadsheets.UploadRefused as refused:
        return {"refused": refused}
    errors = spreadsheets.row_errors(parsed)
    report = services.SaveReport()
    if not errors and parsed.items:
        try:
            report = services.save_values(parsed.items, request.user, strict=True)
        except services.ValuesRefused as refused:
            errors = spreadsheets.attach_rows(refused.violations, parsed.items)
    if errors:
        return {"errors": errors[:MAX_SHOWN], "more_errors": max(0, len(errors) - MAX_SHOWN),
                "error_count": len(errors)}
    report.unchanged += parsed.unchanged
    warnings = spreadsheets.attach_rows(
        [v for v in report.violations if v.severity == WARNING], parsed.items)
    return {"report": report, "warnings": warnings, "filename": upload.name}


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str, period_id: int) -> HttpResponse:
    programme = _programme(request, slug)
    if not services.can_enter(request.user, programme):
        raise PermissionDenied
    period = get_object_or_404(Period, pk=period_id)
    context: dict[str, Any] = {
        "programme": programme, "period": period,
        "limit_mb": spreadsheets.MAX_BYTES // (1024 * 1024), "max_rows": spreadsheets.MAX_ROWS,
    }
    if request.method == "POST":
        context.update(_store(request, programme, period))
    return render(request, "results/upload.html", context)
