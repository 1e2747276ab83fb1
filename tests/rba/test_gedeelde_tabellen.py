"""Issue 22 point 1: every page that shows a shared table (templates/components/tabel.html and
the apps' _*_tabel.html partials) renders its rows. The actie table once looped over
`objecten` while its callers passed `acties`, so the vergadering and besluit pages said
"Geen acties gevonden"; a table rendered with the wrong variable name is empty, which these
cases catch. The last test fails when a new _*_tabel.html appears without a case here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisatieFactory
from tests.financien.factories import GeldstroomFactory
from tests.rba.factories import (
    ActieFactory,
    AgendaRegelFactory,
    BesluitFactory,
    LidFactory,
    OverlegorgaanFactory,
    StrategischeAgendaFactory,
    VergaderingFactory,
)
from tests.werkcentrum import test_lijsten as lijsten

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _geen_mfa(settings):
    settings.WERKCENTRUM_MFA_VERPLICHT = False


def _orgaan(regio):
    return OverlegorgaanFactory(regio=regio, naam="Regionaal Beraad", afkorting="RBA")


def _vergadering_doorgeschoven(regio):
    from rba import services

    orgaan = _orgaan(regio)
    vorige = VergaderingFactory(orgaan=orgaan, datum=timezone.localdate() - timedelta(days=30))
    volgende = VergaderingFactory(orgaan=orgaan, datum=timezone.localdate() + timedelta(days=14))
    ActieFactory(orgaan=orgaan, vergadering=vorige, omschrijving="Doorgeschoven notitie")
    services.open_acties_doorschuiven(orgaan=orgaan)
    return reverse("rba:vergadering", args=[volgende.pk]), "Doorgeschoven notitie"


def _vergadering_eigen(regio):
    vergadering = VergaderingFactory(orgaan=_orgaan(regio))
    ActieFactory(orgaan=vergadering.orgaan, vergadering=vergadering, omschrijving="Eigen actie")
    return reverse("rba:vergadering", args=[vergadering.pk]), "Eigen actie"


def _besluit_acties(regio):
    besluit = BesluitFactory(orgaan=_orgaan(regio))
    ActieFactory(orgaan=besluit.orgaan, besluit=besluit, omschrijving="Uitvoeren besluit")
    return reverse("rba:besluit", args=[besluit.pk]), "Uitvoeren besluit"


def _orgaan_leden(regio):
    orgaan = _orgaan(regio)
    LidFactory(orgaan=orgaan, naam="Anouk de Wit")
    return reverse("rba:orgaan", args=[orgaan.pk]), "Anouk de Wit"


def _regels(regio):
    agenda = StrategischeAgendaFactory(regio=regio)
    AgendaRegelFactory(pijler__agenda=agenda, thema="Laaggeletterdheid aanpakken")
    return reverse("rba:monitoring") + f"?agenda={agenda.pk}", "Laaggeletterdheid aanpakken"


def _publieke_besluiten(regio):
    BesluitFactory(orgaan=_orgaan(regio), titel="Openbaar genomen besluit")
    return reverse("rba_publiek:besluiten", kwargs={"regio": regio.code}), "Openbaar genomen"


def _geldstromen(regio):
    GeldstroomFactory(regio=regio, naam="Fonds Dichterbij")
    return reverse("financien:overzicht"), "Fonds Dichterbij"


def _mutaties(regio):
    from financien import services
    from tests.factories import MedewerkerFactory

    fonds = GeldstroomFactory(regio=regio)
    services.storting_boeken(
        geldstroom=fonds,
        datum=date(2025, 6, 2),
        bedrag=Decimal("1234.00"),
        omschrijving="Rijksuitkering tweede tranche",
        door=MedewerkerFactory(regio=regio, rollen=["financieel_beheerder"]),
    )
    return reverse("financien:mutaties"), "Rijksuitkering tweede tranche"


def _trajecten(regio):
    from loket.models import Traject
    from tests.loket.factories import GesprekFactory

    gesprek = GesprekFactory(regio=regio)
    Traject.objects.create(
        regio=regio,
        soort=Traject.Soort.WERKFIT,
        aanbieder=OrganisatieFactory(regio=regio, naam="Aanbieder Werkfit Noord"),
        gesprek=gesprek,
        startdatum=date(2025, 4, 1),
        kosten=Decimal("1500.00"),
        toestemming_gegevens="naam",
        toestemming_op=timezone.now(),
        toestemming_door=gesprek.gids,
    )
    return reverse("loket:trajecten"), "Aanbieder Werkfit Noord"


def _logboek(regio):
    from tests.factories import MedewerkerFactory
    from werkcentrum.models import AuditEvent

    gids = MedewerkerFactory(
        regio=regio, rollen=["gids"], first_name="Gijs", last_name="Rij", email="gijs.rij@test.nl"
    )
    AuditEvent.objects.create(
        tijdstip=timezone.now() - timedelta(hours=1),
        gebruiker=gids,
        regio=regio,
        actie=AuditEvent.Actie.INGEZIEN,
        event="persoonsgegevens_ingezien",
        content_type=None,
        doel="vraag_behandelen",
    )
    # The row names its medewerker (by e-mail today; by name once the logboek shows names).
    return reverse("privacy:logboek"), ("gijs.rij@test.nl", "Gijs Rij")


def _nazorg(regio):
    from tests.wsp.factories import NazorgMomentFactory, PlaatsingFactory

    NazorgMomentFactory(
        plaatsing=PlaatsingFactory(werkgever__regio=regio, werkgever__naam="Nazorg Rij BV"),
        vervaldatum=timezone.localdate(),
    )
    return reverse("wsp:nazorg"), "Nazorg Rij BV"


def _overdrachten(regio):
    from tests.wsp.factories import OverdrachtFactory

    OverdrachtFactory(regio=regio, voornaam="Rij", achternaam="Overgedragen")
    return reverse("wsp:overdrachten"), "Rij Overgedragen"


def _loket_overdrachten(regio):
    from tests.wsp.factories import OverdrachtFactory

    OverdrachtFactory(regio=regio, voornaam="Overdracht", achternaam="Rij")
    return reverse("loket:overdrachten"), "Overdracht Rij"


def _overdracht_vacatures(regio):
    from tests.wsp.factories import VacatureFactory

    VacatureFactory(
        werkgever__regio=regio,
        functie="Vacature voor partners",
        is_openbaar=True,
        sluitingsdatum=timezone.localdate() + timedelta(days=30),
    )
    return reverse("loket:overdracht_vacatures"), "Vacature voor partners"


def _uit_lijsten(url, maak):
    def pagina(regio):
        return url, maak(regio, 7)

    return pagina


@dataclass(frozen=True)
class Tabel:
    template: str
    rol: str
    pagina: object  # regio -> (url, text of a row)
    naam: str


TABELLEN = [
    Tabel(
        "rba/_acties_tabel.html", "rba_secretariaat", _vergadering_doorgeschoven, "doorgeschoven"
    ),
    Tabel("rba/_acties_tabel.html", "rba_secretariaat", _vergadering_eigen, "vergadering"),
    Tabel("rba/_acties_tabel.html", "rba_secretariaat", _besluit_acties, "besluit"),
    Tabel(
        "rba/_acties_tabel.html",
        "rba_secretariaat",
        _uit_lijsten("/rba/acties/", lijsten._actie),
        "actielijst",
    ),
    Tabel(
        "rba/_besluiten_tabel.html",
        "rba_secretariaat",
        _uit_lijsten("/rba/besluiten/", lijsten._besluit),
        "besluiten",
    ),
    Tabel("rba/_besluiten_tabel.html", "", _publieke_besluiten, "publieke besluiten"),
    Tabel(
        "rba/_vergaderingen_tabel.html",
        "rba_secretariaat",
        _uit_lijsten("/rba/vergaderingen/", lijsten._vergadering),
        "vergaderingen",
    ),
    Tabel("rba/_leden_tabel.html", "rba_secretariaat", _orgaan_leden, "leden"),
    Tabel("rba/_regels_tabel.html", "rba_secretariaat", _regels, "doe-agenda"),
    Tabel("financien/_geldstromen_tabel.html", "financieel_beheerder", _geldstromen, "fondsen"),
    Tabel("financien/_mutaties_tabel.html", "financieel_beheerder", _mutaties, "grootboek"),
    Tabel(
        "wsp/_werkgevers_tabel.html",
        "wsp_adviseur",
        _uit_lijsten("/wsp/werkgevers/", lijsten._werkgever),
        "werkgevers",
    ),
    Tabel(
        "wsp/_vacatures_tabel.html",
        "wsp_adviseur",
        _uit_lijsten("/wsp/vacatures/", lijsten._vacature),
        "vacatures",
    ),
    Tabel(
        "wsp/_kandidaten_tabel.html",
        "wsp_adviseur",
        _uit_lijsten("/wsp/kandidaten/", lijsten._kandidaat),
        "kandidaten",
    ),
    Tabel(
        "wsp/_plaatsingen_tabel.html",
        "wsp_adviseur",
        _uit_lijsten("/wsp/plaatsingen/", lijsten._plaatsing),
        "plaatsingen",
    ),
    Tabel("wsp/_nazorg_tabel.html", "wsp_adviseur", _nazorg, "open nazorg"),
    Tabel("wsp/_overdrachten_tabel.html", "wsp_adviseur", _overdrachten, "overdrachten"),
    Tabel(
        "loket/_vragen_tabel.html",
        "gids",
        _uit_lijsten("/loket/vragen/", lijsten._vraag),
        "vragen",
    ),
    Tabel(
        "loket/_gesprekken_tabel.html",
        "gids",
        _uit_lijsten("/loket/gesprekken/", lijsten._gesprek),
        "gesprekken",
    ),
    Tabel(
        "loket/_doorverwijzingen_tabel.html",
        "coordinator",
        _uit_lijsten("/loket/doorverwijzingen/", lijsten._doorverwijzing),
        "doorverwijzingen",
    ),
    Tabel("loket/_trajecten_tabel.html", "coordinator", _trajecten, "trajecten"),
    Tabel(
        "loket/_overdrachten_tabel.html", "coordinator", _loket_overdrachten, "loket overdrachten"
    ),
    Tabel(
        "loket/_overdracht_vacatures_tabel.html",
        "partnermedewerker",
        _overdracht_vacatures,
        "vacatures voor partners",
    ),
    Tabel(
        "werkcentrum/_organisaties_tabel.html",
        "gids",
        _uit_lijsten("/organisaties/", lijsten._organisatie),
        "organisaties",
    ),
    Tabel(
        "werkcentrum/_locaties_tabel.html",
        "gids",
        _uit_lijsten("/locaties/", lijsten._locatie),
        "locaties",
    ),
    Tabel("werkcentrum/privacy/_logboek_tabel.html", "privacy_officer", _logboek, "logboek"),
]


@pytest.mark.parametrize("tabel", TABELLEN, ids=lambda t: t.naam)
def test_a_page_with_a_shared_table_shows_its_rows(tabel, maak_gebruiker, regio_a):
    client = Client()
    if tabel.rol:
        client.force_login(maak_gebruiker(tabel.rol))
    url, rij = tabel.pagina(regio_a)
    response = client.get(url)
    assert response.status_code == 200, url
    assert tabel.template in {t.name for t in response.templates}, url
    html = response.content.decode()
    rijen = rij if isinstance(rij, tuple) else (rij,)
    assert any(r in html for r in rijen), f"{tabel.naam}: {rij!r} not on {url}"


def test_every_shared_table_has_a_case():
    gevonden = {
        str(pad.relative_to(map_)).replace("\\", "/")
        for basis in [Path(settings.BASE_DIR)]
        for map_ in [
            *basis.glob("*/templates"),
            basis / "templates",
        ]
        for pad in map_.rglob("_*_tabel.html")
    }
    gevonden = {naam.split("templates/", 1)[-1] for naam in gevonden}
    assert gevonden == {t.template for t in TABELLEN}
