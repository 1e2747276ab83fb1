"""The platform beheerder's pages (superuser only): every regio at a glance, a new regio from
its definition file (upload, preview, confirm) and handing it to a regio beheerder."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from allauth.account.forms import ResetPasswordForm
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import regiodefinitie
from .decorators import rol_vereist
from .models import Arbeidsmarktregio, AuditEvent, Medewerker, Organisatie
from .validators import enkele_regel_validator

SESSIE_SLEUTEL = "platform_regiodefinitie"
MAX_BYTES = 200_000
ACTIEF_DAGEN = 30


def _platformbeheerder(view):
    """The platform beheerder is the superuser; a regio's beheerder has no business here."""

    @rol_vereist("beheerder")
    def wrapper(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


class DefinitieForm(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Definitiebestand (YAML)"),
        help_text=gettext_lazy(
            "Het bestand met gemeenten, organisaties, locaties, termijnen en doelen van de "
            "regio; zie docs/regio-toevoegen.md. Hoogstens 200 kB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,text/yaml"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 200 kB."))
        inhoud = bestand.read()
        try:
            tekst = inhoud.decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Het bestand is geen tekst in UTF-8.")) from None
        try:
            definitie = regiodefinitie.lezen(tekst)
            fouten = regiodefinitie.conflicten(definitie)
        except regiodefinitie.DefinitieFout as fout:
            raise forms.ValidationError([forms.ValidationError(f) for f in fout.fouten]) from None
        if fouten:
            raise forms.ValidationError([forms.ValidationError(f) for f in fouten])
        self.definitie = definitie
        return tekst


class BeheerderForm(forms.Form):
    voornaam = forms.CharField(
        label=gettext_lazy("Voornaam"),
        max_length=150,
        validators=[enkele_regel_validator],
        # Someone else's name: the browser must not offer the platform beheerder's own.
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    achternaam = forms.CharField(
        label=gettext_lazy("Achternaam"),
        max_length=150,
        validators=[enkele_regel_validator],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        help_text=gettext_lazy("Hier komt de link om een wachtwoord te kiezen."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "inputmode": "email"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if Medewerker.objects.filter(email=email).exists():
            raise forms.ValidationError(_("Er is al een medewerker met dit e-mailadres."))
        return email


def _kenmerk(tekst: str) -> str:
    return hashlib.sha256(tekst.encode()).hexdigest()


@_platformbeheerder
def overzicht(request: HttpRequest) -> HttpResponse:
    """Every regio with its people and activity: counts in SQL, one query for all regio's."""
    sinds = timezone.now() - timedelta(days=ACTIEF_DAGEN)
    activiteit = (
        AuditEvent.objects.filter(regio=OuterRef("pk"), tijdstip__gte=sinds)
        .order_by()
        .values("regio")
        .annotate(n=Count("pk"))
        .values("n")
    )
    regios = Arbeidsmarktregio.objects.annotate(
        medewerkers_actief=Count("medewerkers", filter=Q(medewerkers__is_active=True)),
        laatst_ingelogd=Max("medewerkers__last_login"),
        beheerders=Count(
            "medewerkers",
            filter=Q(medewerkers__groups__name="beheerder", medewerkers__is_active=True),
        ),
        activiteit=Coalesce(Subquery(activiteit, output_field=IntegerField()), 0),
    ).order_by("naam")
    return render(
        request,
        "werkcentrum/platform/overzicht.html",
        {"regios": regios, "taken": _taken(), "actief_dagen": ACTIEF_DAGEN},
    )


def _taken() -> list[dict]:
    """The scheduled tasks (shared by every regio) and whether each ran when it should."""
    from django_celery_beat.models import PeriodicTask

    nu = timezone.now()
    uit = []
    for taak in PeriodicTask.objects.select_related("interval", "crontab").order_by("name"):
        interval = taak.interval.schedule.run_every if taak.interval else timedelta(days=1)
        # Late: more than twice its interval (at least a day for cron schedules) without a run.
        te_laat = taak.enabled and (
            taak.last_run_at is None or nu - taak.last_run_at > 2 * interval
        )
        uit.append({"taak": taak, "te_laat": te_laat})
    return uit


def _leesbaar(waarde) -> str:
    """A section of the file as the preview shows it: "sleutel: waarde; ...", lists joined,
    an item with a name as "naam (code)", never Python's own notation."""
    if isinstance(waarde, dict):
        if "naam" in waarde:
            return f"{waarde['naam']} ({waarde['code']})" if "code" in waarde else waarde["naam"]
        return "; ".join(f"{k}: {_leesbaar(v)}" for k, v in waarde.items())
    if isinstance(waarde, list):
        return ", ".join(_leesbaar(v) for v in waarde) or "-"
    return str(waarde)


@_platformbeheerder
def regio_nieuw(request: HttpRequest) -> HttpResponse:
    form = DefinitieForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        tekst = form.cleaned_data["bestand"]
        request.session[SESSIE_SLEUTEL] = tekst
        bestaand = Arbeidsmarktregio.objects.filter(code=form.definitie.code).first()
        return render(
            request,
            "werkcentrum/platform/regio_voorbeeld.html",
            {
                "definitie": form.definitie,
                "onderdelen": [
                    (naam, _leesbaar(w)) for naam, w in form.definitie.onderdelen.items()
                ],
                "bestaand": bestaand,
                "kenmerk": _kenmerk(tekst),
            },
        )
    status = 400 if request.method == "POST" else 200
    return render(request, "werkcentrum/platform/regio_nieuw.html", {"form": form}, status=status)


@require_POST
@_platformbeheerder
def regio_bevestigen(request: HttpRequest) -> HttpResponse:
    """Loads what the preview showed: the same text (checked by its hash), checked again."""
    tekst = request.session.get(SESSIE_SLEUTEL)
    if not tekst or request.POST.get("kenmerk") != _kenmerk(tekst):
        messages.error(
            request, _("Het voorbeeld is verlopen of gewijzigd; laad het bestand opnieuw.")
        )
        return redirect("platform:regio_nieuw")
    try:
        definitie = regiodefinitie.lezen(tekst)
        samenvatting = regiodefinitie.laden(definitie)
    except regiodefinitie.DefinitieFout as fout:
        messages.error(request, _("Niet geladen: %(fout)s") % {"fout": "; ".join(fout.fouten)})
        return redirect("platform:regio_nieuw")
    del request.session[SESSIE_SLEUTEL]
    if samenvatting.ongewijzigd:
        messages.info(request, _("Regio %(naam)s was al zo geladen.") % {"naam": definitie.naam})
    else:
        messages.success(request, _("Regio %(naam)s is geladen.") % {"naam": definitie.naam})
    return redirect("platform:regio", code=definitie.code)


@_platformbeheerder
def regio(request: HttpRequest, code: str) -> HttpResponse:
    regio = get_object_or_404(Arbeidsmarktregio, code=code)
    form = BeheerderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        beheerder = _beheerder_aanmaken(request, regio, form.cleaned_data)
        _uitnodigen(request, beheerder)
        messages.success(
            request,
            _(
                "%(naam)s is beheerder van %(regio)s en krijgt een e-mail om een "
                "wachtwoord te kiezen."
            )
            % {"naam": beheerder.get_full_name(), "regio": regio.naam},
        )
        return redirect("platform:regio", code=regio.code)
    beheerders = Medewerker.objects.filter(regio=regio, groups__name="beheerder").order_by(
        "first_name", "last_name"
    )
    return render(
        request,
        "werkcentrum/platform/regio.html",
        {
            "regio": regio,
            "form": form,
            "beheerders": beheerders,
            "gemeenten": regio.gemeenten.order_by("naam"),
        },
        status=400 if request.method == "POST" else 200,
    )


@transaction.atomic
def _beheerder_aanmaken(request: HttpRequest, regio: Arbeidsmarktregio, data: dict) -> Medewerker:
    from django.contrib.auth.models import Group

    organisatie = (
        Organisatie.objects.filter(regio=regio, type=Organisatie.Type.WERKCENTRUM)
        .order_by("pk")
        .first()
    )
    beheerder = Medewerker.objects.create_user(
        email=data["email"],
        password=None,  # unusable: the person chooses one through the mailed link
        first_name=data["voornaam"],
        last_name=data["achternaam"],
        regio=regio,
        organisatie=organisatie,
    )
    beheerder.groups.add(Group.objects.get(name="beheerder"))
    return beheerder


def _uitnodigen(request: HttpRequest, beheerder: Medewerker) -> None:
    """allauth's own password reset mail: a single-use, expiring link. Sent after the
    account is committed, inside the request (allauth reads the request's context)."""
    reset = ResetPasswordForm(data={"email": beheerder.email})
    if reset.is_valid():
        reset.save(request)
