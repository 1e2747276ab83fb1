"""REST endpoints of rba under /api/v1/ (same scoping and permissions as the UI)."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("rba/vergaderingen", api.VergaderingViewSet, basename="rba-vergadering")
router.register("rba/besluiten", api.BesluitViewSet, basename="rba-besluit")
router.register("rba/acties", api.ActieViewSet, basename="rba-actie")
router.register(
    "rba/openbare-besluiten", api.OpenbaarBesluitViewSet, basename="rba-openbaar-besluit"
)

urlpatterns = router.urls
