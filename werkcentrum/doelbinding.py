"""Purpose before opening: the one mechanism by which staff say why they open a person's record.

A view that shows a person's record calls `doel_voor(request, obj)` right after loading it (so
the regio scoping answers 404 first) and passes the result as the `doel` of its audit event.
Without a remembered purpose it raises `DoelKiezen`; the `@doel_gevraagd` decorator turns that
into the interstitial page "Waarom open je dit dossier?", whose form posts back to the same URL.
A chosen purpose is remembered in the session for that record only, for DOELBINDING_MINUTEN
minutes, so a user is not asked on every click. API detail endpoints use `doel_uit_api()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions as api_exceptions

from .doelen import DOELEN, doelen_voor, mag_doel

SESSIE_SLEUTEL = "doelbinding"
KEUZE_VELD = "doelbinding_doel"
API_PARAMETER = "doel"
API_HEADER = "X-Doel"


def geldigheid_seconden() -> int:
    return settings.DOELBINDING_MINUTEN * 60


class DoelKiezen(Exception):
    """Raised by `doel_voor` when the user has not (validly) said why they open `obj`."""

    def __init__(self, obj: models.Model, gekozen: str | None = None) -> None:
        super().__init__(str(obj._meta.label))
        self.obj = obj
        self.gekozen = gekozen


def sleutel(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def onthouden(session, obj: models.Model, code: str) -> None:
    """Remember `code` for `obj` in `session`; expired entries are dropped on the way."""
    nu = time.time()
    gekozen = {k: v for k, v in session.get(SESSIE_SLEUTEL, {}).items() if v[1] > nu}
    gekozen[sleutel(obj)] = [code, nu + geldigheid_seconden()]
    session[SESSIE_SLEUTEL] = gekozen


def doel_onthouden(request: HttpRequest, obj: models.Model, code: str) -> None:
    """A record the user just created has a known purpose: don't ask for it again."""
    if mag_doel(request.user, code):
        onthouden(request.session, obj, code)


def onthouden_doel(request: HttpRequest, obj: models.Model) -> str | None:
    """The remembered purpose for `obj`, if still valid and still allowed for the user."""
    waarde = request.session.get(SESSIE_SLEUTEL, {}).get(sleutel(obj))
    if not waarde or waarde[1] <= time.time() or not mag_doel(request.user, waarde[0]):
        return None
    return waarde[0]


def doel_voor(request: HttpRequest, obj: models.Model) -> str:
    """The purpose for which `request.user` opens `obj`; raises DoelKiezen when there is none.

    The interstitial form's POST is recognised here, before the view handles its own POST."""
    if request.method == "POST" and KEUZE_VELD in request.POST:
        raise DoelKiezen(obj, gekozen=request.POST.get(KEUZE_VELD, ""))
    code = onthouden_doel(request, obj)
    if code is None:
        raise DoelKiezen(obj)
    return code


class DoelForm(forms.Form):
    doelbinding_doel = forms.ChoiceField(
        label=_("Doel"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies waarom je dit dossier opent."),
            "invalid_choice": _("Dit doel hoort niet bij je rol. Kies een van de doelen."),
        },
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [(d.code, d.naam) for d in doelen_voor(user)]
        self.fields[KEUZE_VELD].choices = keuzes
        if len(keuzes) == 1:
            self.fields[KEUZE_VELD].initial = keuzes[0][0]


def _keuzepagina(request: HttpRequest, keuze: DoelKiezen) -> HttpResponse:
    if not doelen_voor(request.user):
        raise PermissionDenied  # no role of this user has a reason to open personal records
    gekozen = keuze.gekozen is not None
    form = DoelForm(request.POST if gekozen else None, user=request.user)
    if gekozen and form.is_valid():
        onthouden(request.session, keuze.obj, form.cleaned_data[KEUZE_VELD])
        return redirect(request.get_full_path())
    context = {
        "form": form,
        "soort": keuze.obj._meta.verbose_name,
        "minuten": geldigheid_seconden() // 60,
        "actie": request.get_full_path(),
    }
    return render(request, "werkcentrum/doel_kiezen.html", context, status=400 if gekozen else 200)


def doel_gevraagd(view: Callable) -> Callable:
    """Show the purpose interstitial when the view (or its helpers) raise DoelKiezen."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except DoelKiezen as keuze:
            return _keuzepagina(request, keuze)

    return wrapper


# --- API --------------------------------------------------------------------------------------

DOEL_API_PARAMETERS = [
    OpenApiParameter(
        API_PARAMETER,
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        required=True,
        enum=list(DOELEN),
        description=(
            "Doel van de inzage (doelbinding), een van de doelen van je rol; wordt vastgelegd "
            "in het logboek dataverwerkingen. Mag ook als header X-Doel."
        ),
    ),
    OpenApiParameter(
        API_HEADER,
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        required=False,
        enum=list(DOELEN),
        description="Alternatief voor de queryparameter 'doel'.",
    ),
]


def doel_uit_api(request) -> str:
    """The purpose of an API read of a person's record: 400 without one, 403 if not the
    user's to choose."""
    code = request.query_params.get(API_PARAMETER) or request.headers.get(API_HEADER) or ""
    code = code.strip()
    if not code:
        raise api_exceptions.ValidationError(
            {
                API_PARAMETER: [
                    "Geef het doel van de inzage op met de parameter 'doel' of de header 'X-Doel'."
                ]
            }
        )
    if code not in DOELEN:
        raise api_exceptions.ValidationError({API_PARAMETER: ["Onbekend doel."]})
    if not mag_doel(request.user, code):
        raise api_exceptions.PermissionDenied("Dit doel hoort niet bij je rol.")
    return code
