# ruff: noqa: E501  (data tables: long Dutch sentences read better unbroken)
"""Demo governance of the regio: the RBA (since 2023), Keten-MT and Adviesgroep with fictional
leden, the meetings of the last two years and the next ones, besluiten (including the
approval of an uitvoeringsplan WSP and the EUR 200,000 inzet regionale middelen for
jobhunters), acties and the strategische arbeidsmarktagenda with doe-agenda rows based on
seed 001.

The tables below tell the story as seen on `VERHAAL_VANDAAG` (2026-12-07); the generator
moves it along with today (`DemoContext.datum`), years in its texts included, and numbers
the besluiten by the year they fall in. A rerun keeps the dates the first run chose.

Deterministic and idempotent: natural keys with update_or_create; besluiten are only created
(a genomen besluit is immutable), and the number counters are set to the highest number
given."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db.models import Q

from werkcentrum.demo import (
    DEMO_DOMEIN,
    DemoContext,
    jaartallen_verschuiven,
    lokaal,
    registreer,
)
from werkcentrum.models import Medewerker, Organisatie

from .models import (
    Actie,
    Agendapunt,
    AgendaRegel,
    Besluit,
    BesluitTeller,
    Lid,
    Onderwerp,
    Overlegorgaan,
    Pijler,
    StrategischeAgenda,
    Stuk,
    StukVersie,
    Vergadering,
    Voortgangsrapportage,
)
from .services import open_acties_doorschuiven

G = Vergadering.Status
T = Agendapunt.Type
BT = Besluit.Type
BS = Besluit.Status

ORGANEN = [
    (
        "RBA",
        "Regionaal Beraad Arbeidsmarkt",
        "Bestuurlijk overleg van de zeven wethouders met UWV, onderwijs, SBB, werkgevers- en werknemersorganisaties.",
    ),
    (
        "KMT",
        "Keten-MT",
        "Gedelegeerd opdrachtgever van het WSP; neemt besluiten over de uitvoering.",
    ),
    ("AGA", "Adviesgroep Arbeidsmarkt", "Ambtelijke adviesgroep die het RBA voorbereidt."),
]

# The partners beside the gemeenten' wethouders (who come from the regio's own gemeenten).
PARTNER_LEDEN = [
    ("lid", "Directeur", "UWV"),
    ("lid", "Bestuurder", "Nova College"),
    ("lid", "Regiomanager", "SBB"),
    ("lid", "Regiomanager", "VNO-NCW"),
    ("lid", "Bestuurder", "FNV"),
    ("adviseur", "Programmamanager", "WSP ZKIJ"),
    ("secretaris", "Secretaris", "Gemeente Haarlem"),
]

# (orgaan, datum, status, agendapunten [(titel, type, evaluatie_periode)])
VERGADERINGEN = [
    (
        "RBA",
        date(2025, 1, 29),
        G.VERSLAG_VASTGESTELD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Werkplan RBA 2025", T.BESLUITVORMING, ""),
            ("Stand van zaken Werkcentrum", T.BESPREKING, ""),
        ],
    ),
    (
        "KMT",
        date(2025, 2, 12),
        G.VERSLAG_VASTGESTELD,
        [
            ("Accountteams strategische accounts", T.BESLUITVORMING, ""),
            ("Kwartaalcijfers plaatsingen", T.INFORMATIE, ""),
        ],
    ),
    (
        "RBA",
        date(2025, 3, 19),
        G.VERSLAG_VASTGESTELD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Uitvoeringsplan WSP ZKIJ 2025", T.BESLUITVORMING, ""),
            ("Inzet regionale middelen jobhunters", T.BESLUITVORMING, ""),
            ("Evaluatie uitvoeringsplan WSP, tweede halfjaar 2024", T.EVALUATIE, "2024-H2"),
        ],
    ),
    (
        "KMT",
        date(2025, 6, 4),
        G.VERSLAG_VASTGESTELD,
        [
            ("Jaarplanning events en banenmarkten", T.BESLUITVORMING, ""),
            ("Vervanging WBS en Sonar per 2026", T.BESPREKING, ""),
        ],
    ),
    (
        "RBA",
        date(2025, 6, 18),
        G.VERSLAG_VASTGESTELD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Inzet regionale middelen spreekuurlocaties Werkcentrum", T.BESLUITVORMING, ""),
            ("Strategische arbeidsmarktagenda: voortgang", T.BESPREKING, ""),
        ],
    ),
    (
        "RBA",
        date(2025, 10, 8),
        G.VERSLAG_VASTGESTELD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Evaluatie uitvoeringsplan WSP, eerste halfjaar 2025", T.EVALUATIE, "2025-H1"),
            ("Advies Werkcentrum na 2026", T.BESLUITVORMING, ""),
        ],
    ),
    (
        "RBA",
        date(2025, 12, 10),
        G.VERSLAG_VASTGESTELD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Correctie bijdrage spreekuurlocaties", T.BESLUITVORMING, ""),
            ("Werkgeverstevredenheidsmonitor", T.INFORMATIE, ""),
        ],
    ),
    (
        "RBA",
        date(2026, 3, 18),
        G.VERSLAG_VASTGESTELD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Uitvoeringsplan WSP ZKIJ 2026", T.BESLUITVORMING, ""),
            ("Evaluatie uitvoeringsplan WSP, tweede halfjaar 2025", T.EVALUATIE, "2025-H2"),
        ],
    ),
    (
        "KMT",
        date(2026, 10, 14),
        G.GEHOUDEN,
        [
            ("Kwartaalcijfers plaatsingen", T.INFORMATIE, ""),
            ("Nazorg na vijf maanden", T.BESPREKING, ""),
        ],
    ),
    (
        "RBA",
        date(2026, 12, 16),
        G.AGENDA_GEPUBLICEERD,
        [
            ("Opening en mededelingen", T.INFORMATIE, ""),
            ("Verlenging inzet jobhunters", T.BESLUITVORMING, ""),
            ("Evaluatie uitvoeringsplan WSP, eerste halfjaar 2026", T.EVALUATIE, "2026-H1"),
        ],
    ),
    (
        "RBA",
        date(2027, 3, 17),
        G.GEPLAND,
        [("Uitvoeringsplan WSP ZKIJ 2027", T.BESLUITVORMING, "")],
    ),
]

# (nummer, orgaan, vergaderdatum, agendapunt volgorde, type, status, titel, tekst, bedrag, fonds, openbaar, vervangt)
BESLUITEN = [
    (
        "RBA-2025-001",
        "RBA",
        date(2025, 1, 29),
        2,
        BT.OVERIG,
        BS.GENOMEN,
        "Vaststelling werkplan RBA 2025",
        "Het RBA stelt het werkplan 2025 vast, met de vier sporen en hun mijlpalenplanningen.",
        None,
        "",
        True,
        None,
    ),
    (
        "KMT-2025-001",
        "KMT",
        date(2025, 2, 12),
        1,
        BT.OVERIG,
        BS.GENOMEN,
        "Accountteams voor strategische accounts",
        "Het Keten-MT stelt per strategisch account een accountteam met één aanspreekpunt in.",
        None,
        "",
        True,
        None,
    ),
    (
        "RBA-2025-002",
        "RBA",
        date(2025, 3, 19),
        2,
        BT.VASTSTELLING_UITVOERINGSPLAN,
        BS.GENOMEN,
        "Goedkeuring uitvoeringsplan WSP ZKIJ 2025",
        "Het RBA keurt het uitvoeringsplan WSP Zuid-Kennemerland en IJmond 2025 goed, met de doelstelling van 425 plaatsingen, en legt het ter vaststelling voor aan het college van de centrumgemeente.",
        None,
        "",
        True,
        None,
    ),
    (
        "RBA-2025-003",
        "RBA",
        date(2025, 3, 19),
        3,
        BT.INZET_REGIONALE_MIDDELEN,
        BS.GENOMEN,
        "Inzet regionale middelen jobhunters",
        "Het RBA stelt EUR 200.000 beschikbaar voor de inzet van jobhunters tot 1 september 2025.",
        Decimal("200000.00"),
        "Dichterbij dan je Denkt",
        True,
        None,
    ),
    (
        "KMT-2025-002",
        "KMT",
        date(2025, 6, 4),
        1,
        BT.OVERIG,
        BS.GENOMEN,
        "Jaarplanning events 2025",
        "Het Keten-MT stelt de jaarplanning van events en banenmarkten vast, waaronder de Care Fair.",
        None,
        "",
        True,
        None,
    ),
    (
        "RBA-2025-004",
        "RBA",
        date(2025, 6, 18),
        2,
        BT.INZET_REGIONALE_MIDDELEN,
        BS.GENOMEN,
        "Inzet regionale middelen spreekuurlocaties Werkcentrum",
        "Het RBA stelt EUR 150.000 beschikbaar voor de spreekuurlocaties van het Werkcentrum in 2025-2026.",
        Decimal("150000.00"),
        "Regionale reserve arbeidsmarkt",
        True,
        None,
    ),
    (
        "RBA-2025-005",
        "RBA",
        date(2025, 10, 8),
        3,
        BT.ADVIES,
        BS.GENOMEN,
        "Advies aan de colleges over het Werkcentrum na 2026",
        "Het RBA adviseert de colleges het Werkcentrum na 2026 voort te zetten met de Rijksmiddelen voor het Werkcentrum.",
        None,
        "",
        True,
        None,
    ),
    (
        "RBA-2025-006",
        "RBA",
        date(2025, 12, 10),
        2,
        BT.INZET_REGIONALE_MIDDELEN,
        BS.GENOMEN,
        "Correctie: bijdrage spreekuurlocaties Werkcentrum",
        "Het RBA verhoogt de bijdrage voor de spreekuurlocaties naar EUR 175.000; dit besluit vervangt RBA-2025-004.",
        Decimal("175000.00"),
        "Regionale reserve arbeidsmarkt",
        True,
        "RBA-2025-004",
    ),
    (
        "RBA-2025-007",
        "RBA",
        date(2025, 12, 10),
        3,
        BT.OVERIG,
        BS.GENOMEN,
        "Bespreking werkgeverstevredenheidsmonitor",
        "Het RBA neemt kennis van de werkgeverstevredenheidsmonitor en vraagt het WSP om een verbeterplan.",
        None,
        "",
        False,
        None,
    ),
    (
        "RBA-2026-001",
        "RBA",
        date(2026, 3, 18),
        2,
        BT.VASTSTELLING_UITVOERINGSPLAN,
        BS.GENOMEN,
        "Goedkeuring uitvoeringsplan WSP ZKIJ 2026",
        "Het RBA keurt het uitvoeringsplan WSP 2026 goed.",
        None,
        "",
        True,
        None,
    ),
    (
        "RBA-2026-002",
        "RBA",
        date(2026, 12, 16),
        2,
        BT.INZET_REGIONALE_MIDDELEN,
        BS.VOORGESTELD,
        "Verlenging inzet jobhunters",
        "Voorstel: EUR 100.000 voor de verlenging van de jobhunters in 2027.",
        Decimal("100000.00"),
        "Regionale reserve arbeidsmarkt",
        True,
        None,
    ),
]

# (orgaan, vergaderdatum, omschrijving, deadline, status)
ACTIES = [
    (
        "RBA",
        date(2025, 3, 19),
        "Raadsinformatiebrief over het uitvoeringsplan WSP 2025 opstellen",
        date(2025, 4, 30),
        Actie.Status.AFGEROND,
    ),
    (
        "RBA",
        date(2025, 6, 18),
        "Monitoringinstrument strategische agenda uitwerken",
        date(2025, 9, 30),
        Actie.Status.AFGEROND,
    ),
    (
        "RBA",
        date(2025, 10, 8),
        "Voorstel regionale sociale kaart voorleggen",
        date(2026, 12, 18),
        Actie.Status.IN_BEHANDELING,
    ),
    (
        "RBA",
        date(2025, 12, 10),
        "Verbeterplan werkgeverstevredenheid opstellen",
        date(2027, 1, 29),
        Actie.Status.OPEN,
    ),
    (
        "RBA",
        date(2026, 3, 18),
        "Raadsinformatiebrief over het uitvoeringsplan WSP 2026 opstellen",
        date(2026, 4, 30),
        Actie.Status.AFGEROND,
    ),
    (
        "RBA",
        date(2026, 3, 18),
        "Evaluatie jobhunters voorbereiden",
        date(2026, 12, 2),
        Actie.Status.OPEN,
    ),
    (
        "KMT",
        date(2026, 10, 14),
        "Vervanger WBS en Sonar in gebruik nemen",
        date(2026, 12, 31),
        Actie.Status.OPEN,
    ),
]

AGENDA_PIJLERS = [
    ("Inclusiviteit", "Een inclusieve arbeidsmarkt waarop iedereen meedoet."),
    ("Leven Lang Ontwikkelen", "Een duurzame plek op de arbeidsmarkt door blijvend te leren."),
    ("Talent binden en boeien", "Talent voor de maatschappelijke opgaven behouden en aantrekken."),
]
S = AgendaRegel.Status
SCH = AgendaRegel.Schaal
# (pijler, thema, voor wie, schaal, actie, status, trekkers, financiering) - themes from seed 001
REGELS = [
    (
        0,
        "Daling werkloosheid",
        "Goed bemiddelbare werkzoekenden die door corona zonder werk zijn gekomen",
        SCH.REGIONAAL,
        "Uitbreiding van de bezetting van het WSP voor snelle matching van jongeren en andere kwetsbare groepen",
        S.AFGEROND,
        "WSP ZKIJ",
        "Perspectief op Werk",
    ),
    (
        0,
        "Gelijke kansen voor werkzoekenden",
        "Werkzoekenden met een bijstandsuitkering en een overbrugbare afstand tot de arbeidsmarkt",
        SCH.REGIONAAL,
        "Talent naar de zorg: re-integratietrajecten naar betaald werk in de zorg",
        S.LOOPT,
        "WSP ZKIJ",
        "Perspectief op Werk",
    ),
    (
        0,
        "Gelijke kansen voor werkzoekenden",
        "Mensen met een laaggeschoold profiel of een taalachterstand",
        SCH.SUBREGIONAAL,
        "Verdere ontwikkeling van de Paskamer (House of Skills) in de IJmond",
        S.LOOPT,
        "IJmond Werkt!, TNO",
        "Co-financiering IJmond Werkt! en TNO",
    ),
    (
        0,
        "Gelijke kansen voor werkzoekenden",
        "Werkzoekenden met een afstand tot de arbeidsmarkt",
        SCH.REGIONAAL,
        "Kandidaten in beeld via heldere profielen",
        S.NADER_UIT_TE_WERKEN,
        "UWV en gemeenten",
        "Nader te bepalen",
    ),
    (
        0,
        "Behoud garantiebanen en beschut werk",
        "Werkzoekenden uit het doelgroepregister of met een WSW-indicatie",
        SCH.BEIDE,
        "Vertaling van landelijke extra middelen naar een aanpak van garantiebanen en beschut werk",
        S.NADER_UIT_TE_WERKEN,
        "UWV, gemeenten, Regionaal Werkbedrijf",
        "Landelijk steunpakket",
    ),
    (
        1,
        "Van werk naar werk",
        "Werkenden van wie het werk verdwijnt",
        SCH.REGIONAAL,
        "Loopbaanadvies in de praktijk koppelen aan om- en bijscholing",
        S.LOOPT,
        "UWV, werkgevers- en werknemersorganisaties, onderwijs",
        "Landelijk steunpakket",
    ),
    (
        1,
        "Van werk naar werk",
        "Werkzoekenden en werkenden",
        SCH.SUBREGIONAAL,
        "Blended trainingen (live en online) met ondersteuning van een e-learningplatform",
        S.AFGEROND,
        "IJmond Werkt!",
        "Budget IJmond Werkt!",
    ),
    (
        1,
        "Regionaal mobiliteitsteam",
        "Werknemers voor wie ontslag dreigt",
        SCH.REGIONAAL,
        "Intensieve samenwerking van gemeenten, UWV en re-integratiepartners in het regionaal mobiliteitsteam",
        S.LOOPT,
        "UWV",
        "Landelijk steunpakket",
    ),
    (
        2,
        "Werkgelegenheid in kansrijke sectoren",
        "Jongeren die recent hun baan verloren",
        SCH.REGIONAAL,
        "Extra inzet op toeleiding naar functies in de techniek",
        S.LOOPT,
        "WSP ZKIJ, Techport",
        "Perspectief op Werk",
    ),
    (
        2,
        "Ruimte bij werkgevers",
        "Werkgevers",
        SCH.REGIONAAL,
        "Stimuleren van ruimte bij werkgevers voor mensen met een afstand tot de arbeidsmarkt",
        S.NADER_UIT_TE_WERKEN,
        "Werkgeversorganisaties",
        "Nader te bepalen",
    ),
    (
        2,
        "Sociaal ondernemen",
        "Sociaal ondernemers",
        SCH.BEIDE,
        "Intensievere samenwerking met sociaal ondernemers via het Actieplan Impact Ondernemen",
        S.GESTOPT,
        "Gemeente Haarlem, Economie",
        "Lokaal nader te bepalen",
    ),
]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


RBA_START = date(2023, 1, 1)  # the story's first day of the RBA


def _verschuiving(ctx: DemoContext, organen: dict) -> timedelta:
    """How far the story moves: along with today on the first run; a rerun on a later day
    keeps the dates of the first (its besluiten are immutable, its meetings found by date)."""
    eerste = (
        Vergadering.objects.filter(orgaan=organen["RBA"])
        .order_by("datum")
        .values_list("datum", flat=True)
        .first()
    )
    return eerste - VERGADERINGEN[0][1] if eerste else ctx.verschuiving


def _jaren(verhaaldatum: date, v: timedelta) -> int:
    """How many years later a story row's texts speak of after the move."""
    return (verhaaldatum + v).year - verhaaldatum.year


