"""A fictional year of WSP work for the demo, the year up to `ctx.vandaag`: accounts,
contacts, requests, vacancies, kandidaten, voordrachten, plaatsingen with nazorg, targets
(last year's and this year's) and activities. Today's work is in it: requests received
since yesterday still open, nazorg due this week, a few follow-ups overdue. Each kandidaat
is placed once (no overlapping plaatsingen). Deterministic for a seed and a day (one seeded
generator) and idempotent (update_or_create on natural keys)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from werkcentrum.demo import DemoContext, lokaal, registreer
from werkcentrum.models import Gemeente, Medewerker, Organisatie

from .models import (
    Activiteit,
    Contactmoment,
    Contactpersoon,
    Doelstelling,
    Kandidaat,
    NazorgMoment,
    Plaatsing,
    Sector,
    Skill,
    Vacature,
    Vestiging,
    Voordracht,
    Werkgever,
    Werkgeversverzoek,
)
from .regiolijsten import doelgroepen_voor, instrumenten_voor, sectoren_voor
from .services import nazorg_plannen

AMS = ZoneInfo("Europe/Amsterdam")
DOELEN = {"wajong": 25, "wia": 20, "ww": 140, "pwet": 120, "oekraine": 80, "overig": 40}
# Inhabitants (CBS, 1 January 2024, rounded): the gemeenten's targets split the regio's by
# population. A gemeente not listed (another regio's demo) weighs 1.
INWONERS = {
    "Haarlem": 163_500,
    "Zandvoort": 17_300,
    "Heemstede": 28_000,
    "Bloemendaal": 24_500,
    "Velsen": 69_500,
    "Beverwijk": 42_500,
    "Heemskerk": 39_700,
    # Amersfoort's demo (CBS, 1 January 2024, rounded).
    "Amersfoort": 160_000,
    "Baarn": 25_000,
    "Bunschoten": 22_000,
    "Eemnes": 9_500,
    "Leusden": 30_500,
    "Soest": 47_500,
    "Woudenberg": 14_000,
}
SKILLS = [
    "klantgericht",
    "samenwerken",
    "nauwkeurig",
    "heftruckcertificaat",
    "VCA",
    "lassen",
    "tekening lezen",
    "Excel",
    "kassa",
    "HACCP",
    "persoonlijke verzorging",
    "rijbewijs C",
    "plannen",
    "Engels",
    "Nederlands B1",
    "schoonmaaktechniek",
    "magazijnbeheer",
    "koken",
    "installatietechniek",
    "groenonderhoud",
    "telefonisch klantcontact",
    "EHBO",
]
FUNCTIES = {
    "techniek": ["Monteur", "Lasser", "Installateur", "Productiemedewerker", "Hovenier"],
    "zorg": ["Helpende zorg", "Woonbegeleider", "Medewerker facilitair zorg"],
    "oozd": ["Onderwijsassistent", "Administratief medewerker", "Klantcontactmedewerker"],
    "handel": ["Magazijnmedewerker", "Chauffeur", "Kassamedewerker", "Schoonmaker", "Kok"],
}
NAAMDELEN = (
    [
        "Duin",
        "Spaarne",
        "Kennemer",
        "Zee",
        "Polder",
        "Linden",
        "Molen",
        "Haven",
        "Berken",
        "Dijk",
        "Waard",
        "Meer",
        "Zand",
        "Helm",
        "Noord",
        "Tulp",
    ],
    [
        "techniek",
        "zorg",
        "bouw",
        "logistiek",
        "groep",
        "service",
        "staal",
        "bakkerij",
        "installaties",
        "transport",
        "facilitair",
        "horeca",
        "groen",
        "partners",
    ],
    ["BV", "B.V.", "VOF", "NV", "Stichting", "& Zn"],
)
STRATEN = ["Dorpsstraat", "Industrieweg", "Stationsplein", "Havenweg", "Kerkstraat", "Parklaan"]


def _tijdstip(dag: date, uur: int) -> datetime:
    return datetime.combine(dag, time(uur, 0), tzinfo=AMS)


def _begin(ctx: DemoContext) -> date:
    """The first day of the demo year: the 365 days up to and including today."""
    return ctx.vandaag - timedelta(days=364)


def _dag(ctx: DemoContext, dagen: int = 365) -> date:
    """A day among the first `dagen` of the demo year (never after today)."""
    return _begin(ctx) + timedelta(days=ctx.rng.randrange(min(dagen, 365)))


@registreer("wsp")
def wsp_jaar(ctx: DemoContext) -> None:
    regio, k = ctx.regio, ctx.scale
    adviseurs = list(
        Medewerker.objects.filter(regio=regio, groups__name="wsp_adviseur").order_by("email")
    )
    if not adviseurs:
        return
    gemeenten = list(Gemeente.objects.filter(regio=regio).order_by("naam"))
    # The regio's sectoren; the demo texts (FUNCTIES) know the national clusters.
    sectoren = [s for s in sectoren_voor(regio).order_by("code") if s.cluster.code in FUNCTIES]
    skills = [Skill.objects.get_or_create(naam=n)[0] for n in SKILLS]
    partners = list(
        Organisatie.objects.filter(
            regio=regio, type__in=["uwv", "gemeente", "werkcentrum"]
        ).order_by("naam")
    ) or list(Organisatie.objects.filter(regio=regio).order_by("naam"))
    for jaar in (ctx.vandaag.year - 1, ctx.vandaag.year):
        _doelstellingen(regio, gemeenten, k, jaar)
    werkgevers = _werkgevers(ctx, adviseurs, gemeenten, sectoren, 60 * k)
    _verzoeken(ctx, werkgevers, adviseurs, sectoren, 120 * k)
    vacatures = _vacatures(ctx, werkgevers, gemeenten, skills, 90 * k)
    # One plaatsing per kandidaat: 400 people placed in the year, 60 more still looking.
    kandidaten = _kandidaten(ctx, gemeenten, sectoren, skills, partners, 460 * k)
    _plaatsingen(ctx, vacatures, kandidaten, 400 * k)
    _activiteiten(ctx)
    ctx.stdout.write(
        f"WSP: {len(werkgevers)} werkgevers, {len(vacatures)} vacatures, "
        f"{len(kandidaten)} kandidaten, {Plaatsing.objects.filter(regio=regio).count()} plaatsingen"
    )


def verdeel(totaal: int, gewichten: dict) -> dict:
    """Split `totaal` in proportion to the weights into whole numbers that add up to it
    exactly (largest remainder; ties go to the first key in sorted order)."""
    som = sum(gewichten.values())
    deel = {k: totaal * w // som for k, w in gewichten.items()}
    rest = totaal - sum(deel.values())
    op_rest = sorted(gewichten, key=lambda k: (-(totaal * gewichten[k] % som), str(k)))
    for k in op_rest[:rest]:
        deel[k] += 1
    return deel


def _doelgroepen(regio) -> list[str]:
    """The regio's active doelgroepen (its own list when its definition file has one)."""
    return [code for code, _naam in doelgroepen_voor(regio)]


