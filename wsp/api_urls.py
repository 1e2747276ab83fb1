"""REST endpoints of wsp under /api/v1/ (same scoping and permissions as the UI)."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("wsp/werkgevers", api.WerkgeverViewSet, basename="wsp-werkgever")
router.register("wsp/vacatures", api.VacatureViewSet, basename="wsp-vacature")
router.register("wsp/kandidaten", api.KandidaatViewSet, basename="wsp-kandidaat")
router.register("wsp/voordrachten", api.VoordrachtViewSet, basename="wsp-voordracht")
router.register("wsp/plaatsingen", api.PlaatsingViewSet, basename="wsp-plaatsing")
router.register("wsp/nazorgmomenten", api.NazorgMomentViewSet, basename="wsp-nazorgmoment")
router.register("wsp/doelstellingen", api.DoelstellingViewSet, basename="wsp-doelstelling")
router.register("wsp/overdrachten", api.OverdrachtViewSet, basename="wsp-overdracht")

urlpatterns = router.urls
