from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from observatory.registry.selectors import can_edit_programme, editable_programmes

from . import services
from .models import Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["programme", "kind", "text"]
    list_filter = ["kind", "themes"]
    search_fields = ["text", "programme__key"]
    autocomplete_fields = ["programme"]
    filter_horizontal = ["themes"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        programmes = editable_programmes(request.user).values("pk")
        return super().get_queryset(request).filter(programme__in=programmes)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_edit_programme(request.user, obj.programme))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "programme":
            kwargs["queryset"] = editable_programmes(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Statement, form: Any, change: bool) -> None:
        services.save_statement(obj)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.refresh_statement_search_text(form.instance)