def _doelstellingen(regio, gemeenten, k: int, jaar: int) -> None:
    gewichten = {g: INWONERS.get(g.naam, 1) for g in gemeenten}
    for doelgroep in _doelgroepen(regio):
        aantal = DOELEN.get(doelgroep, 40)
        Doelstelling.objects.update_or_create(
            regio=regio,
            jaar=jaar,
            doelgroep=doelgroep,
            gemeente=None,
            defaults={"aantal": aantal * k},
        )
        for gemeente, n in verdeel(aantal * k, gewichten).items():
            Doelstelling.objects.update_or_create(
                regio=regio,
                jaar=jaar,
                doelgroep=doelgroep,
                gemeente=gemeente,
                defaults={"aantal": n},
            )


def _werkgevers(ctx, adviseurs, gemeenten, sectoren, aantal) -> list[Werkgever]:
    rng, regio = ctx.rng, ctx.regio
    per_cluster: dict[str, list[Sector]] = {}
    for sector in sectoren:
        per_cluster.setdefault(sector.cluster.code, []).append(sector)
    uit = []
    for i in range(aantal):
        naam = f"{rng.choice(NAAMDELEN[0])}{rng.choice(NAAMDELEN[1])} {rng.choice(NAAMDELEN[2])}"
        partnerschap = rng.choices(["strategisch", "tactisch", "operationeel"], [1, 3, 8])[0]
        werkgever, _ = Werkgever.objects.update_or_create(
            regio=regio,
            kvk_nummer=f"{90000000 + i:08d}",
            defaults={
                "naam": f"{naam} ({i + 1})" if i >= len(NAAMDELEN[0]) * 4 else naam,
                # Each cluster equally likely, whatever its number of sectors.
                "sector": rng.choice(per_cluster[rng.choice(sorted(per_cluster))]),
                "partnerschap": partnerschap,
                "accounthouder": adviseurs[i % len(adviseurs)],
                "externe_id": f"WBS-{10000 + i}",
                # In the year before the demo year (also at a large --scale).
                "aangemaakt_op": _tijdstip(_begin(ctx) - timedelta(days=365 - i % 365), 9),
                "email": f"info@werkgever{i + 1}.example",
            },
        )
        if partnerschap == "strategisch":
            werkgever.accountteam.set(rng.sample(adviseurs, min(3, len(adviseurs))))
        gemeente = rng.choice(gemeenten)
        Vestiging.objects.update_or_create(
            werkgever=werkgever,
            straat=f"{rng.choice(STRATEN)} {rng.randint(1, 200)}",
            defaults={"postcode": "2011 AA", "plaats": gemeente.naam, "gemeente": gemeente},
        )
        voornaam, achternaam = ctx.naam()
        Contactpersoon.objects.update_or_create(
            werkgever=werkgever,
            externe_id=f"CP-{i}",
            defaults={"naam": f"{voornaam} {achternaam}", "functie": "HR-adviseur"},
        )
        for j in range(rng.randint(1, 5)):
            dag = _dag(ctx)
            # Keyed without the date: a rerun on a later day moves the contact along.
            Contactmoment.objects.update_or_create(
                werkgever=werkgever,
                samenvatting=f"Contact {j + 1}: personeelsbehoefte en instrumenten besproken.",
                defaults={
                    "datum": dag,
                    "type": rng.choice(Contactmoment.Type.values),
                    "afspraken": rng.choice(["", "Vacature uitwerken.", "Jobcarving verkennen."]),
                    "opvolgdatum": dag + timedelta(days=14) if rng.random() < 0.3 else None,
                    # Follow-ups of the last three weeks are still open (a few overdue).
                    "opvolging_afgerond": dag < ctx.vandaag - timedelta(days=21),
                    "medewerker": werkgever.accounthouder,
                },
            )
        uit.append(werkgever)
    return uit


