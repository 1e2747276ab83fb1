"""Admin for the factsheet recipients (and a read-only view of the versions)."""

from django.contrib import admin

from werkcentrum.admin_scoping import RegioAdmin

from ..factsheet_models import Factsheet, FactsheetOntvanger


@admin.register(FactsheetOntvanger)
class FactsheetOntvangerAdmin(RegioAdmin):
    list_display = ["naam", "email", "gemeente"]
    search_fields = ["naam", "email"]


@admin.register(Factsheet)
class FactsheetAdmin(RegioAdmin):
    list_display = ["periode", "gemeente", "versie", "gemaakt_op", "gepubliceerd"]
    list_filter = ["periode", "gepubliceerd"]
    readonly_fields = ["cijfers", "versie", "periode", "gemeente", "gemaakt_op", "aanleiding"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
