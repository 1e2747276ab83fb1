from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("gemeenten", api.GemeenteViewSet)
router.register("organisaties", api.OrganisatieViewSet)
router.register("locaties", api.LocatieViewSet)
