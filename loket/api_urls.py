"""REST endpoints of loket under /api/v1/ (same scoping and permissions as the UI)."""

from rest_framework.routers import SimpleRouter

from .api import DienstViewSet, DoorverwijzingViewSet, GesprekViewSet

router = SimpleRouter()
router.register("loket/gesprekken", GesprekViewSet, basename="loket-gesprek")
router.register("loket/diensten", DienstViewSet, basename="loket-dienst")
router.register("loket/doorverwijzingen", DoorverwijzingViewSet, basename="loket-doorverwijzing")

urlpatterns = router.urls