def _evaluatie(datum: date) -> tuple[str, str]:
    """The last half year finished before a meeting: (title, evaluatie_periode)."""
    if datum.month <= 6:
        jaar, helft, naam = datum.year - 1, 2, "tweede"
    else:
        jaar, helft, naam = datum.year, 1, "eerste"
    return f"Evaluatie uitvoeringsplan WSP, {naam} halfjaar {jaar}", f"{jaar}-H{helft}"


@registreer("rba")
def governance(ctx: DemoContext) -> None:
    regio = ctx.regio
    organen = {
        afk: Overlegorgaan.objects.update_or_create(
            regio=regio, afkorting=afk, defaults={"naam": naam, "omschrijving": oms}
        )[0]
        for afk, naam, oms in ORGANEN
    }
    v = _verschuiving(ctx, organen)
    _leden(ctx, organen, v)
    dossiers = {
        titel: Onderwerp.objects.update_or_create(
            regio=regio, titel=titel, defaults={"omschrijving": oms}
        )[0]
        for titel, oms in [
            (
                "Uitvoeringsplan WSP",
                "Jaarlijkse uitvoeringsplannen van het WSP en de evaluaties daarvan.",
            ),
            ("Jobhunters", "Inzet en evaluatie van de jobhunters."),
            ("Werkcentrum", "Opbouw van het Regionaal Werkcentrum en zijn spreekuurlocaties."),
        ]
    }
    punten = _vergaderingen(regio, organen, dossiers, v)
    _besluiten(regio, organen, punten, v)
    _acties(ctx, organen, v)
    _agenda(regio, v)


