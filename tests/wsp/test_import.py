from datetime import date
from pathlib import Path

import pytest

from tests.factories import OrganisatieFactory
from wsp.importeren import importeren
from wsp.models import Kandidaat, Plaatsing, Vacature, Werkgever

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def _import(naam, regio, user, bevestigen=True, opties=None):
    soort = naam.split(".")[0].split("_")[0]
    if opties is None and soort == "werkgevers":
        # The sample werkgevers name no accounthouder: the importer is the default.
        opties = {"accounthouder": user.pk}
    return importeren(
        soort=soort,
        inhoud=(DATA / naam).read_bytes(),
        bestandsnaam=naam,
        regio=regio,
        user=user,
        bevestigen=bevestigen,
        opties=opties,
    )


def test_preview_writes_nothing(regio_a, adviseur):
    resultaat = _import("werkgevers.csv", regio_a, adviseur, bevestigen=False)
    assert resultaat.ok and resultaat.nieuw == 3 and not resultaat.geschreven
    assert not Werkgever.objects.exists()


def test_import_is_idempotent_by_kvk(regio_a, adviseur):
    eerste = _import("werkgevers.csv", regio_a, adviseur)
    assert eerste.geschreven and eerste.nieuw == 3
    tweede = _import("werkgevers.csv", regio_a, adviseur)
    assert tweede.nieuw == 0 and tweede.gewijzigd == 0 and tweede.ongewijzigd == 3
    assert Werkgever.objects.filter(regio=regio_a).count() == 3
    assert Werkgever.objects.get(kvk_nummer="12340002").sector.cluster.code == "zorg"


def test_one_bad_row_writes_nothing_and_names_row_and_column(regio_a, adviseur):
    resultaat = _import("werkgevers_fout.csv", regio_a, adviseur)
    assert not resultaat.geschreven
    assert not Werkgever.objects.exists()
    plekken = {(f.rij, f.kolom) for f in resultaat.fouten}
    assert (3, "kvk_nummer") in plekken
    assert (4, "sector") in plekken


def test_full_chain_import_with_xlsx_and_nazorg(regio_a, adviseur, haarlem):
    OrganisatieFactory(regio=regio_a, naam="UWV Haarlem")
    _import("werkgevers.csv", regio_a, adviseur)
    vac = _import("vacatures.xlsx", regio_a, adviseur)
    assert vac.ok, vac.fouten
    assert Vacature.objects.filter(regio=regio_a).count() == 2
    assert Vacature.objects.get(externe_id="V-001").doelgroepen == ["ww", "pwet"]
    kand = _import("kandidaten.csv", regio_a, adviseur)
    assert kand.ok, kand.fouten
    assert Kandidaat.objects.filter(regio=regio_a, toestemming=True).count() == 2
    pl = _import("plaatsingen.csv", regio_a, adviseur)
    assert pl.ok, pl.fouten
    plaatsing = Plaatsing.objects.get()
    assert plaatsing.instrumenten == ["proefplaatsing", "jobcoach"]
    assert sorted(m.vervaldatum for m in plaatsing.nazorgmomenten.all()) == [
        date(2026, 2, 28),
        date(2026, 5, 31),
    ]
    again = _import("plaatsingen.csv", regio_a, adviseur)
    assert again.ok and Plaatsing.objects.count() == 1 and plaatsing.nazorgmomenten.count() == 2


def test_import_never_touches_another_regio(regio_a, regio_b, adviseur, maak_gebruiker):
    _import("werkgevers.csv", regio_b, maak_gebruiker("wsp_adviseur", regio=regio_b))
    _import("werkgevers.csv", regio_a, adviseur)
    assert Werkgever.objects.filter(regio=regio_a).count() == 3
    assert Werkgever.objects.filter(regio=regio_b).count() == 3


def test_export_has_same_columns_as_import(regio_a, adviseur):
    from wsp.resources import WerkgeverResource

    _import("werkgevers.csv", regio_a, adviseur)
    resource = WerkgeverResource(regio=regio_a)
    dataset = resource.export(resource.get_queryset())
    kop = (DATA / "werkgevers.csv").read_text().splitlines()[0].split(",")
    assert dataset.headers == kop
    assert len(dataset) == 3


@pytest.mark.parametrize(
    ("soort", "bestand"),
    [
        ("kandidaten", "kandidaten.csv"),
        ("plaatsingen", "plaatsingen.csv"),
        ("vacatures", "vacatures.xlsx"),
        ("werkgevers", "werkgevers.csv"),
    ],
)
def test_every_export_has_the_columns_of_its_sample_file(soort, bestand, regio_a):
    # The foreign-key columns (werkgever_kvk, kandidaat_id) too: an exported sheet can be
    # imported again as it is.
    from wsp.importeren import dataset_lezen
    from wsp.resources import RESOURCES

    resource = RESOURCES[soort][1](regio=regio_a)
    kop = dataset_lezen((DATA / bestand).read_bytes(), bestand).headers
    assert resource.export(resource.get_queryset()).headers == kop


def test_contactpersonen_export_names_the_werkgever_by_kvk(regio_a):
    from wsp.resources import ContactpersoonResource

    resource = ContactpersoonResource(regio=regio_a)
    assert resource.export(resource.get_queryset()).headers == [
        "externe_id",
        "werkgever_kvk",
        "naam",
        "functie",
        "email",
        "telefoon",
    ]
