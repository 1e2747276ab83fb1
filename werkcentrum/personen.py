"""Records that hold a person's data, as registered by the apps, and the two requests a
betrokkene can make about them: inzage (everything we hold) and verwijderen (erase it all).

werkcentrum imports no app: loket, wsp and rba register a `PersoonsBron` per model in their
AppConfig.ready(), saying how to search it, what it holds, how to erase it and under which key
list pages name it in the logboek. Next to those, each app registers its free-text fields
(`registreer_vrije_tekst`): on erasure the person's full name and e-mail address are redacted
there too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import AuditEvent, Medewerker
from .tenancy import regio_id_van, regio_pad

VERWIJDERD = "verwijderd"
GEANONIMISEERD = "geanonimiseerd"
MAX_TREFFERS_PER_BRON = 50


@dataclass(frozen=True)
class Onderdeel:
    """Records of another model that belong to a person's record and hold data about the
    person too (a kandidaat's plaatsingen, their nazorg): `pad` is the lookup from `model` to
    the person's record (`plaatsing__kandidaat`). The inzage shows them with the record."""

    model: type[models.Model]
    pad: str

    @property
    def naam(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    def records(self, obj: models.Model) -> models.QuerySet:
        return self.model._default_manager.filter(**{self.pad: obj}).order_by("pk")


@dataclass(frozen=True)
class PersoonsBron:
    """One model holding personal data.

    `zoekvelden`: fields matched (icontains) against the search term; `nummerveld`: matched
    exactly when the term is a number (a kandidaat number). `gegevens(obj)` returns everything
    the record holds about the person, as plain values. `wissen(obj, nu)` erases or anonymises
    the record and returns VERWIJDERD or GEANONIMISEERD; it runs inside the caller's
    transaction. `bewaarplicht`: why the record is anonymised rather than deleted.
    `lijstsoort`: the key under which list pages name these records by id
    (`audit.personenlijst_ingezien`); the logboek and the inzage find those reads through it.
    `kenmerken(obj)`: the person's full name and e-mail address as free text may name them;
    on erasure they are redacted in the registered free-text fields of the regio.
    `onderdelen`: related records that are part of the person's file (`alle_gegevens` shows
    them; the test of the inzage fills every field of them as well).
    `keten(obj)`: records of other sources that hold the same person through the chain loket
    -> WSP (a kandidaat's handovers, the referral a handover started from); a
    verwijderverzoek erases them with the record (`met_keten`)."""

    model: type[models.Model]
    zoekvelden: tuple[str, ...]
    gegevens: Callable[[models.Model], dict[str, Any]]
    wissen: Callable[[models.Model, Any], str]
    actief: Callable[[models.QuerySet], models.QuerySet] = lambda qs: qs
    nummerveld: str | None = None
    bewaarplicht: str = ""
    lijstsoort: str = ""
    kenmerken: Callable[[models.Model], Iterable[str]] = lambda obj: ()
    onderdelen: tuple[Onderdeel, ...] = ()
    keten: Callable[[models.Model], Iterable[models.Model]] = lambda obj: ()

    @property
    def code(self) -> str:
        return self.model._meta.label_lower

    @property
    def naam(self) -> str:
        return str(self.model._meta.verbose_name)


_BRONNEN: dict[str, PersoonsBron] = {}


def waarde(v: Any) -> Any:
    """A plain value for JSON and XLSX: dates as ISO text (local time), money as text."""
    if isinstance(v, datetime):
        return timezone.localtime(v).isoformat(timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, timedelta):
        return str(v)
    if isinstance(v, list | tuple):
        return [waarde(x) for x in v]
    return v


def toonbaar(veld: models.Field) -> bool:
    """Whether the inzage shows `veld`: every field the model stores, except the hash of a
    secret (a link token), which says nothing about the person and must not leave the system."""
    return not veld.name.endswith("_hash")


def velden(obj: models.Model, namen: tuple[str, ...] | None = None) -> dict[str, Any]:
    """{field label: plain value} of `obj`; choices as their label, relations as text. Without
    `namen`: every stored field (`toonbaar`), including many-to-many, in model order, so a
    field added later is in the inzage without anyone remembering to add it."""
    if namen is None:
        namen = tuple(
            f.name for f in (*obj._meta.concrete_fields, *obj._meta.many_to_many) if toonbaar(f)
        )
    uit = {}
    for naam in namen:
        veld = obj._meta.get_field(naam)
        weergave = getattr(obj, f"get_{naam}_display", None)
        if veld.many_to_many:
            v = [str(x) for x in getattr(obj, naam).all()]
        elif weergave is not None:
            v = weergave()  # choices (and a model's own labels, e.g. instrumenten)
        elif veld.is_relation:
            v = getattr(obj, naam)
            v = str(v) if v is not None else None
        else:
            v = getattr(obj, naam)
        label = str(veld.verbose_name)
        uit[label if label not in uit else f"{label} ({naam})"] = waarde(v)
    return uit


def alle_gegevens(obj: models.Model) -> dict[str, Any]:
    """Everything `obj` (a record of a registered source) stores, with the records of its
    `onderdelen`, each as a list of {field label: value}."""
    uit = velden(obj)
    bron = bron_van(type(obj))
    for onderdeel in bron.onderdelen if bron else ():
        uit[onderdeel.naam] = [velden(o) for o in onderdeel.records(obj)]
    return uit


def is_nummer(tekst: str) -> bool:
    """Whether `tekst` can be a primary key: decimal digits that fit in 64 bits
    (str.isdigit() also accepts "²", which int() refuses)."""
    return tekst.isdecimal() and len(tekst) <= 18


def registreer(bron: PersoonsBron) -> None:
    andere = lijstsoorten().get(bron.lijstsoort)
    if bron.lijstsoort and andere and andere.code != bron.code:
        # One key, one model: otherwise a list read would be attributed to the wrong person.
        raise ValueError(f"Lijstsoort {bron.lijstsoort!r} hoort al bij {andere.code}.")
    _BRONNEN[bron.code] = bron


@dataclass(frozen=True)
class VrijeTekst:
    """Free-text fields of one model that may name a person (a verslag, a contactmoment)."""

    model: type[models.Model]
    velden: tuple[str, ...]


_VRIJE_TEKSTEN: dict[str, VrijeTekst] = {}
# What replaces a redacted name or e-mail address in free text.
WEGGELAKT = "[verwijderd]"


def registreer_vrije_tekst(model: type[models.Model], *velden: str) -> None:
    for veld in velden:
        model._meta.get_field(veld)  # a typo fails at start-up, not at the first erasure
    _VRIJE_TEKSTEN[model._meta.label_lower] = VrijeTekst(model, velden)


def vrije_teksten() -> list[VrijeTekst]:
    return list(_VRIJE_TEKSTEN.values())


def bronnen() -> list[PersoonsBron]:
    return list(_BRONNEN.values())


def bron_van(model: type[models.Model]) -> PersoonsBron | None:
    """The registration of `model`, if it holds personal data."""
    return _BRONNEN.get(model._meta.label_lower)


def lijstsoorten() -> dict[str, PersoonsBron]:
    """{key of list events: the source whose records they name}."""
    return {b.lijstsoort: b for b in _BRONNEN.values() if b.lijstsoort}


def personen_in(objs: Iterable[models.Model]) -> dict[str, list[int]]:
    """{lijstsoort: ids} of the persons `objs` show: each object that is a registered source
    itself, and the sources its foreign keys point at (a plaatsing names its kandidaat). Read
    from the key columns, so it costs no query."""
    per_soort: dict[str, dict[int, None]] = {}
    for obj in objs:
        bron = bron_van(type(obj))
        if bron and bron.lijstsoort and obj.pk is not None:
            per_soort.setdefault(bron.lijstsoort, {})[int(obj.pk)] = None
        for veld in _persoon_fks(type(obj)):
            pk = getattr(obj, veld.attname)
            if pk is not None:
                soort = bron_van(veld.related_model).lijstsoort
                per_soort.setdefault(soort, {})[int(pk)] = None
    return {soort: list(ids) for soort, ids in per_soort.items()}


def _persoon_fks(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.many_to_one and (bron := bron_van(f.related_model)) is not None and bron.lijstsoort
    ]


def over(bron: PersoonsBron, pk: int) -> Q:
    """Filter on AuditEvent: every logboek line about one record, its own events and the list
    events that named it."""
    filter_ = Q(content_type=ContentType.objects.get_for_model(bron.model), object_id=str(pk))
    if bron.lijstsoort:
        filter_ |= audit.in_lijst(bron.lijstsoort, pk)
    return filter_


@dataclass(frozen=True)
class Record:
    bron: PersoonsBron
    obj: models.Model

    @property
    def sleutel(self) -> str:
        return f"{self.bron.code}:{self.obj.pk}"

    @property
    def titel(self) -> str:
        return f"{self.bron.naam[:1].upper()}{self.bron.naam[1:]} #{self.obj.pk}"

    @property
    def naam(self) -> str:
        """The person's full name as the record holds it (first of `kenmerken`)."""
        return next(iter(self.bron.kenmerken(self.obj)), "") or ""

    @property
    def email(self) -> str:
        kenmerken = list(self.bron.kenmerken(self.obj))
        return kenmerken[1] if len(kenmerken) > 1 else ""


@dataclass
class Persoon:
    """The records of one name among the chosen records, for the pages that confirm what an
    export or an erasure will touch: per person, how many records of each kind."""

    naam: str
    records: list[Record]

    @property
    def emails(self) -> list[str]:
        return sorted({r.email for r in self.records if r.email})

    @property
    def aantallen(self) -> list[tuple[str, int]]:
        """[(kind of record, number)], e.g. [("kandidaten", 2), ("vraag", 1)], in source order."""
        per_bron: dict[PersoonsBron, int] = {}
        for r in self.records:
            per_bron[r.bron] = per_bron.get(r.bron, 0) + 1
        return [(_soort(b.model, n), n) for b, n in per_bron.items()]

    @property
    def onderdelen(self) -> list[tuple[str, int]]:
        """[(kind of related record, number)] held with these records (plaatsingen, nazorg)."""
        per_model: dict[type[models.Model], int] = {}
        for r in self.records:
            for o in r.bron.onderdelen:
                if n := o.records(r.obj).count():
                    per_model[o.model] = per_model.get(o.model, 0) + n
        return [(_soort(m, n), n) for m, n in per_model.items()]


def _soort(model: type[models.Model], n: int) -> str:
    return str(model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural)


def per_persoon(records: list[Record]) -> list[Persoon]:
    """`records` grouped by the person's name (case and spacing ignored), in order of first
    appearance; a record without a name is grouped by its e-mail address."""
    groepen: dict[str, Persoon] = {}
    for r in records:
        sleutel = " ".join(r.naam.split()).casefold() or r.email.casefold() or r.sleutel
        groep = groepen.setdefault(sleutel, Persoon(naam=r.naam or r.email or r.titel, records=[]))
        groep.records.append(r)
    return list(groepen.values())


def _zoekfilter(bron: PersoonsBron, term: str) -> Q:
    """The whole term in one field, or each word of it in some field: "Lotte Peters" finds a
    kandidaat with voornaam Lotte and achternaam Peters."""
    filter_ = Q()
    for veld in bron.zoekvelden:
        filter_ |= Q(**{f"{veld}__icontains": term})
    woorden = term.replace(",", " ").split()
    if len(woorden) > 1:
        elk_woord = Q()
        for woord in woorden:
            ergens = Q()
            for veld in bron.zoekvelden:
                ergens |= Q(**{f"{veld}__icontains": woord})
            elk_woord &= ergens
        filter_ |= elk_woord
    if bron.nummerveld and is_nummer(term):
        filter_ |= Q(**{bron.nummerveld: int(term)})
    return filter_


def zoeken(*, user: Medewerker, term: str) -> list[Record]:
    """Records of `user`'s regio whose person matches `term` (name, e-mail, phone or number);
    already anonymised records are left out. Logs the search without the term itself."""
    term = term.strip()
    gevonden: list[Record] = []
    for bron in bronnen():
        qs = bron.actief(bron.model.objects.voor(user)).filter(_zoekfilter(bron, term))
        qs = qs.order_by("pk")
        gevonden += [Record(bron, obj) for obj in qs[:MAX_TREFFERS_PER_BRON]]
    audit.persoon_gezocht(user=user, aantal=len(gevonden))
    return gevonden


def records_voor(*, user: Medewerker, sleutels: list[str]) -> list[Record]:
    """The records named by `sleutels` ("app.model:pk"), within `user`'s regio; unknown or
    foreign keys are refused (ValidationError) rather than silently dropped."""
    per_bron: dict[str, set[int]] = {}
    for sleutel in sleutels:
        code, _sep, pk = sleutel.partition(":")
        if code not in _BRONNEN or not is_nummer(pk):
            raise ValidationError(_("Onbekend dossier: %(s)s") % {"s": sleutel})
        per_bron.setdefault(code, set()).add(int(pk))
    records: list[Record] = []
    for code, pks in per_bron.items():
        bron = _BRONNEN[code]
        objs = list(bron.model.objects.voor(user).filter(pk__in=pks).order_by("pk"))
        if len(objs) != len(pks):
            raise ValidationError(_("Een of meer dossiers bestaan niet (meer) in je regio."))
        records += [Record(bron, obj) for obj in objs]
    return records


def met_keten(records: list[Record], *, user: Medewerker) -> list[Record]:
    """`records` plus every record the chain links them to (`PersoonsBron.keten`, followed
    until nothing new turns up), within `user`'s regio and not yet erased: an erasure of the
    person covers the kandidaat, its handovers and the loket referral alike."""
    gezien = {r.sleutel for r in records}
    uit = list(records)
    te_doen = list(records)
    while te_doen:
        r = te_doen.pop(0)
        for obj in r.bron.keten(r.obj):
            bron = bron_van(type(obj))
            if bron is None or f"{bron.code}:{obj.pk}" in gezien:
                continue
            gezien.add(f"{bron.code}:{obj.pk}")
            zichtbaar = bron.actief(bron.model.objects.voor(user)).filter(pk=obj.pk).first()
            if zichtbaar is not None:
                nieuw = Record(bron, zichtbaar)
                uit.append(nieuw)
                te_doen.append(nieuw)
    return uit


def audittrail(records: list[Record], *, user: Medewerker) -> models.QuerySet:
    """Every logboek line about these records (one query), scoped to the user's regio: their
    own events and the list events that named them."""
    filter_ = Q(pk__in=[])
    for r in records:
        filter_ |= over(r.bron, r.obj.pk)
    return (
        AuditEvent.objects.voor(user)
        .filter(filter_)
        .select_related("gebruiker", "content_type")
        .order_by("-tijdstip", "-pk")
    )


def eigen_details(event: AuditEvent, records: list[Record]) -> dict:
    """`event.details` as the betrokkene receives them: a list event keeps only the ids of
    their own records, as the other rows on that page were other people."""
    eigen = {(r.bron.lijstsoort, r.obj.pk) for r in records}
    details = dict(event.details)
    for soort in lijstsoorten().keys() & details.keys():
        details[soort] = [pk for pk in details[soort] if (soort, pk) in eigen]
    return details


def inzage(records: list[Record], *, user: Medewerker, geexporteerd: str = "") -> list[dict]:
    """Everything held about the person in `records`, logging each record as read for the
    inzageverzoek (and the download as an export when `geexporteerd` names its format)."""
    for r in records:
        audit.persoonsgegevens_ingezien(r.obj, user=user, doel="inzageverzoek")
    if geexporteerd:
        audit.inzage_geexporteerd(
            user=user, formaat=geexporteerd, dossiers=[r.sleutel for r in records]
        )
    return [
        {"soort": r.bron.naam, "sleutel": r.sleutel, "gegevens": r.bron.gegevens(r.obj)}
        for r in records
    ]


def _is_naam(tekst: str) -> bool:
    """A full name: two or more words of two or more letters. A single word ("Jan") or an
    initial is too generic to redact in someone else's text."""
    return len([w for w in tekst.split() if len(w) >= 2]) >= 2


def _is_email(tekst: str) -> bool:
    lokaal, _at, domein = tekst.partition("@")
    return bool(lokaal) and "." in domein and not re.search(r"\s", tekst)


def _patroon(term: str) -> re.Pattern:
    """`term` as a whole (case-insensitive), not as part of a longer word or address; the
    words of a name may be split by any whitespace (a line break in a verslag)."""
    kern = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<![\w.@+-]){kern}(?![\w@-]|\.\w)", re.IGNORECASE)


def _vooraf(veld: str, term: str) -> Q:
    """Database prefilter: every word of `term` occurs in the field (the regex decides)."""
    filter_ = Q()
    for woord in term.split():
        filter_ &= Q(**{f"{veld}__icontains": woord})
    return filter_


def vrije_tekst_redigeren(termen_per_regio: dict[int, set[str]]) -> dict[str, int]:
    """Replace every whole occurrence of the terms (full names, e-mail addresses) in the
    registered free-text fields of records in the terms' regio by WEGGELAKT. Returns the
    number of records changed per model; a model with none is left out."""
    aantallen: dict[str, int] = {}
    for regio_id, termen in termen_per_regio.items():
        termen = {t.strip() for t in termen if _is_naam(t.strip()) or _is_email(t.strip())}
        if not termen:
            continue
        # Longest first, so an address is redacted whole before a name inside it.
        patronen = [_patroon(t) for t in sorted(termen, key=len, reverse=True)]
        for vt in vrije_teksten():
            filter_ = Q(pk__in=[])
            for veld in vt.velden:
                for term in termen:
                    filter_ |= _vooraf(veld, term)
            qs = vt.model._default_manager.filter(**{regio_pad(vt.model): regio_id})
            for obj in qs.filter(filter_).only("pk", *vt.velden).order_by("pk"):
                nieuw = {}
                for veld in vt.velden:
                    tekst = oud = getattr(obj, veld) or ""
                    for patroon in patronen:
                        tekst = patroon.sub(WEGGELAKT, tekst)
                    if tekst != oud:
                        nieuw[veld] = tekst
                if nieuw:
                    # An UPDATE: no save() side effects, and a vastgesteld verslag is kept
                    # as it is apart from the person.
                    vt.model._default_manager.filter(pk=obj.pk).update(**nieuw)
                    code = vt.model._meta.label_lower
                    aantallen[code] = aantallen.get(code, 0) + 1
    return aantallen


@transaction.atomic
def persoon_wissen(*, records: list[Record], reden: str, door: Medewerker) -> dict[str, str]:
    """Erase or anonymise every record in one transaction: one failure undoes all of it.

    Each record gets its own `persoonsgegevens_verwijderd` event, and the request as a whole a
    `verwijderverzoek_uitgevoerd` event naming the records and outcomes and how many records'
    free text named the person (no personal data). That free text is redacted in the regio of
    each erased record (`vrije_tekst_redigeren`)."""
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Geef de reden van het verwijderverzoek.")})
    if not records:
        raise ValidationError(_("Kies minstens één dossier."))
    records = met_keten(records, user=door)
    nu = timezone.now()
    uitkomsten: dict[str, str] = {}
    termen_per_regio: dict[int, set[str]] = {}
    for r in records:
        sleutel = r.sleutel  # before a delete clears the primary key
        # Who the person is and where, before the record is emptied or deleted.
        regio_id = regio_id_van(r.obj)
        if regio_id is not None:
            termen_per_regio.setdefault(regio_id, set()).update(r.bron.kenmerken(r.obj))
        audit.persoonsgegevens_verwijderd(r.obj, user=door, doel="verwijderverzoek")
        uitkomsten[sleutel] = r.bron.wissen(r.obj, nu)
    vrije_tekst = vrije_tekst_redigeren(termen_per_regio)
    audit.verwijderverzoek_uitgevoerd(
        user=door, reden=reden, uitkomsten=uitkomsten, vrije_tekst=vrije_tekst
    )
    return uitkomsten