def _leden(ctx: DemoContext, organen: dict, v: timedelta) -> None:
    orgs = {o.naam.lower(): o for o in Organisatie.objects.filter(regio=ctx.regio)}
    # Each gemeente of the regio sends a wethouder; the centrumgemeente's chairs.
    gemeenten = ctx.regio.gemeenten.order_by("-is_centrumgemeente", "naam")
    bestuur = [
        ("voorzitter", "Wethouder Werk en Inkomen", f"Gemeente {g.naam}")
        if g.is_centrumgemeente
        else ("lid", "Wethouder", f"Gemeente {g.naam}")
        for g in gemeenten
    ]
    partners = lokaal(ctx.regio, PARTNER_LEDEN)
    for orgaan, leden in (
        (organen["RBA"], bestuur + partners),
        (organen["KMT"], partners[:2] + partners[-2:]),
    ):
        for i, (rol, functie, organisatie) in enumerate(leden, start=1):
            voornaam, achternaam = ctx.naam()
            Lid.objects.update_or_create(
                orgaan=orgaan,
                email=f"{orgaan.afkorting.lower()}.lid{i}@{ctx.regio.code}.{DEMO_DOMEIN}",
                defaults={
                    "naam": f"{voornaam} {achternaam}",
                    "functie": f"{functie}, {organisatie}",
                    "organisatie": orgs.get(organisatie.lower()),
                    "rol": rol,
                    "van": RBA_START + v,
                    "tot": None,
                },
            )
    # History: a wethouder who left after the municipal elections.
    voornaam, achternaam = ctx.naam()
    Lid.objects.update_or_create(
        orgaan=organen["RBA"],
        email=f"rba.oud1@{ctx.regio.code}.{DEMO_DOMEIN}",
        defaults={
            "naam": f"{voornaam} {achternaam}",
            "functie": lokaal(ctx.regio, "Wethouder, Gemeente Velsen"),
            "rol": Lid.Rol.LID,
            "van": RBA_START + v,
            "tot": date(2026, 3, 31) + v,
        },
    )


