"""REST endpoints of financien under /api/v1/ (same scoping and permissions as the UI)."""

from rest_framework.routers import SimpleRouter

router = SimpleRouter()

urlpatterns = router.urls
