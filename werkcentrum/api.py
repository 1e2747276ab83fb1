"""REST API of the core domain under /api/v1/: the same scoping as the UI."""

from __future__ import annotations

from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from .models import Gemeente, Locatie, Openingstijd, Organisatie
from .tenancy import ziet_alle_regios


class RegioScopedViewSetMixin:
    """Every list and detail limited to the user's regio; new objects land in it. Scoping
    only: nothing here is kept between requests."""

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
