from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancienConfig(AppConfig):
    name = "financien"
    verbose_name = _("Regionale reserve")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from werkcentrum.rollen import permissies_toevoegen
        from werkcentrum.werkplek import registreer

        from . import demo  # noqa: F401  (registers the demo generator)
        from .importeren import registreren as importen_registreren

        importen_registreren()

        samenvatting = (
            "financien.view_geldstroom",
            "financien.view_begrotingspost",
            "financien.view_begrotingsregel",
        )
        # The financieel beheerder is the only writer; mutaties are added, never changed.
        permissies_toevoegen(
            "financieel_beheerder",
            *samenvatting,
            "financien.add_geldstroom",
            "financien.change_geldstroom",
            "financien.add_begrotingspost",
            "financien.change_begrotingspost",
            "financien.add_begrotingsregel",
            "financien.change_begrotingsregel",
            "financien.view_mutatie",
            "financien.add_mutatie",
            "financien.view_signaal",
        )
        # RBA-leden and the WSP manager read the summaries, not the mutatie-level detail.
        permissies_toevoegen("rba_lid", *samenvatting)
        permissies_toevoegen("wsp_manager", *samenvatting)

        registreer(
            titel=_("Regionale reserve"),
            omschrijving=_("Geldstromen, verplichtingen, realisaties en wat er vrij is."),
            url_naam="financien:overzicht",
            rollen={"financieel_beheerder", "rba_lid", "wsp_manager"},
        )
        registreer(
            titel=_("Grootboek"),
            omschrijving=_("Alle mutaties van de reserve, met filters en correcties."),
            url_naam="financien:mutaties",
            rollen={"financieel_beheerder"},
        )
        registreer(
            titel=_("Begroting"),
            omschrijving=_("Begroot, verplicht, gerealiseerd en vrij per begrotingspost."),
            url_naam="financien:begroting",
            rollen={"financieel_beheerder", "rba_lid", "wsp_manager"},
        )
