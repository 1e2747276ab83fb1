import io
import random
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from financien import demo, services
from financien.models import Begrotingsregel, Geldstroom, Mutatie
from werkcentrum.demo import DemoContext
from werkcentrum.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_demo_data_uses_the_seed_figures_and_is_idempotent(regio_a):
    ctx = DemoContext(
        regio=regio_a,
        rng=random.Random(1),
        scale=1,
        stdout=io.StringIO(),
        vandaag=date(2026, 12, 7),
    )
    demo.reserve(ctx)
    aantal = Mutatie.objects.count()
    demo.reserve(ctx)
    assert Mutatie.objects.count() == aantal > 0
    du = Geldstroom.objects.get(naam="DU Versterking Arbeidsmarktregio")
    ontvangen = sorted(
        Mutatie.objects.filter(geldstroom=du, soort="storting").values_list("bedrag", flat=True)
    )
    assert ontvangen == [Decimal("76921.00"), Decimal("384607.00"), Decimal("398593.00")]
    dichterbij = Geldstroom.objects.get(naam="Dichterbij dan je Denkt")
    assert str(dichterbij.einddatum) == "2025-09-01"
    assert services.geldstroom_saldi(dichterbij).gestort == Decimal("200000.00")
    for fonds in Geldstroom.objects.all():
        assert services.geldstroom_saldi(fonds).vrij >= 0


def test_the_beheerder_creates_and_changes_a_fund_audited(client, settings, beheerder):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(beheerder)
    response = client.post(
        reverse("financien:geldstroom_nieuw"),
        {
            "naam": "WIN-punt",
            "bron": "rijk",
            "regeling": "Structurele bijdrage",
            "voorwaarden": "",
            "einddatum": "2030-12-31",
            "actief": "on",
        },
    )
    assert response.status_code == 302
    fonds = Geldstroom.objects.get(naam="WIN-punt")
    assert fonds.regio == beheerder.regio
    response = client.post(
        reverse("financien:geldstroom_wijzigen", args=[fonds.pk]),
        {"naam": "WIN-punt ZKIJ", "bron": "rijk", "einddatum": "", "actief": "on"},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(event="financien_geldstroom_gewijzigd").exists()
    response = client.post(reverse("financien:geldstroom_nieuw"), {"naam": "", "bron": "x"})
    assert response.status_code == 400


def test_the_beheerder_sets_the_begroting(client, settings, beheerder, post):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    client.force_login(beheerder)
    response = client.post(
        reverse("financien:begrotingsregel"),
        {"jaar": 2025, "begrotingspost": post.pk, "begroot": "120.000,00"},
    )
    assert response.status_code == 302
    assert Begrotingsregel.objects.get().begroot == Decimal("120000.00")
    response = client.post(
        reverse("financien:begrotingsregel"),
        {"jaar": 2025, "begrotingspost": post.pk, "begroot": "-5"},
    )
    assert response.status_code == 400
    assert "negatief" in response.content.decode()
