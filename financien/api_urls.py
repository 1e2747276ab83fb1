"""REST endpoints of financien under /api/v1/ (same scoping and permissions as the UI)."""

from rest_framework.routers import SimpleRouter

from .api import BegrotingsregelViewSet, GeldstroomViewSet, MutatieViewSet

router = SimpleRouter()
router.register("financien/geldstromen", GeldstroomViewSet, basename="financien-geldstroom")
router.register("financien/begroting", BegrotingsregelViewSet, basename="financien-begroting")
router.register("financien/mutaties", MutatieViewSet, basename="financien-mutatie")

urlpatterns = router.urls
