"""E-mails of the loket. Partners and staff get a link, never personal data in the mail."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkcentrum.mail import send_mail
from werkcentrum.models import Medewerker
from werkcentrum.site import site_url


def _versturen(*, onderwerp: str, tekst: str, aan: list[str], regio) -> int:
    """Send in the look of `regio`: the regio of the vraag or doorverwijzing, never the
    request's."""
    aan = sorted({a for a in aan if a})
    if not aan:
        return 0
    return send_mail(
        f"[Werkcentrum] {onderwerp}",
        tekst,
        settings.DEFAULT_FROM_EMAIL,
        aan,
        fail_silently=False,
        regio=regio,
    )


def _adressen(medewerkers) -> list[str]:
    return [m.email for m in medewerkers if m.is_active]


def coordinatoren(regio_id: int) -> list[Medewerker]:
    return list(
        Medewerker.objects.filter(regio_id=regio_id, groups__name="coordinator", is_active=True)
    )


def partnermedewerkers(organisatie_id: int) -> list[Medewerker]:
    return list(
        Medewerker.objects.filter(
            organisatie_id=organisatie_id, groups__name="partnermedewerker", is_active=True
        )
    )


def antwoord_mail(vraag, antwoord: str | None = None) -> tuple[str, str]:
    """(subject, text) of the answer as the inwoner gets it, for the mail and its preview. The
    gids' text goes as written (with its own salutation and closing): only the reference is
    added below it."""
    antwoord = vraag.antwoord if antwoord is None else antwoord
    tekst = _("%(antwoord)s\n\n--\nAntwoord van het Werkcentrum op je vraag %(ref)s.") % {
        "antwoord": antwoord.strip(),
        "ref": vraag.referentie,
    }
    return _("Antwoord op je vraag %(ref)s") % {"ref": vraag.referentie}, tekst


def antwoord_op_vraag(vraag) -> int:
    """To the inwoner: the answer to their own question (their own data, their own address)."""
    onderwerp, tekst = antwoord_mail(vraag)
    return _versturen(onderwerp=onderwerp, tekst=tekst, aan=[vraag.email], regio=vraag.regio)


def vraag_ontvangen(vraag) -> int:
    """To the inwoner: receipt with the reference and the promised answer date."""
    from django.utils.formats import date_format

    tekst = _(
        "Beste %(naam)s,\n\nWe hebben je vraag ontvangen. Je referentie is %(ref)s.\n"
        "Je krijgt uiterlijk %(datum)s antwoord.\n\nMet vriendelijke groet,\nhet Werkcentrum"
    ) % {
        "naam": vraag.naam or _("inwoner"),
        "ref": vraag.referentie,
        "datum": date_format(vraag.antwoord_uiterlijk, "l j F Y"),
    }
    return _versturen(
        onderwerp=_("We hebben je vraag ontvangen (%(ref)s)") % {"ref": vraag.referentie},
        tekst=tekst,
        aan=[vraag.email],
        regio=vraag.regio,
    )


def vraag_toegewezen(vraag, *, aan: Medewerker, door: Medewerker) -> int:
    """To the gids a question was assigned to: a link, no personal data."""
    url = site_url(vraag.regio) + reverse("loket:vraag", args=[vraag.pk])
    tekst = _(
        "%(door)s heeft de vraag %(ref)s aan je toegewezen. Beantwoord hem uiterlijk "
        "%(datum)s.\nOpenen: %(url)s"
    ) % {
        "door": door.get_full_name() or door.email,
        "ref": vraag.referentie,
        "datum": vraag.antwoord_uiterlijk.strftime("%d-%m-%Y"),
        "url": url,
    }
    return _versturen(
        onderwerp=_("Vraag %(ref)s is aan je toegewezen") % {"ref": vraag.referentie},
        tekst=tekst,
        aan=_adressen([aan]),
        regio=vraag.regio,
    )


def vraag_termijn_bijna(vraag, aan: list[Medewerker]) -> int:
    url = site_url(vraag.regio) + reverse("loket:vraag", args=[vraag.pk])
    tekst = _("De vraag %(ref)s moet uiterlijk %(datum)s beantwoord zijn.\nOpenen: %(url)s") % {
        "ref": vraag.referentie,
        "datum": vraag.antwoord_uiterlijk.strftime("%d-%m-%Y"),
        "url": url,
    }
    return _versturen(
        onderwerp=_("Termijn vraag %(ref)s verloopt morgen") % {"ref": vraag.referentie},
        tekst=tekst,
        aan=_adressen(aan),
        regio=vraag.regio,
    )


def vraag_termijn_verlopen(vraag, aan: list[Medewerker]) -> int:
    url = site_url(vraag.regio) + reverse("loket:vraag", args=[vraag.pk])
    tekst = _(
        "De vraag %(ref)s is niet binnen de termijn (%(datum)s) beantwoord.\nOpenen: %(url)s"
    ) % {
        "ref": vraag.referentie,
        "datum": vraag.antwoord_uiterlijk.strftime("%d-%m-%Y"),
        "url": url,
    }
    return _versturen(
        onderwerp=_("Termijn vraag %(ref)s verlopen") % {"ref": vraag.referentie},
        tekst=tekst,
        aan=_adressen(aan),
        regio=vraag.regio,
    )