# Requests still waiting for their first reaction: (days before today, hour received).
# Four arrived since yesterday morning and are inside the 24-hour promise for most of the
# day; one is past it (and already escalated).
OPEN_VERZOEKEN = [(1, 10), (1, 14), (1, 16), (0, 8), (3, 11)]


def _verzoeken(ctx, werkgevers, adviseurs, sectoren, aantal) -> None:
    rng, regio = ctx.rng, ctx.regio
    open_ = len(OPEN_VERZOEKEN) * ctx.scale
    for i in range(aantal + open_):
        werkgever = rng.choice(werkgevers) if rng.random() < 0.6 else None
        if i < aantal:
            # Answered (within 30 hours) before today.
            ontvangen = _tijdstip(_dag(ctx, dagen=362), rng.randint(8, 17))
            uren = rng.choices([2, 6, 18, 23, 30], [4, 4, 2, 1, 1])[0]
        else:
            dagen, uur = OPEN_VERZOEKEN[(i - aantal) % len(OPEN_VERZOEKEN)]
            ontvangen = _tijdstip(ctx.vandaag - timedelta(days=dagen), uur)
            uren = None
        sector = werkgever.sector if werkgever else rng.choice(sectoren)
        # Hours known to have passed: the reminder task warns about yesterday's requests itself.
        verstreken = uren if uren is not None else (24 * dagen if dagen > 1 else 0)
        # Keyed by the demo address, not the time: a rerun on a later day moves the request
        # along instead of adding one (and leaving yesterday's open one behind, overdue).
        Werkgeversverzoek.objects.update_or_create(
            regio=regio,
            email=f"contact{i}@bedrijf.example",
            defaults={
                "bedrijfsnaam": werkgever.naam if werkgever else f"Nieuw bedrijf {i + 1}",
                "ontvangen_op": ontvangen,
                "werkgever": werkgever,
                "kvk_nummer": werkgever.kvk_nummer if werkgever else "",
                "contactnaam": " ".join(ctx.naam()),
                "vraag": rng.choice(
                    [
                        "Wij zoeken twee medewerkers.",
                        "Vraag over loonkostensubsidie.",
                        "Kunnen we een werkplek aanpassen?",
                        "Interesse in jobcarving.",
                    ]
                ),
                "bron": rng.choice(Werkgeversverzoek.Bron.values),
                "sector": sector,
                "cluster": sector.cluster,
                "toegewezen_aan": werkgever.accounthouder if werkgever else rng.choice(adviseurs),
                "eerste_reactie_op": None if uren is None else ontvangen + timedelta(hours=uren),
                "reactietijd": None if uren is None else timedelta(hours=uren),
                "reactie": "" if uren is None else "Teruggebeld en afspraak gemaakt.",
                "waarschuwing_op": ontvangen + timedelta(hours=20) if verstreken > 20 else None,
                "escalatie_op": ontvangen + timedelta(hours=24) if verstreken > 24 else None,
            },
        )


