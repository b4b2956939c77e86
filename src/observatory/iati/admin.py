from django.contrib import admin

from .models import ProgrammeSector


@admin.register(ProgrammeSector)
class ProgrammeSectorAdmin(admin.ModelAdmin):
    list_display = ["programme", "vocabulary", "code", "percentage", "narrative"]
    list_filter = ["vocabulary"]
    search_fields = ["programme__key", "code", "narrative"]
    autocomplete_fields = ["programme"]
