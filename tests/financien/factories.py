"""Factories of the financien tests. Besluiten are made through rba's model directly (created
as genomen: rba's save() only refuses changing a row that is already genomen)."""

from datetime import date
from decimal import Decimal

import factory

from financien.models import Begrotingspost, Geldstroom
from rba.models import Besluit
from tests.factories import RegioFactory


class GeldstroomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Geldstroom

    regio = factory.SubFactory(RegioFactory)
    naam = factory.Sequence(lambda n: f"Geldstroom {n}")
    bron = Geldstroom.Bron.RIJK
    regeling = "Decentralisatie-uitkering"


class BegrotingspostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingspost

    regio = factory.SubFactory(RegioFactory)
    code = factory.Sequence(lambda n: f"P{n:03d}")
    naam = factory.Sequence(lambda n: f"Begrotingspost {n}")


class BesluitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Besluit

    regio = factory.SubFactory(RegioFactory)
    nummer = factory.Sequence(lambda n: f"2025/{100000 + n}")
    datum = date(2025, 3, 19)
    titel = factory.Sequence(lambda n: f"Inzet regionale middelen {n}")
    besluittekst = "Het RBA besluit de middelen in te zetten."
    type = Besluit.Type.INZET_REGIONALE_MIDDELEN
    status = Besluit.Status.GENOMEN
    bedrag = Decimal("100000.00")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("bedrag") is not None:
            kwargs["bedrag"] = Decimal(str(kwargs["bedrag"]))
        return super()._create(model_class, *args, **kwargs)
