"""The portal's own address, for absolute links where no request is at hand (mails, tasks)."""

from __future__ import annotations

from django.conf import settings

from .models import Arbeidsmarktregio


def site_url(regio: Arbeidsmarktregio | None = None) -> str:
    """The site root without a trailing slash: the regio's own host name when it has one,
    else settings.SITE_URL (one setting; `scripts/dev.py run` sets it from PORT)."""
    if regio is not None and regio.hostnaam:
        return f"https://{regio.hostnaam}"
    return settings.SITE_URL.rstrip("/")
