"""Demo data of the regionale reserve, built on the figures of the seed documents: the
decentralisatie-uitkering Versterking Arbeidsmarktregio (EUR 76,921; EUR 384,607;
EUR 398,593 for 2020-2022), Perspectief op Werk (EUR 1,000,000 spent + EUR 1,000,000 to
allocate) and Dichterbij dan je Denkt (EUR 200,000 for WSP jobhunters until 2025-09-01).
Budget amounts and the split of spending over the years are illustrative.

Every besluit is taken by the RBA, which started in 2023; the jobhunters' EUR 200,000 and
the spreekuurlocaties are the RBA demo's own besluiten (decided once, booked on here). Like
the RBA's, the story is told as seen on `VERHAAL_VANDAAG` and moves along with today (the
current year has its begroting and bookings); a rerun keeps the dates of the first.

Idempotent: funds, lines and besluiten are found by their natural keys, and every booking
carries a fixed kenmerk (DEMO-...), so a rerun books nothing twice. All bookings go through
the services, so the demo obeys the ledger rules."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from werkcentrum.demo import (
    DEMO_DOMEIN,
    DemoContext,
    jaartallen_verschuiven,
    lokaal,
    registreer,
)

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

# Per budget line and year of the story (the year before today's and today's).
BEGROTING = {
    "WCD": "150000.00",
    "TRJ": "120000.00",
    "JOB": "60000.00",
    "SAG": "100000.00",
    "COO": "80000.00",
}
BEGROTING_JAREN = (2025, 2026)

# (titel, datum, bedrag): taken in writing by the RBA, unless the RBA demo took it already
# (the same title), as it does for the jobhunters and the spreekuurlocaties.
BESLUITEN = {
    "coo": ("Coördinatie regionale samenwerking 2023-2025", date(2023, 1, 18), "300000.00"),
    "pow": ("Inzet Perspectief op Werk 2023", date(2023, 2, 1), "1000000.00"),
    "wc": ("Inzet reserve voor het Werkcentrum ZKIJ 2025", date(2024, 12, 11), "250000.00"),
    "job": ("Inzet regionale middelen jobhunters", date(2025, 3, 19), "200000.00"),
    "spreekuur": (
        "Correctie: bijdrage spreekuurlocaties Werkcentrum",
        date(2025, 12, 10),
        "175000.00",
    ),
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
        "DEMO-V-COO",
        "verplichting",
        date(2023, 2, 1),
        "300000.00",
        0,
        "COO",
        "coo",
        "Coördinator en programmateam 2023-2025",
    ),
    (
        "DEMO-V-POW",
        "verplichting",
        date(2023, 2, 15),
        "1000000.00",
        1,
        "SAG",
        "pow",
        "Projecten doe-agenda via Perspectief op Werk",
    ),
    (
        "DEMO-R-POW1",
        "realisatie",
        date(2023, 6, 30),
        "600000.00",
        None,
        None,
        "DEMO-V-POW",
        "Projecten eerste helft 2023",
    ),
    (
        "DEMO-R-POW2",
        "realisatie",
        date(2023, 12, 29),
        "400000.00",
        None,
        None,
        "DEMO-V-POW",
        "Projecten tweede helft 2023",
    ),
    (
        "DEMO-R-COO1",
        "realisatie",
        date(2023, 12, 29),
        "90000.00",
        None,
        None,
        "DEMO-V-COO",
        "Coördinatie 2023",
    ),
    (
        "DEMO-R-COO2",
        "realisatie",
        date(2024, 12, 31),
        "100000.00",
        None,
        None,
        "DEMO-V-COO",
        "Coördinatie 2024",
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
        "DEMO-V-JOB",
        "verplichting",
        date(2025, 3, 24),
        "180000.00",
        2,
        "JOB",
        "job",
        "Jobhunters WSP ZKIJ tot 1 september 2025",
    ),
    (
        "DEMO-R-TRJ1",
        "realisatie",
        date(2025, 5, 30),
        "20000.00",
        None,
        None,
        "DEMO-V-TRJ",
        "Trajecten tot en met mei 2025",
    ),
    (
        "DEMO-R-JOB1",
        "realisatie",
        date(2025, 6, 30),
        "110000.00",
        None,
        None,
        "DEMO-V-JOB",
        "Jobhunters eerste helft 2025",
    ),
    (
        "DEMO-R-JOB2",
        "realisatie",
        date(2025, 9, 1),
        "70000.00",
        None,
        None,
        "DEMO-V-JOB",
        "Jobhunters juli en augustus 2025",
    ),
    (
        "DEMO-R-TRJ2",
        "realisatie",
        date(2025, 11, 28),
        "25000.00",
        None,
        None,
        "DEMO-V-TRJ",
        "Trajecten juni tot en met november 2025",
    ),
    (
        "DEMO-R-COO3",
        "realisatie",
        date(2025, 12, 31),
        "100000.00",
        None,
        None,
        "DEMO-V-COO",
        "Coördinatie 2025",
    ),
    (
        "DEMO-F-COO",
        "vrijval",
        date(2025, 12, 31),
        "10000.00",
        None,
        None,
        "DEMO-V-COO",
        "Restant coördinatie valt vrij",
    ),
    (
        "DEMO-V-SPU",
        "verplichting",
        date(2026, 1, 12),
        "175000.00",
        0,
        "WCD",
        "spreekuur",
        "Spreekuurlocaties Werkcentrum 2026",
    ),
    (
        "DEMO-R-SPU1",
        "realisatie",
        date(2026, 4, 30),
        "45000.00",
        None,
        None,
        "DEMO-V-SPU",
        "Spreekuurlocaties eerste kwartaal 2026",
    ),
    (
        "DEMO-R-SPU2",
        "realisatie",
        date(2026, 7, 31),
        "45000.00",
        None,
        None,
        "DEMO-V-SPU",
        "Spreekuurlocaties tweede kwartaal 2026",
    ),
    (
        "DEMO-R-SPU3",
        "realisatie",
        date(2026, 10, 30),
        "45000.00",
        None,
        None,
        "DEMO-V-SPU",
        "Spreekuurlocaties derde kwartaal 2026",
    ),
]


def _jaren(verhaaldatum: date, v: timedelta) -> int:
    return (verhaaldatum + v).year - verhaaldatum.year


def _besluit(ctx: DemoContext, sleutel: str, door, v: timedelta):
    from rba.models import Besluit

    titel, verhaaldatum, bedrag = lokaal(ctx.regio, BESLUITEN[sleutel])
    titel = jaartallen_verschuiven(titel, _jaren(verhaaldatum, v))
    bestaand = (
        Besluit.objects.filter(
            regio=ctx.regio, titel=titel, type=Besluit.Type.INZET_REGIONALE_MIDDELEN
        )
        .order_by("-datum", "-pk")
        .first()
    )
    if bestaand is not None:
        return bestaand
    velden = {
        "regio": ctx.regio,
        "datum": verhaaldatum + v,
        "titel": titel,
        "besluittekst": f"Het RBA besluit tot {titel[0].lower()}{titel[1:]}.",
        "type": Besluit.Type.INZET_REGIONALE_MIDDELEN,
        # No vergadering of the demo holds these, so they are taken in writing.
        "besluitvorming": Besluit.Besluitvorming.SCHRIFTELIJK,
        "bedrag": Decimal(bedrag),
    }
    from rba.models import Overlegorgaan
    from rba.services import besluit_nemen

    # The RBA takes these decisions, so they get its numbers (RBA-2023-001, ...); rba's demo
    # generator runs first and creates the orgaan.
    orgaan = Overlegorgaan.objects.filter(regio=ctx.regio, afkorting__iexact="rba").first()
    if orgaan is not None:
        velden.pop("regio")
        velden["orgaan"] = orgaan
    return besluit_nemen(door=door, **velden)


def _stamgegevens(ctx: DemoContext, door, v: timedelta) -> tuple[list, dict]:
    from . import services
    from .models import Begrotingspost, Geldstroom

    fondsen = []
    for g in lokaal(ctx.regio, GELDSTROMEN):
        velden = {k: w for k, w in g.items() if k != "naam"}
        if velden["einddatum"]:
            velden["einddatum"] += v
        fondsen.append(
            Geldstroom.objects.update_or_create(regio=ctx.regio, naam=g["naam"], defaults=velden)[0]
        )
    posten = {
        code: Begrotingspost.objects.update_or_create(
            regio=ctx.regio, code=code, defaults={"naam": naam}
        )[0]
        for code, naam in POSTEN
    }
    for jaar in BEGROTING_JAREN:
        jaar += _jaren(date(jaar, 7, 1), v)
        for code, begroot in BEGROTING.items():
            services.begroting_vaststellen(
                regio=ctx.regio, jaar=jaar, begrotingspost=posten[code], begroot=begroot, door=door
            )
    return fondsen, posten


def _verschuiving(ctx: DemoContext) -> timedelta:
    """Along with today on the first run; a rerun keeps the first run's dates (its bookings
    are immutable and found by kenmerk)."""
    from .models import Mutatie

    eerste = (
        Mutatie.objects.filter(regio=ctx.regio, kenmerk=BOEKINGEN[0][0])
        .values_list("datum", flat=True)
        .first()
    )
    return eerste - BOEKINGEN[0][2] if eerste else ctx.verschuiving


@registreer("financien")
def reserve(ctx: DemoContext) -> None:
    from . import services
    from .models import Mutatie

    door = (
        get_user_model()
        .objects.filter(email=f"financieel.beheerder@{ctx.regio.code}.{DEMO_DOMEIN}")
        .first()
    )
    v = _verschuiving(ctx)
    fondsen, posten = _stamgegevens(ctx, door, v)
    for kenmerk, soort, datum, bedrag, f, post, ref, tekst in lokaal(ctx.regio, BOEKINGEN):
        if Mutatie.objects.filter(regio=ctx.regio, kenmerk=kenmerk).exists():
            continue
        gemeen = {
            "datum": datum + v,
            "bedrag": bedrag,
            "omschrijving": jaartallen_verschuiven(tekst, _jaren(datum, v)),
            "door": door,
            "kenmerk": kenmerk,
        }
        if soort == "storting":
            services.storting_boeken(geldstroom=fondsen[f], **gemeen)
        elif soort == "verplichting":
            services.verplichting_boeken(
                geldstroom=fondsen[f],
                besluit=_besluit(ctx, ref, door, v),
                begrotingspost=posten[post],
                **gemeen,
            )
        else:
            verplichting = Mutatie.objects.get(regio=ctx.regio, kenmerk=ref)
            functie = (
                services.realisatie_boeken if soort == "realisatie" else services.vrijval_boeken
            )
            functie(verplichting=verplichting, **gemeen)
