"""Beheer in the browser: informatiepagina's, sluitingen, diensten and loket settings of the
beheerder's own regio (RegioAdmin scopes lists, choices and saves)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from werkcentrum.admin_scoping import GedeeldeLijstAdmin, RegioAdmin

from .models import Dienst, Doelgroep, Informatiepagina, LoketInstelling, Sluiting


@admin.register(Doelgroep)
class DoelgroepAdmin(GedeeldeLijstAdmin):
    list_display = ["naam", "code", "volgorde"]


@admin.register(Informatiepagina)
class InformatiepaginaAdmin(RegioAdmin):
    list_display = ["titel", "rubriek", "volgorde", "gepubliceerd", "gewijzigd_op"]
    list_filter = ["rubriek", "gepubliceerd"]
    list_editable = ["volgorde", "gepubliceerd"]
    search_fields = ["titel", "inhoud"]
    prepopulated_fields = {"slug": ["titel"]}

    def get_form(self, request, obj=None, change=False, **kwargs):
        basis = super().get_form(request, obj, change=change, **kwargs)
        regio_id = obj.regio_id if obj else request.user.regio_id

        class Form(basis):
            # regio is not on the form for a regio beheerder, so Django cannot check the
            # (regio, slug) constraint itself: without this a duplicate would be a 500.
            def clean_slug(self) -> str:
                slug = self.cleaned_data["slug"]
                dubbel = Informatiepagina.objects.filter(regio_id=regio_id, slug=slug)
                if regio_id and dubbel.exclude(pk=getattr(obj, "pk", None)).exists():
                    raise ValidationError(_("Deze slug bestaat al in jouw regio."))
                return slug

        return Form


@admin.register(Sluiting)
class SluitingAdmin(RegioAdmin):
    list_display = ["locatie", "datum", "reden"]
    list_filter = ["locatie"]
    date_hierarchy = "datum"
    list_select_related = ["locatie"]


@admin.register(Dienst)
class DienstAdmin(RegioAdmin):
    list_display = ["naam", "organisatie", "reactietermijn_werkdagen", "gepubliceerd", "actief"]
    list_filter = [
        "gepubliceerd",
        "actief",
        "themas",
        ("doelgroepen", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["naam", "omschrijving", "organisatie__naam"]
    list_select_related = ["organisatie"]
    filter_horizontal = ["themas", "doelgroepen", "gemeenten"]


@admin.register(LoketInstelling)
class LoketInstellingAdmin(RegioAdmin):
    list_display = [
        "regio",
        "antwoordtermijn_werkdagen",
        "bewaartermijn_maanden",
        "vragen_per_uur_per_adres",
    ]
