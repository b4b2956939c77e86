"""Display helpers of the results pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format

from observatory.results.models import Indicator, ValueStatus

register = template.Library()


@register.filter
def number(value: float | None) -> str:
    """Whole numbers without decimals, others with at most two; grouped by the locale."""
    if value is None:
        return ""
    if float(value).is_integer():
        return number_format(int(value), use_l10n=True, force_grouping=True)
    return number_format(round(value, 2), decimal_pos=2, use_l10n=True, force_grouping=True)


@register.filter
def progress_of(cell: Any, indicator: Indicator) -> float | None:
    return cell.progress(indicator)


@register.filter
def percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.0f} %"


@register.filter
def bar_width(share: float | None) -> int:
    return 0 if share is None else max(0, min(100, round(share * 100)))


@register.filter
def status_label(status: int) -> str:
    return str(ValueStatus(status).label)
