"""Cached results under model versions (werkcentrum.versies): kept while the models they were
computed from are unchanged, computed again as soon as one changes."""

from __future__ import annotations

import pytest

from loket.models import Thema
from tests.factories import GemeenteFactory
from werkcentrum import versies

pytestmark = pytest.mark.django_db


def _teller():
    teller = {"n": 0}

    def berekenen():
        teller["n"] += 1
        return teller["n"]

    return teller, berekenen


def test_kept_while_the_sources_are_unchanged(regio_a):
    teller, berekenen = _teller()
    sleutel = versies.sleutel("test", regio_a.pk)
    eerste, moment = versies.onthouden(sleutel, ["werkcentrum.Gemeente"], berekenen, 60)
    tweede, zelfde_moment = versies.onthouden(sleutel, ["werkcentrum.Gemeente"], berekenen, 60)
    assert (eerste, tweede, teller["n"]) == (1, 1, 1)
    assert zelfde_moment == moment


def test_a_save_or_delete_of_a_source_counts_again(regio_a):
    _, berekenen = _teller()
    sleutel = versies.sleutel("test", regio_a.pk)
    versies.onthouden(sleutel, ["werkcentrum.Gemeente"], berekenen, 60)
    gemeente = GemeenteFactory(regio=regio_a)
    assert versies.onthouden(sleutel, ["werkcentrum.Gemeente"], berekenen, 60)[0] == 2
    gemeente.delete()
    assert versies.onthouden(sleutel, ["werkcentrum.Gemeente"], berekenen, 60)[0] == 3
    # Another model does not count.
    Thema.objects.create(naam="Iets anders")
    assert versies.onthouden(sleutel, ["werkcentrum.Gemeente"], berekenen, 60)[0] == 3


def test_different_parts_are_different_entries(regio_a, regio_b):
    _, berekenen = _teller()
    a = versies.onthouden(versies.sleutel("test", regio_a.pk), [], berekenen, 60)[0]
    b = versies.onthouden(versies.sleutel("test", regio_b.pk), [], berekenen, 60)[0]
    assert (a, b) == (1, 2)


def test_a_many_to_many_change_counts_for_the_model_that_holds_it(regio_a):
    from tests.loket.factories import GesprekFactory

    gesprek = GesprekFactory(regio=regio_a)
    _, berekenen = _teller()
    sleutel = versies.sleutel("test")
    versies.onthouden(sleutel, ["loket.Gesprek"], berekenen, 60)
    gesprek.themas.add(Thema.objects.create(naam="Werk"))
    assert versies.onthouden(sleutel, ["loket.Gesprek"], berekenen, 60)[0] == 2


def test_the_audit_log_is_not_versioned_and_what_reads_it_is_never_kept(regio_a, maak_gebruiker):
    """Written on nearly every request, so no cache write per event; a logboek count read
    right after an event includes it."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from werkcentrum import audit
    from werkcentrum.models import AuditEvent
    from werkcentrum.paginering import pagina

    user = maak_gebruiker("privacy_officer")
    audit.ingelogd(user)
    assert cache.get("versie:werkcentrum.AuditEvent") is None
    teller, berekenen = _teller()
    sleutel = versies.sleutel("test", regio_a.pk)
    for _ in range(2):
        versies.onthouden(
            sleutel, ["werkcentrum.AuditEvent", "werkcentrum.Gemeente"], berekenen, 60
        )
    assert teller["n"] == 2
    logboek = AuditEvent.objects.filter(regio=regio_a).order_by("-pk")
    voor = pagina(RequestFactory().get("/"), logboek).paginator.count
    audit.ingelogd(user)
    assert pagina(RequestFactory().get("/"), logboek).paginator.count == voor + 1