def _vacatures(ctx, werkgevers, gemeenten, skills, aantal) -> list[Vacature]:
    rng, regio = ctx.rng, ctx.regio
    doelgroepen = _doelgroepen(regio)
    uit = []
    for i in range(aantal):
        werkgever = rng.choice(werkgevers)
        start = _dag(ctx)
        sluiting = start + timedelta(days=rng.choice([30, 60, 90]))
        if sluiting < ctx.vandaag:
            status = rng.choices(["vervuld", "verlopen", "ingetrokken"], [6, 3, 1])[0]
        else:
            status = rng.choices(["open", "in_behandeling", "vervuld"], [6, 2, 1])[0]
        vacature, _ = Vacature.objects.update_or_create(
            regio=regio,
            externe_id=f"VAC-{i + 1}",
            defaults={
                "werkgever": werkgever,
                "functie": rng.choice(FUNCTIES[werkgever.sector.cluster.code]),
                "omschrijving": "Een fijne werkplek met begeleiding op de werkvloer.",
                "uren_per_week": rng.choice([16, 24, 32, 36, 38]),
                "gemeente": rng.choice(gemeenten),
                "sector": werkgever.sector,
                "opleidingsniveau": rng.choice(["geen", "mbo1", "mbo2", "mbo3"]),
                "startdatum": start,
                "sluitingsdatum": sluiting,
                # One past its closing date is over (the nightly task would say so anyway).
                "status": status,
                "aangemaakt_op": _tijdstip(start - timedelta(days=14), 10),
                "doelgroepen": rng.sample(doelgroepen, min(len(doelgroepen), rng.randint(0, 3))),
                "is_vacaturecreatie": rng.random() < 0.2,
                "is_openbaar": rng.random() < 0.7,
            },
        )
        vacature.skills.set(rng.sample(skills, rng.randint(2, 5)))
        uit.append(vacature)
    # Standing vacancies (open until the end of next year) keep the vacaturekrant filled.
    doorlopend = ctx.vandaag - timedelta(days=91)
    for i in range(12 * ctx.scale):
        werkgever = rng.choice(werkgevers)
        vacature, _ = Vacature.objects.update_or_create(
            regio=regio,
            externe_id=f"VAC-DOORLOPEND-{i + 1}",
            defaults={
                "werkgever": werkgever,
                "functie": rng.choice(FUNCTIES[werkgever.sector.cluster.code]),
                "omschrijving": "Doorlopende vacature: we nemen het hele jaar mensen aan.",
                "uren_per_week": rng.choice([24, 32, 36]),
                "gemeente": rng.choice(gemeenten),
                "sector": werkgever.sector,
                "opleidingsniveau": rng.choice(["geen", "mbo1", "mbo2"]),
                "startdatum": doorlopend,
                "sluitingsdatum": date(ctx.vandaag.year + 1, 12, 31),
                "status": "open",
                "doelgroepen": rng.sample(doelgroepen, min(len(doelgroepen), rng.randint(1, 3))),
                "is_openbaar": True,
                "aangemaakt_op": _tijdstip(doorlopend - timedelta(days=17), 10),
            },
        )
        vacature.skills.set(rng.sample(skills, rng.randint(2, 5)))
    return uit