def _vergaderingen(regio, organen: dict, dossiers: dict, v: timedelta) -> dict:
    """The meetings with their agendas; returns the agendapunten by (orgaan, story date,
    volgorde), the key the besluiten and acties tables use."""
    punten = {}
    for afk, verhaaldatum, status, agenda in lokaal(regio, VERGADERINGEN):
        datum = verhaaldatum + v
        vergadering, _ = Vergadering.objects.update_or_create(
            orgaan=organen[afk],
            datum=datum,
            defaults={
                "regio": regio,
                "aanvang": time(15, 30) if afk == "RBA" else time(10, 0),
                "einde": time(17, 30) if afk == "RBA" else time(12, 0),
                "locatie": lokaal(
                    regio,
                    "Stadhuis Haarlem, Grote Markt 2" if afk == "RBA" else "WSP ZKIJ, Velsen",
                ),
                "online_link": "https://vergaderen.example.nl/rba" if afk == "RBA" else "",
                "status": status,
                "verslag": "Het verslag is ongewijzigd vastgesteld."
                if status == G.VERSLAG_VASTGESTELD
                else "",
            },
        )
        for volgorde, (titel, type_, periode) in enumerate(agenda, start=1):
            titel = jaartallen_verschuiven(titel, _jaren(verhaaldatum, v))
            if type_ == T.EVALUATIE:
                titel, periode = _evaluatie(datum)
            dossier = next(
                (d for k, d in dossiers.items() if k.split()[0].lower() in titel.lower()), None
            )
            punt, _ = Agendapunt.objects.update_or_create(
                vergadering=vergadering,
                volgorde=volgorde,
                defaults={
                    "titel": titel,
                    "type": type_,
                    "evaluatie_periode": periode,
                    "onderwerp": dossier,
                },
            )
            punten[(afk, verhaaldatum, volgorde)] = punt
    _stuk(regio, punten[("RBA", date(2025, 3, 19), 2)], _jaren(date(2025, 3, 19), v))
    return punten


