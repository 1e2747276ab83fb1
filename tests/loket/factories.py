import factory
from django.utils import timezone

from loket.models import Dienst, Doelgroep, Doorverwijzing, Gesprek, Thema, Vraag
from tests.factories import MedewerkerFactory, OrganisatieFactory, RegioFactory


def thema(code: str = "werk-zoeken") -> Thema:
    return Thema.objects.get(code=code)


def doelgroep(code: str = "ww") -> Doelgroep:
    return Doelgroep.objects.get(code=code)


class DienstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dienst
        skip_postgeneration_save = True

    regio = factory.SubFactory(RegioFactory)
    # Every organisation on the sociale kaart has a contact route (loket.contactroute).
    organisatie = factory.SubFactory(
        OrganisatieFactory,
        regio=factory.SelfAttribute("..regio"),
        functionele_mailbox=factory.Sequence(lambda n: f"doorverwijzing{n}@partner.example.org"),
    )
    naam = factory.Sequence(lambda n: f"Dienst {n}")
    omschrijving = "Hulp bij werk zoeken."

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create:
            self.themas.set(extracted or [thema()])

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create:
            self.doelgroepen.set(extracted or [doelgroep()])


class GesprekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gesprek
        skip_postgeneration_save = True

    regio = factory.SubFactory(RegioFactory)
    kanaal = Gesprek.Kanaal.TELEFOON
    doelgroep = factory.LazyFunction(doelgroep)
    uitkomst = Gesprek.Uitkomst.INFORMATIE
    gids = factory.SubFactory(MedewerkerFactory, regio=factory.SelfAttribute("..regio"))

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create:
            self.themas.set(extracted or [thema()])


class VraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vraag

    regio = factory.SubFactory(RegioFactory)
    referentie = factory.Sequence(lambda n: f"WC-TEST-{n:04d}")
    thema = factory.LazyFunction(thema)
    tekst = "Ik zoek werk in de zorg."
    naam = "Inwoner Test"
    email = "inwoner@example.org"
    toestemming_op = factory.LazyFunction(timezone.now)
    antwoord_uiterlijk = factory.LazyFunction(timezone.localdate)


class DoorverwijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doorverwijzing

    regio = factory.SubFactory(RegioFactory)
    dienst = factory.SubFactory(DienstFactory, regio=factory.SelfAttribute("..regio"))
    organisatie = factory.SelfAttribute("dienst.organisatie")
    naam = "Persoon Test"
    email = "persoon@example.org"
    samenvatting = "Wil graag werk in de techniek."
    toestemming_op = factory.LazyFunction(timezone.now)
    toestemming_gegevens = "naam, e-mailadres, samenvatting"
    toestemming_door = factory.SubFactory(MedewerkerFactory, regio=factory.SelfAttribute("..regio"))
    verwezen_door = factory.SelfAttribute("toestemming_door")