def _kandidaten(ctx, gemeenten, sectoren, skills, partners, aantal) -> list[Kandidaat]:
    rng, regio = ctx.rng, ctx.regio
    doelgroepen = _doelgroepen(regio)
    gewichten = [DOELEN.get(d, 40) for d in doelgroepen]
    inwoners = [INWONERS.get(g.naam, 1) for g in gemeenten]
    uit = []
    for i in range(aantal):
        voornaam, achternaam = ctx.naam()
        # Handed over between 13 months and 5 weeks ago: placed (if at all) a month or two
        # later, within the demo year.
        overgedragen = _begin(ctx) - timedelta(days=30) + timedelta(days=rng.randrange(330))
        kandidaat, _ = Kandidaat.objects.update_or_create(
            regio=regio,
            externe_id=f"KAN-{i + 1}",
            defaults={
                "voornaam": voornaam,
                "achternaam": achternaam,
                # Where people live follows the population, like the gemeenten' targets.
                "woongemeente": rng.choices(gemeenten, inwoners)[0],
                "doelgroep": rng.choices(doelgroepen, gewichten)[0],
                "doelgroepregister": rng.random() < 0.2,
                "opleidingsniveau": rng.choice(["geen", "mbo1", "mbo2", "mbo3", "mbo4"]),
                "taalniveau": rng.choice(["A2", "B1", "B2", "C1"]),
                "rijbewijs": rng.random() < 0.5,
                "uren_per_week": rng.choice([None, 16, 24, 32, 36]),
                "beschikbaar_vanaf": overgedragen,
                "overgedragen_door": rng.choice(partners),
                "overgedragen_op": overgedragen,
                "toestemming": True,
                "toestemming_op": overgedragen,
            },
        )
        kandidaat.skills.set(rng.sample(skills, rng.randint(1, 4)))
        kandidaat.gewenste_gemeenten.set(rng.sample(gemeenten, rng.randint(0, 3)))
        kandidaat.gewenste_sectoren.set(rng.sample(sectoren, rng.randint(0, 2)))
        uit.append(kandidaat)
    return uit


