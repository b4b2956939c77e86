"""Admin of the results capability: administrators extend dimensions and categories and the
reference library; editors build their own programmes' results frameworks."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from observatory.accounts.roles import is_administrator
from observatory.registry.selectors import editable_programmes

from .models import Category, Dimension, Indicator, Period, ReferenceIndicator, Result


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 1
    fields = ["code", "name", "name_fr", "order", "active"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # retire a category (active off) so stored values keep their meaning


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "iati_name", "order"]
    inlines = [CategoryInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReferenceIndicator)
class ReferenceIndicatorAdmin(admin.ModelAdmin):
    list_display = ["framework", "code", "name", "unit", "measure"]
    list_filter = ["framework"]
    search_fields = ["code", "name", "name_fr"]
    filter_horizontal = ["dimensions"]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["start", "end", "type"]
    list_filter = ["type"]


class IndicatorInline(admin.StackedInline):
    model = Indicator
    extra = 0
    fields = [("title", "measure", "unit", "ascending"), "description",
              ("baseline_value", "baseline_year", "baseline_comment"), "reference", "dimensions",
              "order"]
    filter_horizontal = ["dimensions"]
    autocomplete_fields = ["reference"]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "type", "order"]
    list_filter = ["type"]
    search_fields = ["title", "programme__key"]
    inlines = [IndicatorInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Result]:
        results = super().get_queryset(request).select_related("programme")
        if is_administrator(request.user):
            return results
        return results.filter(programme__in=editable_programmes(request.user))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "programme":
            kwargs["queryset"] = editable_programmes(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
