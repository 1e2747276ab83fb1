"""Issue 20 point 2: a line break in a single-line value (a werkgever's name) reached a mail
subject: the public form answered 500 and lost its notification, and verzoeken_bewaken
stopped at that request on every run.

Three layers, each proved here: every single-line field refuses control characters (forms,
API, import), every mail subject passes werkcentrum.mail.subject_line, and a task that
handles many items goes on past a failing one (tests/werkcentrum/test_taken_isolatie.py)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import smtplib
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.db import models
from rest_framework import serializers
from rest_framework.test import APIClient

from tests.wsp.factories import VerzoekFactory
from werkcentrum.mail import subject_line
from werkcentrum.validators import enkele_regel_validator
from wsp import services
from wsp.importeren import importeren
from wsp.models import Werkgever, Werkgeversverzoek

PROJECT_APPS = ["werkcentrum", "loket", "wsp", "rba", "financien"]
ROOT = Path(__file__).resolve().parents[2]
AMS = ZoneInfo("Europe/Amsterdam")
# Fields whose own validation already refuses every control character (\Z-anchored patterns,
# URLValidator's unsafe characters), checked below rather than trusted.
EIGEN_VALIDATIE = {
    models.URLField: "https://a.example/x\ny",
    models.EmailField: "a\nb@a.example",
    models.SlugField: "a\nb",
}
# Django's password hash: never typed into a form as such.
NIET_INGETYPT = {("werkcentrum", "Medewerker", "password")}
STUURTEKENS = ["\n", "\r", "\t", "\x00", "\x0b", "\u2028", "\u202e", "\x85"]


def _project_modules():
    for app in PROJECT_APPS:
        pakket = importlib.import_module(app)
        yield pakket
        for info in pkgutil.walk_packages(pakket.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or info.name.endswith(("settings", "wsgi")):
                continue
            yield importlib.import_module(info.name)


def _subklassen(basis):
    gezien, stapel = set(), [basis]
    while stapel:
        for sub in stapel.pop().__subclasses__():
            if sub not in gezien:
                gezien.add(sub)
                stapel.append(sub)
    return [k for k in gezien if k.__module__.split(".")[0] in PROJECT_APPS]


# --- the validator ---------------------------------------------------------------------------


@pytest.mark.parametrize("teken", STUURTEKENS)
def test_validator_refuses_control_and_format_characters(teken):
    with pytest.raises(ValidationError) as fout:
        enkele_regel_validator(f"Bakkerij{teken}De Korenbloem")
    assert "één regel" in str(fout.value.messages[0])


@pytest.mark.parametrize(
    "waarde", ["Bakkerij De Korenbloem", "Zoë & Zoon B.V.", "میخواهم", "👩\u200d🔧 Klusbedrijf", ""]
)
def test_validator_accepts_ordinary_names_in_any_script(waarde):
    enkele_regel_validator(waarde)


# --- attached everywhere (generated) ---------------------------------------------------------


def test_every_single_line_model_field_refuses_control_characters():
    """Every CharField (not TextField) of the project's models: the validator is attached,
    or the field's own validators refuse a line break; choices are closed lists."""
    zonder = []
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            for veld in model._meta.get_fields():
                if not isinstance(veld, models.CharField) or veld.choices:
                    continue
                if (app, model.__name__, veld.name) in NIET_INGETYPT:
                    continue
                if type(veld) in EIGEN_VALIDATIE:
                    with pytest.raises(ValidationError):
                        veld.run_validators(EIGEN_VALIDATIE[type(veld)])
                    continue
                if enkele_regel_validator not in veld.validators:
                    zonder.append(f"{model._meta.label}.{veld.name}")
    assert zonder == [], "Zet validators=[enkele_regel_validator] op: " + ", ".join(zonder)


def test_every_single_line_form_field_refuses_control_characters():
    """Every forms.CharField of the project's forms with a one-line widget carries the
    validator; a ModelForm field that comes from a model field is covered by the model."""
    list(_project_modules())
    zonder = []
    for formklasse in _subklassen(forms.BaseForm):
        model = getattr(getattr(formklasse, "_meta", None), "model", None)
        modelvelden = {f.name for f in model._meta.get_fields()} if model else set()
        for naam, veld in formklasse.base_fields.items():
            if type(veld) is not forms.CharField:
                continue  # Email/URL/Regex/Honeypot fields validate their own format
            if isinstance(veld.widget, (forms.Textarea, forms.HiddenInput, forms.PasswordInput)):
                continue
            if naam in modelvelden and naam not in formklasse.declared_fields:
                continue
            if enkele_regel_validator not in veld.validators:
                zonder.append(f"{formklasse.__module__}.{formklasse.__qualname__}.{naam}")
    assert zonder == [], zonder


@pytest.mark.django_db
def test_every_writable_serializer_char_field_refuses_control_characters():
    """Plain and model serializers alike (a ModelSerializer copies the model's validators)."""
    list(_project_modules())
    zonder = []
    for klasse in _subklassen(serializers.Serializer):
        if issubclass(klasse, serializers.ListSerializer):
            continue
        for naam, veld in klasse().fields.items():
            if type(veld) is not serializers.CharField or veld.read_only:
                continue
            if enkele_regel_validator not in veld.validators and not _meerregelig(klasse, naam):
                zonder.append(f"{klasse.__module__}.{klasse.__qualname__}.{naam}")
    assert zonder == [], zonder


def _meerregelig(klasse, naam: str) -> bool:
    model = getattr(getattr(klasse, "Meta", None), "model", None)
    if model is None:
        return False
    try:
        return isinstance(model._meta.get_field(naam), models.TextField)
    except Exception:
        return False


