from datetime import date, time, timedelta

import factory
from django.utils import timezone

from rba.models import (
    Actie,
    Agendapunt,
    AgendaRegel,
    Besluit,
    Lid,
    Onderwerp,
    Overlegorgaan,
    Pijler,
    StrategischeAgenda,
    Vergadering,
)
from tests.factories import RegioFactory


class OverlegorgaanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Overlegorgaan
        django_get_or_create = ["regio", "afkorting"]

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Orgaan {n}")
    afkorting = "RBA"


class LidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lid

    orgaan = factory.SubFactory(OverlegorgaanFactory)
    naam = factory.Sequence(lambda n: f"Lid {n}")
    email = factory.Sequence(lambda n: f"lid{n}@voorbeeld.nl")
    rol = Lid.Rol.LID
    van = date(2023, 1, 1)


class OnderwerpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Onderwerp

    regio = factory.SubFactory(RegioFactory)
    titel = factory.Sequence(lambda n: f"Dossier {n}")


class VergaderingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vergadering

    orgaan = factory.SubFactory(OverlegorgaanFactory)
    regio = factory.SelfAttribute("orgaan.regio")
    datum = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    aanvang = time(15, 0)
    einde = time(17, 0)
    locatie = "Stadhuis Haarlem"


class AgendapuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agendapunt

    vergadering = factory.SubFactory(VergaderingFactory)
    volgorde = factory.Sequence(lambda n: n + 1)
    titel = factory.Sequence(lambda n: f"Agendapunt {n}")
    type = Agendapunt.Type.BESPREKING


class BesluitFactory(factory.django.DjangoModelFactory):
    """A besluit written directly (bypassing numbering); prefer rba.services in rule tests."""

    class Meta:
        model = Besluit

    orgaan = factory.SubFactory(OverlegorgaanFactory)
    regio = factory.SelfAttribute("orgaan.regio")
    nummer = factory.Sequence(lambda n: f"TEST-2025-{n + 1:03d}")
    datum = date(2025, 3, 19)
    titel = factory.Sequence(lambda n: f"Besluit {n}")
    besluittekst = "Het RBA besluit."
    type = Besluit.Type.OVERIG
    status = Besluit.Status.GENOMEN
    openbaar = True


class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    orgaan = factory.SubFactory(OverlegorgaanFactory)
    regio = factory.SelfAttribute("orgaan.regio")
    omschrijving = factory.Sequence(lambda n: f"Actie {n}")
    eigenaar_naam = "Eigenaar"
    eigenaar_email = "eigenaar@voorbeeld.nl"
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


class StrategischeAgendaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategischeAgenda

    regio = factory.SubFactory(RegioFactory)
    titel = factory.Sequence(lambda n: f"Agenda {n}")
    startjaar = 2023
    eindjaar = 2027


class PijlerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pijler

    agenda = factory.SubFactory(StrategischeAgendaFactory)
    naam = factory.Sequence(lambda n: f"Pijler {n}")
    volgorde = factory.Sequence(lambda n: n + 1)


class AgendaRegelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaRegel

    pijler = factory.SubFactory(PijlerFactory)
    regio = factory.SelfAttribute("pijler.agenda.regio")
    thema = factory.Sequence(lambda n: f"Thema {n}")
    actie = "Een actie"
    status = AgendaRegel.Status.LOOPT
