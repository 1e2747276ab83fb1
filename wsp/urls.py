"""Staff pages of wsp (login required, scoped to the user's regio)."""

from django.urls import include, path

from . import views as v
from . import views_bemiddeling as b
from . import views_doorverwijzing as d
from . import views_keten as k
from . import views_overdracht as o
from . import views_tijdlijn as t

app_name = "wsp"

urlpatterns = [
    path("werkgevers/", v.werkgevers, name="werkgevers"),
    path("zoeken/werkgevers/", v.werkgevers_zoeken, name="werkgevers_zoeken"),
    path("zoeken/kandidaten/", v.kandidaten_zoeken, name="kandidaten_zoeken"),
    path("werkgevers/nieuw/", v.werkgever_nieuw, name="werkgever_nieuw"),
    path("werkgevers/<int:pk>/", v.werkgever, name="werkgever"),
    path("werkgevers/<int:pk>/bewerken/", v.werkgever_bewerken, name="werkgever_bewerken"),
    path("werkgevers/<int:pk>/contactmoment/", v.contactmoment_nieuw, name="contactmoment_nieuw"),
    path("werkgevers/<int:pk>/vestiging/", v.vestiging_nieuw, name="vestiging_nieuw"),
    path(
        "werkgevers/<int:pk>/contactpersoon/", v.contactpersoon_nieuw, name="contactpersoon_nieuw"
    ),
    path("werkgevers/<int:pk>/vacature/", v.vacature_nieuw, name="vacature_nieuw"),
    path(
        "werkgevers/<int:pk>/doorverwijzen/",
        d.werknemer_doorverwijzen,
        name="werknemer_doorverwijzen",
    ),
    path("doorverwijzingen/", d.doorverwijzingen, name="doorverwijzingen"),
    path("doorverwijzingen/<int:pk>/", d.doorverwijzing, name="doorverwijzing"),
    path("opvolgingen/", v.opvolgingen, name="opvolgingen"),
    path("opvolgingen/<int:pk>/afronden/", v.opvolging_afronden, name="opvolging_afronden"),
    path("verzoeken/", v.verzoeken, name="verzoeken"),
    path("verzoeken/nieuw/", v.verzoek_nieuw, name="verzoek_nieuw"),
    path("verzoeken/<int:pk>/", v.verzoek, name="verzoek"),
    path("verzoeken/<int:pk>/oppakken/", v.verzoek_oppakken, name="verzoek_oppakken"),
    path("vacatures/", v.vacatures, name="vacatures"),
    path("vacatures/<int:pk>/", v.vacature, name="vacature"),
    path("vacatures/<int:pk>/bewerken/", v.vacature_bewerken, name="vacature_bewerken"),
    path("vacatures/<int:pk>/status/", v.vacature_status, name="vacature_status"),
    path("vacatures/<int:pk>/voordragen/", v.voordragen, name="voordragen"),
    path("voordrachten/<int:pk>/status/", v.voordracht_status, name="voordracht_status"),
    path("kandidaten/", b.kandidaten, name="kandidaten"),
    path("kandidaten/nieuw/", b.kandidaat_nieuw, name="kandidaat_nieuw"),
    path("kandidaten/<int:pk>/", b.kandidaat, name="kandidaat"),
    path("kandidaten/<int:pk>/bewerken/", b.kandidaat_bewerken, name="kandidaat_bewerken"),
    # One person, one story (issue 23, keten-persoon).
    path("kandidaten/<int:pk>/tijdlijn/", t.kandidaat_tijdlijn, name="kandidaat_tijdlijn"),
    path(
        "kandidaten/<int:pk>/toestemming-intrekken/",
        t.toestemming_intrekken,
        name="toestemming_intrekken",
    ),
    path("plaatsingen/", b.plaatsingen, name="plaatsingen"),
    path("plaatsingen/nieuw/", b.plaatsing_nieuw, name="plaatsing_nieuw"),
    path("plaatsingen/<int:pk>/", b.plaatsing, name="plaatsing"),
    path("plaatsingen/<int:pk>/startdatum/", b.plaatsing_startdatum, name="plaatsing_startdatum"),
    path("plaatsingen/<int:pk>/nazorg/", b.nazorg_extra, name="nazorg_extra"),
    path("nazorg/", b.nazorg, name="nazorg"),
    path("nazorg/<int:pk>/", b.nazorg_vastleggen, name="nazorg_vastleggen"),
    path("doelstellingen/", b.dashboard, name="dashboard"),
    path("doelstellingen/vastleggen/", b.doelstelling_vastleggen, name="doelstelling_vastleggen"),
    path("activiteiten/", b.activiteiten, name="activiteiten"),
    path("importeren/", b.importeren, name="importeren"),
    path("exporteren/<slug:soort>.<slug:formaat>", b.exporteren, name="exporteren"),
    path("factsheets/", include("wsp.factsheets.urls")),
    # Warme overdracht: the WSP's inbox and decision (issue 23).
    path("overdrachten/", o.overdrachten, name="overdrachten"),
    path("overdrachten/<int:pk>/", o.overdracht, name="overdracht"),
    path("overdrachten/<int:pk>/aannemen/", o.overdracht_aannemen, name="overdracht_aannemen"),
    path(
        "overdrachten/<int:pk>/teruggeven/", o.overdracht_teruggeven, name="overdracht_teruggeven"
    ),
    # Chain figures of the warme overdracht (issue 23).
    path("keten/", k.ketencijfers, name="ketencijfers"),
    path("keten/<slug:tabel>.<slug:formaat>", k.ketencijfers_export, name="ketencijfers_export"),
]
