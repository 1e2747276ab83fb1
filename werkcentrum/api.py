"""REST API of the core domain under /api/v1/: the same scoping as the UI."""

from __future__ import annotations

import json

from django.conf import settings
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from . import paginering, versies
from .models import Gemeente, Locatie, Openingstijd, Organisatie
from .tenancy import ziet_alle_regios

# A kept API list is shown for at most this long after a write without signals
# (QuerySet.update) or a field that moves with the clock.
LIJST_SECONDEN = 60


class OnthoudenLijstMixin:
    """The list's data kept under the request's inputs (path, query string, who asks, today,
    language; see paginering.invoer) and the host it links to, while the models it read are
    unchanged (versies.gemeten_onthouden). Integrations poll these lists all day, and most
    polls find nothing new: serializing the page again cost ten milliseconds each. What a
    subclass does around super().list() (the audit of a kandidaat list) runs every time."""

    def list(self, request, *args, **kwargs):
        invoer = paginering.invoer(request)
        if invoer is None:
            return super().list(request, *args, **kwargs)
        sleutel = versies.sleutel(
            "api", type(self).__module__, type(self).__qualname__, request.get_host(),
            request.is_secure(), invoer,
        )  # fmt: skip
        data = versies.gemeten_onthouden(
            sleutel,
            lambda: _gewoon(super(OnthoudenLijstMixin, self).list(request, *args, **kwargs).data),
            LIJST_SECONDEN,
            controleren=getattr(settings, "WERKCENTRUM_LIJSTEN_CONTROLEREN", False),
        )
        return Response(data)


def _gewoon(data):
    """Plain dicts and lists as the JSON shows them: DRF's ReturnDict holds its serializer
    (with the queryset and request), which must not be pickled into the cache."""
    return json.loads(JSONRenderer().render(data))


class RegioScopedViewSetMixin(OnthoudenLijstMixin):
    """Every list and detail limited to the user's regio; new objects land in it; lists kept
    (OnthoudenLijstMixin)."""

    def get_queryset(self):
        return super().get_queryset().voor(self.request.user)

    def perform_create(self, serializer) -> None:
        user = self.request.user
        if ziet_alle_regios(user):
            if "regio" not in serializer.validated_data:
                raise ValidationError({"regio": "Kies een regio."})
            serializer.save()
        else:
            serializer.save(regio=user.regio)


class GemeenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["id", "naam", "cbs_code", "subregio", "is_centrumgemeente"]


class OrganisatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisatie
        fields = ["id", "naam", "type", "gemeente", "website", "email", "telefoon", "actief"]


class OpeningstijdSerializer(serializers.ModelSerializer):
    class Meta:
        model = Openingstijd
        fields = ["weekdag", "begintijd", "eindtijd"]


class LocatieSerializer(serializers.ModelSerializer):
    openingstijden = OpeningstijdSerializer(many=True, read_only=True)

    class Meta:
        model = Locatie
        fields = [
            "id",
            "naam",
            "gemeente",
            "organisatie",
            "straat",
            "postcode",
            "plaats",
            "toelichting",
            "actief",
            "openingstijden",
        ]


class GemeenteViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Gemeente.objects.order_by("naam")
    serializer_class = GemeenteSerializer


class OrganisatieViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Organisatie.objects.select_related("gemeente").order_by("naam")
    serializer_class = OrganisatieSerializer


class LocatieViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Locatie.objects.prefetch_related("openingstijden").order_by("naam")
    serializer_class = LocatieSerializer
