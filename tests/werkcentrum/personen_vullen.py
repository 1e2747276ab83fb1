"""Records of every registered person source, with every field filled with a value of its
own, and what the inzage must show of them. Shared by the inzage test and the e2e journey."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory
from django.db import models

from loket import services as loket_services
from loket.models import Doorverwijzing, DoorverwijzingStap, Traject, Vraag
from rba.models import Actie, Lid
from tests import factories as algemeen
from tests.factories import OrganisatieFactory
from tests.financien import factories as financien_factories
from tests.loket import factories as loket_factories
from tests.rba import factories as rba_factories
from tests.wsp import factories as wsp_factories
from werkcentrum import personen
from wsp.models import (
    Contactpersoon,
    Kandidaat,
    NazorgMoment,
    Overdracht,
    Plaatsing,
    Voordracht,
    Werkgeversverzoek,
)

AMS = ZoneInfo("Europe/Amsterdam")


def _traject(regio, gids):
    return loket_services.traject_registreren(
        door=gids,
        soort="taal",
        aanbieder=OrganisatieFactory(regio=regio),
        startdatum=date(2026, 3, 2),
        kosten=Decimal("750.00"),
        toestemming=True,
        toestemming_gegevens="naam en e-mail",
        naam="Lotte Peters",
        email="lotte@voorbeeld.nl",
    )


# One record per registered source, in `regio`. A new source needs a line here:
# test_inzage_volledig.py fails until it has one.
BRONNEN = {
    Vraag: lambda regio, gids: loket_factories.VraagFactory(regio=regio),
    Doorverwijzing: lambda regio, gids: loket_factories.DoorverwijzingFactory(regio=regio),
    Traject: _traject,
    Kandidaat: lambda regio, gids: wsp_factories.KandidaatFactory(regio=regio),
    Contactpersoon: lambda regio, gids: Contactpersoon.objects.create(
        werkgever=wsp_factories.WerkgeverFactory(regio=regio), naam="Contact Persoon"
    ),
    Werkgeversverzoek: lambda regio, gids: wsp_factories.VerzoekFactory(regio=regio),
    Overdracht: lambda regio, gids: wsp_factories.OverdrachtFactory(regio=regio),
    Lid: lambda regio, gids: rba_factories.LidFactory(orgaan__regio=regio),
    Actie: lambda regio, gids: rba_factories.ActieFactory(orgaan__regio=regio),
}
# One record of each onderdeel, belonging to the person's record `obj`.
ONDERDELEN = {
    Voordracht: lambda obj: wsp_factories.VoordrachtFactory(
        kandidaat=obj, vacature__werkgever__regio=obj.regio
    ),
    Plaatsing: lambda obj: wsp_factories.PlaatsingFactory(
        kandidaat=obj, werkgever__regio=obj.regio
    ),
    NazorgMoment: lambda obj: wsp_factories.NazorgMomentFactory(
        plaatsing__kandidaat=obj,
        plaatsing__werkgever__regio=obj.regio,
        plaatsing__startdatum=date(2024, 1, 1),
    ),
    Overdracht: lambda obj: wsp_factories.OverdrachtFactory(
        regio=obj.regio, kandidaat=obj, woongemeente=obj.woongemeente
    ),
    DoorverwijzingStap: lambda obj: DoorverwijzingStap.objects.create(
        doorverwijzing=obj, status=Doorverwijzing.Status.VERSTUURD
    ),
}
FACTORY_MODULES = (
    algemeen,
    loket_factories,
    wsp_factories,
    rba_factories,
    financien_factories,
)


def een(model: type[models.Model]) -> models.Model:
    """Any record of `model` for a foreign key the builder left empty: an existing one
    (reference data), else one from the model's factory."""
    if (obj := model._default_manager.order_by("pk").first()) is not None:
        return obj
    for module in FACTORY_MODULES:
        for f in vars(module).values():
            is_factory = isinstance(f, type) and issubclass(f, factory.django.DjangoModelFactory)
            if is_factory and f._meta.model is model:
                return f()
    raise AssertionError(f"Geen record of factory voor {model._meta.label}")


