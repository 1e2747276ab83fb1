"""Admin of the reserve (platform beheer). The grootboek is read-only here: bookings go
through the services (the financieel beheerder's pages or the API), never through admin."""

from django.contrib import admin

from werkcentrum.admin_scoping import RegioAdmin

from .models import Begrotingspost, Begrotingsregel, Geldstroom, Mutatie, Signaal


@admin.register(Geldstroom)
class GeldstroomAdmin(RegioAdmin):
    list_display = ["naam", "bron", "regeling", "einddatum", "actief"]
    list_filter = ["bron", "actief"]
    search_fields = ["naam", "regeling"]


@admin.register(Begrotingspost)
class BegrotingspostAdmin(RegioAdmin):
    list_display = ["code", "naam", "actief"]
    search_fields = ["code", "naam"]


@admin.register(Begrotingsregel)
class BegrotingsregelAdmin(RegioAdmin):
    list_display = ["jaar", "begrotingspost", "begroot"]
    list_filter = ["jaar"]


class AlleenLezen(RegioAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Mutatie)
class MutatieAdmin(AlleenLezen):
    list_display = ["datum", "soort", "rubriek", "bedrag", "geldstroom", "besluit", "omschrijving"]
    list_filter = ["soort", "rubriek"]
    list_select_related = ["geldstroom", "besluit"]
    search_fields = ["omschrijving", "kenmerk"]
    date_hierarchy = "datum"


@admin.register(Signaal)
class SignaalAdmin(AlleenLezen):
    list_display = ["aangemaakt_op", "soort", "bericht"]
    list_filter = ["soort"]
