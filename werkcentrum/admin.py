from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import audit, regiodefinitie
from .admin_scoping import RegioAdmin, RegioInline
from .api_tokens import api_token_intrekken, api_token_uitgeven, mag_tokens_uitgeven
from .bestanden import VeiligeExportMixin
from .forms import run_service
from .models import (
    ApiToken,
    Arbeidsmarktregio,
    AuditEvent,
    Gemeente,
    Hartslag,
    Locatie,
    Medewerker,
    Openingstijd,
    Organisatie,
    Websitegegevens,
)
from .resources import GemeenteResource, LocatieResource, OrganisatieResource
from .rollen import ROLLEN
from .site import site_url
from .tenancy import scope, ziet_alle_regios


@admin.register(Arbeidsmarktregio)
class ArbeidsmarktregioAdmin(RegioAdmin):
    list_display = ["naam", "code", "hostnaam", "adres_in_mails"]
    search_fields = ["naam", "code"]
    fieldsets = [
        (None, {"fields": ["code", "naam", "hostnaam", "modules"]}),
        (
            _("Huisstijl"),
            {
                "fields": ["huisstijl_kleur", "huisstijl_logo", "huisstijl_logo_alt"],
                "description": _(
                    "Kleur en logo gelden voor de publieke website, het portaal van de "
                    "medewerkers, de e-mails en de PDF's van deze regio."
                ),
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        veld = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "huisstijl_logo" and veld is not None:
            # Only a hint for the file picker: the server checks the content (huisstijl.py).
            veld.widget.attrs["accept"] = "image/png,image/jpeg,image/webp"
        return veld

    def save_model(self, request, obj, form, change) -> None:
        oud = form.initial.get("huisstijl_logo")
        super().save_model(request, obj, form, change)
        if not change:
            # A regio made here gets the national lists, as one from a definition file.
            regiodefinitie.standaarden_geven(obj)
        oude_naam = getattr(oud, "name", "") or ""
        if oude_naam and oude_naam != obj.huisstijl_logo.name:
            # A replaced or removed logo leaves no orphan file behind, once the change stands.
            transaction.on_commit(lambda: default_storage.delete(oude_naam))

    @admin.display(description=_("adres in mails"))
    def adres_in_mails(self, obj: Arbeidsmarktregio) -> str:
        # A host name not in ALLOWED_HOSTS is not served: mails then use SITE_URL.
        return site_url(obj)

    def get_readonly_fields(self, request, obj=None):
        # The host name decides which regio a public address shows and where mail links
        # go; it goes together with the server's ALLOWED_HOSTS and DNS, so only the
        # platform's own beheer sets it, not a regio's beheerder.
        eigen = list(super().get_readonly_fields(request, obj))
        return eigen if ziet_alle_regios(request.user) else [*eigen, "hostnaam"]

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
    list_filter = ["is_active", "serviceaccount", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    list_select_related = ["regio", "organisatie"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Persoon"), {"fields": ["first_name", "last_name"]}),
        (_("Werk"), {"fields": ["regio", "organisatie", "groups"]}),
        (_("Toegang"), {"fields": ["is_active", "serviceaccount", "is_staff", "is_superuser"]}),
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
        if obj.serviceaccount:
            obj.set_unusable_password()  # a service account never logs in with a password
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


class ApiTokenUitgevenForm(forms.ModelForm):
    """Issue a token: the service account, a name, the scope and the validity in days."""

    geldig_dagen = forms.IntegerField(
        label=_("geldig (dagen)"),
        min_value=1,
        initial=90,
        help_text=_("Daarna werkt het niet meer."),
    )
    apps = forms.MultipleChoiceField(
        label=_("onderdelen"),
        choices=ApiToken.Apps.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: alle onderdelen."),
    )

    class Meta:
        model = ApiToken
        fields = ["serviceaccount", "naam", "alleen_lezen", "apps"]


@admin.register(ApiToken)
class ApiTokenAdmin(RegioAdmin):
    """Listed and revoked by the regio's beheerder; issued here with the plaintext shown
    once. Nothing of a token can be changed: revoke it and issue a new one."""

    list_display = [
        "naam",
        "serviceaccount",
        "alleen_lezen",
        "apps",
        "geldig_tot",
        "ingetrokken_op",
        "aangemaakt_door",
    ]
    list_filter = ["alleen_lezen", "ingetrokken_op"]
    list_select_related = ["serviceaccount", "aangemaakt_door"]
    actions = ["intrekken"]
    form = ApiTokenUitgevenForm

    def _beheerder(self, request) -> bool:
        return mag_tokens_uitgeven(request.user)

    def has_module_permission(self, request):
        return self._beheerder(request)

    def has_view_permission(self, request, obj=None):
        return self._beheerder(request)

    def has_add_permission(self, request):
        return self._beheerder(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "serviceaccount":
            formfield.queryset = formfield.queryset.filter(serviceaccount=True, is_active=True)
        return formfield

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ApiTokenUitgevenForm(request.POST or None)
        form.fields["serviceaccount"].queryset = scope(
            Medewerker.objects.filter(serviceaccount=True, is_active=True), request.user
        )
        if request.method == "POST" and form.is_valid():
            uitgegeven = run_service(
                form,
                lambda: api_token_uitgeven(
                    door=request.user,
                    **{k: form.cleaned_data[k] for k in ApiTokenUitgevenForm.base_fields},
                ),
            )
            if uitgegeven:
                record, tekst = uitgegeven
                # Rendered, not redirected: the plaintext must not pass through a message
                # cookie or the session. It is never shown again.
                context = {**self.admin_site.each_context(request), "record": record}
                context.update({"tekst": tekst, "opts": self.model._meta, "title": record.naam})
                return TemplateResponse(
                    request, "admin/werkcentrum/apitoken/uitgegeven.html", context
                )
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "opts": self.model._meta,
            "title": _("API-token uitgeven"),
        }
        return TemplateResponse(
            request,
            "admin/werkcentrum/apitoken/uitgeven.html",
            context,
            status=400 if form.errors else 200,
        )

    @admin.action(description=_("Geselecteerde tokens intrekken"))
    def intrekken(self, request, queryset):
        for record in queryset:
            api_token_intrekken(api_token=record, door=request.user)
        self.message_user(request, _("%(n)s token(s) ingetrokken.") % {"n": queryset.count()})


@admin.register(Websitegegevens)
class WebsitegegevensAdmin(RegioAdmin):
    """Footer contact data and the two statements of the regio's public site."""

    list_display = ["regio", "telefoon", "email", "gewijzigd_op"]
    fields = ["telefoon", "email", "adres", "privacyverklaring", "toegankelijkheidsverklaring"]

    def has_add_permission(self, request):
        # One row per regio: a regio beheerder adds it once, then changes it.
        if not super().has_add_permission(request):
            return False
        if ziet_alle_regios(request.user):
            return True
        return not Websitegegevens.objects.filter(regio_id=request.user.regio_id).exists()

    def get_fields(self, request, obj=None):
        velden = list(self.fields)
        if ziet_alle_regios(request.user) and obj is None:
            velden.insert(0, "regio")
        return velden
