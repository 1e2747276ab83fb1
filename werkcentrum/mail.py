"""The one way the portal sends e-mail. Every subject passes `subject_line`, and every mail
wears the look of the regio it is about (issue 24): the regio's name, colour and logo in the
header of the HTML part, its contact data in the footer of both parts.

The regio is always the one of the record the mail is about (the caller passes it), never the
request's host: a task has no request, and a forged Host header must not change a mail.

The logo travels inside the mail (an inline image, Content-ID), not as a link to the portal:
most mail clients block remote images until the reader consents, and fetching one tells the
sender when and where a mail was read, which an inwoner did not agree to. It costs the
logo's bytes per mail (huisstijl.LOGO_MAX_BYTES keeps that small).

Why: subjects are built from what people typed (a werkgever's name, a factsheet's gemeente, an
overlegorgaan). One line break in such a value made Django refuse the whole message
(BadHeaderError): a public form answered 500 and a periodic task stopped at that item. The
validators keep new values on one line (werkcentrum.validators.enkele_regel_validator); this
module makes sure no older or imported value can still break a header.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.mime.image import MIMEImage
from pathlib import PurePosixPath

from django.core import mail as django_mail
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .huisstijl import STANDAARDKLEUR, logo_inhoud


def subject_line(subject: object) -> str:
    """`subject` as one line: every run of whitespace (line breaks, tabs, Unicode separators)
    becomes one space, other control and format characters are dropped."""
    tekst = "".join(
        " " if teken.isspace() else teken
        for teken in str(subject)
        if teken.isspace() or unicodedata.category(teken) not in ("Cc", "Cf")
    )
    return " ".join(tekst.split())


def _voettekst(naam: str, contact) -> str:
    regels = [naam, contact.naam]
    if contact.telefoon:
        regels.append(_("Telefoon: %(t)s") % {"t": contact.telefoon})
    if contact.email:
        regels.append(_("E-mail: %(e)s") % {"e": contact.email})
    if contact.adres:
        regels.append(_("Adres: %(a)s") % {"a": contact.adres})
    return "\n".join(dict.fromkeys(r for r in regels if r))


@dataclass(frozen=True)
class Opmaak:
    """What a regio's mails look like; made once per batch of mails."""

    naam: str
    kleur: str
    logo_alt: str
    contact: object | None
    logo: tuple[bytes, str] | None
    code: str = ""
    logo_suffix: str = ""


def opmaak_voor(regio) -> Opmaak:
    """The look of `regio` (an Arbeidsmarktregio, or None for the portal's own mails)."""
    from .websitegegevens import contact_voor

    if regio is None:
        naam = _("Werkcentrum-portaal")
        return Opmaak(naam=naam, kleur=STANDAARDKLEUR, logo_alt=naam, contact=None, logo=None)
    return Opmaak(
        naam=regio.naam,
        kleur=regio.huisstijl_kleur or STANDAARDKLEUR,
        logo_alt=regio.logo_alt,
        contact=contact_voor(regio),
        logo=logo_inhoud(regio),
        code=regio.code,
        logo_suffix=PurePosixPath(regio.huisstijl_logo.name).suffix if regio.huisstijl_logo else "",
    )


def bericht(
    subject: object,
    message: str,
    from_email: str | None,
    recipient_list: Sequence[str],
    *,
    regio=None,
    opmaak: Opmaak | None = None,
    html_message: str | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """One mail in the look of `regio` (or of `opmaak`, made by `opmaak_voor`): the text with
    the regio's name and contact data below it, and an HTML part with the regio's colour,
    logo (inline) and contact data around the text (or around `html_message`, an HTML
    fragment rendered by the caller)."""
    opmaak = opmaak or opmaak_voor(regio)
    tekst = message.rstrip("\n")
    if opmaak.contact is not None:
        tekst += "\n\n-- \n" + _voettekst(opmaak.naam, opmaak.contact)
    mail = EmailMultiAlternatives(
        subject_line(subject), tekst, from_email, list(recipient_list), connection=connection
    )
    cid = f"logo-{opmaak.code}@werkcentrum" if opmaak.logo else ""
    html = render_to_string(
        "werkcentrum/mail/huisstijl.html",
        {
            "onderwerp": mail.subject,
            "opmaak": opmaak,
            "logo_cid": cid,
            "tekst": message,
            "inhoud": mark_safe(html_message) if html_message else "",  # noqa: S308 - the caller's own template
        },
    )
    mail.attach_alternative(html, "text/html")
    if opmaak.logo:
        inhoud, subtype = opmaak.logo
        beeld = MIMEImage(inhoud, _subtype=subtype)
        beeld.add_header("Content-ID", f"<{cid}>")
        beeld.add_header(
            "Content-Disposition", "inline", filename=f"logo-{opmaak.code}{opmaak.logo_suffix}"
        )
        mail.attach(beeld)
        # The text and HTML alternatives with the logo beside them, for the HTML to refer to.
        mail.mixed_subtype = "related"
    return mail


def send_mail(
    subject: object,
    message: str,
    from_email: str | None,
    recipient_list: Sequence[str],
    *,
    regio,
    fail_silently: bool = False,
    html_message: str | None = None,
) -> int:
    """Django's send_mail with a one-line subject, in the look of `regio` (see `bericht`)."""
    verbinding = django_mail.get_connection(fail_silently=fail_silently)
    return bericht(
        subject,
        message,
        from_email,
        recipient_list,
        regio=regio,
        html_message=html_message,
        connection=verbinding,
    ).send()


def send_mass_mail(
    berichten: Iterable[tuple[object, str, str | None, Sequence[str]]],
    *,
    regio,
    fail_silently: bool = False,
) -> int:
    """Django's send_mass_mail (one connection for all) with one-line subjects, each in the
    look of `regio`."""
    verbinding = django_mail.get_connection(fail_silently=fail_silently)
    opmaak = opmaak_voor(regio)
    return verbinding.send_messages(
        [
            bericht(onderwerp, tekst, van, aan, opmaak=opmaak, connection=verbinding)
            for onderwerp, tekst, van, aan in berichten
        ]
    )
