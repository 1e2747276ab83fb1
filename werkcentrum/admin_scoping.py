"""Regio scoping for the Django admin; every app's ModelAdmin inherits `RegioAdmin` (which also
logs personal data shown there: admin_persoonsgegevens)."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from .admin_persoonsgegevens import PersoonsgegevensAdmin
from .tenancy import is_regio_model, scope, ziet_alle_regios


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
