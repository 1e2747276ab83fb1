"""Writable relations of the API limited to what the user may choose, as the UI forms are.

Why: a serializer's related field accepts any primary key its queryset holds, and DRF's default
queryset is `Model.objects.all()`. POST /api/v1/wsp/werkgevers/ took a medewerker of another
regio (or a gids, or the platform superuser) as accounthouder, and a public request was then
assigned and mailed to them. The UI forms narrow every choice list (`.voor(user)` and a role
filter); `RegioScopedRelationsMixin` does the same once for every relation of a serializer,
declared or generated, so a new field cannot be forgotten:

- the queryset of every writable relation (foreign key, many-to-many, slug) of a regio-owned
  model is scoped to the user's regio (werkcentrum.tenancy.scope) and, when the serializer
  changes an existing object, to that object's regio as well;
- `relation_limits` adds a field's own rule (roles, active), e.g. `accounthouder`;
- `regio_lijsten` narrows a relation to a shared list (sectoren, loket doelgroepen) to the
  items the regio offers, keeping the object's current item(s) (werkcentrum.gedeelde_lijsten);
- another regio's id and an id that does not exist get the same message, so the API does
  not tell whether an object exists elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from .tenancy import in_regio_q, is_regio_model, regio_id_van, scope

# The same words for "does not exist" and "is not yours".
ONBEKEND = "Onbekend in jouw regio."

RelationLimit = Callable[[QuerySet, Any], QuerySet]


def medewerkers_met_rol(*rollen: str) -> RelationLimit:
    """A relation_limits rule: active, non-superuser medewerkers holding one of `rollen`."""

    def beperken(queryset: QuerySet, user: Any) -> QuerySet:
        return queryset.filter(
            is_active=True, is_superuser=False, groups__name__in=rollen
        ).distinct()

    return beperken


def actieve_medewerkers(queryset: QuerySet, user: Any) -> QuerySet:
    """A relation_limits rule: active medewerkers (the platform superuser is not one)."""
    return queryset.filter(is_active=True, is_superuser=False)


def writable_relations(
    fields: dict[str, serializers.Field],
) -> dict[str, serializers.RelatedField]:
    """{name: the RelatedField that resolves input} for every writable relation in `fields`."""
    relaties = {}
    for naam, veld in fields.items():
        if veld.read_only:
            continue
        relatie = veld.child_relation if isinstance(veld, serializers.ManyRelatedField) else veld
        if isinstance(relatie, serializers.RelatedField) and relatie.queryset is not None:
            relaties[naam] = relatie
    return relaties


class RegioScopedRelationsMixin:
    """For a (Model)Serializer: every writable relation chooses only among the objects of the
    request user's regio, narrowed further by `relation_limits` {field name: rule}."""

    relation_limits: dict[str, RelationLimit] = {}
    # {field name: choices function (regio, *, ook) -> queryset}, e.g. wsp sectoren_voor.
    regio_lijsten: dict[str, Callable[..., QuerySet]] = {}

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        instance = getattr(self, "instance", None)
        doelregio = regio_id_van(instance) if _is_one_model(instance) else None
        for naam, relatie in writable_relations(fields).items():
            relatie.queryset = self._toegestaan(naam, relatie.queryset, user, doelregio)
            if naam in self.regio_lijsten and user is not None:
                regio = doelregio or getattr(user, "regio_id", None)
                huidig = _huidig(instance, naam) if _is_one_model(instance) else ()
                relatie.queryset = relatie.queryset.all() & self.regio_lijsten[naam](
                    regio, ook=huidig
                )
            relatie.error_messages["does_not_exist"] = ONBEKEND
        return fields

    def _toegestaan(self, naam: str, queryset: QuerySet, user: Any, doelregio: int | None):
        if user is None:  # schema generation: no request, nothing to choose
            return queryset.none()
        if is_regio_model(queryset.model):
            queryset = scope(queryset, user)
            if doelregio is not None:
                queryset = queryset.filter(in_regio_q(queryset.model, doelregio))
        beperking = self.relation_limits.get(naam)
        return beperking(queryset, user) if beperking else queryset


def _huidig(instance: Any, naam: str) -> Any:
    """The object's current item(s) of relation `naam`: an id, or a queryset (many-to-many)."""
    veld = instance._meta.get_field(naam)
    if veld.many_to_many:
        return getattr(instance, naam).all()
    return [getattr(instance, veld.attname)]


def _is_one_model(instance: Any) -> bool:
    return instance is not None and hasattr(instance, "_meta") and instance.pk is not None