def vullen(obj: models.Model, teller: itertools.count) -> None:
    """Give every shown field of `obj` a value of its own (saved with an UPDATE: the test is
    about what the export shows, not about the model's rules)."""
    waarden = {}
    for veld in obj._meta.concrete_fields:
        if veld.primary_key or not personen.toonbaar(veld):
            continue
        n = next(teller)
        if veld.is_relation:
            if getattr(obj, veld.attname) is None:
                waarden[veld.attname] = een(veld.related_model).pk
        elif veld.choices:
            waarden[veld.name] = [c for c, _label in veld.flatchoices if c not in ("", None)][-1]
        elif isinstance(veld, models.BooleanField):
            waarden[veld.name] = not getattr(obj, veld.name)
        elif isinstance(veld, models.EmailField):
            waarden[veld.name] = f"zq{n:03d}@voorbeeld.nl"
        elif isinstance(veld, models.CharField | models.TextField):
            waarden[veld.name] = f"ZQ{n:03d}"[: veld.max_length]
        elif isinstance(veld, models.DateTimeField):
            waarden[veld.name] = datetime(2031, 1, 1, 9, 0, tzinfo=AMS) + timedelta(
                days=n, minutes=n
            )
        elif isinstance(veld, models.DateField):
            waarden[veld.name] = date(2031, 1, 1) + timedelta(days=n)
        elif isinstance(veld, models.DecimalField):
            waarden[veld.name] = Decimal(f"{n}.25")
        elif isinstance(veld, models.IntegerField):
            waarden[veld.name] = 7000 + n
        elif isinstance(veld, models.DurationField):
            waarden[veld.name] = timedelta(hours=n, minutes=7)
        elif isinstance(veld, models.JSONField):
            waarden[veld.name] = [f"ZQ{n:03d}"]
        else:
            raise AssertionError(f"Geen testwaarde voor {veld!r}: vul _vullen aan.")
    type(obj)._default_manager.filter(pk=obj.pk).update(**waarden)
    for veld in obj._meta.many_to_many:
        getattr(obj, veld.name).add(een(veld.remote_field.model))
    obj.refresh_from_db()


def verwacht(obj: models.Model, leeg_mag: tuple[str, ...] = ()) -> dict[str, object]:
    """{label: value as the export must show it}, for every shown field; each must be filled,
    apart from those named in `leeg_mag`."""
    uit = {}
    for veld in (*obj._meta.concrete_fields, *obj._meta.many_to_many):
        if not personen.toonbaar(veld):
            continue
        weergave = getattr(obj, f"get_{veld.name}_display", None)
        if veld.many_to_many:
            v = [str(x) for x in getattr(obj, veld.name).all()]
        elif weergave is not None:
            v = weergave()
        elif veld.is_relation:
            v = getattr(obj, veld.name)
            v = str(v) if v is not None else None
        else:
            v = personen.waarde(getattr(obj, veld.name))
        if veld.name not in leeg_mag:
            assert v not in (None, "", []), f"{obj._meta.label}.{veld.name} is not filled"
        uit[str(veld.verbose_name)] = v
    return uit


def paar(label: str, waarde: object) -> str:
    return json.dumps({label: waarde}, ensure_ascii=False, default=str)[1:-1]


def ontbrekend(
    gegevens: dict, obj: models.Model, onderdelen=(), leeg_mag: tuple[str, ...] = ()
) -> list[str]:
    """What of `obj` (and of its onderdelen, [(Onderdeel, record)]) the exported `gegevens` of
    its dossier lack, as "label = value" lines; [] when everything is there."""
    ontbreekt = []
    eigen = json.dumps(gegevens, ensure_ascii=False)
    for label, waarde in verwacht(obj, leeg_mag).items():
        if paar(label, waarde) not in eigen:
            ontbreekt.append(f"{obj._meta.label_lower}: {label} = {waarde!r}")
    for onderdeel, deel in onderdelen:
        deel.refresh_from_db()
        rijen = [json.dumps(r, ensure_ascii=False) for r in gegevens[onderdeel.naam]]
        rij = next(r for r in rijen if paar("ID", deel.pk) in r)
        for label, waarde in verwacht(deel).items():
            if paar(label, waarde) not in rij:
                ontbreekt.append(f"{onderdeel.naam}: {label} = {waarde!r}")
    return ontbreekt


def gevuld(bron: personen.PersoonsBron, regio, gids, teller=None):
    """A record of `bron` in `regio` and one of each of its onderdelen, every field filled."""
    teller = teller or itertools.count(1)
    obj = BRONNEN[bron.model](regio, gids)
    delen = []
    for onderdeel in bron.onderdelen:
        deel = ONDERDELEN[onderdeel.model](obj)
        vullen(deel, teller)
        delen.append((onderdeel, deel))
    vullen(obj, teller)
    return obj, delen
