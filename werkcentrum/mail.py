"""The one way the portal sends e-mail. Every subject passes `subject_line`.

Why: subjects are built from what people typed (a werkgever's name, a factsheet's gemeente, an
overlegorgaan). One line break in such a value made Django refuse the whole message
(BadHeaderError): a public form answered 500 and a periodic task stopped at that item. The
validators keep new values on one line (werkcentrum.validators.enkele_regel_validator); this
module makes sure no older or imported value can still break a header.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from django.core import mail as django_mail


def subject_line(subject: object) -> str:
    """`subject` as one line: every run of whitespace (line breaks, tabs, Unicode separators)
    becomes one space, other control and format characters are dropped."""
    tekst = "".join(
        " " if teken.isspace() else teken
        for teken in str(subject)
        if teken.isspace() or unicodedata.category(teken) not in ("Cc", "Cf")
    )
    return " ".join(tekst.split())


def send_mail(
    subject: object,
    message: str,
    from_email: str | None,
    recipient_list: Sequence[str],
    *,
    fail_silently: bool = False,
    html_message: str | None = None,
) -> int:
    """Django's send_mail with a one-line subject."""
    return django_mail.send_mail(
        subject_line(subject),
        message,
        from_email,
        list(recipient_list),
        fail_silently=fail_silently,
        html_message=html_message,
    )


def send_mass_mail(
    berichten: Iterable[tuple[object, str, str | None, Sequence[str]]],
    *,
    fail_silently: bool = False,
) -> int:
    """Django's send_mass_mail (one connection for all) with one-line subjects."""
    return django_mail.send_mass_mail(
        [
            (subject_line(onderwerp), tekst, van, list(aan))
            for onderwerp, tekst, van, aan in berichten
        ],
        fail_silently=fail_silently,
    )
