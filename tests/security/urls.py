"""The URL configuration as data: every named route with the kwargs to request it.

`alle_routes()` walks `get_resolver().url_patterns` (app URLconfs and the DRF routers) and
yields (name, route) for every pattern; `kwargs_voor(name, wereld)` builds the kwargs from the
demo objects of regio A.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.urls import URLPattern, URLResolver, get_resolver

# Not in the matrix, on purpose:
# - /beheer/: the Django admin; its scoping is tested by the RegioAdmin tests per app.
# - /accounts/: allauth login, MFA and password pages (tests/werkcentrum/test_accounts.py).
# - static/media: served by whitenoise / the web server, not by views.
OVERGESLAGEN_PREFIXEN = ("beheer/", "accounts/", "static/", "media/")
# - health: public by design; 200 or 503 depends on the database/broker/worker of the run,
#   not on who asks (tests/werkcentrum/test_health.py).
OVERGESLAGEN_NAMEN = ("health",)


def _walk(patronen, prefix: str = "", namespace: str | None = None) -> Iterator[tuple]:
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}:{patroon.namespace}" if namespace else patroon.namespace
            yield from _walk(patroon.url_patterns, prefix + str(patroon.pattern), ns)
        elif isinstance(patroon, URLPattern):
            naam = patroon.name and (f"{namespace}:{patroon.name}" if namespace else patroon.name)
            yield naam, prefix + str(patroon.pattern)


def alle_routes() -> dict[str, str]:
    """name -> route of every pattern in the matrix (format-suffix twins share their name)."""
    routes: dict[str, str] = {}
    for naam, route in _walk(get_resolver().url_patterns):
        if route.lstrip("^").startswith(OVERGESLAGEN_PREFIXEN) or naam in OVERGESLAGEN_NAMEN:
            continue
        sleutel = naam or f"<zonder naam> {route}"
        routes.setdefault(sleutel, route)
    return routes


def _eerste(model, wereld, **filters):
    obj = model.objects.in_regio(wereld.regio_a).filter(**filters).order_by("pk").first()
    assert obj is not None, f"demo data has no {model.__name__} {filters} in regio A"
    return obj


def _pk(pad: str, **filters) -> Callable:
    def maak(wereld):
        from django.apps import apps

        return {"pk": _eerste(apps.get_model(pad), wereld, **filters).pk}

    return maak


def _werkcentrum_overdracht(wereld):
    """A handover of the Werkcentrum in regio A: the demo's first, else a new one."""
    from werkcentrum.models import Organisatie
    from wsp.models import Overdracht

    bestaand = _eerste_of_niets(Overdracht, wereld, bron=Overdracht.Bron.WERKCENTRUM)
    if bestaand is not None:
        return bestaand
    from tests.wsp.factories import OverdrachtFactory

    werkcentrum = Organisatie.objects.filter(
        regio=wereld.regio_a, type=Organisatie.Type.WERKCENTRUM
    ).first()
    extra = {"organisatie": werkcentrum} if werkcentrum else {}
    gemeente = wereld.regio_a.gemeenten.order_by("pk").first()
    if gemeente is not None:
        extra["woongemeente"] = gemeente
    return OverdrachtFactory(regio=wereld.regio_a, **extra)


def _eerste_of_niets(model, wereld, **filters):
    return model.objects.in_regio(wereld.regio_a).filter(**filters).order_by("pk").first()


def _lid(wereld):
    from rba.models import Lid

    lid = Lid.objects.filter(orgaan__regio=wereld.regio_a).order_by("pk").first()
    return {"orgaan_pk": lid.orgaan_id, "pk": lid.pk}


def _orgaan(wereld):
    return {"orgaan_pk": _pk("rba.Overlegorgaan")(wereld)["pk"]}


def _openbaar_besluit(wereld):
    from rba import selectors

    return selectors.openbare_besluiten_lijst(wereld.regio_a).first().nummer


