"""REST API of rba: vergaderingen, besluiten and acties (same scoping and roles as the UI),
plus the public besluiten of a regio without login."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from werkcentrum.api_fields import RegioScopedRelationsMixin, actieve_medewerkers
from werkcentrum.models import Arbeidsmarktregio

from . import audit, filters, selectors, services
from .models import Actie, Agendapunt, Besluit, Overlegorgaan, Vergadering


class AgendapuntSerializer(serializers.ModelSerializer):
    # Plain string: an enum here would collide with Besluit.type in the schema's enum names.
    type = serializers.CharField(
        read_only=True, help_text="besluitvorming, bespreking, informatie of evaluatie"
    )

    class Meta:
        model = Agendapunt
        fields = [
            "id",
            "volgorde",
            "titel",
            "type",
            "toelichting",
            "onderwerp",
            "evaluatie_periode",
        ]


class VergaderingSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    orgaan_naam = serializers.CharField(source="orgaan.naam", read_only=True)
    agendapunten = AgendapuntSerializer(many=True, read_only=True)

    class Meta:
        model = Vergadering
        fields = [
            "id",
            "orgaan",
            "orgaan_naam",
            "datum",
            "aanvang",
            "einde",
            "locatie",
            "online_link",
            "status",
            "agenda_gepubliceerd_op",
            "agendapunten",
        ]


class BesluitSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    orgaan = serializers.PrimaryKeyRelatedField(
        queryset=Overlegorgaan.objects.all(), required=False, allow_null=True
    )
    agendapunt = serializers.PrimaryKeyRelatedField(
        queryset=Agendapunt.objects.all(), required=False, allow_null=True
    )
    vervangt_nummer = serializers.CharField(
        source="vervangt.nummer", read_only=True, default=None, allow_null=True
    )
    type = serializers.ChoiceField(choices=Besluit.Type.choices, default=Besluit.Type.OVERIG)

    class Meta:
        model = Besluit
        fields = [
            "id",
            "nummer",
            "orgaan",
            "agendapunt",
            "onderwerp",
            "datum",
            "titel",
            "besluittekst",
            "type",
            "besluitvorming",
            "status",
            "bedrag",
            "fonds",
            "openbaar",
            "vervangt",
            "vervangt_nummer",
            "genomen_op",
        ]
        read_only_fields = ["nummer", "vervangt", "genomen_op", "onderwerp"]

    def validate_status(self, value: str) -> str:
        if value not in (Besluit.Status.VOORGESTELD, Besluit.Status.GENOMEN):
            raise ValidationError("Een nieuw besluit is voorgesteld of genomen.")
        return value


class OpenbaarBesluitSerializer(serializers.ModelSerializer):
    orgaan = serializers.CharField(source="orgaan.naam", read_only=True, default=None)
    vervangt = serializers.CharField(source="vervangt.nummer", read_only=True, default=None)
    # Plain string here so the enum has one home (Besluit) and a stable schema name.
    type = serializers.CharField(read_only=True, help_text="Zie BesluitTypeEnum.")

    class Meta:
        model = Besluit
        fields = [
            "nummer",
            "orgaan",
            "datum",
            "titel",
            "besluittekst",
            "type",
            "bedrag",
            "fonds",
            "vervangt",
        ]


class ActieSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    orgaan = serializers.PrimaryKeyRelatedField(queryset=Overlegorgaan.objects.all())
    # As the UI's ActieForm: an active medewerker of the regio (or a name and address).
    relation_limits = {"eigenaar": actieve_medewerkers}

    class Meta:
        model = Actie
        fields = [
            "id",
            "orgaan",
            "vergadering",
            "besluit",
            "onderwerp",
            "omschrijving",
            "eigenaar",
            "eigenaar_naam",
            "eigenaar_email",
            "deadline",
            "status",
            "afgerond_op",
        ]
        read_only_fields = ["afgerond_op"]

    def validate(self, attrs):
        # Model validation runs in the service (which sets regio); skip ModelSerializer's.
        return attrs


class VergaderingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = VergaderingSerializer
    queryset = Vergadering.objects.all()
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.VergaderingFilter

    def get_queryset(self):
        return (
            selectors.vergaderingen_voor(user=self.request.user)
            .prefetch_related("agendapunten")
            .order_by("-datum")
        )


class BesluitViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Besluiten of the user's regio. POST records one with the next number; a genomen
    besluit can never be changed (there is no PUT/PATCH/DELETE)."""

    serializer_class = BesluitSerializer
    queryset = Besluit.objects.all()
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.BesluitFilter

    def get_queryset(self):
        return selectors.besluiten_lijst(user=self.request.user)

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        status = data.pop("status", Besluit.Status.VOORGESTELD)
        serializer.instance = services.besluit_vastleggen(
            door=self.request.user, status=status, **data
        )


class ActieViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    serializer_class = ActieSerializer
    queryset = Actie.objects.all()
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.ActieFilter

    def get_queryset(self):
        return selectors.acties_voor(user=self.request.user).order_by("deadline", "pk")

    # An actie may name an owner from outside the portal: every read of one is logged, as on
    # the actielijst.
    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        # The answer holds eigenaar_naam and eigenaar_email as stored, whoever the owner.
        ids = [
            r["id"]
            for r in response.data.get("results", [])
            if r.get("eigenaar_naam") or r.get("eigenaar_email")
        ]
        audit.actie_ids_ingezien(ids, user=request.user, context="api")
        return response

    def retrieve(self, request, *args, **kwargs):
        actie = self.get_object()
        ids = [actie.pk] if actie.noemt_persoon else []
        audit.actie_ids_ingezien(ids, user=request.user, context="api")
        return super().retrieve(request, *args, **kwargs)

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = services.actie_vastleggen(
            orgaan=data.pop("orgaan"), door=self.request.user, **data
        )

    def perform_update(self, serializer) -> None:
        data = dict(serializer.validated_data)
        data.pop("orgaan", None)
        serializer.instance = services.actie_vastleggen(
            actie=serializer.instance, door=self.request.user, **data
        )


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "regio",
                OpenApiTypes.STR,
                required=True,
                description="Code van de regio, bijv. zkij",
            )
        ]
    )
)
class OpenbaarBesluitViewSet(viewsets.ReadOnlyModelViewSet):
    """Public: the besluiten a regio marked openbaar and took. No login needed."""

    serializer_class = OpenbaarBesluitSerializer
    permission_classes = [AllowAny]
    authentication_classes: list = []
    lookup_field = "nummer"
    lookup_value_regex = "[A-Za-z0-9-]+"
    queryset = Besluit.objects.none()

    def get_queryset(self):
        code = self.request.query_params.get("regio", "")
        regio = get_object_or_404(Arbeidsmarktregio, code=code)
        return selectors.openbare_besluiten(regio).order_by("-datum", "-nummer")
