from datetime import date
from decimal import ConversionSyntax, Decimal, InvalidOperation
from pathlib import Path

import pytest
from django.db import IntegrityError, OperationalError

from tests.factories import OrganisatieFactory
from wsp.importeren import importeren
from wsp.models import Contactmoment, Kandidaat, Plaatsing, Vacature, Werkgever

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
        ("contactmomenten", "contactmomenten.csv"),
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


# --- accounthouder (issue 22, point 8) -----------------------------------------------------

KOP = "kvk_nummer,naam,sector,partnerschap,accounthouder,website,telefoon,email,externe_id\n"


def _werkgevers(regio, user, *rijen, bevestigen=True, opties=None):
    return importeren(
        soort="werkgevers",
        inhoud=(KOP + "".join(rijen)).encode(),
        bestandsnaam="w.csv",
        regio=regio,
        user=user,
        bevestigen=bevestigen,
        opties=opties,
    )


def test_the_accounthouder_column_takes_a_wsp_medewerker_of_the_regio_by_email(
    regio_a, adviseur, manager
):
    resultaat = _werkgevers(
        regio_a,
        adviseur,
        f"12340001,Een BV,Techniek,,{adviseur.email.upper()},,,,\n",
        f"12340002,Twee BV,Techniek,,{manager.email},,,,\n",
    )
    assert resultaat.ok, resultaat.fouten
    assert Werkgever.objects.get(kvk_nummer="12340001").accounthouder == adviseur
    assert Werkgever.objects.get(kvk_nummer="12340002").accounthouder == manager


def test_an_accounthouder_who_is_no_wsp_medewerker_of_the_regio_is_a_dutch_row_error(
    regio_a, regio_b, adviseur, maak_gebruiker
):
    gids = maak_gebruiker("gids")
    elders = maak_gebruiker("wsp_adviseur", regio=regio_b)
    vertrokken = maak_gebruiker("wsp_adviseur", is_active=False)
    resultaat = _werkgevers(
        regio_a,
        adviseur,
        f"12340001,Een BV,Techniek,,{gids.email},,,,\n",
        f"12340002,Twee BV,Techniek,,{elders.email},,,,\n",
        f"12340003,Drie BV,Techniek,,{vertrokken.email},,,,\n",
        "12340004,Vier BV,Techniek,,niemand@nergens.example,,,,\n",
        opties={"accounthouder": adviseur.pk},
    )
    assert not resultaat.geschreven and not Werkgever.objects.exists()
    assert [(f.rij, f.kolom, f.melding) for f in resultaat.fouten] == [
        (rij, "accounthouder", f"'{email}' is geen WSP-adviseur of -manager van jouw regio.")
        for rij, email in (
            (2, gids.email),
            (3, elders.email),
            (4, vertrokken.email),
            (5, "niemand@nergens.example"),
        )
    ]


def test_the_check_counts_werkgevers_without_accounthouder_and_the_import_needs_a_default(
    regio_a, adviseur
):
    controle = _import("werkgevers.csv", regio_a, adviseur, bevestigen=False, opties={})
    assert controle.ok and controle.zonder_accounthouder == 3
    zonder = _import("werkgevers.csv", regio_a, adviseur, opties={})
    assert not zonder.geschreven and not Werkgever.objects.exists()
    assert {(f.rij, f.kolom) for f in zonder.fouten} == {
        (2, "accounthouder"),
        (3, "accounthouder"),
        (4, "accounthouder"),
    }
    assert zonder.fouten[0].melding == (
        "Geen accounthouder: vul het e-mailadres van een WSP-adviseur in of kies een "
        "standaard-accounthouder."
    )
    met = _import("werkgevers.csv", regio_a, adviseur, opties={"accounthouder": adviseur.pk})
    assert met.geschreven
    assert set(Werkgever.objects.values_list("accounthouder", flat=True)) == {adviseur.pk}


def test_an_empty_column_keeps_the_accounthouder_a_werkgever_already_has(
    regio_a, adviseur, manager
):
    _werkgevers(regio_a, adviseur, f"12340001,Een BV,Techniek,,{manager.email},,,,\n")
    resultaat = _werkgevers(
        regio_a,
        adviseur,
        "12340001,Een BV,Techniek,,,,,,\n",
        opties={"accounthouder": adviseur.pk},
    )
    assert resultaat.ok and resultaat.ongewijzigd == 1 and resultaat.zonder_accounthouder == 0
    assert Werkgever.objects.get().accounthouder == manager