def _plaatsingen(ctx, vacatures, kandidaten, aantal) -> None:
    """One plaatsing for each of the first `aantal` kandidaten, a month or two after their
    handover and never after today, so no kandidaat has overlapping plaatsingen (issue 22
    point 7). Nazorg due before today is done, apart from a few of the last three weeks."""
    rng, regio, vandaag = ctx.rng, ctx.regio, ctx.vandaag
    instrumenten = [code for code, _naam in instrumenten_voor(regio)]
    op_start = sorted(vacatures, key=lambda v: (v.startdatum, v.externe_id))
    starts = [v.startdatum for v in op_start]
    for i, kandidaat in enumerate(kandidaten[:aantal]):
        start = min(vandaag, kandidaat.overgedragen_op + timedelta(days=rng.randint(30, 64)))
        # A vacancy published by then (the earliest one if none was yet).
        vacature = op_start[rng.randrange(max(1, bisect_right(starts, start)))]
        voordracht = None
        if rng.random() < 0.5:
            voordracht, _ = Voordracht.objects.update_or_create(
                vacature=vacature,
                kandidaat=kandidaat,
                defaults={
                    "regio": regio,
                    "status": "aangenomen",
                    "score": rng.randint(40, 95),
                    "door": vacature.werkgever.accounthouder,
                },
            )
            if (
                hasattr(voordracht, "plaatsing")
                and voordracht.plaatsing.externe_id != f"PL-{i + 1}"
            ):
                voordracht = None  # already placed by an earlier row
        plaatsing, _ = Plaatsing.objects.update_or_create(
            regio=regio,
            externe_id=f"PL-{i + 1}",
            defaults={
                "werkgever": vacature.werkgever,
                "kandidaat": kandidaat,
                "voordracht": voordracht,
                "startdatum": start,
                "contractvorm": rng.choice(Plaatsing.Contractvorm.values),
                "uren_per_week": vacature.uren_per_week,
                "doelgroep": kandidaat.doelgroep,
                "woongemeente": kandidaat.woongemeente,
                "instrumenten": rng.sample(instrumenten, min(len(instrumenten), rng.randint(0, 2))),
                "geregistreerd_door": vacature.werkgever.accounthouder,
            },
        )
        nazorg_plannen(plaatsing=plaatsing)
        for moment in plaatsing.nazorgmomenten.order_by("vervaldatum"):
            if moment.vervaldatum >= vandaag:
                continue  # due today or later: still open
            herinnerd = {
                "herinnering_vooraf_op": moment.vervaldatum,
                "herinnering_vervaldag_op": moment.vervaldatum,
            }
            if moment.vervaldatum >= vandaag - timedelta(days=21) and rng.random() < 0.15:
                # Overdue: reminded, not yet done.
                NazorgMoment.objects.filter(pk=moment.pk).update(**herinnerd)
                continue
            uitkomst = rng.choices(NazorgMoment.Uitkomst.values, [14, 3, 2, 1])[0]
            afgerond = moment.vervaldatum - timedelta(days=rng.randint(-6, 10))
            NazorgMoment.objects.filter(pk=moment.pk).update(
                afgerond_op=min(afgerond, vandaag),
                uitkomst=uitkomst,
                nog_in_dienst=uitkomst != "uitgevallen",
                afgerond_door=plaatsing.werkgever.accounthouder,
                escalatie_op=moment.vervaldatum,
                **herinnerd,
            )


def _laatste(vandaag: date, maand: int, dag: int) -> date:
    """The last (maand, dag) up to today."""
    datum = date(vandaag.year, maand, dag)
    return datum if datum <= vandaag else date(vandaag.year - 1, maand, dag)


def _activiteiten(ctx) -> None:
    rng, regio = ctx.rng, ctx.regio
    rijen = [
        ("event", "Care Fair", (3, 27), "banenmarkt"),
        ("event", "Banenmarkt IJmond", (5, 15), "banenmarkt"),
        ("event", "Meet & greet techniek", (9, 18), "meet-en-greet"),
        ("event", "Banenmarkt Haarlem", (11, 6), "banenmarkt"),
        ("praktijkroute", "Praktijkroute zorg", (6, 30), ""),
        ("jobhunters", "Jobhunters eerste halfjaar", (6, 30), ""),
        ("oekrainebalie", "Oekraïnebalie spreekuren", (6, 30), ""),
        ("communicatie", "Nieuwsbrief werkgevers", (10, 1), "nieuwsbrief"),
    ]
    for soort, naam, (maand, dag), type_ in lokaal(regio, rijen):
        datum = _laatste(ctx.vandaag, maand, dag)
        Activiteit.objects.update_or_create(
            regio=regio,
            naam=naam,
            defaults={
                "datum": datum,
                "soort": soort,
                "type": type_,
                "aantal_werkgevers": rng.randint(5, 40) * ctx.scale,
                "aantal_werkzoekenden": rng.randint(20, 300) * ctx.scale,
                "aantal_plaatsingen": rng.randint(0, 15) * ctx.scale,
                "aantal": rng.randint(10, 500) * ctx.scale,
            },
        )
