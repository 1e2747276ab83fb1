"""The one mechanism that limits what a staff user sees to their own arbeidsmarktregio.

Every regio-owned model uses `RegioQuerySet` (or a manager built from it) and says where its
regio lives with `regio_pad` (default: a direct `regio` foreign key). Views, admin, API and
exports all call `scope()` / `.voor(user)`; nothing re-implements the filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

M = TypeVar("M", bound=models.Model)


def regio_pad(model: type[models.Model]) -> str:
    """The lookup from `model` to its Arbeidsmarktregio's primary key."""
    return getattr(model, "regio_pad", "regio")


def is_regio_model(model: type[models.Model]) -> bool:
    return hasattr(model, "regio_pad") or any(
        f.name == "regio" and f.is_relation for f in model._meta.get_fields()
    )


def regio_gedeeld(model: type[models.Model]) -> bool:
    """A reference list (sectoren, clusters, loket doelgroepen) whose rows without a regio are
    the national list, shared by every regio next to the regio's own rows."""
    return bool(getattr(model, "regio_gedeeld", False))


def in_regio_q(model: type[models.Model], regio_id: Any) -> models.Q:
    """The rows of `model` that belong to regio `regio_id` (for a shared list: the national
    rows too)."""
    pad = regio_pad(model)
    q = models.Q(**{pad: regio_id})
    if regio_gedeeld(model):
        q |= models.Q(**{f"{pad}__isnull": True})
    return q


def regio_id_van(obj: models.Model) -> int | None:
    """The primary key of the regio `obj` belongs to (along its `regio_pad`), or None for an
    object without one. Follows relations already loaded; otherwise asks the database once."""
    model = type(obj)
    if not is_regio_model(model):
        return None
    pad = regio_pad(model)
    if pad == "pk":
        return obj.pk
    *tussen, laatste = pad.split("__")
    doel = obj
    for naam in tussen:
        veld = doel._meta.get_field(naam)
        if not veld.is_cached(doel):
            break
        doel = getattr(doel, naam)
        if doel is None:
            return None
    else:
        return getattr(doel, f"{laatste}_id", None)
    if obj.pk is None:
        return None
    return model._default_manager.filter(pk=obj.pk).values_list(pad, flat=True).first()


def ziet_alle_regios(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Only the platform superuser stands above the regio's."""
    return bool(getattr(user, "is_superuser", False) and user.is_active)


def scope(
    queryset: models.QuerySet[M], user: AbstractBaseUser | AnonymousUser
) -> models.QuerySet[M]:
    """Limit `queryset` to the rows of `user`'s regio; nothing for anonymous or regio-less users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if ziet_alle_regios(user):
        return queryset
    regio_id = getattr(user, "regio_id", None)
    if regio_id is None:
        return queryset.none()
    return queryset.filter(in_regio_q(queryset.model, regio_id))


def get_scoped_or_404(
    queryset: models.QuerySet[M], user: AbstractBaseUser | AnonymousUser, **lookup: Any
) -> M:
    """One object of the user's regio; another regio's object is indistinguishable from none."""
    try:
        return scope(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


class RegioQuerySet(models.QuerySet):
    def voor(self, user: AbstractBaseUser | AnonymousUser) -> RegioQuerySet:
        """This queryset as `user` may see it (see `scope`)."""
        return scope(self, user)

    def in_regio(self, regio: Any) -> RegioQuerySet:
        """For public pages: the rows of the regio whose site is visited."""
        return self.filter(in_regio_q(self.model, getattr(regio, "pk", regio)))


RegioManager = models.Manager.from_queryset(RegioQuerySet)
