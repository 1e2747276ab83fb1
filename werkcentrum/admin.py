from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from . import audit
from .admin_scoping import RegioAdmin, RegioInline
from .bestanden import VeiligeExportMixin
from .models import (
    Arbeidsmarktregio,
    AuditEvent,
    Gemeente,
    Hartslag,
    Locatie,
    Medewerker,
    Openingstijd,
    Organisatie,
)
from .resources import GemeenteResource, LocatieResource, OrganisatieResource
from .rollen import ROLLEN
from .tenancy import ziet_alle_regios


@admin.register(Arbeidsmarktregio)
class ArbeidsmarktregioAdmin(RegioAdmin):
    list_display = ["naam", "code", "hostnaam"]
    search_fields = ["naam", "code"]

    def has_add_permission(self, request):
        return ziet_alle_regios(request.user)

    def has_delete_permission(self, request, obj=None):
        return ziet_alle_regios(request.user)


@admin.register(Gemeente)
class GemeenteAdmin(VeiligeExportMixin, RegioAdmin):
    resource_classes = [GemeenteResource]
    list_display = ["naam", "cbs_code", "subregio", "is_centrumgemeente", "regio"]
    list_filter = ["subregio", "is_centrumgemeente"]
    search_fields = ["naam", "cbs_code"]
    list_select_related = ["regio"]


@admin.register(Organisatie)
class OrganisatieAdmin(VeiligeExportMixin, RegioAdmin):
    resource_classes = [OrganisatieResource]
    list_display = ["naam", "type", "gemeente", "actief", "regio"]
    list_filter = ["type", "actief"]
    search_fields = ["naam"]
    list_select_related = ["regio", "gemeente"]


class OpeningstijdInline(RegioInline):
    model = Openingstijd
    extra = 1


@admin.register(Locatie)
class LocatieAdmin(VeiligeExportMixin, RegioAdmin):
    resource_classes = [LocatieResource]
    list_display = ["naam", "gemeente", "plaats", "actief"]
    list_filter = ["actief", "gemeente"]
    search_fields = ["naam", "straat", "plaats"]
    list_select_related = ["gemeente"]
    inlines = [OpeningstijdInline]


@admin.register(Medewerker)
class MedewerkerAdmin(RegioAdmin, UserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organisatie", "is_active", "regio"]
    list_filter = ["is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    list_select_related = ["regio", "organisatie"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Persoon"), {"fields": ["first_name", "last_name"]}),
        (_("Werk"), {"fields": ["regio", "organisatie", "groups"]}),
        (_("Toegang"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Datums"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "fields": [
                    "email",
                    "first_name",
                    "last_name",
                    "regio",
                    "organisatie",
                    "groups",
                    "password1",
                    "password2",
                ]
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["groups"]

    def get_fieldsets(self, request, obj=None):
        sets = super().get_fieldsets(request, obj)
        if ziet_alle_regios(request.user):
            return sets
        # A regio beheerder neither moves people between regio's nor makes superusers.
        hidden = {"regio", "is_superuser"}
        return [(n, {**o, "fields": [f for f in o["fields"] if f not in hidden]}) for n, o in sets]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = Group.objects.filter(name__in=ROLLEN).order_by("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change:
            audit.medewerker_gewijzigd(obj, user=request.user, velden=list(form.changed_data))


@admin.register(AuditEvent)
class AuditEventAdmin(RegioAdmin):
    list_display = ["tijdstip", "gebruiker", "actie", "event", "content_type", "object_id", "doel"]
    list_filter = ["actie", "event"]
    search_fields = ["gebruiker__email", "object_id", "doel"]
    date_hierarchy = "tijdstip"
    list_select_related = ["gebruiker", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Hartslag)
class HartslagAdmin(admin.ModelAdmin):
    list_display = ["naam", "laatst", "aantal"]

    def has_module_permission(self, request):
        return ziet_alle_regios(request.user)

    def has_view_permission(self, request, obj=None):
        return ziet_alle_regios(request.user)