def _stuk(regio, punt: Agendapunt, jaren: int) -> None:
    stuk, _ = Stuk.objects.get_or_create(
        agendapunt=punt,
        titel=jaartallen_verschuiven(lokaal(regio, "Uitvoeringsplan WSP ZKIJ 2025"), jaren),
        defaults={"openbaar": True},
    )
    if not StukVersie.objects.filter(stuk=stuk, versie=1).exists():
        versie = StukVersie(
            stuk=stuk,
            versie=1,
            bestandsnaam=jaartallen_verschuiven("uitvoeringsplan-wsp-2025.pdf", jaren),
            mime_type="application/pdf",
            grootte=len(PDF),
            sha256=__import__("hashlib").sha256(PDF).hexdigest(),
        )
        # One fixed file for the demo document (fictional, public content), so reruns and
        # test runs of demo_data reuse it instead of adding a random-named copy each time.
        naam = "rba/stukken/demo-uitvoeringsplan-wsp-2025.pdf"
        if not versie.bestand.storage.exists(naam):
            naam = versie.bestand.storage.save(naam, ContentFile(PDF))
        versie.bestand.name = naam
        versie.save()


def _nummers(rijen: list, v: timedelta) -> dict[str, str]:
    """The story's besluit numbers mapped to numbers by the year each besluit falls in
    after the move, in the order of date and agendapunt."""
    volgorde = sorted(rijen, key=lambda r: (r[2], r[3]))
    teller: dict[tuple[str, int], int] = {}
    nummers = {}
    for rij in volgorde:
        afk, jaar = rij[1], (rij[2] + v).year
        teller[(afk, jaar)] = teller.get((afk, jaar), 0) + 1
        nummers[rij[0]] = f"{afk}-{jaar}-{teller[(afk, jaar)]:03d}"
    return nummers


