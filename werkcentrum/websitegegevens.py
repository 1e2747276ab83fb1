"""The footer of a regio's public site (contact data, privacy- and toegankelijkheidsverklaring)
and the two statement pages. What a regio fills in (models.Websitegegevens) wins; what it
leaves empty falls back to data the regio already has (its Werkcentrum organisatie and that
organisation's first locatie) or, for the statements, to a default text."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .models import Arbeidsmarktregio, Locatie, Organisatie, Websitegegevens
from .publiek import publieke_regio

SOORTEN = ("privacyverklaring", "toegankelijkheidsverklaring")


@dataclass(frozen=True)
class Contact:
    naam: str
    telefoon: str
    email: str
    adres: str


def gegevens_voor(regio: Arbeidsmarktregio) -> Websitegegevens:
    """The regio's saved row, or an unsaved empty one (every field falls back)."""
    return Websitegegevens.objects.filter(regio=regio).first() or Websitegegevens(regio=regio)


def contact_voor(regio: Arbeidsmarktregio, gegevens: Websitegegevens | None = None) -> Contact:
    """How to reach the Werkcentrum of `regio`: the beheerder's own fields first, else the
    active Werkcentrum organisatie (the one with spreekuurlocaties first) and its locatie."""
    gegevens = gegevens or gegevens_voor(regio)
    org = (
        Organisatie.objects.in_regio(regio)
        .filter(type=Organisatie.Type.WERKCENTRUM, actief=True)
        .annotate(gastheer=Exists(Locatie.objects.filter(organisatie=OuterRef("pk"))))
        .order_by("-gastheer", "naam", "pk")
        .first()
    )
    adres = gegevens.adres
    if not adres and org is not None:
        locatie = (
            Locatie.objects.in_regio(regio)
            .filter(organisatie=org, actief=True)
            .order_by("naam", "pk")
            .first()
        )
        if locatie is not None:
            adres = f"{locatie.straat}, {locatie.postcode} {locatie.plaats}".strip(" ,")
    return Contact(
        naam=org.naam if org else _("Werkcentrum %(regio)s") % {"regio": regio.naam},
        telefoon=gegevens.telefoon or (org.telefoon if org else ""),
        email=gegevens.email or (org.email if org else ""),
        adres=adres,
    )


def _standaardtekst(soort: str, regio: Arbeidsmarktregio, contact: Contact) -> str:
    bereik = contact.email or contact.telefoon or _("de contactgegevens onderaan deze pagina")
    if soort == "privacyverklaring":
        return _(
            "Het Werkcentrum %(regio)s gebruikt je gegevens alleen om je vraag te beantwoorden "
            "of je verder te helpen. We vragen niet meer dan daarvoor nodig is en nooit je "
            "burgerservicenummer (BSN).\n\n"
            "Je naam en contactgegevens vragen we alleen als je een antwoord of een "
            "doorverwijzing wilt, en alleen met je toestemming. Je kunt een vraag ook zonder "
            "naam stellen.\n\n"
            "Medewerkers van het Werkcentrum en de organisatie waarnaar we je met je "
            "toestemming doorverwijzen, zien je gegevens. Elke keer dat iemand ze inziet, "
            "wordt vastgelegd.\n\n"
            "We bewaren je gegevens niet langer dan nodig en verwijderen ze daarna "
            "automatisch.\n\n"
            "Wil je weten welke gegevens we van je hebben, of wil je ze laten aanpassen of "
            "verwijderen? Neem contact op via %(bereik)s."
        ) % {"regio": regio.naam, "bereik": bereik}
    return _(
        "Het Werkcentrum %(regio)s wil dat iedereen deze website kan gebruiken. De site is "
        "gebouwd volgens de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA en "
        "wordt bij elke wijziging automatisch getest op toegankelijkheid.\n\n"
        "De site werkt op telefoon en computer, met het toetsenbord en met een "
        "schermlezer. Alle pagina's zijn in het Nederlands; de belangrijkste ook in het "
        "Engels.\n\n"
        "Loop je toch ergens tegenaan? Laat het ons weten via %(bereik)s. We helpen je dan "
        "op een andere manier en passen de site aan."
    ) % {"regio": regio.naam, "bereik": bereik}


def alineas(tekst: str) -> list[str]:
    return [a.strip() for a in tekst.replace("\r\n", "\n").split("\n\n") if a.strip()]


@require_GET
@publieke_regio
def verklaring(request: HttpRequest, soort: str) -> HttpResponse:
    if soort not in SOORTEN:
        raise Http404
    gegevens = gegevens_voor(request.regio)
    eigen = getattr(gegevens, soort)
    tekst = eigen or _standaardtekst(soort, request.regio, contact_voor(request.regio, gegevens))
    privacy = soort == "privacyverklaring"
    titel = _("Privacyverklaring") if privacy else _("Toegankelijkheidsverklaring")
    return render(
        request,
        "werkcentrum/verklaring.html",
        {
            "regio": request.regio,
            "titel": titel,
            "alineas": alineas(tekst),
            # The beheerder writes in Dutch: an English page marks that text lang="nl".
            "eigen_tekst": bool(eigen),
            "gewijzigd_op": gegevens.gewijzigd_op if eigen else None,
        },
    )