def test_the_default_accounthouder_must_be_a_wsp_medewerker_of_the_regio(
    regio_a, regio_b, adviseur, maak_gebruiker
):
    for ander in (maak_gebruiker("gids"), maak_gebruiker("wsp_adviseur", regio=regio_b)):
        resultaat = _import("werkgevers.csv", regio_a, adviseur, opties={"accounthouder": ander.pk})
        assert [f.melding for f in resultaat.fouten] == [
            "De gekozen accounthouder is geen WSP-adviseur of -manager van jouw regio."
        ]
    assert not Werkgever.objects.exists()


# --- every message in Dutch -----------------------------------------------------------------

ENGELS = ("could not", "parsed", "does not exist", "matching query", "invalid", "value")


def test_unreadable_values_are_reported_in_dutch_on_their_column(regio_a, adviseur, haarlem):
    OrganisatieFactory(regio=regio_a, naam="UWV Haarlem")
    resultaat = _import("kandidaten_fout.csv", regio_a, adviseur)
    assert not resultaat.geschreven and not Kandidaat.objects.exists()
    assert [(f.rij, f.kolom, f.melding) for f in resultaat.fouten] == [
        (
            2,
            "beschikbaar_vanaf",
            "'morgen' is geen datum; schrijf dag-maand-jaar, zoals 31-12-2025.",
        ),
        (3, "uren_per_week", "'veel' is geen geheel getal."),
        (4, "uren_per_week", "'12,5' is geen geheel getal."),
        (5, "rijbewijs", "'misschien' is geen ja of nee; schrijf ja of nee."),
        (6, "overgedragen_door", "'Onbekend UWV' is niet gevonden in jouw regio."),
        (6, "woongemeente", "'Atlantis' is niet gevonden in jouw regio."),
    ]
    for fout in resultaat.fouten:
        assert not any(woord in fout.melding.lower() for woord in ENGELS), fout


def test_dutch_dates_and_ja_nee_are_read(regio_a, adviseur, haarlem):
    OrganisatieFactory(regio=regio_a, naam="UWV Haarlem")
    kop, rij = (DATA / "kandidaten_fout.csv").read_text().splitlines()[::5]
    inhoud = kop + "\n" + rij.replace("Atlantis", "Haarlem").replace("Onbekend UWV", "UWV Haarlem")
    resultaat = importeren(
        soort="kandidaten",
        inhoud=inhoud.encode(),
        bestandsnaam="k.csv",
        regio=regio_a,
        user=adviseur,
        bevestigen=True,
    )
    assert resultaat.ok, resultaat.fouten
    kandidaat = Kandidaat.objects.get()
    assert (kandidaat.beschikbaar_vanaf, kandidaat.overgedragen_op) == (
        date(2025, 2, 1),
        date(2025, 1, 15),
    )
    assert kandidaat.rijbewijs and kandidaat.toestemming


def test_a_number_that_is_no_number_is_a_dutch_error():
    from wsp.importwidgets import DecimaalWidget, Importfout

    assert DecimaalWidget().clean("12,5") == Decimal("12.5")
    for fout in ("twaalf", "NaN"):
        with pytest.raises(
            Importfout, match=f"^'{fout}' is geen getal; schrijf bijvoorbeeld 12,5.$"
        ):
            DecimaalWidget().clean(fout)


def test_an_error_without_a_column_is_told_in_dutch_too():
    from wsp.importeren import _melding

    assert _melding(Werkgever.DoesNotExist("Werkgever matching query does not exist.")) == (
        "Een verwijzing in deze regel is niet gevonden in jouw regio."
    )
    assert _melding(InvalidOperation([ConversionSyntax])) == (
        "Een waarde in deze regel is niet te lezen."
    )
    assert _melding(IntegrityError('duplicate key value violates unique constraint "x"')) == (
        "Deze regel botst met een rij die al in het portaal staat."
    )
    assert _melding(RuntimeError("something else")) == "Deze regel kon niet worden verwerkt."
    with pytest.raises(OperationalError):  # the database is away: the task retries
        _melding(OperationalError("server closed the connection"))


# --- contactmomenten history ----------------------------------------------------------------


@pytest.fixture
def anouk(maak_gebruiker):
    return maak_gebruiker("wsp_adviseur", email="anouk.adviseur@werkcentrum.example")


