"""REST API of the loket under /api/v1/: gesprekken (create/list), diensten (read),
doorverwijzingen (partner status updates). Same scoping and services as the UI."""

from __future__ import annotations

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from werkcentrum.api import RegioScopedViewSetMixin
from werkcentrum.api_fields import RegioScopedRelationsMixin
from werkcentrum.models import Gemeente, Locatie
from werkcentrum.validators import enkele_regel_validator

from . import filters, selectors, services
from .models import Dienst, Doelgroep, Doorverwijzing, Gesprek, Thema
from .regiolijsten import doelgroepen_voor


class _VoorafGeladenThemas(serializers.ManyRelatedField):
    """Reads the themas from the list the list view prefetched (`thema_lijst`): a related
    manager and queryset per row cost more than the rest of the row. Writes as usual."""

    def get_attribute(self, instance):
        if hasattr(instance, "thema_lijst"):
            return instance.thema_lijst
        return super().get_attribute(instance)


class GesprekSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    regio_lijsten = {"doelgroep": doelgroepen_voor}
    doelgroep = serializers.SlugRelatedField(slug_field="code", queryset=Doelgroep.objects.all())
    themas = _VoorafGeladenThemas(
        child_relation=serializers.SlugRelatedField(slug_field="code", queryset=Thema.objects.all())
    )
    locatie = serializers.PrimaryKeyRelatedField(
        queryset=Locatie.objects.all(), required=False, allow_null=True
    )
    woongemeente = serializers.PrimaryKeyRelatedField(
        queryset=Gemeente.objects.all(), required=False, allow_null=True
    )
    bezoekcode = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Gesprek
        fields = [
            "id",
            "datum",
            "locatie",
            "kanaal",
            "doelgroep",
            "themas",
            "leeftijdscategorie",
            "woongemeente",
            "uitkomst",
            "notitie",
            "bezoekcode",
        ]
        read_only_fields = ["id", "datum", "bezoekcode"]


class GesprekViewSet(
    RegioScopedViewSetMixin, mixins.CreateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    queryset = Gesprek.objects.select_related("doelgroep", "bezoekcode").prefetch_related(
        Prefetch("themas", to_attr="thema_lijst")
    )
    serializer_class = GesprekSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.GesprekFilter

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gesprek = services.gesprek_registreren(gids=request.user, **serializer.validated_data)
        return Response(self.get_serializer(gesprek).data, status=status.HTTP_201_CREATED)


class DienstSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    organisatie = serializers.StringRelatedField()
    themas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    doelgroepen = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Dienst
        fields = [
            "id",
            "naam",
            "organisatie",
            "omschrijving",
            "themas",
            "doelgroepen",
            "gemeenten",
            "hoe_doorverwijzen",
            "reactietermijn_werkdagen",
            "contact",
            "gepubliceerd",
            "actief",
        ]


class DienstViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = (
        Dienst.objects.select_related("organisatie")
        .prefetch_related("themas", "doelgroepen", "gemeenten")
        .order_by("naam")
    )
    serializer_class = DienstSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.DienstFilter


class DoorverwijzingSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    dienst = serializers.StringRelatedField()
    organisatie = serializers.StringRelatedField()
    # Referred by the WSP on behalf of this werkgever (issue 23 point 4); null otherwise.
    werkgever = serializers.CharField(source="werkgever.naam", read_only=True, allow_null=True)
    aanleiding = serializers.ChoiceField(
        choices=Doorverwijzing.Aanleiding.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Doorverwijzing
        fields = [
            "id",
            "dienst",
            "organisatie",
            "werkgever",
            "aanleiding",
            "status",
            "verstuurd_op",
            "ontvangen_op",
            "contact_gelegd_op",
            "afgesloten_op",
            "reden_niet_gelukt",
        ]
        read_only_fields = fields


class StatusSerializer(serializers.Serializer):
    # A plain string here (the service refuses unknown and backward steps with a message):
    # a second enum named "status" would collide in the schema with other apps' enums.
    status = serializers.CharField(
        max_length=20,
        help_text="ontvangen, contact_gelegd, afgerond of niet_gelukt",
        validators=[enkele_regel_validator],
    )
    toelichting = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=300,
        default="",
        validators=[enkele_regel_validator],
    )


class DoorverwijzingViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Without personal data: the partner reads those in the UI, where the access is logged."""

    queryset = Doorverwijzing.objects.all()
    serializer_class = DoorverwijzingSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.DoorverwijzingFilter

    def get_queryset(self):
        return selectors.doorverwijzingen_voor(user=self.request.user).order_by("-verstuurd_op")

    @extend_schema(request=StatusSerializer, responses=DoorverwijzingSerializer)
    @action(detail=True, methods=["patch"])
    def status(self, request, pk=None):
        dv = self.get_object()
        invoer = StatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        dv = services.doorverwijzing_status_wijzigen(
            doorverwijzing=dv, door=request.user, **invoer.validated_data
        )
        return Response(DoorverwijzingSerializer(dv).data)
