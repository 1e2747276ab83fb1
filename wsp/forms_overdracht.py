"""The form of the warme overdracht to the WSP, used by gidsen, coordinators and partners.

Nothing is typed twice: `beginwaarden` fills the form from where the handover starts (a
gesprek, a doorverwijzing or a traject). The person's consent is a required checkbox that names
the WSP of the regio; the service records what, to whom, when and by whom."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.forms import DatumInput, TelefoonInput
from werkcentrum.models import Gemeente

from .keuzes import Doelgroep
from .models import Overdracht, Vacature
from .regiolijsten import doelgroepen_voor
from .selectors import openbare_vacatures
from .services import overdracht as services_overdracht

# The loket's doelgroepen (loket.Doelgroep.code) that are one of the WSP's doelgroepen; the
# others (NUG, jongeren, statushouders, ...) say nothing about the WSP's code: the gids picks.
DOELGROEP_VAN_LOKET = {
    "ww": Doelgroep.WW,
    "wajong": Doelgroep.WAJONG,
    "wia-zw": Doelgroep.WIA,
    "bijstand": Doelgroep.PWET,
    "oekrainers": Doelgroep.OEKRAINE,
}

STANDAARD_GEGEVENS = _(
    "Naam, e-mailadres, telefoonnummer, woongemeente, doelgroep, opleiding, taalniveau, "
    "werkwensen en beschikbaarheid"
)

GEEN_TOESTEMMING = _(
    "Zonder toestemming van de persoon kan er niets worden overgedragen. "
    "Vraag of de gegevens met het WSP gedeeld mogen worden."
)

# The fields the service takes as the person's data (the kandidaat fields plus toelichting).
KANDIDAATVELDEN = (*services_overdracht.KANDIDAATVELDEN, "toelichting")


class OverdrachtForm(forms.ModelForm):
    toestemming = forms.BooleanField(
        required=True, error_messages={"required": GEEN_TOESTEMMING}, label=""
    )

    class Meta:
        model = Overdracht
        fields = [*KANDIDAATVELDEN, "vacature", "toestemming_gegevens"]
        widgets = {
            "telefoon": TelefoonInput,
            "beschikbaar_vanaf": DatumInput,
            "toelichting": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "toestemming_gegevens": _(
                "Welke gegevens de persoon laat delen. Pas aan als de persoon iets niet wil delen."
            ),
        }

    field_order = [*KANDIDAATVELDEN, "vacature", "toestemming", "toestemming_gegevens"]

    def __init__(self, *args, user, regio, vacature_kiezen: bool = False, **kwargs):
        # The regio on the instance lets the model's clean() check gemeente and vacature.
        kwargs.setdefault("instance", Overdracht(regio=regio))
        super().__init__(*args, **kwargs)
        regio_naam = regio.naam if regio else ""
        self.fields["toestemming"].label = _(
            "De persoon geeft toestemming om deze gegevens te delen met het "
            "Werkgeversservicepunt %(regio)s"
        ) % {"regio": regio_naam}
        if not self.initial.get("toestemming_gegevens"):
            self.initial["toestemming_gegevens"] = STANDAARD_GEGEVENS
        woongemeente = self.fields["woongemeente"]
        woongemeente.queryset = Gemeente.objects.in_regio(regio).order_by("naam")
        woongemeente.error_messages["invalid_choice"] = _(
            "Deze gemeente hoort niet bij de regio van dit WSP. Kies de woongemeente binnen "
            "de regio, of draag over aan het WSP van de regio van de persoon."
        )
        # The regio's active doelgroepen (issue 24): the list differs per regio.
        self.fields["doelgroep"] = forms.ChoiceField(
            label=_("Doelgroep"),
            choices=[("", "---------"), *doelgroepen_voor(regio)],
            error_messages={"invalid_choice": _("Kies een doelgroep uit de lijst van de regio.")},
        )
        self.fields["email"].help_text = _("Vul een e-mailadres of telefoonnummer in.")
        if vacature_kiezen:
            vacature = self.fields["vacature"]
            vacature.queryset = (
                openbare_vacatures(regio=regio, vandaag=timezone.localdate())
                .select_related(None)
                .prefetch_related(None)
                .select_related("werkgever", "gemeente")
            )
            vacature.required = False
            vacature.empty_label = _("Geen vacature: in het algemeen aanbieden")
            vacature.label_from_instance = _vacature_label
            vacature.error_messages["invalid_choice"] = _(
                "Deze vacature staat niet (meer) open in de vacaturekrant van de regio."
            )
            vacature.help_text = _("Alleen de open vacatures van de vacaturekrant van de regio.")
        else:
            del self.fields["vacature"]

    def service_gegevens(self) -> dict:
        """The cleaned data as the service's keyword arguments."""
        data = {veld: self.cleaned_data.get(veld) for veld in KANDIDAATVELDEN}
        for veld in ("email", "telefoon", "taalniveau", "gewenst_beroep", "toelichting"):
            data[veld] = data[veld] or ""
        data["rijbewijs"] = bool(data["rijbewijs"])
        return {
            **data,
            "toestemming": self.cleaned_data["toestemming"],
            "toestemming_gegevens": self.cleaned_data["toestemming_gegevens"],
            "vacature": self.cleaned_data.get("vacature"),
        }


def _vacature_label(vacature: Vacature) -> str:
    return f"{vacature.functie} ({vacature.werkgever}, {vacature.gemeente})"


def _naam_splitsen(naam: str) -> tuple[str, str]:
    """'Jan de Vries' -> ('Jan', 'de Vries'): the first word is the voornaam."""
    delen = (naam or "").split(None, 1)
    if not delen:
        return "", ""
    return delen[0], delen[1] if len(delen) > 1 else ""


def _uit_gesprek(gesprek) -> dict:
    if gesprek is None:
        return {}
    waarden = {}
    if gesprek.woongemeente_id:
        waarden["woongemeente"] = gesprek.woongemeente_id
    if code := DOELGROEP_VAN_LOKET.get(getattr(gesprek.doelgroep, "code", "")):
        waarden["doelgroep"] = code
    return waarden


def beginwaarden(*, gesprek=None, doorverwijzing=None, traject=None, vacature=None) -> dict:
    """The form's initial values from the record the handover starts from."""
    waarden: dict = {}
    if doorverwijzing is not None:
        waarden.update(_uit_gesprek(doorverwijzing.gesprek))
        voornaam, achternaam = _naam_splitsen(doorverwijzing.naam)
        waarden.update(
            voornaam=voornaam,
            achternaam=achternaam,
            email=doorverwijzing.email,
            telefoon=doorverwijzing.telefoon,
        )
    elif traject is not None:
        waarden.update(_uit_gesprek(traject.gesprek))
        voornaam, achternaam = _naam_splitsen(traject.naam)
        waarden.update(
            voornaam=voornaam, achternaam=achternaam, email=traject.email, telefoon=traject.telefoon
        )
    elif gesprek is not None:
        waarden.update(_uit_gesprek(gesprek))
    if vacature is not None:
        waarden["vacature"] = vacature.pk
    return waarden
