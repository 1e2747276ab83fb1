"""A regio as data: the definition file (YAML, in werkcentrum/regios/) that `seed_regio` and
the platform beheerder's upload load.

`lezen` parses and checks a file completely and either returns a `Definitie` or raises
`DefinitieFout` with every problem in Dutch (where in the file, what is wrong); nothing is
written then. `laden` writes a checked definition in one transaction and is idempotent:
loading the same file twice changes nothing. What an app keeps per regio (the loket's answer
term, the WSP's targets) is loaded by that app's own function, registered with `onderdeel`,
so the core imports no app."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from .huisstijl import kleur_validator, logo_controleren
from .modules import MODULES
from .validators import hostnaam_validator, is_portaaladres

MAP = Path(__file__).resolve().parent / "regios"
CBS_CODE = re.compile(r"^GM\d{4}$")
POSTCODE = re.compile(r"^[1-9]\d{3} ?[A-Z]{2}$")
CODE = re.compile(r"^[a-z][a-z0-9-]{1,19}$")
WEEKDAGEN = {
    "maandag": 1,
    "dinsdag": 2,
    "woensdag": 3,
    "donderdag": 4,
    "vrijdag": 5,
    "zaterdag": 6,
    "zondag": 7,
}


@dataclass(frozen=True)
class _Onderdeel:
    """An app's part of a section: the keys it owns (None: the whole section), a check that
    returns problems (Dutch) and a loader."""

    sleutels: frozenset[str] | None
    controleren: Callable[[Any, Definitie], list[str]]
    laden: Callable
    # Also loaded (with None) when the file lacks the section: the regio's defaults.
    altijd: bool = False


# Sections the apps read themselves, by name; several apps may share one (termijnen).
_ONDERDELEN: dict[str, list[_Onderdeel]] = {}


class DefinitieFout(ValueError):
    """The file cannot be loaded; `fouten` lists every problem found."""

    def __init__(self, fouten: list[str]):
        self.fouten = fouten
        super().__init__("\n".join(fouten))


@dataclass(frozen=True)
class Logo:
    """A logo from the file, already checked: its bytes and the extension to store it under
    (both empty: remove the regio's logo)."""

    inhoud: bytes = b""
    extensie: str = ""


@dataclass(frozen=True)
class GemeenteDef:
    naam: str
    cbs: str
    subregio: str
    centrum: bool


@dataclass(frozen=True)
class OrganisatieDef:
    naam: str
    type: str
    gemeente: str | None  # CBS code, only for type gemeente
    gastheer: bool  # hosts the spreekuren (the Werkcentrum itself)


@dataclass(frozen=True)
class LocatieDef:
    naam: str
    gemeente: str  # CBS code
    straat: str
    postcode: str
    plaats: str
    tijden: tuple[tuple[int, time, time], ...]


@dataclass(frozen=True)
class Definitie:
    code: str
    naam: str
    bron: str
    gemeenten: tuple[GemeenteDef, ...]
    organisaties: tuple[OrganisatieDef, ...]
    locaties: tuple[LocatieDef, ...]
    buren: dict[str, frozenset[str]]  # CBS code -> CBS codes, both directions
    # The app sections (termijnen, doelen, ...), as written; checked by their app.
    onderdelen: dict[str, Any] = field(default_factory=dict)
    huisstijl_kleur: str = ""
    # None: the file does not say, so the logo set in the admin stays; an empty Logo removes it.
    huisstijl_logo: Logo | None = None
    huisstijl_logo_alt: str | None = None
    modules: tuple[str, ...] = tuple(MODULES)
    # What loading will not do although the file asks (shown in the upload preview).
    meldingen: tuple[str, ...] = ()
    # None: the file does not say, so the host name set in the admin stays as it is (it
    # differs per installation: acceptance, production). "" removes it.
    hostnaam: str | None = None

    @property
    def centrumgemeente(self) -> GemeenteDef:
        return next(g for g in self.gemeenten if g.centrum)


def onderdeel(
    naam: str,
    *,
    controleren: Callable,
    laden: Callable,
    sleutels: set[str] | None = None,
    altijd: bool = False,
) -> None:
    """Registers an app's (part of a) section of the file; called from the app's ready().
    With `sleutels` the section is a mapping and the app owns those keys of it. With
    `altijd` the loader also runs, with None, for a file without the section (and for a regio
    made in the admin): that is where it gives the regio its defaults."""
    delen = _ONDERDELEN.setdefault(naam, [])
    if not any(d.laden is laden for d in delen):
        delen.append(
            _Onderdeel(frozenset(sleutels) if sleutels else None, controleren, laden, altijd)
        )


def _onderdeel_controleren(naam: str, waarde: Any, definitie: Definitie) -> list[str]:
    delen = _ONDERDELEN[naam]
    if all(d.sleutels is None for d in delen):
        return [f for d in delen for f in d.controleren(waarde, definitie)]
    if not isinstance(waarde, dict):
        return [f"'{naam}' moet per onderdeel een waarde geven (sleutel: waarde)."]
    bekend = set().union(*(d.sleutels or () for d in delen))
    fouten = [f"{naam}: onbekende sleutel '{k}'." for k in waarde if k not in bekend]
    for d in delen:
        eigen = {k: v for k, v in waarde.items() if d.sleutels is None or k in d.sleutels}
        fouten += d.controleren(eigen, definitie)
    return fouten


def _onderdeel_laden(naam: str, waarde: Any, **kwargs) -> None:
    for d in _ONDERDELEN[naam]:
        eigen = waarde
        if d.sleutels is not None:
            eigen = {k: v for k, v in waarde.items() if k in d.sleutels}
        d.laden(eigen, **kwargs)


def geheel_getal(waarde: Any, waar: str, laagste: int, hoogste: int) -> list[str]:
    """A check the apps share: a whole number within bounds."""
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        return [f"{waar} moet een geheel getal zijn."]
    if not laagste <= waarde <= hoogste:
        return [f"{waar} moet tussen {laagste} en {hoogste} liggen."]
    return []


def bestand(code: str) -> Path:
    return MAP / f"{code}.yaml"


def beschikbaar() -> list[str]:
    """The codes of the regio's with a definition file in the repository."""
    return sorted(p.stem for p in MAP.glob("*.yaml"))


def lezen(tekst: str | bytes, *, map: Path | None = None) -> Definitie:
    """Parses and checks a definition file. Raises DefinitieFout with every problem.

    `map` is the folder the file was read from: only then may `huisstijl: logo:` name an
    image file next to it. An uploaded file has no folder, so it carries its logo inline as a
    data URI."""
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as exc:
        plek = getattr(exc, "problem_mark", None)
        waar = f" (regel {plek.line + 1})" if plek else ""
        raise DefinitieFout([f"Het bestand is geen geldige YAML{waar}."]) from exc
    if not isinstance(data, dict):
        raise DefinitieFout(["Het bestand moet beginnen met code, naam en gemeenten."])
    return _Lezer(data, map=map).definitie()


class _Lezer:
    """Collects every problem instead of stopping at the first: a beheerder fixes a file in
    one go."""

    def __init__(self, data: dict, *, map: Path | None = None):
        self.data = data
        self.map = map
        self.fouten: list[str] = []
        self.meldingen: list[str] = []

    def fout(self, tekst: str) -> None:
        self.fouten.append(tekst)

    def tekst(self, bron: dict, sleutel: str, waar: str, *, verplicht: bool = True) -> str:
        waarde = bron.get(sleutel)
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            if verplicht:
                self.fout(f"{waar}: '{sleutel}' ontbreekt.")
            return ""
        if not isinstance(waarde, str | int):
            self.fout(f"{waar}: '{sleutel}' moet tekst zijn.")
            return ""
        waarde = str(waarde).strip()
        if any(ord(t) < 32 for t in waarde):
            self.fout(f"{waar}: '{sleutel}' mag geen regeleinden of tabs bevatten.")
        return waarde

    def lijst(self, sleutel: str, *, verplicht: bool = True) -> list:
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht:
                self.fout(f"'{sleutel}' ontbreekt.")
            return []
        if not isinstance(waarde, list):
            self.fout(f"'{sleutel}' moet een lijst zijn.")
            return []
        return waarde

    def huisstijl(self) -> tuple[str, Logo | None, str | None]:
        """huisstijl: {kleur: "#rrggbb", logo: ..., logo_tekst: ...}; the brand colour
        (checked for contrast), the logo and what a screen reader reads for it."""
        waarde = self.data.get("huisstijl")
        if waarde is None:
            return "", None, None
        if not isinstance(waarde, dict) or set(waarde) - {"kleur", "logo", "logo_tekst"}:
            self.fout("huisstijl: alleen 'kleur' (#rrggbb), 'logo' en 'logo_tekst' kunnen.")
            return "", None, None
        kleur = self.tekst(waarde, "kleur", "huisstijl", verplicht=False)
        if kleur:
            try:
                kleur_validator(kleur)
            except ValidationError as fout:
                self.fout(f"huisstijl: kleur '{kleur}': {' '.join(fout.messages)}")
                kleur = ""
        logo = self.logo(waarde["logo"]) if "logo" in waarde else None
        alt = None
        if "logo_tekst" in waarde:
            alt = self.tekst(waarde, "logo_tekst", "huisstijl", verplicht=False)
            if len(alt) > 200:
                self.fout("huisstijl: 'logo_tekst' mag hoogstens 200 tekens hebben.")
        return kleur.lower(), logo, alt

    def logo(self, waarde) -> Logo | None:
        """A data URI (data:image/png;base64,...), or with `map` the name of an image file
        next to the definition file; empty removes the logo. Checked by its content like an
        upload in the admin (huisstijl.logo_controleren)."""
        if waarde is None or waarde == "":
            return Logo()
        if not isinstance(waarde, str):
            self.fout("huisstijl: 'logo' moet tekst zijn (een data-URI of een bestandsnaam).")
            return None
        if waarde.startswith("data:"):
            kop, _komma, data = waarde.partition(",")
            soort = kop[5:].split(";")[0].lower()
            extensie = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}.get(soort)
            if not extensie or not kop.endswith(";base64"):
                self.fout(
                    "huisstijl: logo moet een data-URI van een PNG, JPEG of WebP zijn "
                    "(data:image/png;base64,...)."
                )
                return None
            try:
                inhoud = base64.b64decode("".join(data.split()), validate=True)
            except (binascii.Error, ValueError):
                self.fout("huisstijl: de base64 van het logo is niet geldig.")
                return None
            naam = f"logo{extensie}"
        elif self.map is None:
            # An uploaded copy of a repository file: load the rest, say what happens.
            self.meldingen.append(
                f"Het logo '{waarde}' zit niet in het geüploade bestand en wordt daarom niet "
                "ingesteld. Zet het er als data-URI in (data:image/png;base64,...) of kies het "
                "na het aanmaken in het beheer van de regio."
            )
            return None
        else:
            if "/" in waarde or "\\" in waarde or waarde.startswith("."):
                self.fout(
                    f"huisstijl: logo '{waarde}' moet een bestandsnaam naast dit bestand zijn."
                )
                return None
            pad = self.map / waarde
            if not pad.is_file():
                self.fout(f"huisstijl: het logo '{waarde}' staat niet naast dit bestand.")
                return None
            inhoud, naam = pad.read_bytes(), waarde
        bestand = ContentFile(inhoud, name=naam)
        try:
            extensie = logo_controleren(bestand)
        except ValidationError as fout:
            self.fout(f"huisstijl: logo: {' '.join(fout.messages)}")
            return None
        return Logo(inhoud=inhoud, extensie=extensie)

    def hostnaam(self) -> str | None:
        """hostnaam: werkcentrum-zkij.nl; the regio's own address (optional)."""
        if "hostnaam" not in self.data:
            return None
        if self.data["hostnaam"] is None:
            return ""
        naam = self.tekst(self.data, "hostnaam", "regio", verplicht=False).lower()
        try:
            hostnaam_validator(naam)
        except ValidationError as fout:
            self.fout(f"regio: hostnaam '{naam}': {' '.join(fout.messages)}")
            return None
        if is_portaaladres(naam):
            self.fout(f"regio: hostnaam '{naam}' is het adres van het hele portaal (SITE_URL).")
            return None
        return naam

    def modules(self) -> tuple[str, ...]:
        """modules: [wsp, rba, financien]; which parts the regio uses beside the loket."""
        waarde = self.data.get("modules")
        if waarde is None:
            return tuple(MODULES)
        if not isinstance(waarde, list) or not set(map(str, waarde)) <= set(MODULES):
            self.fout(f"modules: kies uit {', '.join(MODULES)} (het loket is er altijd).")
            return tuple(MODULES)
        return tuple(m for m in MODULES if m in waarde)

    def definitie(self) -> Definitie:
        code = self.tekst(self.data, "code", "regio")
        if code and not CODE.match(code):
            self.fout(
                f"regio: code '{code}' mag alleen kleine letters, cijfers en '-' bevatten "
                "(2 tot 20 tekens, beginnend met een letter)."
            )
        naam = self.tekst(self.data, "naam", "regio")
        bron = self.tekst(self.data, "bron", "regio", verplicht=False)
        gemeenten = self.gemeenten()
        codes = {g.cbs for g in gemeenten}
        namen = {g.naam: g.cbs for g in gemeenten}
        organisaties = self.organisaties(codes, namen)
        locaties = self.locaties(codes, namen)
        buren = self.buren(codes, namen)
        onderdelen = {}
        for sectie in _ONDERDELEN:
            if sectie in self.data:
                onderdelen[sectie] = self.data[sectie]
        huisstijl_kleur, huisstijl_logo, huisstijl_logo_alt = self.huisstijl()
        modules = self.modules()
        hostnaam = self.hostnaam()
        bekend = {
            "code",
            "naam",
            "hostnaam",
            "bron",
            "huisstijl",
            "modules",
            "gemeenten",
            "organisaties",
            "locaties",
            "buren",
        }
        for sleutel in self.data:
            if sleutel not in bekend | set(_ONDERDELEN):
                self.fout(f"Onbekend onderdeel '{sleutel}'.")
        definitie = Definitie(
            code=code,
            naam=naam,
            bron=bron,
            gemeenten=tuple(gemeenten),
            organisaties=tuple(organisaties),
            locaties=tuple(locaties),
            buren=buren,
            onderdelen=onderdelen,
            huisstijl_kleur=huisstijl_kleur,
            huisstijl_logo=huisstijl_logo,
            huisstijl_logo_alt=huisstijl_logo_alt,
            modules=modules,
            meldingen=tuple(self.meldingen),
            hostnaam=hostnaam,
        )
        if not self.fouten:
            for sectie, waarde in onderdelen.items():
                self.fouten += _onderdeel_controleren(sectie, waarde, definitie)
        if self.fouten:
            raise DefinitieFout(self.fouten)
        return definitie

    def gemeenten(self) -> list[GemeenteDef]:
        uit: list[GemeenteDef] = []
        for i, g in enumerate(self.lijst("gemeenten"), start=1):
            waar = f"gemeenten[{i}]"
            if not isinstance(g, dict):
                self.fout(f"{waar}: verwacht naam, cbs en subregio.")
                continue
            naam = self.tekst(g, "naam", waar)
            cbs = self.tekst(g, "cbs", waar)
            if cbs and not CBS_CODE.match(cbs):
                self.fout(f"{waar}: '{cbs}' is geen CBS-gemeentecode (GM en vier cijfers).")
            uit.append(
                GemeenteDef(
                    naam=naam,
                    cbs=cbs,
                    subregio=self.tekst(g, "subregio", waar, verplicht=False),
                    centrum=g.get("centrumgemeente") is True,
                )
            )
        if not uit and "gemeenten" in self.data:
            self.fout("'gemeenten' is leeg: een regio heeft minstens één gemeente.")
        for soort, waarden in (("CBS-code", [g.cbs for g in uit]), ("naam", [g.naam for g in uit])):
            dubbel = sorted({w for w in waarden if w and waarden.count(w) > 1})
            for w in dubbel:
                self.fout(f"gemeenten: {soort} '{w}' staat er meer dan één keer in.")
        centra = [g.naam for g in uit if g.centrum]
        if uit and not centra:
            self.fout("gemeenten: geen centrumgemeente (zet 'centrumgemeente: true' bij één).")
        elif len(centra) > 1:
            self.fout(f"gemeenten: meer dan één centrumgemeente ({', '.join(centra)}).")
        return uit

    def gemeente(self, waarde, waar: str, codes: set[str], namen: dict[str, str]) -> str | None:
        """A gemeente named in the file by CBS code or name; None (with a problem) if not."""
        waarde = str(waarde or "").strip()
        if waarde in codes:
            return waarde
        if waarde in namen:
            return namen[waarde]
        self.fout(f"{waar}: gemeente '{waarde}' is onbekend (niet in 'gemeenten' van dit bestand).")
        return None

    def organisaties(self, codes: set[str], namen: dict[str, str]) -> list[OrganisatieDef]:
        from .models import Organisatie

        typen = set(Organisatie.Type.values)
        uit: list[OrganisatieDef] = []
        for i, o in enumerate(self.lijst("organisaties"), start=1):
            waar = f"organisaties[{i}]"
            if not isinstance(o, dict):
                self.fout(f"{waar}: verwacht naam en type.")
                continue
            naam = self.tekst(o, "naam", waar)
            soort = self.tekst(o, "type", waar)
            if soort and soort not in typen:
                self.fout(
                    f"{waar}: type '{soort}' is onbekend; kies uit {', '.join(sorted(typen))}."
                )
            gemeente = None
            if o.get("gemeente"):
                gemeente = self.gemeente(o["gemeente"], waar, codes, namen)
            elif soort == Organisatie.Type.GEMEENTE:
                self.fout(f"{waar}: een organisatie van het type gemeente noemt haar gemeente.")
            uit.append(OrganisatieDef(naam, soort, gemeente, o.get("gastheer") is True))
        namen_o = [o.naam for o in uit]
        for n in sorted({n for n in namen_o if n and namen_o.count(n) > 1}):
            self.fout(f"organisaties: '{n}' staat er meer dan één keer in.")
        gastheren = [o for o in uit if o.gastheer]
        if self.data.get("locaties") and len(gastheren) != 1:
            self.fout(
                "organisaties: precies één organisatie is gastheer van de spreekuren "
                "('gastheer: true', meestal het Werkcentrum zelf)."
            )
        return uit

    def locaties(self, codes: set[str], namen: dict[str, str]) -> list[LocatieDef]:
        uit: list[LocatieDef] = []
        for i, loc in enumerate(self.lijst("locaties", verplicht=False), start=1):
            waar = f"locaties[{i}]"
            if not isinstance(loc, dict):
                self.fout(f"{waar}: verwacht naam, gemeente, adres en openingstijden.")
                continue
            naam = self.tekst(loc, "naam", waar)
            gemeente = self.gemeente(loc.get("gemeente"), waar, codes, namen)
            postcode = self.tekst(loc, "postcode", waar)
            if postcode and not POSTCODE.match(postcode):
                self.fout(f"{waar}: postcode '{postcode}' is geen postcode als 1234 AB.")
            tijden = []
            for j, t in enumerate(loc.get("openingstijden") or [], start=1):
                tijd = self.openingstijd(t, f"{waar}.openingstijden[{j}]")
                if tijd:
                    tijden.append(tijd)
            uit.append(
                LocatieDef(
                    naam=naam,
                    gemeente=gemeente or "",
                    straat=self.tekst(loc, "straat", waar),
                    postcode=postcode,
                    plaats=self.tekst(loc, "plaats", waar),
                    tijden=tuple(tijden),
                )
            )
        namen_l = [loc.naam for loc in uit]
        for n in sorted({n for n in namen_l if n and namen_l.count(n) > 1}):
            self.fout(f"locaties: '{n}' staat er meer dan één keer in.")
        return uit

    def openingstijd(self, t, waar: str) -> tuple[int, time, time] | None:
        if not isinstance(t, dict):
            self.fout(f"{waar}: verwacht dag, van en tot.")
            return None
        dag = WEEKDAGEN.get(str(t.get("dag", "")).strip().lower())
        if dag is None:
            self.fout(f"{waar}: dag '{t.get('dag')}' is geen weekdag (maandag tot en met zondag).")
        van, tot = self.tijd(t.get("van"), waar, "van"), self.tijd(t.get("tot"), waar, "tot")
        if van and tot and tot <= van:
            self.fout(f"{waar}: 'tot' ({tot:%H:%M}) moet na 'van' ({van:%H:%M}) liggen.")
            return None
        if dag is None or van is None or tot is None:
            return None
        return (dag, van, tot)

    def tijd(self, waarde, waar: str, naam: str) -> time | None:
        # YAML reads 09:30 as a sexagesimal number (570) unless quoted: accept both.
        if isinstance(waarde, int) and 0 <= waarde < 24 * 60:
            return time(waarde // 60, waarde % 60)
        match = re.match(r"^(\d{1,2}):(\d{2})$", str(waarde or "").strip())
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return time(int(match[1]), int(match[2]))
        self.fout(f"{waar}: '{naam}' moet een tijd zijn als 09:30.")
        return None

    def buren(self, codes: set[str], namen: dict[str, str]) -> dict[str, frozenset[str]]:
        buren: dict[str, set[str]] = {c: set() for c in codes}
        waarde = self.data.get("buren") or {}
        if not isinstance(waarde, dict):
            self.fout("'buren' moet per gemeente een lijst van buurgemeenten geven.")
            return {}
        for van, naar in waarde.items():
            waar = f"buren[{van}]"
            a = self.gemeente(van, waar, codes, namen)
            for b in naar if isinstance(naar, list) else []:
                b = self.gemeente(b, waar, codes, namen)
                if a and b and a != b:
                    # Neighbours are mutual: writing it once is enough.
                    buren[a].add(b)
                    buren[b].add(a)
        return {c: frozenset(n) for c, n in buren.items() if n}


@dataclass
class Samenvatting:
    """What a load created or changed, per kind; all zero when the file was loaded before."""

    nieuw: dict[str, int] = field(default_factory=dict)
    gewijzigd: dict[str, int] = field(default_factory=dict)

    def tel(self, soort: str, aangemaakt: bool, gewijzigd: bool = True) -> None:
        if aangemaakt:
            self.nieuw[soort] = self.nieuw.get(soort, 0) + 1
        elif gewijzigd:
            self.gewijzigd[soort] = self.gewijzigd.get(soort, 0) + 1

    @property
    def ongewijzigd(self) -> bool:
        return not self.nieuw and not self.gewijzigd


def conflicten(definitie: Definitie) -> list[str]:
    """Problems only the database can tell: a CBS code that belongs to another regio."""
    from .models import Gemeente

    andere = Gemeente.objects.filter(cbs_code__in=[g.cbs for g in definitie.gemeenten]).exclude(
        regio__code=definitie.code
    )
    fouten = [
        f"gemeenten: {g.naam} ({g.cbs_code}) hoort al bij de regio {g.regio.naam}."
        for g in andere.select_related("regio")
    ]
    from .models import Arbeidsmarktregio

    if Arbeidsmarktregio.objects.filter(naam=definitie.naam).exclude(code=definitie.code).exists():
        fouten.append(f"regio: de naam '{definitie.naam}' hoort al bij een andere regio.")
    if (
        definitie.hostnaam
        and Arbeidsmarktregio.objects.filter(hostnaam=definitie.hostnaam)
        .exclude(code=definitie.code)
        .exists()
    ):
        fouten.append(f"regio: de hostnaam '{definitie.hostnaam}' hoort al bij een andere regio.")
    return fouten


@transaction.atomic
def laden(definitie: Definitie) -> Samenvatting:
    """Writes the definition: everything or nothing. Idempotent. Raises DefinitieFout when
    the database disagrees (a gemeente of another regio)."""
    from .models import Arbeidsmarktregio

    fouten = conflicten(definitie)
    if fouten:
        raise DefinitieFout(fouten)
    s = Samenvatting()
    regio = _bijwerken(
        s,
        "regio",
        Arbeidsmarktregio.objects,
        {"code": definitie.code},
        {
            "naam": definitie.naam,
            "huisstijl_kleur": definitie.huisstijl_kleur,
            "modules": list(definitie.modules),
            **({} if definitie.hostnaam is None else {"hostnaam": definitie.hostnaam}),
            **(
                {}
                if definitie.huisstijl_logo_alt is None
                else {"huisstijl_logo_alt": definitie.huisstijl_logo_alt}
            ),
        },
    )
    _logo_laden(s, regio, definitie.huisstijl_logo)
    gemeenten = _gemeenten_laden(s, regio, definitie)
    _organisaties_laden(s, regio, definitie, gemeenten)
    _locaties_laden(s, regio, definitie, gemeenten)
    for sectie, waarde in definitie.onderdelen.items():
        _onderdeel_laden(sectie, waarde, regio=regio, definitie=definitie, samenvatting=s)
    _standaarden_laden(regio, definitie=definitie, samenvatting=s)
    return s


def _standaarden_laden(regio, *, definitie: Definitie | None, samenvatting: Samenvatting) -> None:
    aanwezig = definitie.onderdelen if definitie else {}
    for sectie, delen in _ONDERDELEN.items():
        if sectie in aanwezig:
            continue
        for d in delen:
            if d.altijd:
                d.laden(None, regio=regio, definitie=definitie, samenvatting=samenvatting)


@transaction.atomic
def standaarden_geven(regio) -> Samenvatting:
    """Gives a regio made without a definition file (in the admin) what a file without the
    optional sections gives: the national lists. Idempotent."""
    s = Samenvatting()
    _standaarden_laden(regio, definitie=None, samenvatting=s)
    return s


def _bijwerken(s: Samenvatting, soort: str, manager, sleutel: dict, waarden: dict):
    """update_or_create that tells whether anything really changed (no write if not)."""
    obj = manager.filter(**sleutel).first()
    if obj is None:
        obj = manager.create(**sleutel, **waarden)
        s.tel(soort, True)
        return obj
    anders = {k: v for k, v in waarden.items() if getattr(obj, k) != v}
    if anders:
        for k, v in anders.items():
            setattr(obj, k, v)
        obj.save(update_fields=list(anders))
        s.tel(soort, False)
    return obj


def _logo_laden(s: Samenvatting, regio, logo: Logo | None) -> None:
    """Stores the file's logo unless the regio has these very bytes (idempotent)."""
    if logo is None:
        return
    oud = regio.huisstijl_logo.name or ""
    if oud and logo.inhoud:
        try:
            with regio.huisstijl_logo.open("rb") as f:
                if f.read() == logo.inhoud:
                    return
        except OSError:
            pass  # the stored file is gone: store the file's logo again
    if not oud and not logo.inhoud:
        return
    if logo.inhoud:
        # The storage writes at once; a rolled-back load leaves at most an unused file.
        regio.huisstijl_logo.save(f"logo{logo.extensie}", ContentFile(logo.inhoud), save=False)
    else:
        regio.huisstijl_logo = ""
    regio.save(update_fields=["huisstijl_logo"])
    s.tel("logo", not oud)
    if oud:
        # As in the admin: a replaced or removed logo leaves no file behind once it stands.
        transaction.on_commit(lambda: default_storage.delete(oud))


def _gemeenten_laden(s: Samenvatting, regio, definitie: Definitie) -> dict:
    from .models import Gemeente

    gemeenten = {}
    for g in definitie.gemeenten:
        gemeenten[g.cbs] = _bijwerken(
            s,
            "gemeenten",
            Gemeente.objects,
            {"cbs_code": g.cbs},
            {
                "regio": regio,
                "naam": g.naam,
                "subregio": g.subregio,
                "is_centrumgemeente": g.centrum,
            },
        )
    for cbs, gemeente in gemeenten.items():
        gewenst = {gemeenten[b].pk for b in definitie.buren.get(cbs, ())}
        huidig = set(gemeente.buren.values_list("pk", flat=True))
        if gewenst != huidig:
            gemeente.buren.set(gewenst)
            s.tel("buren", False)
    return gemeenten


def _organisaties_laden(s: Samenvatting, regio, definitie: Definitie, gemeenten: dict) -> None:
    from .models import Organisatie

    for o in definitie.organisaties:
        _bijwerken(
            s,
            "organisaties",
            Organisatie.objects,
            {"regio": regio, "naam": o.naam},
            {"type": o.type, "gemeente": gemeenten.get(o.gemeente) if o.gemeente else None},
        )


def _locaties_laden(s: Samenvatting, regio, definitie: Definitie, gemeenten: dict) -> None:
    from .models import Locatie, Openingstijd, Organisatie

    if not definitie.locaties:
        return
    gastheer = next(o for o in definitie.organisaties if o.gastheer)
    organisatie = Organisatie.objects.get(regio=regio, naam=gastheer.naam)
    for loc in definitie.locaties:
        locatie = _bijwerken(
            s,
            "locaties",
            Locatie.objects,
            {"regio": regio, "naam": loc.naam},
            {
                "gemeente": gemeenten[loc.gemeente],
                "organisatie": organisatie,
                "straat": loc.straat,
                "postcode": loc.postcode,
                "plaats": loc.plaats,
            },
        )
        # The file is the truth for the hours: what is no longer in it goes.
        gewenst = set(loc.tijden)
        huidig = {(t.weekdag, t.begintijd, t.eindtijd): t.pk for t in locatie.openingstijden.all()}
        weg = [pk for tijd, pk in huidig.items() if tijd not in gewenst]
        if weg:
            Openingstijd.objects.filter(pk__in=weg).delete()
            s.tel("openingstijden", False)
        for dag, van, tot in sorted(gewenst - set(huidig)):
            Openingstijd.objects.create(locatie=locatie, weekdag=dag, begintijd=van, eindtijd=tot)
            s.tel("openingstijden", True)
