from datetime import time

import factory
from django.contrib.auth.models import Group

from werkcentrum.models import (
    Arbeidsmarktregio,
    Gemeente,
    Locatie,
    Medewerker,
    Openingstijd,
    Organisatie,
)

WACHTWOORD = "Test-wachtwoord-2026"


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arbeidsmarktregio
        django_get_or_create = ["code"]
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"regio{n}")
    naam = factory.Sequence(lambda n: f"Regio {n}")

    @factory.post_generation
    def lijsten(self, create, extracted, **kwargs):
        # As every real regio (definition file, admin): the national WSP lists.
        if create:
            from werkcentrum.regiodefinitie import standaarden_geven

            standaarden_geven(self)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    # Six characters at most (GM + four digits): cycle through GM9000-GM9999, codes no real
    # gemeente has, however many gemeenten a long test run makes.
    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    type = Organisatie.Type.UWV


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    regio = factory.SubFactory(RegioFactory)
    gemeente = factory.SubFactory(GemeenteFactory, regio=factory.SelfAttribute("..regio"))
    naam = factory.Sequence(lambda n: f"Locatie {n}")
    straat = "Stationsplein 1"
    postcode = "2011 LR"
    plaats = "Haarlem"


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Openingstijd

    locatie = factory.SubFactory(LocatieFactory)
    weekdag = 2
    begintijd = time(9, 0)
    eindtijd = time(12, 0)


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@test.werkcentrum.nl")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    regio = factory.SubFactory(RegioFactory)
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        self.save()
        if extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