def _publiek(extra: Callable | None = None) -> Callable:
    def maak(wereld):
        kwargs = {"regio": wereld.regio_a.code}
        if extra:
            kwargs.update(extra(wereld))
        return kwargs

    return maak


def _informatiepagina(wereld):
    from loket.models import Informatiepagina

    pagina = _eerste(Informatiepagina, wereld, gepubliceerd=True)
    return {"slug": pagina.slug}


def _rubriek(wereld):
    from loket.models import Informatiepagina

    return {"rubriek": Informatiepagina.Rubriek.values[0]}


def _token(wereld):
    # Only a token's hash is stored (issue 20 point 11), so no valid token can be read back.
    return {"token": "onbekend"}


def _openbare_vacature(wereld):
    from django.utils import timezone

    from wsp import selectors

    vacatures = selectors.openbare_vacatures(regio=wereld.regio_a, vandaag=timezone.localdate())
    return {"pk": vacatures.order_by("pk").first().pk}


def _gemeente(wereld):
    from werkcentrum.models import Gemeente

    return Gemeente.objects.filter(regio=wereld.regio_a).order_by("pk").first().cbs_code


def _logo(wereld):
    """Regio A with a logo (the update is rolled back with the test; the small file stays in
    MEDIA_ROOT, under one fixed name): the logo is public, like the stylesheet."""
    import io

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    from werkcentrum.models import Arbeidsmarktregio

    pad = "huisstijl/matrix-logo.png"
    if not default_storage.exists(pad):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20), "#154273").save(buffer, format="PNG")
        default_storage.save(pad, ContentFile(buffer.getvalue()))
    Arbeidsmarktregio.objects.filter(pk=wereld.regio_a.pk).update(huisstijl_logo=pad)
    return {"regio": wereld.regio_a.code, "bestand": "matrix-logo.png"}


def _factsheet_token(wereld):
    """A fresh personal link of the demo's published regio factsheet (rolled back with the
    test): the token pages are public by design, so everyone gets the page with a valid token;
    invalid tokens are proved in tests/factsheets/test_links.py."""
    from wsp.factsheets.links import link_aanmaken
    from wsp.models import Factsheet, FactsheetOntvanger

    factsheet = _eerste(Factsheet, wereld, gepubliceerd=True, gemeente__isnull=True)
    ontvanger = _eerste(FactsheetOntvanger, wereld, gemeente__isnull=True)
    _link, token = link_aanmaken(factsheet=factsheet, ontvanger=ontvanger)
    return {"token": token}


def _importtaak(wereld):
    """A finished import of the matrix's financieel beheerder: only its uploader sees it."""
    from werkcentrum.models import ImportTaak

    taak = ImportTaak.objects.create(
        regio=wereld.regio_a,
        gebruiker=wereld.gebruikers["financieel_beheerder"],
        soort="financien.mutaties",
        bestandsnaam="reserve.xlsx",
        status=ImportTaak.Status.GEIMPORTEERD,
    )
    return {"pk": taak.pk}


def _loket_overdracht(wereld):
    """A handover to the WSP offered by the matrix gids (the demo data has none)."""
    from tests.wsp.factories import OverdrachtFactory
    from werkcentrum.models import Gemeente, Organisatie

    gids = wereld.gebruikers["gids"]
    werkcentrum = _eerste(Organisatie, wereld, type=Organisatie.Type.WERKCENTRUM)
    overdracht = OverdrachtFactory(
        regio=wereld.regio_a,
        organisatie=werkcentrum,
        aangeboden_door=gids,
        woongemeente=_eerste(Gemeente, wereld),
    )
    return {"pk": overdracht.pk}


def _wsp_overdracht(wereld):
    """The demo has no warme overdracht: one offered by the Werkcentrum of regio A (rolled
    back with the test), so the coordinator sees it and a partner of no organisation not."""
    from tests.wsp.factories import OverdrachtFactory

    return {"pk": OverdrachtFactory(regio=wereld.regio_a).pk}


