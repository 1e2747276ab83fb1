"""The Django admin in the logboek dataverwerkingen: it has no purpose gate, so every record
with personal data (a registered PersoonsBron) opened, changed or deleted there is logged with
the purpose `beheer`, and the persons shown in its inlines as a list read. The other pages that
show persons log them too, each with one event per request: the changelist (and its search),
the history and the delete confirmation (which lists the related records to be deleted).

`RegioAdmin` inherits `PersoonsgegevensAdmin`, so every admin of the portal does this."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.db import models, router

from . import audit
from .personen import bron_van

BEHEER = "beheer"


class PersoonsgegevensAdmin(admin.ModelAdmin):
    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        # Rendered (a GET, or a POST shown again with errors): the record was on screen.
        context = getattr(response, "context_data", None) or {}
        obj = context.get("original")
        if response.status_code == 200 and obj is not None:
            self._ingezien(request, obj, context.get("inline_admin_formsets", []))
        return response

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        cl = context.get("cl")
        if response.status_code == 200 and cl is not None:
            audit.personen_getoond(
                cl.result_list,
                user=request.user,
                doel=BEHEER,
                context=f"beheer {self.model._meta.label_lower} lijst",
                event="beheer_personenlijst_ingezien",
            )
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        context = getattr(response, "context_data", None) or {}
        obj = context.get("object")
        if response.status_code == 200 and obj is not None:
            audit.personen_getoond(
                [obj],
                user=request.user,
                doel=BEHEER,
                context=f"beheer {obj._meta.label_lower} {obj.pk} historie",
                event="beheer_personenlijst_ingezien",
                obj=obj,
            )
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        context = getattr(response, "context_data", None) or {}
        obj = context.get("object")
        if response.status_code == 200 and obj is not None:
            # The confirmation names the record and every related record it would delete.
            verzamelaar = NestedObjects(using=router.db_for_write(type(obj)))
            verzamelaar.collect([obj])
            getoond = [o for objs in verzamelaar.data.values() for o in objs]
            getoond += list(verzamelaar.protected)  # named as what blocks the delete
            audit.personen_getoond(
                getoond,
                user=request.user,
                doel=BEHEER,
                context=f"beheer {obj._meta.label_lower} {obj.pk} verwijderen",
                event="beheer_personenlijst_ingezien",
                obj=obj,
            )
        return response

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A select of every kandidaat (or other person) would show them all by name: the
        # admin asks for the id instead and shows only the one chosen.
        if bron_van(db_field.related_model) and "widget" not in kwargs:
            kwargs["widget"] = ForeignKeyRawIdWidget(db_field.remote_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _ingezien(self, request, obj: models.Model, inlines) -> None:
        if bron_van(type(obj)):
            audit.persoonsgegevens_ingezien(obj, user=request.user, doel=BEHEER)
        else:
            # A record pointing at a person (a plaatsing's kandidaat) shows that person.
            audit.personen_getoond(
                [obj],
                user=request.user,
                doel=BEHEER,
                context=f"beheer {obj._meta.label_lower} {obj.pk}",
                event="beheer_personenlijst_ingezien",
                obj=obj,
            )
        for inline in inlines:
            bron = bron_van(inline.formset.model)
            getoond = [f.instance for f in inline.formset.initial_forms]
            if bron is None or not getoond:
                continue
            if bron.lijstsoort:
                audit.personenlijst_ingezien(
                    event="beheer_personenlijst_ingezien",
                    user=request.user,
                    doel=BEHEER,
                    context=f"beheer {obj._meta.label_lower} {obj.pk}",
                    soort=bron.lijstsoort,
                    ids=[o.pk for o in getoond],
                    obj=obj,
                )
            else:
                for o in getoond:
                    audit.persoonsgegevens_ingezien(o, user=request.user, doel=BEHEER)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if bron_van(type(obj)):
            self._opgeslagen(request, obj, change=change, velden=list(form.changed_data))

    def save_formset(self, request, form, formset, change) -> None:
        persoonlijk = bron_van(formset.model) is not None
        if persoonlijk:
            for f in formset.deleted_forms:  # before the delete clears their primary key
                if f.instance.pk is not None:
                    audit.persoonsgegevens_verwijderd(f.instance, user=request.user, doel=BEHEER)
        super().save_formset(request, form, formset, change)
        if not persoonlijk:
            return
        for obj in formset.new_objects:
            self._opgeslagen(request, obj, change=False)
        for obj, velden in formset.changed_objects:
            self._opgeslagen(request, obj, change=True, velden=velden)

    def _opgeslagen(self, request, obj, *, change: bool, velden: list[str] | None = None) -> None:
        if change:
            audit.persoonsgegevens_gewijzigd(obj, user=request.user, doel=BEHEER, velden=velden)
        else:
            audit.persoonsgegevens_aangemaakt(obj, user=request.user, doel=BEHEER)

    def delete_model(self, request, obj) -> None:
        if bron_van(type(obj)):
            audit.persoonsgegevens_verwijderd(obj, user=request.user, doel=BEHEER)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        if bron_van(queryset.model):
            for obj in queryset:
                audit.persoonsgegevens_verwijderd(obj, user=request.user, doel=BEHEER)
        super().delete_queryset(request, queryset)
