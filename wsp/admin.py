from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _

from werkcentrum.admin_scoping import GedeeldeLijstAdmin, RegioAdmin, RegioInline
from werkcentrum.bestanden import VeiligeExportMixin

from .models import (
    Activiteit,
    Cluster,
    Contactpersoon,
    Doelstelling,
    NazorgMoment,
    Plaatsing,
    Sector,
    Skill,
    Vacature,
    Vestiging,
    Werkgever,
    Werkgeversverzoek,
    WspDoelgroep,
    WspInstrument,
)
from .regiolijsten import in_gebruik


@admin.register(Cluster)
class ClusterAdmin(GedeeldeLijstAdmin):
    list_display = ["naam", "code", "volgorde"]


@admin.register(Sector)
class SectorAdmin(GedeeldeLijstAdmin):
    list_display = ["naam", "code", "cluster", "is_focussector"]
    list_filter = [("cluster", admin.RelatedOnlyFieldListFilter), "is_focussector"]
    list_select_related = ["cluster", "regio"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    search_fields = ["naam"]


class VestigingInline(RegioInline):
    model = Vestiging
    extra = 0


class ContactpersoonInline(RegioInline):
    model = Contactpersoon
    extra = 0


@admin.register(Werkgever)
class WerkgeverAdmin(VeiligeExportMixin, RegioAdmin):
    list_display = ["naam", "kvk_nummer", "sector", "partnerschap", "accounthouder"]
    search_fields = ["naam", "kvk_nummer"]
    list_filter = ["partnerschap", ("sector__cluster", admin.RelatedOnlyFieldListFilter)]
    inlines = [VestigingInline, ContactpersoonInline]

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"regio": request.user.regio, "user": request.user}

    def get_export_resource_classes(self, request):
        from .resources import WerkgeverExportResource

        return [WerkgeverExportResource]


@admin.register(Werkgeversverzoek)
class WerkgeversverzoekAdmin(RegioAdmin):
    list_display = ["bedrijfsnaam", "ontvangen_op", "toegewezen_aan", "reactietijd"]
    readonly_fields = ["reactietijd", "waarschuwing_op", "escalatie_op"]


@admin.register(Vacature)
class VacatureAdmin(RegioAdmin):
    list_display = ["functie", "werkgever", "status", "sluitingsdatum", "is_openbaar"]
    list_filter = ["status", "is_openbaar"]
    # Status changes follow the rules of the status page (services.vacature_status_wijzigen).
    readonly_fields = ["status"]


class NazorgFormSet(BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Like the plaatsing itself, before validation: a moment's regio is its plaatsing's.
        form.instance.regio_id = self.instance.regio_id
        return form


class NazorgInline(RegioInline):
    model = NazorgMoment
    formset = NazorgFormSet
    exclude = ["regio"]
    extra = 0


@admin.register(Plaatsing)
class PlaatsingAdmin(RegioAdmin):
    list_display = ["kandidaat", "werkgever", "startdatum", "doelgroep"]
    inlines = [NazorgInline]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        # A superuser may move a plaatsing to another regio; its moments move along.
        obj.nazorgmomenten.exclude(regio_id=obj.regio_id).update(regio_id=obj.regio_id)


@admin.register(Doelstelling)
class DoelstellingAdmin(RegioAdmin):
    list_display = ["jaar", "doelgroep", "gemeente", "aantal"]
    list_filter = ["jaar", "doelgroep", ("gemeente", admin.EmptyFieldListFilter)]
    list_select_related = ["gemeente"]


@admin.register(Activiteit)
class ActiviteitAdmin(RegioAdmin):
    list_display = ["naam", "soort", "datum", "aantal"]
    list_filter = ["soort"]


class RegioLijstAdmin(RegioAdmin):
    """A regio's own list (doelgroepen, instrumenten): its beheerder adds, renames, reorders
    and deactivates items. The code is what records store, so it is fixed once saved, and an
    item in use cannot be deleted (deactivate it instead)."""

    list_display = ["naam", "code", "volgorde", "actief"]
    list_editable = ["volgorde", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam", "code"]
    ordering = ["volgorde", "naam"]

    def get_readonly_fields(self, request, obj=None):
        eigen = list(super().get_readonly_fields(request, obj))
        return [*eigen, "code"] if obj is not None else eigen

    def get_deleted_objects(self, objs, request):
        weg, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        gebruikt = [
            _("%(naam)s (code %(code)s): staat nog in gegevens; zet hem op niet actief.")
            % {"naam": o.naam, "code": o.code}
            for o in objs
            if in_gebruik(o)
        ]
        return weg, aantallen, rechten, [*beschermd, *gebruikt]


@admin.register(WspDoelgroep)
class WspDoelgroepAdmin(RegioLijstAdmin):
    pass


@admin.register(WspInstrument)
class WspInstrumentAdmin(RegioLijstAdmin):
    pass
