"""Pages of the results capability: programme summary, entry grid, workflow, reference totals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from observatory.registry.models import Place, Programme
from observatory.registry.selectors import programme_for, visible_programmes

from . import selectors, services
from .disaggregations import parse_key
from .grid import build_grid
from .models import DataValue, Indicator, Period, PeriodType, ReferenceIndicator, ValueKind
from .validation import ValueInput, Violation

KINDS = {"actual": ValueKind.ACTUAL, "target": ValueKind.TARGET}


def _programme(request: HttpRequest, slug: str) -> Programme:
    programme = programme_for(request.user, slug)
    if programme is None:
        raise Http404
    return programme


def _chart_spec(indicator_progress: Any) -> dict[str, Any] | None:
    """A Vega-Lite line chart of targets and approved actuals over the periods."""
    data = []
    for cell in indicator_progress.periods:
        for series, number in ((_("Target"), cell.target), (_("Actual"), cell.actual)):
            if number is not None:
                data.append({"period": cell.period.start.isoformat(), "label": cell.period.label,
                             "series": series, "value": number})
    if len(data) < 2:
        return None
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container", "height": 160, "data": {"values": data},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "label", "type": "ordinal", "sort": {"field": "period"},
                  "title": None, "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": indicator_progress
                  .indicator.unit or None},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "scale": {"domain": [_("Target"), _("Actual")],
                                "range": ["#9aa5a0", "#0b6e4f"]}},
            "tooltip": [{"field": "label", "title": _("Period")},
                        {"field": "series", "title": " "},
                        {"field": "value", "title": _("Value")}],
        },
    }


def summary(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    periods = selectors.programme_periods(programme)
    framework = selectors.progress(programme, periods)
    charts = {}
    for _result, indicators in framework:
        for item in indicators:
            spec = _chart_spec(item)
            if spec is not None:
                charts[f"chart-{item.indicator.pk}"] = spec
    status_counts = selectors.period_status(programme)
    return render(request, "results/summary.html", {
        "programme": programme,
        "framework": framework,
        "periods": [(p, status_counts.get(p.pk, {})) for p in periods],
        "charts": charts,
        "history": selectors.review_history(programme)[:20],
        "can_enter": services.can_enter(request.user, programme),
        "can_approve": services.can_approve(request.user, programme),
        "period_types": [(PeriodType.YEAR, _("Year")), (PeriodType.QUARTER, _("Quarter")),
                         (PeriodType.MONTH, _("Month"))],
        "today": dt.date.today().isoformat(),
    })


@login_required
@require_POST
def open_period(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme(request, slug)
    if not services.can_enter(request.user, programme):
        raise PermissionDenied
    try:
        day = dt.date.fromisoformat(request.POST.get("day", ""))
        period = services.period_for(day, request.POST.get("type", PeriodType.YEAR))
    except ValueError:
        messages.error(request, _("Give a date (YYYY-MM-DD) and a period type."))
        return redirect("results:summary", slug=slug)
    return redirect("results:entry", slug=slug, period_id=period.pk)


def _entry_places(programme: Programme, period: Period) -> list[Place]:
    places = [pp.place for pp in programme.programme_places.select_related("place")]
    used = DataValue.objects.filter(indicator__result__programme=programme,
                                    period=period).values("place_id")
    places += [p for p in Place.objects.filter(pk__in=used) if p not in places]
    return places


def _entry_context(request: HttpRequest, slug: str, period_id: int) -> dict[str, Any]:
    programme = _programme(request, slug)
    if not services.can_enter(request.user, programme):
        raise PermissionDenied
    period = get_object_or_404(Period, pk=period_id)
    places = _entry_places(programme, period)
    if not places:
        raise Http404(_("The programme has no place to report for."))
    chosen = request.GET.get("place") or request.POST.get("place")
    place = next((p for p in places if str(p.pk) == chosen), places[0])
    kind_name = request.GET.get("kind") or request.POST.get("kind") or "actual"
    return {"programme": programme, "period": period, "places": places, "place": place,
            "kind_name": kind_name if kind_name in KINDS else "actual",
            "kind": KINDS.get(kind_name, ValueKind.ACTUAL)}


@login_required
def entry(request: HttpRequest, slug: str, period_id: int) -> HttpResponse:
    context = _entry_context(request, slug, period_id)
    indicators = [i for result in selectors.framework(context["programme"])
                  for i in result.indicators.all()]
    context["grids"] = [build_grid(i, context["period"], context["place"], context["kind"])
                        for i in indicators]
    context["period_errors"] = services.period_errors(context["programme"], context["period"])
    return render(request, "results/entry.html", context)


def _number(text: str) -> float:
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


@login_required
@require_POST
def save_cell(request: HttpRequest, slug: str, period_id: int, indicator_id: int) -> HttpResponse:
    """Save what changed in one indicator's grid (htmx posts the whole grid form on change) and
    return the grid again, with its derived totals and violations."""
    context = _entry_context(request, slug, period_id)
    indicator = get_object_or_404(Indicator.objects.select_related("result__programme"),
                                  pk=indicator_id, result__programme=context["programme"])
    period, place, kind = context["period"], context["place"], context["kind"]
    stored = selectors.group_values(indicator, period, place, kind)
    source = request.POST.get("source", "").strip()
    items, problems = [], []
    for name, text in request.POST.items():
        if not name.startswith("cell:"):
            continue
        key = name[len("cell:"):]
        current = stored.get(key)
        shown = "" if current is None or current.value is None else f"{current.value:g}"
        if text.strip() == shown:
            continue  # untouched (derived totals come back as they were shown)
        if not text.strip() and (current is None or current.derived):
            continue
        try:
            number = _number(text) if text.strip() else None
        except ValueError:
            problems.append(Violation("error", "number", indicator.title,
                                      _("“%(text)s” is not a number.") % {"text": text},
                                      _("type digits only, e.g. 1250 or 12.5.")))
            continue
        items.append(ValueInput(indicator, period, place, parse_key(key), kind, number,
                                comment=current.comment if current else "",
                                source=source or (current.source if current else "")))
    if "narrative" in request.POST and indicator.is_qualitative:
        current = stored.get("")
        if request.POST["narrative"].strip() != (current.narrative if current else "").strip():
            items.append(ValueInput(indicator, period, place, {}, kind, None,
                                    request.POST["narrative"].strip(), source=source))
    violations = problems
    if items:
        report = services.save_values(items, request.user, strict=False)
        violations += report.violations
    grid = build_grid(indicator, period, place, kind)
    # The grid checks sums and outliers itself, on what is stored now.
    grid.violations = [v for v in violations if v.rule not in ("sum", "outlier")] + \
        grid.violations
    return render(request, "results/_grid.html", {**context, "grid": grid, "saved": bool(items)})


@login_required
@require_POST
def workflow(request: HttpRequest, slug: str, period_id: int) -> HttpResponse:
    programme = _programme(request, slug)
    period = get_object_or_404(Period, pk=period_id)
    action = request.POST.get("action", "")
    comment = request.POST.get("comment", "")
    steps = {
        "submit": lambda: services.submit_period(programme, period, request.user),
        "approve": lambda: services.approve_period(programme, period, request.user, comment),
        "return": lambda: services.return_period(programme, period, request.user, comment),
    }
    if action not in steps:
        raise Http404
    try:
        event = steps[action]()
    except services.ValuesRefused as refused:
        refusals = {"submit": _("%(period)s was not submitted:"),
                    "approve": _("%(period)s was not approved:"),
                    "return": _("%(period)s was not returned:")}
        messages.error(request, refusals[action] % {"period": period.label})
        for violation in refused.violations[:10]:
            messages.error(request, str(violation))
    else:
        messages.success(request, _("%(period)s: %(action)s (%(n)s values).") % {
            "period": period.label, "action": event.get_action_display(), "n": event.values})
    return redirect(reverse("results:summary", args=[slug]) + f"#period-{period.pk}")


def reference_list(request: HttpRequest) -> HttpResponse:
    visible = visible_programmes(request.user)
    references = []
    for reference in ReferenceIndicator.objects.prefetch_related("dimensions"):
        linked = Indicator.objects.filter(reference=reference, result__programme__in=visible)
        references.append((reference, linked.values("result__programme").distinct().count()))
    return render(request, "results/reference_list.html", {"references": references})


def reference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    reference = get_object_or_404(ReferenceIndicator, pk=pk)
    visible = visible_programmes(request.user)
    indicators = list(Indicator.objects.filter(reference=reference, result__programme__in=visible)
                      .select_related("result__programme"))
    ids = [i.pk for i in indicators]
    by_country = selectors.totals(selectors.TotalsQuery(ids))
    dimension = request.GET.get("by", "")
    dims = [d.code for d in reference.dimensions.all()]
    split = (selectors.totals(selectors.TotalsQuery(ids, dimensions=(dimension,)))
             if dimension in dims else {})
    countries = {p.pk: p for p in Place.objects.filter(pk__in={k[0] for k in by_country})}
    years = sorted({k[1] for k in by_country})
    table = [(countries[c], [by_country.get((c, y)) for y in years])
             for c in sorted({k[0] for k in by_country}, key=lambda pk: countries[pk].name)]
    split_rows = sorted(((countries.get(k[0]) or Place.objects.get(pk=k[0]), k[1], k[2], v)
                         for k, v in split.items()), key=lambda r: (r[0].name, r[1], r[2]))
    chart = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json", "width": "container",
        "height": 200, "mark": "bar",
        "data": {"values": [{"country": countries[c].label, "year": str(y), "value": v}
                            for (c, y), v in by_country.items()]},
        "encoding": {"x": {"field": "year", "type": "ordinal", "title": None},
                     "y": {"field": "value", "type": "quantitative", "aggregate": "sum",
                           "title": reference.unit},
                     "color": {"field": "country", "type": "nominal", "title": None}},
    } if by_country else None
    return render(request, "results/reference_detail.html", {
        "reference": reference, "indicators": indicators, "years": years, "table": table,
        "dimension": dimension, "dims": reference.dimensions.all(), "split_rows": split_rows,
        "chart": chart,
    })
