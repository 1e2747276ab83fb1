from datetime import date

import factory
from django.utils import timezone

from tests.factories import GemeenteFactory, MedewerkerFactory, OrganisatieFactory, RegioFactory
from werkcentrum.models import Organisatie
from wsp.keuzes import Doelgroep
from wsp.models import (
    Kandidaat,
    NazorgMoment,
    Overdracht,
    Plaatsing,
    Sector,
    Skill,
    Vacature,
    Voordracht,
    Werkgever,
    Werkgeversverzoek,
)


def sector(code: str = "zorg-welzijn") -> Sector:
    return Sector.objects.get(code=code)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"skill {n}")


class WerkgeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgever

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Werkgever {n} BV")
    kvk_nummer = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    sector = factory.LazyFunction(sector)
    accounthouder = factory.SubFactory(
        MedewerkerFactory, regio=factory.SelfAttribute("..regio"), rollen=["wsp_adviseur"]
    )


class VacatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacature
        skip_postgeneration_save = True

    werkgever = factory.SubFactory(WerkgeverFactory)
    regio = factory.SelfAttribute("werkgever.regio")
    functie = factory.Sequence(lambda n: f"Medewerker {n}")
    omschrijving = "Een mooie baan."
    uren_per_week = 32
    gemeente = factory.SubFactory(GemeenteFactory, regio=factory.SelfAttribute("..regio"))
    sector = factory.LazyFunction(sector)
    opleidingsniveau = "mbo2"
    startdatum = date(2025, 3, 1)
    sluitingsdatum = date(2025, 4, 1)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if extracted:
            self.skills.set(extracted)


class KandidaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kandidaat
        skip_postgeneration_save = True

    regio = factory.SubFactory(RegioFactory)
    voornaam = "Test"
    achternaam = factory.Sequence(lambda n: f"Kandidaat {n}")
    woongemeente = factory.SubFactory(GemeenteFactory, regio=factory.SelfAttribute("..regio"))
    doelgroep = Doelgroep.WW
    opleidingsniveau = "mbo2"
    overgedragen_door = factory.SubFactory(
        OrganisatieFactory, regio=factory.SelfAttribute("..regio")
    )
    overgedragen_op = date(2025, 1, 6)
    toestemming = True
    toestemming_op = date(2025, 1, 6)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if extracted:
            self.skills.set(extracted)


class VoordrachtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voordracht

    vacature = factory.SubFactory(VacatureFactory)
    regio = factory.SelfAttribute("vacature.regio")
    kandidaat = factory.SubFactory(KandidaatFactory, regio=factory.SelfAttribute("..regio"))
    door = factory.SelfAttribute("vacature.werkgever.accounthouder")


class PlaatsingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plaatsing

    werkgever = factory.SubFactory(WerkgeverFactory)
    regio = factory.SelfAttribute("werkgever.regio")
    kandidaat = factory.SubFactory(KandidaatFactory, regio=factory.SelfAttribute("..regio"))
    startdatum = date(2025, 3, 1)
    contractvorm = Plaatsing.Contractvorm.BEPAALD
    uren_per_week = 24
    doelgroep = factory.SelfAttribute("kandidaat.doelgroep")
    woongemeente = factory.SelfAttribute("kandidaat.woongemeente")


class NazorgMomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NazorgMoment

    plaatsing = factory.SubFactory(PlaatsingFactory)
    regio = factory.SelfAttribute("plaatsing.regio")
    soort = NazorgMoment.Soort.TWEE_MAANDEN
    vervaldatum = date(2025, 5, 1)


class VerzoekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgeversverzoek

    regio = factory.SubFactory(RegioFactory)
    bedrijfsnaam = "Bakkerij Test"
    contactnaam = "Test Persoon"
    email = "contact@bakkerij.example"
    vraag = "Wij zoeken een medewerker."
    bron = Werkgeversverzoek.Bron.WEBSITE


class OverdrachtFactory(factory.django.DjangoModelFactory):
    """An offered handover from the Werkcentrum (loket); pass `organisatie`/`bron` for a partner."""

    class Meta:
        model = Overdracht

    regio = factory.SubFactory(RegioFactory)
    bron = Overdracht.Bron.WERKCENTRUM
    organisatie = factory.SubFactory(
        OrganisatieFactory,
        regio=factory.SelfAttribute("..regio"),
        type=Organisatie.Type.WERKCENTRUM,
    )
    aangeboden_door = factory.SubFactory(MedewerkerFactory, regio=factory.SelfAttribute("..regio"))
    voornaam = "Test"
    achternaam = factory.Sequence(lambda n: f"Overgedragen {n}")
    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    woongemeente = factory.SubFactory(GemeenteFactory, regio=factory.SelfAttribute("..regio"))
    doelgroep = Doelgroep.WW
    opleidingsniveau = "mbo2"
    toestemming_gegevens = "naam, contactgegevens, opleiding en wensen"
    toestemming_aan = "Werkgeversservicepunt"
    toestemming_op = factory.LazyFunction(timezone.now)
    toestemming_door = factory.SelfAttribute("aangeboden_door")
