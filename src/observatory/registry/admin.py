"""The admin for editors: each editor sees and changes their own organisation's programmes."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from observatory.accounts.roles import is_administrator, user_organisation_id

from . import services
from .models import (
    FieldSource,
    Funding,
    Organisation,
    Participation,
    Place,
    Programme,
    ProgrammePlace,
    SdgTarget,
    SourceDocument,
    TargetGroup,
    Theme,
    WebLink,
)
from .selectors import can_edit_programme, editable_programmes


class FundingInline(admin.TabularInline):
    model = Funding
    extra = 0
    autocomplete_fields = ["organisation"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation"]


class ProgrammePlaceInline(admin.TabularInline):
    model = ProgrammePlace
    extra = 0
    autocomplete_fields = ["place"]


class WebLinkInline(admin.TabularInline):
    model = WebLink
    extra = 0


class FieldSourceInline(admin.TabularInline):
    model = FieldSource
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "implementing_agency", "status", "start_date", "published"]
    list_filter = ["published", "status", "themes"]
    search_fields = ["key", "title", "search_text"]
    autocomplete_fields = ["implementing_agency"]
    filter_horizontal = ["themes", "target_groups", "sdg_targets"]
    prepopulated_fields = {"slug": ["key"]}
    inlines = [FundingInline, ParticipationInline, ProgrammePlaceInline, WebLinkInline,
               FieldSourceInline]
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected programmes"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Programme]) -> None:
        for programme in queryset:
            services.set_published(programme, True)
        self.message_user(request, gettext("%(count)d programmes published.") % {
            "count": queryset.count()})

    @admin.action(description=_("Withdraw the selected programmes from publication"))
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Programme]) -> None:
        for programme in queryset:
            services.set_published(programme, False)
        self.message_user(request, gettext("%(count)d programmes withdrawn.") % {
            "count": queryset.count()})

    def get_queryset(self, request: HttpRequest) -> QuerySet[Programme]:
        return editable_programmes(request.user).select_related("implementing_agency")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_edit_programme(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_edit_programme(request.user, obj))

    def save_model(self, request: HttpRequest, obj: Programme, form: Any, change: bool) -> None:
        if not change and not is_administrator(request.user) and obj.implementing_agency is None:
            organisation_id = user_organisation_id(request.user)
            obj.implementing_agency_id = organisation_id
        services.save_programme(obj)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.refresh_search_text(form.instance)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "org_type", "country", "is_diaspora"]
    list_filter = ["org_type", "is_diaspora"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["acronym"]}

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if obj is None or is_administrator(request.user):
            return allowed
        return allowed and obj.pk == user_organisation_id(request.user)

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool
                   ) -> None:
        services.save_organisation(obj)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "level", "code", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "name_fr", "code"]
    autocomplete_fields = ["parent"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if obj is None or is_administrator(request.user):
            return allowed
        return allowed and not obj.code  # ISO places are reference data


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "kind", "order"]
    list_filter = ["kind"]


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "order"]


@admin.register(SdgTarget)
class SdgTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "filename"]
    search_fields = ["title", "publisher"]