def test_the_contactmomenten_history_is_imported_once(regio_a, adviseur, anouk):
    _import("werkgevers.csv", regio_a, adviseur)
    controle = _import("contactmomenten.csv", regio_a, adviseur, bevestigen=False)
    assert controle.ok and controle.nieuw == 3 and not Contactmoment.objects.exists()
    eerste = _import("contactmomenten.csv", regio_a, adviseur)
    assert eerste.ok and eerste.geschreven, eerste.fouten
    assert sorted(
        Contactmoment.objects.values_list("werkgever__kvk_nummer", "datum", "type", "medewerker")
    ) == [
        ("12340001", date(2025, 10, 14), "bezoek", anouk.pk),
        ("12340002", date(2025, 11, 3), "telefoon", anouk.pk),
        ("12340003", date(2025, 12, 1), "email", anouk.pk),
    ]
    opvolging = Contactmoment.objects.get(type="telefoon")
    assert (opvolging.opvolgdatum, opvolging.opvolging_afgerond) == (date(2025, 11, 17), True)
    tweede = _import("contactmomenten.csv", regio_a, adviseur)
    assert tweede.ok and tweede.nieuw == 0 and tweede.ongewijzigd == 3
    assert Contactmoment.objects.count() == 3


def test_one_bad_contactmoment_writes_nothing_and_says_why_in_dutch(regio_a, adviseur, anouk):
    _import("werkgevers.csv", regio_a, adviseur)
    resultaat = _import("contactmomenten_fout.csv", regio_a, adviseur)
    assert not resultaat.geschreven and not Contactmoment.objects.exists()
    assert [(f.rij, f.kolom, f.melding) for f in resultaat.fouten] == [
        (2, "werkgever_kvk", "'99999999' is niet gevonden in jouw regio."),
        (3, "datum", "'31-02-2025' is geen datum; schrijf dag-maand-jaar, zoals 31-12-2025."),
        (
            4,
            "type",
            "'fax' is geen geldige keuze; kies uit: bezoek, telefoon, email, event, overig.",
        ),
        (
            5,
            "medewerker",
            "'iemand@elders.example' is geen WSP-adviseur of -manager van jouw regio.",
        ),
        (6, "opvolging_afgerond", "'misschien' is geen ja of nee; schrijf ja of nee."),
    ]


def test_contactmomenten_land_only_with_werkgevers_of_the_importing_regio(
    regio_a, regio_b, adviseur, anouk, maak_gebruiker
):
    # The same KvK-nummers exist in regio B only: regio A's import finds none of them.
    _import("werkgevers.csv", regio_b, maak_gebruiker("wsp_adviseur", regio=regio_b))
    resultaat = _import("contactmomenten.csv", regio_a, adviseur)
    assert {(f.rij, f.kolom) for f in resultaat.fouten} == {
        (2, "werkgever_kvk"),
        (3, "werkgever_kvk"),
        (4, "werkgever_kvk"),
    }
    assert not Contactmoment.objects.exists()


def test_a_choice_is_read_by_its_dutch_label_and_an_unknown_one_lists_the_choices(
    regio_a, adviseur
):
    resultaat = _werkgevers(
        regio_a,
        adviseur,
        f"12340001,Een BV,Techniek,Strategisch,{adviseur.email},,,,\n",
        f"12340002,Twee BV,Techniek,heel goed,{adviseur.email},,,,\n",
    )
    assert [(f.rij, f.kolom, f.melding) for f in resultaat.fouten] == [
        (
            3,
            "partnerschap",
            "'heel goed' is geen geldige keuze; kies uit: strategisch, tactisch, operationeel.",
        )
    ]
    assert _werkgevers(
        regio_a, adviseur, f"12340001,Een BV,Techniek,Strategisch,{adviseur.email},,,,\n"
    ).ok
    assert Werkgever.objects.get().partnerschap == "strategisch"


def test_an_adviseur_imports_contactmomenten_of_own_accounts_only(
    regio_a, adviseur, manager, anouk
):
    # Werkgever 12340002 is the manager's account; the adviseur holds the other two.
    _import("werkgevers.csv", regio_a, adviseur)
    Werkgever.objects.filter(kvk_nummer="12340002").update(accounthouder=manager)
    resultaat = _import("contactmomenten.csv", regio_a, adviseur)
    assert [(f.rij, f.kolom, f.melding) for f in resultaat.fouten] == [
        (
            3,
            "werkgever_kvk",
            "Alleen de accounthouder, het accountteam of een WSP-manager legt contactmomenten "
            "van Zorggroep Duinrand vast.",
        )
    ]
    assert not Contactmoment.objects.exists()
    assert _import("contactmomenten.csv", regio_a, manager).geschreven
    assert Contactmoment.objects.count() == 3
