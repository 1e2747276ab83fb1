"""A nazorgmoment carries its plaatsing's regio: every way in sets it, nothing can differ."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import connection

from tests.queries import sessie_queries
from wsp import services
from wsp.models import NazorgMoment, Plaatsing

from .factories import KandidaatFactory, NazorgMomentFactory, WerkgeverFactory

pytestmark = pytest.mark.django_db


def _plaatsing(regio) -> Plaatsing:
    werkgever = WerkgeverFactory(regio=regio)
    return services.plaatsing_registreren(
        kandidaat=KandidaatFactory(regio=regio),
        werkgever=werkgever,
        startdatum=date(2025, 3, 1),
        contractvorm="bepaald",
        uren_per_week=24,
        door=werkgever.accounthouder,
    )


def test_planned_and_extra_moments_get_the_plaatsings_regio(regio_a, regio_b):
    _plaatsing(regio_b)
    plaatsing = _plaatsing(regio_a)
    services.nazorg_moment_toevoegen(
        plaatsing=plaatsing, vervaldatum=date(2025, 10, 1), door=plaatsing.werkgever.accounthouder
    )
    assert [m.regio for m in plaatsing.nazorgmomenten.order_by("vervaldatum")] == [regio_a] * 3
    assert NazorgMomentFactory(soort="extra", plaatsing=plaatsing).regio == regio_a


def test_a_moment_in_another_regio_than_its_plaatsing_is_refused(regio_a, regio_b):
    moment = _plaatsing(regio_a).nazorgmomenten.get(soort="2m")
    moment.full_clean()
    moment.regio = regio_b
    with pytest.raises(ValidationError, match="dezelfde regio als zijn plaatsing"):
        moment.full_clean()


def test_the_data_migration_takes_the_regio_from_the_plaatsing(regio_a, regio_b):
    plaatsing_a, plaatsing_b = _plaatsing(regio_a), _plaatsing(regio_b)
    # The column is NOT NULL by now: a wrong regio stands in for the missing one.
    NazorgMoment.objects.filter(plaatsing=plaatsing_a).update(regio=regio_b)
    NazorgMoment.objects.filter(plaatsing=plaatsing_b).update(regio=regio_a)
    migratie = import_module("wsp.migrations.0010_nazorg_regio")
    migratie.regio_van_plaatsing(apps, connection.schema_editor())
    assert {(m.plaatsing_id, m.regio_id) for m in NazorgMoment.objects.all()} == {
        (plaatsing_a.pk, regio_a.pk),
        (plaatsing_b.pk, regio_b.pk),
    }


def _inline_formset(request, plaatsing, data):
    inline = admin.site._registry[Plaatsing].get_inline_instances(request, plaatsing)[0]
    FormSet = inline.get_formset(request, plaatsing)
    prefix = FormSet.get_default_prefix()
    rijen = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"}
    rijen.update({f"{prefix}-0-{veld}": waarde for veld, waarde in data.items()})
    return FormSet(rijen, instance=plaatsing, queryset=NazorgMoment.objects.none())


def test_admin_inline_gives_a_new_moment_its_plaatsings_regio(rf, regio_a, superuser):
    plaatsing = _plaatsing(regio_a)
    request = rf.post("/")
    request.user = superuser
    formset = _inline_formset(
        request,
        plaatsing,
        {"soort": "extra", "vervaldatum": "2025-10-01", "nog_in_dienst": "unknown"},
    )
    assert "regio" not in formset.forms[0].fields
    assert formset.is_valid(), formset.errors
    (moment,) = formset.save()
    assert moment.regio == regio_a


def test_admin_moving_a_plaatsing_to_another_regio_moves_its_moments(
    rf, regio_a, regio_b, superuser
):
    plaatsing = _plaatsing(regio_a)
    request = rf.post("/")
    request.user = superuser
    plaatsing.regio = regio_b
    admin.site._registry[Plaatsing].save_model(request, plaatsing, form=None, change=True)
    assert set(plaatsing.nazorgmomenten.values_list("regio", flat=True)) == {regio_b.pk}


def test_api_lists_the_own_regios_moments_in_a_few_queries(
    client, settings, adviseur, regio_a, regio_b, django_assert_max_num_queries
):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    eigen = [_plaatsing(regio_a) for _ in range(3)]
    _plaatsing(regio_b)
    client.force_login(adviseur)
    # User, the regio's modules, two for permissions, count, page, the kandidaten of the
    # shown moments and the one logboek event naming them (plus the session without Redis):
    # none per moment.
    with django_assert_max_num_queries(8 + sessie_queries()):
        lijst = client.get("/api/v1/wsp/nazorgmomenten/").json()
    assert lijst["count"] == 6
    assert {m["plaatsing"] for m in lijst["results"]} == {p.pk for p in eigen}
    open_ = client.get("/api/v1/wsp/nazorgmomenten/", {"open": "true"}).json()
    assert open_["count"] == 6
