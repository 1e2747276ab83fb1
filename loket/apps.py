from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_LEZEN = ["loket.view_thema", "loket.view_doelgroep", "loket.view_dienst"]
_GIDS = [
    *_LEZEN,
    "loket.add_gesprek",
    "loket.view_gesprek",
    "loket.view_bezoekcode",
    "loket.view_vraag",
    "loket.change_vraag",
    "loket.add_doorverwijzing",
    "loket.view_doorverwijzing",
    "loket.view_doorverwijzingstap",
    "loket.add_traject",
    "loket.view_traject",
    "loket.change_traject",
]
_BEHEER = [
    "loket.add_dienst",
    "loket.change_dienst",
    "loket.view_informatiepagina",
    "loket.add_informatiepagina",
    "loket.change_informatiepagina",
    "loket.delete_informatiepagina",
    "loket.view_sluiting",
    "loket.add_sluiting",
    "loket.change_sluiting",
    "loket.delete_sluiting",
    "loket.view_loketinstelling",
    "loket.add_loketinstelling",
    "loket.change_loketinstelling",
]


class LoketConfig(AppConfig):
    name = "loket"
    verbose_name = _("Inwoner-loket")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from werkcentrum.rollen import permissies_toevoegen
        from werkcentrum.werkplek import registreer

        from . import (
            demo,  # noqa: F401  (registers the demo generator)
            regiodefinitie,
        )
        from .privacy import registreren

        registreren()
        regiodefinitie.registreren()

        permissies_toevoegen("gids", *_GIDS)
        permissies_toevoegen("coordinator", *_GIDS, *_BEHEER)
        permissies_toevoegen("beheerder", *_LEZEN, "loket.view_gesprek", *_BEHEER)
        # The regio's own doelgroepen next to the national ones (loket.admin.DoelgroepAdmin).
        permissies_toevoegen(
            "beheerder", *[f"loket.{p}_doelgroep" for p in ("add", "change", "delete")]
        )
        permissies_toevoegen(
            "partnermedewerker",
            *_LEZEN,
            "loket.add_dienst",
            "loket.change_dienst",
            "loket.view_doorverwijzing",
            "loket.change_doorverwijzing",
            "loket.view_doorverwijzingstap",
            "loket.add_vraag",
        )
        for titel, omschrijving, url, rollen in [
            (
                _("Gesprek registreren"),
                _("Een anoniem gesprek vastleggen, op de tablet."),
                "loket:gesprek_nieuw",
                {"gids", "coordinator"},
            ),
            (
                _("Werkgeversverzoek vastleggen"),
                _("Een werkgever aan de balie of aan de telefoon: door naar het WSP."),
                "loket:werkgeversverzoek_nieuw",
                {"gids", "coordinator"},
            ),
            (
                _("Vragen van inwoners"),
                _("Toewijzen, beantwoorden en sluiten."),
                "loket:vragen",
                {"gids", "coordinator"},
            ),
            (
                _("Warme doorverwijzingen"),
                _("De stand van elke doorverwijzing."),
                "loket:doorverwijzingen",
                {"gids", "coordinator", "partnermedewerker"},
            ),
            (
                _("Doorverwijzingen bewaken"),
                _("Niet afgeleverd of te laat: opnieuw versturen, doorsturen of afsluiten."),
                "loket:doorverwijzingen_bewaken",
                {"coordinator"},
            ),
            (
                _("Warme toeleiding naar het Werkcentrum"),
                _("Iemand aanmelden bij de gidsen."),
                "loket:toeleiding_nieuw",
                {"partnermedewerker"},
            ),
            (
                _("Sociale kaart"),
                _("Diensten van de partners zoeken en bijhouden."),
                "loket:sociale_kaart",
                {"gids", "coordinator", "partnermedewerker", "beheerder"},
            ),
            (
                _("Trajecten"),
                _("Trajecten die het Werkcentrum betaalt."),
                "loket:trajecten",
                {"gids", "coordinator"},
            ),
            # Warme overdracht to the WSP (issue 23 points 1 and 2).
            (
                _("Overdrachten aan het WSP"),
                _("Werkfitte werkzoekenden overdragen en zien wat ervan werd."),
                "loket:overdrachten",
                {"gids", "coordinator", "partnermedewerker"},
            ),
            (
                _("Open vacatures: kandidaat aanbieden"),
                _("De vacaturekrant van de regio: een kandidaat aanbieden aan het WSP."),
                "loket:overdracht_vacatures",
                {"partnermedewerker"},
            ),
            (
                _("Loket-dashboard"),
                _("Gesprekken, doorverwijzingen en vragen in cijfers."),
                "loket:dashboard",
                {"coordinator", "beheerder"},
            ),
        ]:
            registreer(
                titel=titel,
                omschrijving=omschrijving,
                url_naam=url,
                rollen=rollen,
                # These record or offer inside the user's own regio; the platform user has none.
                regio_nodig=url in {"loket:werkgeversverzoek_nieuw", "loket:overdracht_vacatures"},
            )