def _besluiten(regio, organen: dict, punten: dict, v: timedelta) -> None:
    rijen = lokaal(regio, BESLUITEN)
    nummers = _nummers(rijen, v)
    for (
        verhaalnummer,
        afk,
        verhaaldatum,
        volgorde,
        type_,
        status,
        titel,
        tekst,
        bedrag,
        fonds,
        openbaar,
        vervangt,
    ) in rijen:
        nummer = nummers[verhaalnummer]
        if Besluit.objects.filter(regio=regio, nummer=nummer).exists():
            continue  # a taken besluit is never rewritten
        jaren = _jaren(verhaaldatum, v)
        if vervangt:
            # Mentioned by its new number; shielded from the shift of years in the text.
            tekst = tekst.replace(vervangt, "{vervangt}")
        titel, tekst = jaartallen_verschuiven((titel, tekst), jaren)
        if vervangt:
            tekst = tekst.replace("{vervangt}", nummers[vervangt])
        punt = punten[(afk, verhaaldatum, volgorde)]
        Besluit.objects.create(
            regio=regio,
            orgaan=organen[afk],
            agendapunt=punt,
            onderwerp=punt.onderwerp,
            nummer=nummer,
            datum=verhaaldatum + v,
            titel=titel,
            besluittekst=tekst,
            type=type_,
            status=status,
            bedrag=bedrag,
            fonds=fonds,
            openbaar=openbaar,
            vervangt=Besluit.objects.get(regio=regio, nummer=nummers[vervangt])
            if vervangt
            else None,
        )
    hoogste: dict[tuple[str, int], int] = {}
    for nummer in Besluit.objects.filter(regio=regio).values_list("nummer", flat=True):
        voorvoegsel, jaar, volg = nummer.rsplit("-", 2)
        sleutel = (voorvoegsel, int(jaar))
        hoogste[sleutel] = max(hoogste.get(sleutel, 0), int(volg))
    for (voorvoegsel, jaar), laatste in hoogste.items():
        BesluitTeller.objects.update_or_create(
            regio=regio, voorvoegsel=voorvoegsel, jaar=jaar, defaults={"laatste": laatste}
        )


