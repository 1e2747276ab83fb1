from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

LIJST_RECHTEN = ("view", "add", "change", "delete")
_MODELLEN = [
    "werkgever",
    "vestiging",
    "contactpersoon",
    "contactmoment",
    "werkgeversverzoek",
    "vacature",
    "kandidaat",
    "voordracht",
    "plaatsing",
    "nazorgmoment",
    "activiteit",
]


class WspConfig(AppConfig):
    name = "wsp"
    verbose_name = _("Werkgeversservicepunt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from werkcentrum.rollen import permissies_toevoegen
        from werkcentrum.werkplek import registreer, registreer_tegels

        from . import (
            demo,  # noqa: F401  (registers the demo generator)
            regiodefinitie,
            werkplek,
        )
        from .factsheets import admin as _factsheet_admin  # noqa: F401
        from .factsheets import demo as _factsheet_demo  # noqa: F401
        from .importeren import registreren as importen_registreren
        from .privacy import registreren

        registreren()
        regiodefinitie.registreren()
        importen_registreren()

        werk = [f"wsp.{p}_{m}" for m in _MODELLEN for p in ("view", "add", "change")]
        referentie = ["wsp.view_cluster", "wsp.view_sector", "wsp.view_skill", "wsp.add_skill"]
        permissies_toevoegen("wsp_adviseur", *werk, *referentie, "wsp.view_doelstelling")
        permissies_toevoegen(
            "wsp_manager",
            *werk,
            *referentie,
            "wsp.view_doelstelling",
            "wsp.add_doelstelling",
            "wsp.change_doelstelling",
            "wsp.delete_vestiging",
            "wsp.delete_contactpersoon",
        )

        # Warme overdracht: the loket and partners offer, the WSP decides.
        for rol in ("gids", "coordinator", "partnermedewerker"):
            permissies_toevoegen(rol, "wsp.view_overdracht", "wsp.add_overdracht")
        for rol in ("wsp_adviseur", "wsp_manager"):
            permissies_toevoegen(rol, "wsp.view_overdracht", "wsp.change_overdracht")
        # The regio beheerder keeps the regio's own lists (doelgroepen, instrumenten) and its
        # own clusters and sectoren next to the national ones (GedeeldeLijstAdmin).
        permissies_toevoegen(
            "beheerder",
            *[
                f"wsp.{p}_{m}"
                for m in ("wspdoelgroep", "wspinstrument", "cluster", "sector")
                for p in LIJST_RECHTEN
            ],
        )

        adviseurs = {"wsp_adviseur", "wsp_manager"}
        registreer_tegels(rollen=adviseurs, tellen=werkplek.tegels, module="wsp")
        for titel, omschrijving, url_naam, rollen in [
            (
                _("Werkgevers"),
                _("Accounts zoeken, contactmomenten en tijdlijn."),
                "wsp:werkgevers",
                adviseurs,
            ),
            (
                _("Mijn opvolgingen"),
                _("Afspraken die je moet opvolgen."),
                "wsp:opvolgingen",
                adviseurs,
            ),
            (
                _("Werkgeversverzoeken"),
                _("De 24-uursbelofte: open verzoeken en reactietijden."),
                "wsp:verzoeken",
                adviseurs,
            ),
            (_("Vacatures"), _("Vacatures, matching en voordrachten."), "wsp:vacatures", adviseurs),
            (_("Kandidaten"), _("Kandidaten uit warme overdracht."), "wsp:kandidaten", adviseurs),
            (
                _("Plaatsingen en nazorg"),
                _("Plaatsingen en nazorgmomenten na 2 en 5 maanden."),
                "wsp:plaatsingen",
                adviseurs,
            ),
            (
                _("Doelstellingen"),
                _("Realisatie tegenover de doelstellingen per doelgroep."),
                "wsp:dashboard",
                adviseurs,
            ),
            (
                _("Activiteiten"),
                _("Events, praktijkroute, jobhunters, Oekraïnebalie, communicatie."),
                "wsp:activiteiten",
                adviseurs,
            ),
            (
                _("Importeren uit WBS/Sonar"),
                _("CSV of Excel inlezen met controle vooraf."),
                "wsp:importeren",
                adviseurs,
            ),
        ]:
            registreer(titel=titel, omschrijving=omschrijving, url_naam=url_naam, rollen=rollen)
        permissies_toevoegen(
            "wsp_manager",
            *[f"wsp.{p}_factsheet" for p in ("view", "add", "change")],
            *[f"wsp.{p}_factsheetontvanger" for p in ("view", "add", "change", "delete")],
        )
        for rol in ("coordinator", "rba_lid", "wsp_adviseur", "rba_secretariaat"):
            permissies_toevoegen(rol, "wsp.view_factsheet")
        registreer(
            titel=_("Factsheets en halfjaarrapportage"),
            omschrijving=_("Vastgelegde halfjaarcijfers per regio en gemeente, als pagina en PDF."),
            url_naam="wsp:factsheets",
            rollen={"wsp_manager", "coordinator", "rba_lid", "wsp_adviseur", "rba_secretariaat"},
        )
        registreer(
            titel=_("Dashboard halfjaarcijfers"),
            omschrijving=_("Live cijfers met filters en export naar CSV en Excel."),
            url_naam="wsp:factsheet_dashboard",
            rollen={"wsp_manager", "coordinator", "rba_lid"},
        )
