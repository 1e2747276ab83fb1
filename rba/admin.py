"""Admin of rba: a read-mostly view for the platform. Day-to-day work happens in the
secretariaat's pages, which go through the services (numbering, immutability)."""

from django.contrib import admin

from werkcentrum.admin_scoping import RegioAdmin, RegioInline
from werkcentrum.bestanden import VeiligeExportMixin

from .models import AgendaRegel, Besluit, Lid, Onderwerp, Overlegorgaan, Pijler, StrategischeAgenda


class LidInline(RegioInline):
    model = Lid
    extra = 0
    fields = ["naam", "email", "functie", "organisatie", "rol", "van", "tot"]


@admin.register(Overlegorgaan)
class OverlegorgaanAdmin(RegioAdmin):
    list_display = ["naam", "afkorting", "actief"]
    inlines = [LidInline]


@admin.register(Onderwerp)
class OnderwerpAdmin(RegioAdmin):
    list_display = ["titel", "actief"]
    search_fields = ["titel"]


@admin.register(Besluit)
class BesluitAdmin(VeiligeExportMixin, RegioAdmin):
    """Read-only: besluiten are numbered and taken through rba.services only."""

    list_display = ["nummer", "datum", "titel", "orgaan", "type", "status", "openbaar"]
    list_filter = ["type", "status", "openbaar"]
    search_fields = ["nummer", "titel"]
    date_hierarchy = "datum"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PijlerInline(RegioInline):
    model = Pijler
    extra = 0


@admin.register(StrategischeAgenda)
class StrategischeAgendaAdmin(RegioAdmin):
    list_display = ["titel", "startjaar", "eindjaar"]
    inlines = [PijlerInline]


@admin.register(AgendaRegel)
class AgendaRegelAdmin(VeiligeExportMixin, RegioAdmin):
    list_display = ["thema", "pijler", "status", "trekkers"]
    list_filter = ["status", "pijler"]
    search_fields = ["thema", "actie", "trekkers"]