def _acties(ctx: DemoContext, organen: dict, v: timedelta) -> None:
    secretariaat = (
        Medewerker.objects.filter(regio=ctx.regio, email__startswith="rba.secretariaat")
        .order_by("email")
        .first()
    )
    for afk, verhaaldatum, omschrijving, deadline, status in lokaal(ctx.regio, ACTIES):
        vergadering = Vergadering.objects.get(orgaan=organen[afk], datum=verhaaldatum + v)
        deadline = deadline + v
        Actie.objects.update_or_create(
            regio=ctx.regio,
            orgaan=organen[afk],
            omschrijving=jaartallen_verschuiven(omschrijving, _jaren(verhaaldatum, v)),
            defaults={
                "vergadering": vergadering,
                "deadline": deadline,
                "status": status,
                "eigenaar": secretariaat,
                "eigenaar_naam": "" if secretariaat else "Secretariaat RBA",
                "eigenaar_email": ""
                if secretariaat
                else f"secretariaat@{ctx.regio.code}.{DEMO_DOMEIN}",
                "afgerond_op": deadline if status == Actie.Status.AFGEROND else None,
            },
        )
    for orgaan in organen.values():
        open_acties_doorschuiven(orgaan=orgaan)
    # Held meetings keep the list they had: link each open actie to the meetings after its origin.
    for actie in Actie.objects.filter(regio=ctx.regio).select_related("vergadering"):
        later = Vergadering.objects.filter(
            orgaan=actie.orgaan, datum__gt=actie.vergadering.datum
        ).filter(Q(datum__lte=actie.afgerond_op) if actie.afgerond_op else Q())
        actie.geagendeerd_op.add(*later.order_by("datum")[:3])


