from django.contrib import admin

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation"]
    autocomplete_fields = ["organisation"]
    search_fields = ["user__username", "organisation__name"]