def nieuwe_doorverwijzing(doorverwijzing) -> int:
    url = site_url(doorverwijzing.regio) + reverse("loket:doorverwijzing", args=[doorverwijzing.pk])
    tekst = _(
        "Uw organisatie heeft een warme doorverwijzing van het Werkcentrum ontvangen "
        "(nummer %(nr)s).\nBekijk hem na inloggen: %(url)s\n\n"
        "Deze e-mail bevat bewust geen persoonsgegevens."
    ) % {"nr": doorverwijzing.pk, "url": url}
    return _versturen(
        onderwerp=_("Nieuwe warme doorverwijzing %(nr)s") % {"nr": doorverwijzing.pk},
        tekst=tekst,
        aan=_adressen(partnermedewerkers(doorverwijzing.organisatie_id)),
        regio=doorverwijzing.regio,
    )


def doorverwijzing_herinnering_partner(doorverwijzing) -> int:
    url = site_url(doorverwijzing.regio) + reverse("loket:doorverwijzing", args=[doorverwijzing.pk])
    tekst = _(
        "De warme doorverwijzing %(nr)s is nog niet als ontvangen gemarkeerd.\n"
        "Bekijk hem na inloggen: %(url)s"
    ) % {"nr": doorverwijzing.pk, "url": url}
    return _versturen(
        onderwerp=_("Herinnering: doorverwijzing %(nr)s") % {"nr": doorverwijzing.pk},
        tekst=tekst,
        aan=_adressen(partnermedewerkers(doorverwijzing.organisatie_id)),
        regio=doorverwijzing.regio,
    )


def _url_verwijzer(doorverwijzing) -> str:
    """Where the one who referred follows the referral: an adviseur of the WSP on the WSP's
    own page (they have no access to the loket's)."""
    naam = "wsp:doorverwijzing" if doorverwijzing.werkgever_id else "loket:doorverwijzing"
    return site_url(doorverwijzing.regio) + reverse(naam, args=[doorverwijzing.pk])


def doorverwijzing_zonder_contact(doorverwijzing) -> int:
    url = _url_verwijzer(doorverwijzing)
    tekst = _(
        "Bij de warme doorverwijzing %(nr)s naar %(org)s is na vijf werkdagen nog geen "
        "contact gelegd. Volg hem op: %(url)s"
    ) % {"nr": doorverwijzing.pk, "org": doorverwijzing.organisatie.naam, "url": url}
    return _versturen(
        onderwerp=_("Doorverwijzing %(nr)s: nog geen contact") % {"nr": doorverwijzing.pk},
        tekst=tekst,
        aan=_adressen([doorverwijzing.verwezen_door]),
        regio=doorverwijzing.regio,
    )


def doorverwijzing_heropend(doorverwijzing) -> int:
    url = _url_verwijzer(doorverwijzing)
    tekst = _(
        "De persoon is niet tevreden over de doorverwijzing %(nr)s; hij staat weer open. "
        "Volg hem op: %(url)s"
    ) % {"nr": doorverwijzing.pk, "url": url}
    return _versturen(
        onderwerp=_("Doorverwijzing %(nr)s heropend") % {"nr": doorverwijzing.pk},
        tekst=tekst,
        aan=_adressen([doorverwijzing.verwezen_door]),
        regio=doorverwijzing.regio,
    )


def tevredenheidsvraag(doorverwijzing, token: str) -> int:
    """The e-mail is the one place the token is written (only its hash is stored)."""
    url = site_url(doorverwijzing.regio) + reverse(
        "loket_publiek:tevredenheid",
        kwargs={"regio": doorverwijzing.regio.code, "token": token},
    )
    tekst = _(
        "Beste %(naam)s,\n\nHet Werkcentrum heeft je doorverwezen. Ben je geholpen?\n"
        "Laat het ons weten met één klik: %(url)s\n\nMet vriendelijke groet,\nhet Werkcentrum"
    ) % {"naam": doorverwijzing.naam or _("inwoner"), "url": url}
    return _versturen(
        onderwerp=_("Ben je geholpen?"),
        tekst=tekst,
        aan=[doorverwijzing.email],
        regio=doorverwijzing.regio,
    )


def doorverwijzing_via_mailbox(
    doorverwijzing, *, token: str, link, herinnering: bool = False
) -> int:
    """To an organisation's functional mailbox: the single-use link, never personal data (a
    shared mailbox is read by many; the person's details are behind the link)."""
    url = site_url(doorverwijzing.regio) + reverse(
        "loket_publiek:doorverwijzing_link",
        kwargs={"regio": doorverwijzing.regio.code, "token": token},
    )
    tekst = _(
        "%(org)s heeft een warme doorverwijzing van het Werkcentrum ontvangen voor de dienst "
        "'%(dienst)s' (nummer %(nr)s).\n\n"
        "Bevestig de ontvangst en werk de status bij via deze persoonlijke link. De link werkt "
        "één keer en is geldig tot %(tot)s; na elke stap krijgt u een nieuwe link.\n%(url)s\n\n"
        "Deze e-mail bevat bewust geen persoonsgegevens."
    ) % {
        "org": doorverwijzing.organisatie.naam,
        "dienst": doorverwijzing.dienst.naam,
        "nr": doorverwijzing.pk,
        "tot": timezone.localtime(link.geldig_tot).strftime("%d-%m-%Y"),
        "url": url,
    }
    onderwerp = (
        _("Herinnering: doorverwijzing %(nr)s") if herinnering else _("Warme doorverwijzing %(nr)s")
    )
    return _versturen(
        onderwerp=onderwerp % {"nr": doorverwijzing.pk},
        tekst=tekst,
        aan=[link.aan],
        regio=doorverwijzing.regio,
    )
