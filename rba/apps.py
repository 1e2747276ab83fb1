from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MODELLEN = [
    "overlegorgaan",
    "lid",
    "onderwerp",
    "vergadering",
    "agendapunt",
    "stuk",
    "stukversie",
    "besluit",
    "actie",
    "strategischeagenda",
    "pijler",
    "agendaregel",
    "voortgangsrapportage",
]


class RbaConfig(AppConfig):
    name = "rba"
    verbose_name = _("Regionaal Beraad Arbeidsmarkt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from werkcentrum.rollen import permissies_toevoegen
        from werkcentrum.werkplek import registreer

        from . import demo  # noqa: F401  (registers the demo generator)
        from .privacy import registreren

        registreren()

        permissies_toevoegen(
            "rba_secretariaat",
            *[f"rba.{p}_{m}" for m in _MODELLEN for p in ("view", "add", "change")],
        )
        permissies_toevoegen("rba_lid", *[f"rba.view_{m}" for m in _MODELLEN])
        # Every withdrawal from the regional reserve needs a besluit: the financial
        # administrator looks them up.
        permissies_toevoegen("financieel_beheerder", "rba.view_besluit")

        secretariaat = {"rba_secretariaat"}
        lezers = {"rba_secretariaat", "rba_lid"}
        for titel, omschrijving, url_naam, rollen in [
            (
                _("Vergaderingen"),
                _("Vergaderingen plannen, agenda en stukken, verslag."),
                "rba:vergaderingen",
                lezers,
            ),
            (_("Besluitenregister"), _("Besluiten zoeken en vastleggen."), "rba:besluiten", lezers),
            (_("Actielijst"), _("Acties, deadlines en verlopen acties."), "rba:acties", lezers),
            (
                _("Overlegorganen"),
                _("Organen en hun leden, met historie."),
                "rba:organen",
                secretariaat,
            ),
            (
                _("Onderwerpen"),
                _("Dossiers over meerdere vergaderingen."),
                "rba:onderwerpen",
                lezers,
            ),
            (
                _("Strategische arbeidsmarktagenda"),
                _("Pijlers, doe-agenda, voortgang en monitoring."),
                "rba:monitoring",
                lezers,
            ),
        ]:
            registreer(titel=titel, omschrijving=omschrijving, url_naam=url_naam, rollen=rollen)
