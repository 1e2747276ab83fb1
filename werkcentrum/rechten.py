"""A staff user's roles and permissions, read once and then kept in the cache.

Why: every staff page checks the roles, and the API and several pages check permissions: three
queries a request for data that changes a few times a year. Any change of group membership, of
a group's permissions or of a user's own permissions moves the version on (signals below), so
a withdrawn role counts from the very next request. Without a reachable cache every request
reads them from the database, as Django does."""

from __future__ import annotations

from typing import NamedTuple

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import versies

VERSIE = "rechten:versie"
# Bounds how long an entry can outlive a change the signals could not announce (cache away)
BEWAREN_SECONDEN = 10 * 60
# The user of a session (Backend.get_user); a write without signals shows within this time.
GEBRUIKER_BRONNEN = ("werkcentrum.Medewerker", "werkcentrum.Arbeidsmarktregio")
GEBRUIKER_SECONDEN = 60


class Rechten(NamedTuple):
    rollen: frozenset[str]
    permissies: frozenset[str]


def _sleutel(user_id, is_superuser: bool) -> str:
    return f"rechten:{user_id}:{int(is_superuser)}"


def rechten(user) -> Rechten:
    uit = _lezen(user)
    # One read fills both caches of the instance (the request's user): its roles
    # (Medewerker.rollen) and its permissions (Django's _perm_cache), else each costs a round
    # trip of its own.
    user._rollen_cache = set(uit.rollen)
    user._perm_cache = set(uit.permissies)
    return uit


def _lezen(user) -> Rechten:
    sleutel = _sleutel(user.pk, user.is_superuser)
    # Read with the user in the same round trip when it came from Backend.get_user.
    gevonden = user.__dict__.pop("_rechten_gelezen", None)
    if gevonden is None:
        gevonden = cache.get_many([VERSIE, sleutel])
    versie = gevonden.get(VERSIE, 0)
    bewaard = gevonden.get(sleutel)
    if bewaard and bewaard[0] == versie:
        return bewaard[1]
    uit = Rechten(frozenset(user.groups.values_list("name", flat=True)), _permissies(user))
    cache.set(sleutel, (versie, uit), BEWAREN_SECONDEN)
    return uit


def _permissies(user) -> frozenset[str]:
    # Django's ModelBackend asks twice (own and group permissions); one query does both.
    qs = Permission.objects.all()
    if not user.is_superuser:
        qs = qs.filter(Q(user=user) | Q(group__user=user))
    paren = qs.values_list("content_type__app_label", "codename").distinct().order_by()
    return frozenset(f"{app}.{code}" for app, code in paren)


class Backend(AuthenticationBackend):
    """allauth's backend (log in by e-mail address) whose user and permission set come from
    the cache. The only backend: a session remembers the backend that logged it in, and
    its user is read through that one on every request."""

    def get_user(self, user_id):
        # Every staff request reads its user: kept in the cache under the versions of the
        # user and regio tables (werkcentrum.versies), so a save of any medewerker (a role,
        # a password, deactivation) counts from the very next request; one cache round trip
        # instead of a query.
        # The user's roles (`rechten`) come along in the same round trip.
        sleutel = versies.sleutel("gebruiker", user_id)
        meelezen = [VERSIE, _sleutel(user_id, False), _sleutel(user_id, True)]
        user, versienummers, mee = versies.lezen_met(sleutel, GEBRUIKER_BRONNEN, meelezen)
        if user is None:
            user = self._gebruiker(user_id)
            versies.bewaren(sleutel, versienummers, user, GEBRUIKER_SECONDEN)
        if user is None or not self.user_can_authenticate(user):
            return None
        eigen = _sleutel(user.pk, user.is_superuser)
        user._rechten_gelezen = {k: mee[k] for k in (VERSIE, eigen) if k in mee}
        return user

    @staticmethod
    def _gebruiker(user_id):
        # The regio in the same query: the werkplek shows it and every form that registers
        # something stores it (request.user.regio), each a query of its own otherwise.
        gebruiker = get_user_model()
        try:
            return gebruiker._default_manager.select_related("regio").get(pk=user_id)
        except (gebruiker.DoesNotExist, ValueError, TypeError):
            return None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = set(rechten(user_obj).permissies)
        return user_obj._perm_cache


def nieuwe_versie(**_kwargs) -> None:
    try:
        cache.incr(VERSIE)
    except ValueError:
        cache.add(VERSIE, 1, None)


def _verbinden() -> None:
    gebruiker = get_user_model()
    for through in (
        gebruiker.groups.through,
        gebruiker.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(nieuwe_versie, sender=through, dispatch_uid=f"rechten_{through}")
    for model in (Group, Permission):
        post_save.connect(nieuwe_versie, sender=model, dispatch_uid=f"rechten_save_{model}")
        post_delete.connect(nieuwe_versie, sender=model, dispatch_uid=f"rechten_del_{model}")
