"""Fictional loket demo data: informatiepagina's, spreekuren with exceptions, diensten of the
partner organisations, and a few months of gesprekken, vragen and doorverwijzingen (sized by
--scale), up to `ctx.vandaag`: a few questions still within their answer term, one or two
past it. Deterministic for a seed and a day (seeded ctx.rng, dates relative to today) and
idempotent (update_or_create on natural keys)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from werkcentrum.demo import DemoContext, registreer
from werkcentrum.models import Gemeente, Locatie, Medewerker, Openingstijd, Organisatie
from werkcentrum.werkdagen import werkdagen_na

from .models import (
    Dienst,
    Doorverwijzing,
    DoorverwijzingStap,
    Gesprek,
    Informatiepagina,
    LoketInstelling,
    Sluiting,
    Thema,
    Vraag,
)
from .regiolijsten import doelgroepen_voor

AMS = ZoneInfo("Europe/Amsterdam")

PAGINAS = [
    (
        "werken",
        "werk-zoeken",
        "Werk zoeken",
        "Hulp bij het vinden van werk dat bij je past.",
        "Zoek je werk? Een gids kijkt met je naar je kansen op de arbeidsmarkt in de regio.\n\n"
        "Kom langs op een spreekuur of stel je vraag online.",
    ),
    (
        "werken",
        "werk-met-uitkering",
        "Werken met een uitkering",
        "Wat betekent werk voor je uitkering?",
        "Heb je een WW- of bijstandsuitkering? We leggen uit wat werken voor je inkomen betekent "
        "en brengen je in contact met UWV of je gemeente.",
    ),
    (
        "leren",
        "scholing",
        "Scholing en opleiding",
        "Een opleiding of cursus, ook naast je werk.",
        "Wil je iets nieuws leren? We kennen de opleidingen en regelingen in de regio.",
    ),
    (
        "leren",
        "taal",
        "Nederlands leren",
        "Taalcursussen en taalcoaches.",
        "Beter Nederlands spreken helpt bij werk. We wijzen je de weg naar taalaanbod.",
    ),
    (
        "loopbaan",
        "loopbaanadvies",
        "Loopbaanadvies",
        "Wat past bij jou?",
        "Twijfel je over je werk of wil je iets anders? Vraag een gesprek met een gids.",
    ),
    (
        "werkgever",
        "personeel-gezocht",
        "Personeel gezocht",
        "Het Werkgeversservicepunt helpt.",
        "Ben je werkgever en zoek je personeel? Het Werkgeversservicepunt helpt je kosteloos.",
    ),
]

# (organisation type, naam, omschrijving, thema codes, doelgroep codes, reactietermijn)
DIENSTEN = [
    (
        "uwv",
        "WW-begeleiding naar werk",
        "Begeleiding voor mensen met een WW-uitkering.",
        ["werk-zoeken", "inkomen"],
        ["ww"],
        3,
    ),
    (
        "uwv",
        "Werken met een arbeidsbeperking",
        "Ondersteuning bij Wajong en WIA.",
        ["gezondheid", "werk-zoeken"],
        ["wajong", "wia-zw", "arbeidsbeperking"],
        5,
    ),
    (
        "gemeente",
        "Werk en inkomen",
        "Hulp bij bijstand en de weg naar werk.",
        ["inkomen", "werk-zoeken", "schulden"],
        ["bijstand", "nug"],
        5,
    ),
    (
        "gemeente",
        "Taalhuis",
        "Taalcursussen en taalmaatjes.",
        ["taal"],
        ["statushouders", "oekrainers", "eu-arbeidsmigranten"],
        5,
    ),
    (
        "reintegratie",
        "Werkfit-traject",
        "Stap voor stap werkfit worden.",
        ["werk-zoeken"],
        ["bijstand", "nug", "statushouders"],
        5,
    ),
    (
        "onderwijs",
        "Leerwerkloket",
        "Advies over scholing, EVC en leren werken.",
        ["scholing", "loopbaan"],
        [],
        3,
    ),
    (
        "rmc",
        "Jongerenloket",
        "Voor jongeren tot 27 zonder startkwalificatie.",
        ["scholing", "werk-zoeken"],
        ["jongeren"],
        2,
    ),
    (
        "wsp",
        "Werkgeversservicepunt",
        "Voor werkgevers met een personeelsvraag.",
        ["werkgever"],
        [],
        1,
    ),
    (
        "vakbond",
        "Loopbaanspreekuur",
        "Loopbaanadvies voor werkenden.",
        ["loopbaan", "ander-werk"],
        ["werkenden"],
        5,
    ),
]


@registreer("loket")
def loket(ctx: DemoContext) -> None:
    regio = ctx.regio
    LoketInstelling.objects.update_or_create(regio=regio, defaults={})
    for i, (rubriek, slug, titel, samenvatting, inhoud) in enumerate(PAGINAS):
        Informatiepagina.objects.update_or_create(
            regio=regio,
            slug=slug,
            defaults={
                "rubriek": rubriek,
                "titel": titel,
                "samenvatting": samenvatting,
                "inhoud": inhoud,
                "volgorde": i,
                "gepubliceerd": True,
            },
        )
    locaties = _spreekuren(ctx)
    diensten = _diensten(ctx)
    _activiteit(ctx, locaties, diensten)


# The demo reserve's post for trajecten (financien/demo.py POSTEN).
TRAJECT_POST = "TRJ"


@registreer("loket-reserve", na="financien")
def loket_reserve(ctx: DemoContext) -> None:
    """Trajecten booked in the demo reserve: the regio's standing besluit is the genomen
    besluit 'inzet regionale middelen' on which the demo reserve already commits trajecten
    (the trajecten begrotingspost), both made by financien's demo generator, which runs
    before this one."""
    from financien.models import Begrotingspost, Mutatie
    from rba.models import Besluit, genomen_q

    post = Begrotingspost.objects.filter(regio=ctx.regio, code=TRAJECT_POST).first()
    besluit = (
        Besluit.objects.in_regio(ctx.regio)
        .filter(
            genomen_q(),
            type=Besluit.Type.INZET_REGIONALE_MIDDELEN,
            pk__in=Mutatie.objects.filter(
                regio=ctx.regio, soort=Mutatie.Soort.VERPLICHTING, begrotingspost=post
            ).values("besluit"),
        )
        .order_by("-datum", "-pk")
        .first()
    )
    if besluit is None or post is None:
        return  # no demo reserve in this regio: the coordinator sees why nothing is booked
    instelling = LoketInstelling.objects.get(regio=ctx.regio)
    instelling.traject_besluit = besluit
    instelling.traject_begrotingspost = post
    instelling.full_clean()
    instelling.save(update_fields=["traject_besluit", "traject_begrotingspost"])


def _spreekuren(ctx: DemoContext) -> list[Locatie]:
    locaties = list(Locatie.objects.filter(regio=ctx.regio).order_by("naam"))
    if not locaties:
        gemeente = Gemeente.objects.filter(regio=ctx.regio).order_by("naam").first()
        if gemeente is None:
            return []
        locaties = [
            Locatie.objects.update_or_create(
                regio=ctx.regio,
                naam=f"Werkcentrum {gemeente.naam}",
                defaults={
                    "gemeente": gemeente,
                    "straat": "Stationsplein 1",
                    "postcode": "2011 LR",
                    "plaats": gemeente.naam,
                },
            )[0]
        ]
    vandaag = ctx.vandaag
    for i, locatie in enumerate(locaties):
        if not locatie.openingstijden.exists():
            Openingstijd.objects.create(
                locatie=locatie, weekdag=1 + i % 5, begintijd=time(9, 30), eindtijd=time(12, 30)
            )
        # One closed day in the coming four weeks per location (a studiedag).
        dag = vandaag + timedelta(days=7 + i)
        Sluiting.objects.update_or_create(
            locatie=locatie, datum=dag, defaults={"reden": "Studiedag"}
        )
    return locaties


def _diensten(ctx: DemoContext) -> list[Dienst]:
    organisaties = {}
    for org in Organisatie.objects.filter(regio=ctx.regio, actief=True).order_by("naam"):
        organisaties.setdefault(org.type, org)
    # Every organisation on the sociale kaart has a contact route (loket.contactroute); the
    # ones without partnermedewerkers in the demo get a functional mailbox.
    for org in organisaties.values():
        if not org.functionele_mailbox:
            org.functionele_mailbox = f"doorverwijzingen.{org.type}@{ctx.regio.code}.example.org"
            Organisatie.objects.filter(pk=org.pk).update(
                functionele_mailbox=org.functionele_mailbox
            )
    themas = {t.code: t for t in Thema.objects.all()}
    doelgroepen = {d.code: d for d in doelgroepen_voor(ctx.regio)}
    diensten = []
    for soort, naam, omschrijving, thema_codes, doelgroep_codes, termijn in DIENSTEN:
        org = organisaties.get(soort)
        if org is None:
            continue
        dienst, _ = Dienst.objects.update_or_create(
            organisatie=org,
            naam=naam,
            defaults={
                "regio": ctx.regio,
                "omschrijving": omschrijving,
                "reactietermijn_werkdagen": termijn,
                "hoe_doorverwijzen": "Via een warme doorverwijzing in het portaal.",
                "telefoon": org.telefoon,
                "email": org.email,
                "website": org.website,
                "openingstijden": "Maandag tot en met vrijdag 9.00 tot 17.00 uur",
                "gepubliceerd": True,
                "actief": True,
            },
        )
        # A gemeente's dienst is for its own residents only (the suggestions follow the
        # visitor's woongemeente); the other partners serve the whole regio.
        dienst.gemeenten.set([org.gemeente] if org.gemeente_id and soort == "gemeente" else [])
        dienst.themas.set([themas[c] for c in thema_codes])
        dienst.doelgroepen.set([doelgroepen[c] for c in doelgroep_codes])
        diensten.append(dienst)
    return diensten


def _activiteit(ctx: DemoContext, locaties: list[Locatie], diensten: list[Dienst]) -> None:
    """A few months of anonymous gesprekken, questions and referrals. Rows carry a demo
    marker in a natural key (the referentie / the note) so reruns update instead of adding."""
    gidsen = list(Medewerker.objects.filter(regio=ctx.regio, groups__name="gids").order_by("email"))
    if not gidsen or not locaties:
        return
    rng = ctx.rng
    themas = list(Thema.objects.all())
    doelgroepen = list(doelgroepen_voor(ctx.regio))
    gemeenten = list(Gemeente.objects.filter(regio=ctx.regio).order_by("naam"))
    for n in range(60 * ctx.scale):
        dag = ctx.vandaag - timedelta(days=rng.randrange(120))
        kanaal = rng.choice(["inloop", "inloop", "inloop", "telefoon", "online", "outreach"])
        uitkomst = rng.choice(["informatie", "informatie", "doorverwezen", "vervolg", "traject"])
        gesprek, _ = Gesprek.objects.update_or_create(
            regio=ctx.regio,
            notitie=f"Demogesprek {n + 1}",
            defaults={
                "datum": dag,
                "kanaal": kanaal,
                "gids": rng.choice(gidsen),
                "locatie": rng.choice(locaties) if kanaal == "inloop" else None,
                "doelgroep": rng.choice(doelgroepen),
                "uitkomst": uitkomst,
                "leeftijdscategorie": rng.choice(Gesprek.Leeftijd.values),
                "woongemeente": rng.choice(gemeenten) if gemeenten else None,
            },
        )
        gesprek.themas.set(rng.sample(themas, rng.randint(1, 2)))
        if uitkomst == "doorverwezen" and diensten:
            _doorverwijzing(ctx, gesprek, rng.choice(diensten), n)
    for n in range(20 * ctx.scale):
        _vraag(ctx, n, themas, gemeenten, gidsen)


def _tijdstip(dag: date, uur: int) -> datetime:
    return datetime.combine(dag, time(uur), tzinfo=AMS)


def _doorverwijzing(ctx: DemoContext, gesprek: Gesprek, dienst: Dienst, n: int) -> None:
    rng = ctx.rng
    voornaam, achternaam = ctx.naam()
    verstuurd = _tijdstip(gesprek.datum, 11)
    stappen = ["verstuurd", "ontvangen", "contact_gelegd", "afgerond"][: rng.randint(1, 4)]
    if len(stappen) == 2 and rng.random() < 0.3:
        stappen.append("niet_gelukt")
    # A step takes a working day: a recent referral has not come that far yet.
    stappen = [
        s for i, s in enumerate(stappen) if i == 0 or werkdagen_na(gesprek.datum, i) <= ctx.vandaag
    ]
    tijden = {s: _tijdstip(werkdagen_na(gesprek.datum, i), 10) for i, s in enumerate(stappen)}
    tijden["verstuurd"] = verstuurd
    dv, _ = Doorverwijzing.objects.update_or_create(
        regio=ctx.regio,
        gesprek=gesprek,
        dienst=dienst,
        defaults={
            "organisatie": dienst.organisatie,
            "naam": f"{voornaam} {achternaam}",
            "telefoon": f"06 {10000000 + n:08d}"[:11],
            "samenvatting": "Zoekt werk; wil niet opnieuw het hele verhaal vertellen.",
            "toestemming_op": verstuurd,
            "toestemming_gegevens": "naam, telefoonnummer, samenvatting",
            "toestemming_door": gesprek.gids,
            "verwezen_door": gesprek.gids,
            "verstuurd_op": verstuurd,
            "status": stappen[-1],
            "ontvangen_op": tijden.get("ontvangen"),
            "contact_gelegd_op": tijden.get("contact_gelegd"),
            "afgesloten_op": tijden.get("afgerond") or tijden.get("niet_gelukt"),
            "reden_niet_gelukt": "Niet bereikbaar" if "niet_gelukt" in stappen else "",
            # Old demo referrals count as followed up already: no reminder mails on first run.
            "partner_herinnerd_op": verstuurd,
            "gids_geinformeerd_op": verstuurd,
            "melding_verstuurd_op": verstuurd,
            "melding_aan": dienst.organisatie.functionele_mailbox or dienst.organisatie.naam,
            "reactie_uiterlijk": werkdagen_na(verstuurd, dienst.reactietermijn_werkdagen or 5),
        },
    )
    dv.stappen.all().delete()
    DoorverwijzingStap.objects.bulk_create(
        [
            DoorverwijzingStap(
                doorverwijzing=dv,
                status=s,
                tijdstip=tijden[s],
                door=gesprek.gids if s == "verstuurd" else None,
            )
            for s in stappen
        ]
    )


def _vraag(ctx: DemoContext, n: int, themas, gemeenten, gidsen) -> None:
    rng = ctx.rng
    voornaam, achternaam = ctx.naam()
    # One in five is open: most of those came in the last few days, within their answer
    # term of two working days; one in four of them is older (overdue). Answered ones came
    # in a week or more ago.
    beantwoord = n % 5 != 4
    dagen = 7 + rng.randrange(83) if beantwoord else [1, 6, 2, 1][n // 5 % 4]
    ontvangen = _tijdstip(ctx.vandaag - timedelta(days=dagen), rng.randint(8, 20))
    uiterlijk = werkdagen_na(ontvangen, 2)
    gemeld = ontvangen if beantwoord or uiterlijk < ctx.vandaag else None
    antwoord_op = (
        _tijdstip(werkdagen_na(ontvangen, rng.choice([0, 1, 2, 3])), 15) if beantwoord else None
    )
    gids = rng.choice(gidsen)
    Vraag.objects.update_or_create(
        referentie=f"WC-DEMO-{ctx.regio.code[:4].upper()}{n + 1:03d}",
        defaults={
            "regio": ctx.regio,
            "thema": rng.choice(themas),
            "gemeente": rng.choice(gemeenten) if gemeenten else None,
            "tekst": "Ik wil graag weten welke opleiding bij mij past.",
            "naam": f"{voornaam} {achternaam}",
            "email": f"{voornaam.lower()}.{n + 1}@example.org",
            "toestemming_op": ontvangen,
            "ontvangen_op": ontvangen,
            "antwoord_uiterlijk": uiterlijk,
            "status": Vraag.Status.GESLOTEN if beantwoord else Vraag.Status.TOEGEWEZEN,
            "toegewezen_aan": gids,
            "antwoord": "Kom langs op het spreekuur." if beantwoord else "",
            "beantwoord_op": antwoord_op,
            "beantwoord_door": gids if beantwoord else None,
            "gesloten_op": antwoord_op,
            # Overdue ones were reported already; the reminder task watches the others.
            "waarschuwing_verstuurd_op": gemeld,
            "verlopen_gemeld_op": gemeld,
        },
    )


# The Werkcentrum's own spreekuur on the sociale kaart: where the WSP refers a werkgever's
# werknemer by default (issue 23 point 4).
WERKCENTRUM_DIENST = (
    "Loopbaanspreekuur Werkcentrum",
    "Een gesprek over werk, loopbaan en scholing, ook voor werkenden die ander werk zoeken.",
    ["loopbaan", "ander-werk", "scholing"],
)


@registreer("loket-wsp", na="wsp")
def loket_wsp(ctx: DemoContext) -> None:
    """The Werkcentrum's spreekuur dienst and one warme doorverwijzing of a werknemer by the
    WSP, after the WSP's werkgevers exist. No random draws: the generators after this one
    get the same numbers as before it was added."""
    from wsp.models import Werkgever

    org = (
        Organisatie.objects.filter(regio=ctx.regio, actief=True, type=Organisatie.Type.WERKCENTRUM)
        .order_by("naam")
        .first()
    )
    werkgever = (
        Werkgever.objects.filter(regio=ctx.regio, accounthouder__isnull=False)
        .select_related("accounthouder")
        .order_by("pk")
        .first()
    )
    if org is None:
        return
    naam, omschrijving, thema_codes = WERKCENTRUM_DIENST
    if not org.functionele_mailbox:
        org.functionele_mailbox = f"doorverwijzingen.werkcentrum@{ctx.regio.code}.example.org"
        Organisatie.objects.filter(pk=org.pk).update(functionele_mailbox=org.functionele_mailbox)
    dienst, _ = Dienst.objects.update_or_create(
        organisatie=org,
        naam=naam,
        defaults={
            "regio": ctx.regio,
            "omschrijving": omschrijving,
            "hoe_doorverwijzen": "Via een warme doorverwijzing in het portaal.",
            "telefoon": org.telefoon,
            "email": org.email,
            "gepubliceerd": True,
            "actief": True,
        },
    )
    dienst.themas.set(Thema.objects.filter(code__in=thema_codes))
    if werkgever is None:
        return
    _wsp_doorverwijzing(ctx, dienst, werkgever)


def _wsp_doorverwijzing(ctx: DemoContext, dienst: Dienst, werkgever) -> None:
    adviseur = werkgever.accounthouder
    verstuurd = _tijdstip(ctx.vandaag - timedelta(days=10), 10)
    ontvangen = _tijdstip(werkdagen_na(verstuurd, 1), 10)
    dv, _ = Doorverwijzing.objects.update_or_create(
        regio=ctx.regio,
        werkgever=werkgever,
        dienst=dienst,
        aanleiding=Doorverwijzing.Aanleiding.WERK_NAAR_WERK,
        defaults={
            "organisatie": dienst.organisatie,
            "naam": "Sanne Demowerknemer",
            "email": "sanne.demowerknemer@example.org",
            "woongemeente": Gemeente.objects.filter(regio=ctx.regio).order_by("naam").first(),
            "samenvatting": "Functie vervalt bij de reorganisatie; zoekt werk in de zorg.",
            "toestemming_op": verstuurd,
            "toestemming_gegevens": "naam, e-mailadres, woongemeente, werkgever, samenvatting",
            "toestemming_door": adviseur,
            "verwezen_door": adviseur,
            "verstuurd_op": verstuurd,
            "status": Doorverwijzing.Status.ONTVANGEN,
            "ontvangen_op": ontvangen,
            "partner_herinnerd_op": verstuurd,
            "gids_geinformeerd_op": verstuurd,
            "melding_verstuurd_op": verstuurd,
            "melding_aan": dienst.organisatie.functionele_mailbox,
            "reactie_uiterlijk": werkdagen_na(verstuurd, 5),
        },
    )
    dv.stappen.all().delete()
    DoorverwijzingStap.objects.bulk_create(
        [
            DoorverwijzingStap(
                doorverwijzing=dv, status="verstuurd", tijdstip=verstuurd, door=adviseur
            ),
            DoorverwijzingStap(doorverwijzing=dv, status="ontvangen", tijdstip=ontvangen),
        ]
    )


# Handovers to the WSP in the demo (issue 23): some waiting for the WSP's decision, one
# returned, and two accepted whose kandidaat is in mediation or placed, so every role sees the
# chain in the browser. (bron, status, days ago)
DEMO_OVERDRACHTEN = [
    ("werkcentrum", "aangeboden", 1),
    ("werkcentrum", "aangeboden", 3),
    ("partner", "aangeboden", 2),
    ("partner", "teruggegeven", 12),
]
TERUGGAVE = "Nog niet werkfit: eerst de taalcursus afronden, dan graag opnieuw aanbieden."


@registreer("wsp-overdrachten", na="loket-wsp")
def wsp_overdrachten(ctx: DemoContext) -> None:
    """Warme overdrachten of this regio. Names come from a generator seeded by the regio's
    code, not from ctx.rng, so the generators after this one draw what they drew before."""
    import random

    from werkcentrum.demo import ACHTERNAMEN, VOORNAMEN
    from wsp.models import Kandidaat, Overdracht, Plaatsing
    from wsp.services.overdracht import BRON_VAN_TYPE

    def eerste(rol: str, **filters):
        return (
            Medewerker.objects.filter(regio=ctx.regio, groups__name=rol, is_active=True, **filters)
            .select_related("organisatie")
            .order_by("pk")
            .first()
        )

    werkcentrum = (
        Organisatie.objects.filter(regio=ctx.regio, type=Organisatie.Type.WERKCENTRUM)
        .order_by("pk")
        .first()
    )
    gids = eerste("gids")
    partner = eerste("partnermedewerker", organisatie__type__in=list(BRON_VAN_TYPE))
    adviseur = eerste("wsp_adviseur")
    gemeenten = list(Gemeente.objects.filter(regio=ctx.regio).order_by("naam"))
    if not (werkcentrum and gids and adviseur and gemeenten):
        return
    gesprekken = list(Gesprek.objects.filter(regio=ctx.regio).order_by("-datum", "-pk")[:2])
    Overdracht.objects.filter(regio=ctx.regio).delete()
    rng = random.Random(f"overdrachten-{ctx.regio.code}")
    doelgroepen = ["ww", "pwet", "wajong", "oekraine"]

    def gemeenschappelijk(door, organisatie, bron, op) -> dict:
        return {
            "regio": ctx.regio,
            "bron": bron,
            "organisatie": organisatie,
            "aangeboden_door": door,
            "aangeboden_op": op,
            "toestemming_gegevens": "naam, contactgegevens, opleiding, werkwensen",
            "toestemming_aan": f"Werkgeversservicepunt {ctx.regio.naam}",
            "toestemming_op": op,
            "toestemming_door": door,
        }

    for i, (wie, status, dagen) in enumerate(DEMO_OVERDRACHTEN):
        if wie == "partner" and partner is None:
            continue
        door, organisatie, bron = (
            (gids, werkcentrum, Overdracht.Bron.WERKCENTRUM)
            if wie == "werkcentrum"
            else (partner, partner.organisatie, BRON_VAN_TYPE[partner.organisatie.type])
        )
        op = _tijdstip(ctx.vandaag - timedelta(days=dagen), 10 + i)
        voornaam, achternaam = rng.choice(VOORNAMEN), rng.choice(ACHTERNAMEN)
        gesprek = gesprekken[i] if wie == "werkcentrum" and i < len(gesprekken) else None
        Overdracht.objects.create(
            **gemeenschappelijk(door, organisatie, bron, op),
            gesprek=gesprek,
            voornaam=voornaam,
            achternaam=achternaam,
            email=f"{voornaam}.{achternaam}.{ctx.regio.code}{i}@example.org".lower().replace(
                " ", ""
            ),
            woongemeente=gesprek.woongemeente
            if gesprek and gesprek.woongemeente
            else gemeenten[i % len(gemeenten)],
            doelgroep=doelgroepen[i % len(doelgroepen)],
            opleidingsniveau="mbo2",
            gewenst_beroep=["Logistiek medewerker", "Helpende zorg", "Monteur", "Kok"][i],
            uren_per_week=[32, 24, 36, 20][i],
            toelichting="Werkfit, wil snel aan de slag; heeft een rijbewijs.",
            status=status,
            reden_teruggave=TERUGGAVE if status == "teruggegeven" else "",
            beoordeeld_door=adviseur if status == "teruggegeven" else None,
            beoordeeld_op=op + timedelta(days=1) if status == "teruggegeven" else None,
        )

    # Two kandidaten the WSP accepted from the Werkcentrum: one placed, one in mediation.
    geplaatst = Plaatsing.objects.filter(regio=ctx.regio).values("kandidaat_id")
    for kandidaat in [
        Kandidaat.objects.filter(regio=ctx.regio, pk__in=geplaatst).order_by("pk").first(),
        Kandidaat.objects.filter(regio=ctx.regio, actief=True)
        .exclude(pk__in=geplaatst)
        .order_by("pk")
        .first(),
    ]:
        if kandidaat is None:
            continue
        op = _tijdstip(kandidaat.overgedragen_op, 9)
        Overdracht.objects.create(
            **gemeenschappelijk(gids, werkcentrum, Overdracht.Bron.WERKCENTRUM, op),
            voornaam=kandidaat.voornaam,
            achternaam=kandidaat.achternaam,
            # The handover carried contact data; the demo kandidaten have none of their own.
            email=kandidaat.email or f"kandidaat{kandidaat.pk}.{ctx.regio.code}@example.org",
            telefoon=kandidaat.telefoon,
            woongemeente=kandidaat.woongemeente,
            doelgroep=kandidaat.doelgroep,
            opleidingsniveau=kandidaat.opleidingsniveau,
            gewenst_beroep=kandidaat.gewenst_beroep,
            status=Overdracht.Status.AANGENOMEN,
            kandidaat=kandidaat,
            beoordeeld_door=adviseur,
            beoordeeld_op=op + timedelta(hours=4),
        )
