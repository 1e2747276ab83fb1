"""The adviseur's form to refer a werkgever's werknemer to the Werkcentrum (issue 23 point 4).

It is the gids's referral form (loket.forms.DoorverwijzingForm: the same choice of dienst with
where it goes, the same consent fields) plus what the WSP knows: the aanleiding and the
werknemer's woongemeente. The referral itself is made by loket.services.doorverwijzing_maken."""

from __future__ import annotations

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from loket.forms import DoorverwijzingForm
from loket.models import Dienst, Doorverwijzing
from werkcentrum.models import Gemeente, Medewerker, Organisatie


class WerknemerDoorverwijzenForm(DoorverwijzingForm):
    aanleiding = forms.ChoiceField(
        label=_("Aanleiding"),
        choices=Doorverwijzing.Aanleiding.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de aanleiding van de doorverwijzing.")},
    )
    woongemeente = forms.ModelChoiceField(
        label=_("Woongemeente van de werknemer"),
        queryset=Gemeente.objects.none(),
        error_messages={
            "required": _("Kies de woongemeente van de werknemer."),
            "invalid_choice": _("Kies een woongemeente in jouw regio."),
        },
    )

    field_order = [
        "naam",
        "email",
        "telefoon",
        "woongemeente",
        "aanleiding",
        "samenvatting",
        "dienst",
        "toestemming_gegevens",
        "toestemming",
    ]

    def __init__(self, *args, user: Medewerker, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["woongemeente"].queryset = Gemeente.objects.voor(user).order_by("naam")
        # The Werkcentrum's own diensten first: that is where a werknemer usually goes.
        self.fields["dienst"].queryset = self.fields["dienst"].queryset.order_by(
            Case(
                When(organisatie__type=Organisatie.Type.WERKCENTRUM, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            "organisatie__naam",
            "naam",
        )
        self.fields["dienst"].error_messages["invalid_choice"] = _(
            "Kies een actieve dienst van de sociale kaart in jouw regio."
        )
        self.fields["naam"].required = True
        self.fields["naam"].label = _("Naam van de werknemer")
        self.fields["samenvatting"].help_text = _(
            "Wat de organisatie moet weten, zodat de werknemer het verhaal niet opnieuw hoeft "
            "te vertellen. Dit gaat naar de organisatie: geen interne notities van het WSP."
        )
        self.fields["toestemming_gegevens"].initial = _(
            "naam, e-mailadres, telefoonnummer, woongemeente, naam van de werkgever, aanleiding "
            "en de samenvatting"
        )
        self.fields["toestemming"].label = _(
            "De werknemer geeft toestemming om deze gegevens te delen met de organisatie van de "
            "gekozen dienst"
        )
        self.fields["toestemming"].help_text = _(
            "Vastgelegd met uw naam en het tijdstip van versturen."
        )

    def clean(self):
        data = forms.Form.clean(self)
        if not data.get("toestemming"):
            self.add_error(
                "toestemming",
                _("Zonder toestemming van de werknemer kan er niet worden doorverwezen."),
            )
        if not (data.get("email") or data.get("telefoon")) and not (
            self.errors.get("email") or self.errors.get("telefoon")
        ):
            self.add_error(
                "email",
                _(
                    "Vul een e-mailadres of telefoonnummer in, zodat de organisatie de "
                    "werknemer kan bereiken."
                ),
            )
        return data


def standaard_dienst(user: Medewerker) -> Dienst | None:
    """The Werkcentrum's own spreekuur or loket dienst of the regio, preselected in the form."""
    return (
        Dienst.objects.voor(user)
        .filter(
            actief=True,
            organisatie__actief=True,
            organisatie__type=Organisatie.Type.WERKCENTRUM,
        )
        .order_by("naam", "pk")
        .first()
    )
