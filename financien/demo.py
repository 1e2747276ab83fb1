"""Demo data of the regionale reserve, built on the figures of the seed documents: the
decentralisatie-uitkering Versterking Arbeidsmarktregio (2020 EUR 76,921; 2021 EUR 384,607;
2022 EUR 398,593), Perspectief op Werk (EUR 1,000,000 spent + EUR 1,000,000 to allocate) and
Dichterbij dan je Denkt (EUR 200,000 for WSP jobhunters until 2025-09-01). Budget amounts and
the split of spending over the years are illustrative.

Idempotent: funds, lines and besluiten are found by their natural keys, and every booking
carries a fixed kenmerk (DEMO-...), so a rerun books nothing twice. All bookings go through
the services, so the demo obeys the ledger rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from werkcentrum.demo import DEMO_DOMEIN, DemoContext, lokaal, registreer

GELDSTROMEN = [
    {
        "naam": "DU Versterking Arbeidsmarktregio",
        "bron": "rijk",
        "regeling": "Decentralisatie-uitkering Versterken Arbeidsmarktregio's (Gemeentefonds)",
        "voorwaarden": "Regionale ondersteuning en facilitering van de regionale "
        "samenwerkingsstructuur vanuit de centrumgemeente.",
        "einddatum": None,
    },
    {
        "naam": "Perspectief op Werk",
        "bron": "rijk",
        "regeling": "Perspectief op Werk",
        "voorwaarden": "Extra inzet om werkgevers en werkzoekenden met een afstand tot de "
        "arbeidsmarkt samen te brengen.",
        "einddatum": None,
    },
    {
        "naam": "Dichterbij dan je Denkt",
        "bron": "rijk",
        "regeling": "Eenmalige decentralisatie-uitkering Dichterbij dan je Denkt",
        "voorwaarden": "Inzet van jobhunters binnen het WSP ZKIJ.",
        "einddatum": date(2025, 9, 1),
    },
    {
        "naam": "Just Transition Fund IJmond",
        "bron": "eu",
        "regeling": "Just Transition Fund (subsidie)",
        "voorwaarden": "Projecten in de IJmond; nog geen middelen ontvangen.",
        "einddatum": date(2027, 12, 31),
    },
]

POSTEN = [
    ("WCD", "Werkcentrum dienstverlening"),
    ("TRJ", "Trajecten"),
    ("JOB", "WSP jobhunters"),
    ("SAG", "Projecten strategische agenda"),
    ("COO", "Coördinatie regionale samenwerking"),
]

BEGROTING_2025 = {
    "WCD": "150000.00",
    "TRJ": "120000.00",
    "JOB": "60000.00",
    "SAG": "100000.00",
    "COO": "80000.00",
}

BESLUITEN = {
    "pow": ("Inzet Perspectief op Werk 2020-2021", date(2020, 11, 4), "1000000.00"),
    "coo": ("Coördinatie regionale samenwerking 2021-2023", date(2021, 2, 3), "300000.00"),
    "job": ("Jobhunters WSP uit Dichterbij dan je Denkt", date(2022, 9, 7), "200000.00"),
    "wc": ("Inzet reserve voor het Werkcentrum ZKIJ 2025", date(2024, 12, 11), "250000.00"),
}

# (kenmerk, soort, datum, bedrag, fund, post, besluit key or verplichting kenmerk, text)
BOEKINGEN = [
    ("DEMO-S-DU20", "storting", date(2020, 12, 15), "76921.00", 0, None, None, "DU 2020"),
    ("DEMO-S-DU21", "storting", date(2021, 12, 15), "384607.00", 0, None, None, "DU 2021"),
    ("DEMO-S-DU22", "storting", date(2022, 12, 15), "398593.00", 0, None, None, "DU 2022"),
    ("DEMO-S-POW1", "storting", date(2020, 10, 1), "1000000.00", 1, None, None, "PoW tranche 1"),
    ("DEMO-S-POW2", "storting", date(2021, 10, 1), "1000000.00", 1, None, None, "PoW tranche 2"),
    ("DEMO-S-DDD", "storting", date(2022, 6, 1), "200000.00", 2, None, None, "Dichterbij DU"),
    (
        "DEMO-V-POW",
        "verplichting",
        date(2020, 11, 15),
        "1000000.00",
        1,
        "SAG",
        "pow",
        "Projecten doe-agenda via Perspectief op Werk",
    ),
    (
        "DEMO-R-POW1",
        "realisatie",
        date(2021, 6, 30),
        "600000.00",
        None,
        None,
        "DEMO-V-POW",
        "Projecten eerste helft 2021",
    ),
    (
        "DEMO-R-POW2",
        "realisatie",
        date(2021, 12, 31),
        "400000.00",
        None,
        None,
        "DEMO-V-POW",
        "Projecten tweede helft 2021",
    ),
    (
        "DEMO-V-COO",
        "verplichting",
        date(2021, 3, 1),
        "300000.00",
        0,
        "COO",
        "coo",
        "Coördinator en programmateam 2021-2023",
    ),
    (
        "DEMO-R-COO1",
        "realisatie",
        date(2021, 12, 31),
        "90000.00",
        None,
        None,
        "DEMO-V-COO",
        "Coördinatie 2021",
    ),
    (
        "DEMO-R-COO2",
        "realisatie",
        date(2022, 12, 31),
        "100000.00",
        None,
        None,
        "DEMO-V-COO",
        "Coördinatie 2022",
    ),
    (
        "DEMO-R-COO3",
        "realisatie",
        date(2023, 12, 31),
        "100000.00",
        None,
        None,
        "DEMO-V-COO",
        "Coördinatie 2023",
    ),
    (
        "DEMO-F-COO",
        "vrijval",
        date(2023, 12, 31),
        "10000.00",
        None,
        None,
        "DEMO-V-COO",
        "Restant coördinatie valt vrij",
    ),
    (
        "DEMO-V-JOB",
        "verplichting",
        date(2023, 1, 16),
        "180000.00",
        2,
        "JOB",
        "job",
        "Jobhunters WSP ZKIJ",
    ),
    (
        "DEMO-R-JOB1",
        "realisatie",
        date(2023, 12, 31),
        "60000.00",
        None,
        None,
        "DEMO-V-JOB",
        "Jobhunters 2023",
    ),
    (
        "DEMO-R-JOB2",
        "realisatie",
        date(2024, 12, 31),
        "70000.00",
        None,
        None,
        "DEMO-V-JOB",
        "Jobhunters 2024",
    ),
    (
        "DEMO-R-JOB3",
        "realisatie",
        date(2025, 6, 30),
        "30000.00",
        None,
        None,
        "DEMO-V-JOB",
        "Jobhunters eerste helft 2025",
    ),
    (
        "DEMO-V-WCD",
        "verplichting",
        date(2025, 1, 10),
        "150000.00",
        0,
        "WCD",
        "wc",
        "Gidsen en spreekuurlocaties 2025",
    ),
    (
        "DEMO-R-WCD1",
        "realisatie",
        date(2025, 4, 30),
        "50000.00",
        None,
        None,
        "DEMO-V-WCD",
        "Werkcentrum eerste kwartaal 2025",
    ),
    (
        "DEMO-V-TRJ",
        "verplichting",
        date(2025, 2, 3),
        "60000.00",
        0,
        "TRJ",
        "wc",
        "Trajecten werkfit en opleiding 2025",
    ),
    (
        "DEMO-R-TRJ1",
        "realisatie",
        date(2025, 5, 31),
        "20000.00",
        None,
        None,
        "DEMO-V-TRJ",
        "Trajecten tot en met mei 2025",
    ),
]


def _besluit(ctx: DemoContext, sleutel: str, door):
    from rba.models import Besluit

    titel, datum, bedrag = lokaal(ctx.regio, BESLUITEN[sleutel])
    bestaand = Besluit.objects.filter(
        regio=ctx.regio, titel=titel, type=Besluit.Type.INZET_REGIONALE_MIDDELEN
    ).first()
    if bestaand is not None:
        return bestaand
    velden = {
        "regio": ctx.regio,
        "datum": datum,
        "titel": titel,
        "besluittekst": f"Het RBA besluit tot {titel[0].lower()}{titel[1:]}.",
        "type": Besluit.Type.INZET_REGIONALE_MIDDELEN,
        # No vergadering of the demo holds these, so they are taken in writing.
        "besluitvorming": Besluit.Besluitvorming.SCHRIFTELIJK,
        "bedrag": Decimal(bedrag),
    }
    from rba.models import Overlegorgaan
    from rba.services import besluit_nemen

    # The RBA takes these decisions, so they get its numbers (RBA-2020-001, ...); rba's demo
    # generator runs first and creates the orgaan.
    orgaan = Overlegorgaan.objects.filter(regio=ctx.regio, afkorting__iexact="rba").first()
    if orgaan is not None:
        velden.pop("regio")
        velden["orgaan"] = orgaan
    return besluit_nemen(door=door, **velden)


def _stamgegevens(ctx: DemoContext, door) -> tuple[list, dict]:
    from . import services
    from .models import Begrotingspost, Geldstroom

    fondsen = [
        Geldstroom.objects.update_or_create(
            regio=ctx.regio, naam=g["naam"], defaults={k: v for k, v in g.items() if k != "naam"}
        )[0]
        for g in lokaal(ctx.regio, GELDSTROMEN)
    ]
    posten = {
        code: Begrotingspost.objects.update_or_create(
            regio=ctx.regio, code=code, defaults={"naam": naam}
        )[0]
        for code, naam in POSTEN
    }
    for code, begroot in BEGROTING_2025.items():
        services.begroting_vaststellen(
            regio=ctx.regio, jaar=2025, begrotingspost=posten[code], begroot=begroot, door=door
        )
    return fondsen, posten


@registreer("financien")
def reserve(ctx: DemoContext) -> None:
    from . import services
    from .models import Mutatie

    door = (
        get_user_model()
        .objects.filter(email=f"financieel.beheerder@{ctx.regio.code}.{DEMO_DOMEIN}")
        .first()
    )
    fondsen, posten = _stamgegevens(ctx, door)
    for kenmerk, soort, datum, bedrag, f, post, ref, tekst in lokaal(ctx.regio, BOEKINGEN):
        if Mutatie.objects.filter(regio=ctx.regio, kenmerk=kenmerk).exists():
            continue
        gemeen = {
            "datum": datum,
            "bedrag": bedrag,
            "omschrijving": tekst,
            "door": door,
            "kenmerk": kenmerk,
        }
        if soort == "storting":
            services.storting_boeken(geldstroom=fondsen[f], **gemeen)
        elif soort == "verplichting":
            services.verplichting_boeken(
                geldstroom=fondsen[f],
                besluit=_besluit(ctx, ref, door),
                begrotingspost=posten[post],
                **gemeen,
            )
        else:
            verplichting = Mutatie.objects.get(regio=ctx.regio, kenmerk=ref)
            functie = (
                services.realisatie_boeken if soort == "realisatie" else services.vrijval_boeken
            )
            functie(verplichting=verplichting, **gemeen)
