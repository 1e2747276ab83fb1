"""Regio scoping for the Django admin; every app's ModelAdmin inherits `RegioAdmin` (which also
logs personal data shown there: admin_persoonsgegevens)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .admin_persoonsgegevens import PersoonsgegevensAdmin
from .gedeelde_lijsten import in_gebruik, keuzes_voor
from .tenancy import is_regio_model, regio_gedeeld, scope, ziet_alle_regios


class RegioAdmin(PersoonsgegevensAdmin):
    """Lists, detail pages, choices in foreign-key fields and exports show the user's regio
    only; a regio beheerder's new objects land in their own regio."""

    # Websites typed without a scheme are https these days (Django 6's default too).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if is_regio_model(related):
            kwargs["queryset"] = scope(related._default_manager.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        related = db_field.related_model
        if is_regio_model(related):
            kwargs["queryset"] = scope(related._default_manager.all(), request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if not ziet_alle_regios(request.user) and "regio" in self._field_names():
            exclude.append("regio")
        return exclude

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if ziet_alle_regios(request.user) or "regio" not in self._field_names():
            return form
        regio = request.user.regio

        class InEigenRegio(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                # Before validation, so the model's clean() sees the regio it will get.
                self.instance.regio = regio
                _gedeelde_lijsten_in_regio(self, regio)

        InEigenRegio.__name__ = form.__name__
        return InEigenRegio

    def save_model(self, request, obj, form, change) -> None:
        if not ziet_alle_regios(request.user) and "regio" in self._field_names():
            obj.regio = request.user.regio
        super().save_model(request, obj, form, change)

    def _field_names(self) -> set[str]:
        return {f.name for f in self.model._meta.get_fields()}


class RegioInline(admin.TabularInline):
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if is_regio_model(related):
            kwargs["queryset"] = scope(related._default_manager.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _gedeelde_lijsten_in_regio(form, regio) -> None:
    """A relation to a shared list (sectoren, loket doelgroepen) offers what the regio's own
    forms offer: national items it did not hide and its own, plus the record's current ones."""
    instance = form.instance
    for naam, veld in form.fields.items():
        model = getattr(getattr(veld, "queryset", None), "model", None)
        if model is None or not regio_gedeeld(model):
            continue
        try:
            modelveld = instance._meta.get_field(naam)
        except FieldDoesNotExist:
            continue  # a form-only field: not a record's relation
        if modelveld.many_to_many:
            huidig = getattr(instance, naam).all() if instance.pk else ()
        else:
            huidig = [getattr(instance, modelveld.attname)]
        veld.queryset = veld.queryset & keuzes_voor(model, regio, ook=huidig)


class GedeeldeLijstAdmin(RegioAdmin):
    """A shared list (werkcentrum.gedeelde_lijsten: sectoren, clusters, loket doelgroepen).

    A regio beheerder sees the national items (read only) and their own regio's (editable),
    adds own items (in their own regio, as RegioAdmin does), and hides or shows national items
    for their regio with the two actions; never for another regio. The platform account sees
    and edits everything. An item still in use cannot be deleted (a Dutch message, no 500)."""

    search_fields = ["naam", "code"]
    actions = ["verbergen_in_mijn_regio", "tonen_in_mijn_regio"]

    def get_list_display(self, request):
        # Right after the name: on a tablet the last columns scroll out of view, and whether an
        # item is used in the regio is what the beheerder comes here for.
        eerste, *rest = super().get_list_display(request)
        return [eerste, "in_mijn_regio", "herkomst", *rest]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("regio")
        regio_id = getattr(request.user, "regio_id", None)
        through = self.model.verborgen_in.through
        kolom = f"{self.model._meta.model_name}_id"
        return qs.annotate(
            _verborgen=models.Exists(
                through.objects.filter(
                    arbeidsmarktregio_id=regio_id, **{kolom: models.OuterRef("pk")}
                )
            )
        )

    @admin.display(description=gettext_lazy("lijst"))
    def herkomst(self, obj) -> str:
        return _("landelijk") if obj.regio_id is None else str(obj.regio)

    @admin.display(description=gettext_lazy("in mijn regio"), boolean=True)
    def in_mijn_regio(self, obj) -> bool:
        return not getattr(obj, "_verborgen", False)

    def _landelijk_en_niet_platform(self, request, obj) -> bool:
        return obj is not None and obj.regio_id is None and not ziet_alle_regios(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        if self._landelijk_en_niet_platform(request, obj):
            return False  # the national list is the same for every regio
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if self._landelijk_en_niet_platform(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._landelijk_en_niet_platform(request, obj):
            # Viewed read only: RegioAdmin's form would give the national item the user's
            # regio in memory, and the page would then take it for an own item.
            return super(RegioAdmin, self).get_form(request, obj, change=change, **kwargs)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if not ziet_alle_regios(request.user):
            exclude.append("verborgen_in")  # the actions hide for the own regio only
        return exclude

    def get_readonly_fields(self, request, obj=None):
        eigen = list(super().get_readonly_fields(request, obj))
        # The code is what exports and the definition file name it by.
        return [*eigen, "code"] if obj is not None else eigen

    def get_deleted_objects(self, objs, request):
        weg, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        gebruikt = [
            _("%(naam)s (code %(code)s): staat nog in gegevens; verwijderen kan niet.")
            % {"naam": o.naam, "code": o.code}
            for o in objs
            if in_gebruik(o)
        ]
        if gebruikt:
            # Blocked anyway: say why (in use), not which delete rights the user lacks.
            return weg, aantallen, set(), [*gebruikt, *beschermd]
        return weg, aantallen, rechten, beschermd

    def _verbergen(self, request, queryset, *, verbergen: bool) -> None:
        regio = getattr(request.user, "regio", None)
        if regio is None:
            self.message_user(
                request,
                _("Verbergen en weer tonen doet een beheerder voor de eigen regio."),
                messages.ERROR,
            )
            return
        # The queryset is this admin's: the national items and the regio's own, never
        # another regio's; hiding is always for the user's own regio.
        items = list(queryset)
        for obj in items:
            if verbergen:
                obj.verborgen_in.add(regio)
                self.log_change(request, obj, _("Verborgen in regio %s") % regio)
            else:
                obj.verborgen_in.remove(regio)
                self.log_change(request, obj, _("Weer getoond in regio %s") % regio)
        if items:
            melding = (
                _("%(n)d verborgen in jouw regio.")
                if verbergen
                else _("%(n)d weer getoond in jouw regio.")
            )
            self.message_user(request, melding % {"n": len(items)}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Verbergen in mijn regio"), permissions=["change"])
    def verbergen_in_mijn_regio(self, request, queryset) -> None:
        self._verbergen(request, queryset, verbergen=True)

    @admin.action(description=gettext_lazy("Weer tonen in mijn regio"), permissions=["change"])
    def tonen_in_mijn_regio(self, request, queryset) -> None:
        self._verbergen(request, queryset, verbergen=False)