def _agenda(regio, v: timedelta) -> None:
    jaren = _jaren(date(2025, 6, 18), v)
    agenda, _ = StrategischeAgenda.objects.update_or_create(
        regio=regio,
        titel=jaartallen_verschuiven(
            lokaal(regio, "Strategische arbeidsmarktagenda ZKIJ 2023-2027"), jaren
        ),
        defaults={
            "startjaar": 2023 + jaren,
            "eindjaar": 2027 + jaren,
            "ambities": "Een inclusieve arbeidsmarkt.\nEen duurzame plek op de arbeidsmarkt voor iedereen.\nRealisatie van de maatschappelijke opgaven.",
        },
    )
    pijlers = [
        Pijler.objects.update_or_create(
            agenda=agenda, naam=naam, defaults={"omschrijving": oms, "volgorde": i}
        )[0]
        for i, (naam, oms) in enumerate(AGENDA_PIJLERS, start=1)
    ]
    for i, (p, thema, voor_wie, schaal, actie, status, trekkers, financiering) in enumerate(
        lokaal(regio, REGELS)
    ):
        regel, _ = AgendaRegel.objects.update_or_create(
            regio=regio,
            pijler=pijlers[p],
            thema=thema,
            actie=actie,
            defaults={
                "voor_wie": voor_wie,
                "schaal": schaal,
                "status": status,
                "trekkers": trekkers,
                "financiering": financiering,
            },
        )
        Voortgangsrapportage.objects.update_or_create(
            regel=regel,
            datum=date(2025, 6, 18) + v,
            defaults={
                "tekst": "Voortgang besproken in het RBA; de actie ligt op koers."
                if status != S.GESTOPT
                else "Gestopt: opgenomen in de lokale aanpak."
            },
        )
        if i % 3 == 0:
            Voortgangsrapportage.objects.update_or_create(
                regel=regel,
                datum=date(2025, 12, 10) + v,
                defaults={"tekst": "Halfjaarrapportage: resultaten gedeeld met de colleges."},
            )