def test_every_import_resource_runs_the_model_validators():
    """django-import-export skips full_clean unless clean_model_instances is on."""
    from import_export.resources import ModelResource

    list(_project_modules())
    zonder = [
        f"{k.__module__}.{k.__qualname__}"
        for k in _subklassen(ModelResource)
        if getattr(k._meta, "model", None) is not None and not k._meta.clean_model_instances
    ]
    assert zonder == []


# --- behaviour: form, API, import ------------------------------------------------------------


def test_public_werkgever_form_refuses_a_line_break_with_a_dutch_message(client, regio_a):
    r = client.post(
        "/zkij/vacatures/ik-ben-werkgever/",
        {
            "bedrijfsnaam": "Bakkerij\r\nDe Korenbloem",
            "contactnaam": "Sem",
            "email": "sem@korenbloem.example",
            "vraag": "Wij zoeken een bakker.",
            "website": "",
        },
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert "één regel" in body and "Wij zoeken een bakker." in body  # message, input kept
    assert not Werkgeversverzoek.objects.filter(contactnaam="Sem").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_api_refuses_a_line_break_in_a_werkgever_name(settings, maak_gebruiker):
    settings.WERKCENTRUM_MFA_VERPLICHT = False
    api = APIClient()
    api.force_authenticate(maak_gebruiker("wsp_adviseur"))
    r = api.post(
        "/api/v1/wsp/werkgevers/", {"naam": "A\nB", "kvk_nummer": "12345678"}, format="json"
    )
    assert r.status_code == 400
    assert "één regel" in r.json()["naam"][0]
    assert not Werkgever.objects.filter(kvk_nummer="12345678").exists()


@pytest.mark.django_db
def test_import_refuses_a_line_break_in_a_name_and_writes_nothing(regio_a, maak_gebruiker):
    inhoud = (
        b"kvk_nummer,naam,sector,partnerschap,accounthouder,website,telefoon,email,externe_id\n"
        b'12340001,"Bakkerij\nDe Korenbloem",Techniek,operationeel,,,,,WBS-1\n'
    )
    adviseur = maak_gebruiker("wsp_adviseur")
    resultaat = importeren(
        soort="werkgevers",
        inhoud=inhoud,
        bestandsnaam="werkgevers.csv",
        regio=regio_a,
        user=adviseur,
        bevestigen=True,
        opties={"accounthouder": adviseur.pk},  # the default chosen on the preview
    )
    assert not resultaat.geschreven
    assert [(f.rij, f.kolom) for f in resultaat.fouten] == [(2, "naam")]
    assert not Werkgever.objects.filter(kvk_nummer="12340001").exists()


# --- mail subjects ---------------------------------------------------------------------------


def test_subject_line_flattens_every_kind_of_whitespace_and_drops_controls():
    assert subject_line("Nieuw:\r\n Bakkerij\tDe\u2028Korenbloem\x00\u202e ") == (
        "Nieuw: Bakkerij De Korenbloem"
    )


@pytest.mark.django_db
def test_an_old_value_with_a_line_break_still_gets_its_warning(regio_a, maak_gebruiker):
    """A value stored before the validator (or written around it) cannot break a header."""
    adviseur = maak_gebruiker("wsp_adviseur")
    start = datetime(2025, 4, 1, 9, 0, tzinfo=AMS)
    VerzoekFactory(regio=regio_a, ontvangen_op=start, toegewezen_aan=adviseur, bedrijfsnaam="A\nB")
    assert services.verzoeken_bewaken(nu=start + timedelta(hours=20))["gewaarschuwd"] == 1
    assert mail.outbox[0].subject == "Nog 4 uur: werkgeversverzoek van A B"


def test_mail_is_sent_only_through_werkcentrum_mail():
    """One home for sending: no module of the project imports Django's senders itself."""
    verboden = {"send_mail", "send_mass_mail", "EmailMessage", "EmailMultiAlternatives",
                "mail_admins", "mail_managers", "get_connection"}  # fmt: skip
    overtreders = []
    for app in PROJECT_APPS:
        for pad in (ROOT / app).rglob("*.py"):
            if pad == ROOT / "werkcentrum" / "mail.py" or "migrations" in pad.parts:
                continue
            for knoop in ast.walk(ast.parse(pad.read_text())):
                if not isinstance(knoop, ast.ImportFrom):
                    continue
                namen = {a.name for a in knoop.names}
                if (knoop.module == "django.core" and "mail" in namen) or (
                    knoop.module in ("django.core.mail", "django.core.mail.message")
                    and namen & verboden
                ):
                    overtreders.append(str(pad.relative_to(ROOT)))
    assert overtreders == []


class _SmtpWeigert(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPDataError(554, b"refused")


def test_a_refused_notification_never_turns_a_saved_public_request_into_a_500(
    client, regio_a, settings, django_capture_on_commit_callbacks
):
    """The request is stored before the mail; a mail server that refuses is logged, and the
    visitor sees the confirmation (the 20-hour warning still follows)."""
    settings.EMAIL_BACKEND = f"{__name__}._SmtpWeigert"
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            "/zkij/vacatures/ik-ben-werkgever/",
            {
                "bedrijfsnaam": "Bakkerij De Korenbloem",
                "contactnaam": "Sem",
                "email": "sem@korenbloem.example",
                "vraag": "Wij zoeken een bakker.",
                "website": "",
            },
        )
    assert r.status_code == 302
    assert Werkgeversverzoek.objects.filter(bedrijfsnaam="Bakkerij De Korenbloem").exists()
