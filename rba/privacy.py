"""The RBA's records with personal data, for inzage- and verwijderverzoeken
(werkcentrum/personen.py). Registered in RbaConfig.ready()."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.personen import (
    GEANONIMISEERD,
    VERWIJDERD,
    PersoonsBron,
    alle_gegevens,
    registreer,
    registreer_vrije_tekst,
)

from .models import Actie, Agendapunt, Besluit, Lid, Onderwerp, Vergadering, Voortgangsrapportage
from .services.vergaderingen import GESLOTEN

# Marks an anonymised lid: the seat stays in the orgaan's history, the person does not.
ANONIEM = "Geanonimiseerd"


def _in_besluitvorming(lid: Lid, vandaag: date) -> bool:
    """Whether the orgaan met or decided while `lid` was a member: then the seat is part of
    the record of those decisions (who was at the table, for which organisation)."""
    periode = {"datum__gte": lid.van, "datum__lte": min(lid.tot or vandaag, vandaag)}
    return (
        Vergadering.objects.filter(orgaan_id=lid.orgaan_id, status__in=GESLOTEN, **periode).exists()
        or Besluit.objects.filter(orgaan_id=lid.orgaan_id, **periode)
        .exclude(status=Besluit.Status.VOORGESTELD)
        .exists()
    )


def _lid_wissen(obj: Lid, nu) -> str:
    vandaag = timezone.localdate(nu)
    if not _in_besluitvorming(obj, vandaag):
        obj.delete()
        return VERWIJDERD
    # Keep the seat (orgaan, rol, organisatie, period) without the person. The membership ends
    # today at the latest: a lid without an address would still be invited (leden_op).
    Lid.objects.filter(pk=obj.pk).update(
        naam=ANONIEM,
        email="",
        functie="",
        medewerker=None,
        tot=min(obj.tot or vandaag, vandaag),
    )
    return GEANONIMISEERD


def _actie_wissen(obj: Actie, nu) -> str:
    # The actie is part of the decision record (what the orgaan agreed, by when): keep it,
    # without the person who owned it. Without an address no reminder goes out.
    Actie.objects.filter(pk=obj.pk).update(eigenaar_naam=ANONIEM, eigenaar_email="")
    return GEANONIMISEERD


def registreren() -> None:
    registreer(
        PersoonsBron(
            Lid,
            ("naam", "email"),
            alle_gegevens,
            _lid_wissen,
            lambda qs: qs.exclude(naam=ANONIEM, email=""),
            bewaarplicht=_(
                "Als het orgaan vergaderde of besloot tijdens het lidmaatschap, blijft de zetel "
                "(orgaan, rol, organisatie en periode) bewaard als deel van de openbare "
                "besluitvorming, zonder naam en contactgegevens; het lidmaatschap eindigt "
                "uiterlijk vandaag. Anders wordt het lid verwijderd."
            ),
            lijstsoort="leden",
            kenmerken=lambda obj: (obj.naam, obj.email),
        )
    )
    registreer(
        PersoonsBron(
            Actie,
            ("eigenaar_naam", "eigenaar_email"),
            alle_gegevens,
            _actie_wissen,
            lambda qs: qs.exclude(eigenaar_naam=ANONIEM, eigenaar_email=""),
            bewaarplicht=_(
                "Een actie hoort bij de besluitvorming van het orgaan (wat is afgesproken en "
                "wanneer): de actie blijft bewaard, zonder naam en e-mailadres van de eigenaar."
            ),
            lijstsoort="acties",
            kenmerken=lambda obj: (obj.eigenaar_naam, obj.eigenaar_email),
        )
    )
    # Free text that may name a lid or an owner. Besluittekst is not here: a taken besluit is
    # unchangeable and public, and names people in their public role.
    registreer_vrije_tekst(Vergadering, "verslag")
    registreer_vrije_tekst(Agendapunt, "toelichting")
    registreer_vrije_tekst(Actie, "omschrijving")
    registreer_vrije_tekst(Onderwerp, "omschrijving")
    registreer_vrije_tekst(Voortgangsrapportage, "tekst")
