from io import StringIO

import pytest
from django.core.management import call_command

from werkcentrum.demo import DEMO_WACHTWOORD
from werkcentrum.models import (
    Arbeidsmarktregio,
    Gemeente,
    Locatie,
    Medewerker,
    Openingstijd,
    Organisatie,
)
from werkcentrum.rollen import ROLLEN


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list(*fields))
        for model, fields in [
            (Arbeidsmarktregio, ("code", "naam")),
            (Gemeente, ("naam", "cbs_code", "subregio", "is_centrumgemeente")),
            (Organisatie, ("naam", "type")),
            (Locatie, ("naam", "straat", "postcode")),
            (Openingstijd, ("locatie__naam", "weekdag", "begintijd", "eindtijd")),
        ]
    }


@pytest.mark.django_db
def test_seed_regio_zkij_loads_the_seven_gemeenten_with_cbs_codes():
    call_command("seed_regio", "zkij", stdout=StringIO())
    gemeenten = dict(Gemeente.objects.values_list("naam", "cbs_code"))
    assert gemeenten == {
        "Haarlem": "GM0392",
        "Zandvoort": "GM0473",
        "Heemstede": "GM0397",
        "Bloemendaal": "GM0377",
        "Velsen": "GM0453",
        "Beverwijk": "GM0375",
        "Heemskerk": "GM0396",
    }
    regio = Arbeidsmarktregio.objects.get(code="zkij")
    assert regio.centrumgemeente.naam == "Haarlem"
    assert Locatie.objects.filter(regio=regio).count() == 7
    assert {"UWV", "Spaarne Werkt", "IJmond Werkt!", "SBB", "FNV"} <= set(
        Organisatie.objects.values_list("naam", flat=True)
    )
    assert Gemeente.objects.filter(subregio="IJmond").count() == 3


@pytest.mark.django_db
def test_seed_regio_is_idempotent():
    call_command("seed_regio", "zkij", stdout=StringIO())
    eerst = snapshot()
    call_command("seed_regio", "zkij", stdout=StringIO())
    assert snapshot() == eerst


@pytest.mark.django_db
def test_demo_data_creates_a_login_per_role_and_prints_it():
    out = StringIO()
    call_command("demo_data", "--seed", "7", stdout=out)
    for rol in ROLLEN:
        user = Medewerker.objects.get(email=f"{rol.replace('_', '.')}@zkij.demo.werkcentrum.nl")
        assert user.heeft_rol(rol)
        assert user.check_password(DEMO_WACHTWOORD)
        assert user.email in out.getvalue()
    assert DEMO_WACHTWOORD in out.getvalue()
    assert Medewerker.objects.get(email="platform@demo.werkcentrum.nl").is_superuser


@pytest.mark.django_db
def test_demo_data_is_deterministic_and_rerunnable():
    call_command("demo_data", "--seed", "7", stdout=StringIO())
    eerst = sorted(Medewerker.objects.values_list("email", "first_name", "last_name"))
    call_command("demo_data", "--seed", "7", stdout=StringIO())
    assert sorted(Medewerker.objects.values_list("email", "first_name", "last_name")) == eerst


@pytest.mark.django_db
def test_demo_data_scale_grows_the_staff():
    call_command("demo_data", "--scale", "1", stdout=StringIO())
    klein = Medewerker.objects.filter(groups__name="gids").count()
    call_command("demo_data", "--scale", "2", stdout=StringIO())
    assert Medewerker.objects.filter(groups__name="gids").count() == 2 * klein


@pytest.mark.django_db
def test_amersfoort_demo_tells_its_stories_with_its_own_places():
    """`demo_data --regio amf` beside ZKIJ: Amersfoort's meetings, members, funds and events
    name Amersfoort's gemeenten, never ZKIJ's."""
    from financien.models import Geldstroom
    from rba.models import Lid, Vergadering
    from wsp.models import Activiteit

    call_command("demo_data", "--regio", "amf", "--seed", "3", stdout=StringIO())
    teksten = [
        *Lid.objects.filter(orgaan__regio__code="amf").values_list("functie", flat=True),
        *Vergadering.objects.filter(regio__code="amf").values_list("locatie", flat=True),
        *Geldstroom.objects.filter(regio__code="amf").values_list("naam", "voorwaarden"),
        *Activiteit.objects.filter(regio__code="amf").values_list("naam", flat=True),
    ]
    tekst = " ".join(t if isinstance(t, str) else " ".join(t) for t in teksten)
    for zkij in ("Haarlem", "Velsen", "IJmond", "ZKIJ", "Zandvoort", "Heemskerk"):
        assert zkij not in tekst, zkij
    assert "Wethouder Werk en Inkomen, Gemeente Amersfoort" in tekst
    assert "Wethouder, Gemeente Woudenberg" in tekst
    # The regio's gemeente roles work at its centrumgemeente.
    for adres in ("financieel.beheerder", "rba.secretariaat"):
        medewerker = Medewerker.objects.get(email=f"{adres}@amf.demo.werkcentrum.nl")
        assert medewerker.organisatie.naam == "Gemeente Amersfoort"
