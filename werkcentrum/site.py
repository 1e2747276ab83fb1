"""The portal's own address, for absolute links where no request is at hand (mails, tasks).

Links never come from the request's Host header: a forged header must not put an attacker's
address in a mail (password reset, a referral). They come from two stored settings only:
settings.SITE_URL (the installation's address; `scripts/dev.py run` sets it from PORT) and a
regio's own `hostnaam`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host

from .models import Arbeidsmarktregio


def wordt_bediend(hostnaam: str) -> bool:
    """Whether this installation answers on `hostnaam` (it is in ALLOWED_HOSTS)."""
    return bool(hostnaam) and validate_host(hostnaam, settings.ALLOWED_HOSTS)


def site_url(regio: Arbeidsmarktregio | None = None) -> str:
    """The site root for links in mails, without a trailing slash. A regio's own host name
    when this installation serves it (in ALLOWED_HOSTS), with SITE_URL's scheme and port;
    otherwise SITE_URL. A regio host that is not (yet) served would make every link dead, so
    the links then use SITE_URL, where the regio's pages live under /<code>/ anyway."""
    basis = settings.SITE_URL.rstrip("/")
    if regio is None or not wordt_bediend(regio.hostnaam):
        return basis
    delen = urlsplit(basis)
    poort = f":{delen.port}" if delen.port else ""
    return f"{delen.scheme}://{regio.hostnaam}{poort}"