# A factsheet version that does not exist: these rows prove login and role checks come first.
GEEN_VERSIE = {"pk": 999999}


KWARGS: dict[str, Callable] = {
    # loket
    "loket:vraag": _pk("loket.Vraag"),
    "loket:vraag_toewijzen": _pk("loket.Vraag"),
    "loket:vraag_beantwoorden": _pk("loket.Vraag"),
    "loket:vraag_sluiten": _pk("loket.Vraag"),
    "loket:vraag_heropenen": _pk("loket.Vraag"),
    "loket:gesprek": _pk("loket.Gesprek"),
    "loket:doorverwijzing": _pk("loket.Doorverwijzing"),
    "loket:doorverwijzing_opnieuw": _pk("loket.Doorverwijzing"),
    "loket:doorverwijzing_doorsturen": _pk("loket.Doorverwijzing"),
    "loket:dienst_bewerken": _pk("loket.Dienst"),
    "loket:traject": _pk("loket.Traject"),
    "loket:overdracht": _loket_overdracht,
    "loket:dashboard_export": lambda w: {"tabel": "locatie", "formaat": "csv"},
    "importtaak": _importtaak,
    "importtaak_bevestigen": _importtaak,
    # wsp
    "platform:regio": lambda w: {"code": w.regio_a.code},
    "wsp:werkgever": _pk("wsp.Werkgever"),
    "wsp:werknemer_doorverwijzen": _pk("wsp.Werkgever"),
    "wsp:doorverwijzing": _pk("loket.Doorverwijzing", werkgever__isnull=False),
    "wsp:werkgever_bewerken": _pk("wsp.Werkgever"),
    "wsp:contactmoment_nieuw": _pk("wsp.Werkgever"),
    "wsp:vestiging_nieuw": _pk("wsp.Werkgever"),
    "wsp:contactpersoon_nieuw": _pk("wsp.Werkgever"),
    "wsp:vacature_nieuw": _pk("wsp.Werkgever"),
    "wsp:opvolging_afronden": _pk("wsp.Contactmoment"),
    "wsp:verzoek": _pk("wsp.Werkgeversverzoek"),
    "wsp:verzoek_oppakken": _pk("wsp.Werkgeversverzoek"),
    "wsp:vacature": _pk("wsp.Vacature"),
    "wsp:vacature_bewerken": _pk("wsp.Vacature"),
    "wsp:vacature_status": _pk("wsp.Vacature"),
    "wsp:voordragen": _pk("wsp.Vacature"),
    "wsp:voordracht_status": _pk("wsp.Voordracht"),
    "wsp:kandidaat": _pk("wsp.Kandidaat"),
    "wsp:kandidaat_bewerken": _pk("wsp.Kandidaat"),
    "wsp:kandidaat_tijdlijn": _pk("wsp.Kandidaat"),
    "wsp:toestemming_intrekken": _pk("wsp.Kandidaat"),
    "loket:overdracht_tijdlijn": lambda w: {"pk": _werkcentrum_overdracht(w).pk},
    "loket:overdracht_toestemming_intrekken": lambda w: {"pk": _werkcentrum_overdracht(w).pk},
    "wsp:plaatsing": _pk("wsp.Plaatsing"),
    "wsp:plaatsing_startdatum": _pk("wsp.Plaatsing"),
    "wsp:nazorg_extra": _pk("wsp.Plaatsing"),
    "wsp:nazorg_vastleggen": _pk("wsp.NazorgMoment"),
    "wsp:exporteren": lambda w: {"soort": "kandidaten", "formaat": "csv"},
    "wsp:factsheet_export": lambda w: {"tabel": "onbekend", "formaat": "csv"},
    "wsp:ketencijfers_export": lambda w: {"tabel": "keten", "formaat": "csv"},
    "wsp:factsheet_pdf": lambda w: GEEN_VERSIE,
    "wsp:factsheet_teksten": lambda w: GEEN_VERSIE,
    "wsp:factsheet_publiceren": lambda w: GEEN_VERSIE,
    "wsp:factsheet_link_intrekken": lambda w: GEEN_VERSIE,
    "wsp:factsheet_ontvanger_bewerken": _pk("wsp.FactsheetOntvanger"),
    "wsp:factsheet_ontvanger_verwijderen": _pk("wsp.FactsheetOntvanger"),
    # warme overdracht, the WSP's side
    "wsp:overdracht": _wsp_overdracht,
    "wsp:overdracht_aannemen": _wsp_overdracht,
    "wsp:overdracht_teruggeven": _wsp_overdracht,
    "wsp-overdracht-detail": _wsp_overdracht,
    "wsp-overdracht-aannemen": _wsp_overdracht,
    "wsp-overdracht-teruggeven": _wsp_overdracht,
    # A regio's stylesheet: public (the login page and public site use it too).
    "huisstijl": _publiek(),
    "huisstijl_id": lambda w: {"regio_id": w.regio_a.pk},
    "huisstijl_logo": _logo,
    # A regio's privacy- or toegankelijkheidsverklaring: public.
    "verklaring": _publiek(lambda w: {"soort": "privacyverklaring"}),
    "factsheet_publiek:factsheet": _factsheet_token,
    "factsheet_publiek:pdf": _factsheet_token,
    "wsp:factsheet": lambda w: {"periode": "2026-Q1"},
    "wsp:factsheet_gemeente": lambda w: {"periode": "2026-Q1", "gemeente": _gemeente(w)},
    # rba
    "rba:vergadering": _pk("rba.Vergadering"),
    "rba:vergadering_wijzigen": _pk("rba.Vergadering"),
    "rba:agendapunt_toevoegen": _pk("rba.Vergadering"),
    "rba:agenda_publiceren": _pk("rba.Vergadering"),
    "rba:vergadering_gehouden": _pk("rba.Vergadering"),
    "rba:verslag": _pk("rba.Vergadering"),
    "rba:stuk_uploaden": _pk("rba.Agendapunt"),
    "rba:stuk_downloaden": _pk("rba.StukVersie"),  # the URL takes a version, not a stuk
    "rba:besluit": _pk("rba.Besluit"),
    "rba:besluit_wijzigen": _pk("rba.Besluit"),
    "rba:besluit_status": _pk("rba.Besluit"),
    "rba:besluit_corrigeren": _pk("rba.Besluit"),
    "rba:raadsinformatie": _pk("rba.Besluit"),
    "rba:actie": _pk("rba.Actie"),
    "rba:orgaan": _pk("rba.Overlegorgaan"),
    "rba:orgaan_wijzigen": _pk("rba.Overlegorgaan"),
    "rba:lid_nieuw": _orgaan,
    "rba:lid": _lid,
    "rba:onderwerp": _pk("rba.Onderwerp"),
    "rba:onderwerp_wijzigen": _pk("rba.Onderwerp"),
    "rba:regel": _pk("rba.AgendaRegel"),
    "rba:regel_wijzigen": _pk("rba.AgendaRegel"),
    # financien
    "financien:geldstroom": _pk("financien.Geldstroom"),
    "financien:geldstroom_wijzigen": _pk("financien.Geldstroom"),
    "financien:mutatie": _pk("financien.Mutatie"),
    "financien:realisatie_nieuw": _pk("financien.Mutatie", soort="verplichting"),
    "financien:vrijval_nieuw": _pk("financien.Mutatie", soort="verplichting"),
    "financien:correctie_nieuw": _pk("financien.Mutatie"),
    # privacy officer
    "privacy:logboek_export": lambda w: {"formaat": "csv"},
    "privacy:inzage_export": lambda w: {"formaat": "json"},
    # API
    "gemeente-detail": _pk("werkcentrum.Gemeente"),
    "organisatie-detail": _pk("werkcentrum.Organisatie"),
    "locatie-detail": _pk("werkcentrum.Locatie"),
    "loket-dienst-detail": _pk("loket.Dienst"),
    "loket-doorverwijzing-detail": _pk("loket.Doorverwijzing"),
    "loket-doorverwijzing-status": _pk("loket.Doorverwijzing"),
    "wsp-werkgever-detail": _pk("wsp.Werkgever"),
    "wsp-doelstelling-detail": _pk("wsp.Doelstelling"),
    "wsp-vacature-detail": _pk("wsp.Vacature"),
    "wsp-vacature-status": _pk("wsp.Vacature"),
    "wsp-kandidaat-detail": _pk("wsp.Kandidaat"),
    "wsp-voordracht-detail": _pk("wsp.Voordracht"),
    "wsp-plaatsing-detail": _pk("wsp.Plaatsing"),
    "wsp-nazorgmoment-detail": _pk("wsp.NazorgMoment"),
    "rba-vergadering-detail": _pk("rba.Vergadering"),
    "rba-besluit-detail": _pk("rba.Besluit"),
    "rba-actie-detail": _pk("rba.Actie"),
    "rba-openbaar-besluit-detail": lambda w: {"nummer": _openbaar_besluit(w)},
    "financien-geldstroom-detail": _pk("financien.Geldstroom"),
    "financien-begroting-detail": _pk("financien.Begrotingsregel"),
    "financien-mutatie-detail": _pk("financien.Mutatie"),
    # public pages
    "loket_publiek:home": _publiek(),
    "loket_publiek:rubriek": _publiek(_rubriek),
    "loket_publiek:pagina": _publiek(_informatiepagina),
    "loket_publiek:spreekuren": _publiek(),
    "loket_publiek:wegwijzer": _publiek(),
    "loket_publiek:vraag": _publiek(),
    "loket_publiek:vraag_ontvangen": _publiek(),
    "loket_publiek:tevredenheid": _publiek(_token),
    "loket_publiek:doorverwijzing_link": _publiek(lambda w: {"token": "onbekend"}),
    "wsp_publiek:vacaturekrant": _publiek(),
    "wsp_publiek:vacaturekrant_json": _publiek(),
    "wsp_publiek:vacaturekrant_rss": _publiek(),
    "wsp_publiek:vacature": _publiek(_openbare_vacature),
    "wsp_publiek:ik_ben_werkgever": _publiek(),
    "wsp_publiek:verzoek_ontvangen": _publiek(),
    "rba_publiek:besluiten": _publiek(),
    "rba_publiek:feed_rss": _publiek(),
    "rba_publiek:feed_json": _publiek(),
    "rba_publiek:besluit": _publiek(lambda w: {"nummer": _openbaar_besluit(w)}),
}


# Query strings some routes need (the public besluiten API takes the regio as a parameter).
QUERY: dict[str, Callable] = {
    "rba-openbaar-besluit-list": lambda w: f"?regio={w.regio_a.code}",
    "rba-openbaar-besluit-detail": lambda w: f"?regio={w.regio_a.code}",
    # A person's record is read through the API only with a purpose (doelbinding).
    "wsp-kandidaat-detail": lambda w: "?doel=bemiddeling",
    "wsp-overdracht-detail": lambda w: "?doel=bemiddeling",
    # The betrokkene's records of regio A (regio B cannot name them: 400).
    "privacy:inzage": lambda w: _dossier(w),
    "privacy:inzage_export": lambda w: _dossier(w),
    "privacy:verwijderen": lambda w: _dossier(w),
}


def _dossier(wereld) -> str:
    return f"?dossier=wsp.kandidaat:{_pk('wsp.Kandidaat')(wereld)['pk']}"


def query_voor(naam: str, wereld) -> str:
    maker = QUERY.get(naam)
    return maker(wereld) if maker else ""


def kwargs_voor(naam: str, wereld) -> dict:
    maker = KWARGS.get(naam)
    return maker(wereld) if maker else {}
