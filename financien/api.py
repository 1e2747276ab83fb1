"""REST API of the reserve under /api/v1/: funds and begroting (read, with their figures) and
the grootboek (read; create through the same booking services as the UI). Scoped to the
user's regio; permissions from the roles (mutaties only for the financieel beheerder)."""

from __future__ import annotations

from typing import Any

from django.db.models import DecimalField, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from rba.models import Besluit
from werkcentrum.api import RegioScopedViewSetMixin
from werkcentrum.api_fields import RegioScopedRelationsMixin
from werkcentrum.validators import enkele_regel_validator

from . import services
from .filters import MutatieFilter
from .models import Begrotingspost, Begrotingsregel, Geldstroom, Mutatie
from .saldi import NUL

BEDRAG = {"max_digits": 16, "decimal_places": 2, "read_only": True}


def _fonds_som(rubriek: str):
    return Coalesce(
        Sum(
            F("mutaties__teken") * F("mutaties__bedrag"),
            filter=Q(mutaties__rubriek=rubriek),
            output_field=DecimalField(max_digits=16, decimal_places=2),
        ),
        NUL,
        output_field=DecimalField(max_digits=16, decimal_places=2),
    )


class GeldstroomSerializer(serializers.ModelSerializer):
    gestort = serializers.DecimalField(**BEDRAG)
    verplicht = serializers.DecimalField(**BEDRAG)
    gerealiseerd = serializers.DecimalField(**BEDRAG)
    saldo = serializers.DecimalField(**BEDRAG)
    vrij = serializers.DecimalField(**BEDRAG)

    class Meta:
        model = Geldstroom
        fields = [
            "id",
            "naam",
            "bron",
            "regeling",
            "voorwaarden",
            "einddatum",
            "actief",
            "gestort",
            "verplicht",
            "gerealiseerd",
            "saldo",
            "vrij",
        ]


class GeldstroomViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = GeldstroomSerializer
    queryset = (
        Geldstroom.objects.annotate(
            gestort=_fonds_som("storting"),
            aangegaan=_fonds_som("verplichting"),
            vrijgevallen=_fonds_som("vrijval"),
            gerealiseerd=_fonds_som("realisatie"),
        )
        .annotate(
            verplicht=F("aangegaan") - F("vrijgevallen"),
            saldo=F("gestort") - F("gerealiseerd"),
        )
        .annotate(vrij=F("gestort") - F("verplicht"))
        .order_by("naam")
    )


def _post_som(rubriek: str, **extra) -> Subquery:
    return Coalesce(
        Subquery(
            Mutatie.objects.filter(
                begrotingspost=OuterRef("begrotingspost"),
                datum__year=OuterRef("jaar"),
                rubriek=rubriek,
                **extra,
            )
            .order_by()
            .values("begrotingspost")
            .annotate(
                s=Sum(
                    F("teken") * F("bedrag"),
                    output_field=DecimalField(max_digits=16, decimal_places=2),
                )
            )
            .values("s"),
            output_field=DecimalField(max_digits=16, decimal_places=2),
        ),
        NUL,
        output_field=DecimalField(max_digits=16, decimal_places=2),
    )


class BegrotingsregelSerializer(serializers.ModelSerializer):
    begrotingspost_code = serializers.CharField(source="begrotingspost.code", read_only=True)
    begrotingspost_naam = serializers.CharField(source="begrotingspost.naam", read_only=True)
    verplicht = serializers.DecimalField(**BEDRAG)
    gerealiseerd = serializers.DecimalField(**BEDRAG)
    vrij = serializers.DecimalField(**BEDRAG)

    class Meta:
        model = Begrotingsregel
        fields = [
            "id",
            "jaar",
            "begrotingspost",
            "begrotingspost_code",
            "begrotingspost_naam",
            "begroot",
            "verplicht",
            "gerealiseerd",
            "vrij",
            "toelichting",
        ]


class BegrotingsregelViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Begroot per year and budget line; verplicht/gerealiseerd count that year's mutaties;
    vrij = begroot - verplicht - realised this year on verplichtingen of earlier years."""

    serializer_class = BegrotingsregelSerializer
    queryset = (
        Begrotingsregel.objects.select_related("begrotingspost")
        .annotate(
            aangegaan=_post_som("verplichting"),
            vrijgevallen=_post_som("vrijval"),
            gerealiseerd=_post_som("realisatie"),
            eerder=_post_som("realisatie", verplichting__datum__year__lt=OuterRef("jaar")),
        )
        .annotate(verplicht=F("aangegaan") - F("vrijgevallen"))
        .annotate(vrij=F("begroot") - F("verplicht") - F("eerder"))
        .order_by("-jaar", "begrotingspost__code")
    )

    def get_queryset(self):
        qs = super().get_queryset()
        if jaar := self.request.query_params.get("jaar"):
            # isascii: "²".isdigit() is true as well, and int() refuses it.
            qs = qs.filter(jaar=jaar) if jaar.isascii() and jaar.isdigit() else qs.none()
        return qs


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^(" + "|".join(Mutatie.Soort.values) + ")$",
        "description": "Soort mutatie: " + ", ".join(Mutatie.Soort.values) + ".",
    }
)
class SoortField(serializers.ChoiceField):
    """Documented as a pattern, not an enum: drf-spectacular names enums by field name and
    "soort" is also an enum in the wsp API (a naming collision fails `check --deploy`)."""

    def __init__(self, **kwargs):
        super().__init__(choices=Mutatie.Soort.choices, **kwargs)


class MutatieSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    soort = SoortField(read_only=True)

    class Meta:
        model = Mutatie
        fields = [
            "id",
            "soort",
            "rubriek",
            "teken",
            "datum",
            "bedrag",
            "geldstroom",
            "begrotingspost",
            "besluit",
            "verplichting",
            "corrigeert",
            "omschrijving",
            "kenmerk",
            "geboekt_door",
            "geboekt_op",
        ]
        read_only_fields = fields


class MutatieBoekenSerializer(RegioScopedRelationsMixin, serializers.Serializer):
    """Input for a booking; the service applies every ledger rule."""

    soort = SoortField()
    datum = serializers.DateField()
    bedrag = serializers.CharField(
        required=False,
        help_text='Decimaal met hoogstens twee cijfers, bijv. "1250.00".',
        validators=[enkele_regel_validator],
    )
    omschrijving = serializers.CharField(max_length=300, validators=[enkele_regel_validator])
    kenmerk = serializers.CharField(
        max_length=60, required=False, default="", validators=[enkele_regel_validator]
    )
    # Scoped to the user's regio by RegioScopedRelationsMixin.
    geldstroom = serializers.PrimaryKeyRelatedField(
        queryset=Geldstroom.objects.all(), required=False
    )
    besluit = serializers.PrimaryKeyRelatedField(queryset=Besluit.objects.all(), required=False)
    begrotingspost = serializers.PrimaryKeyRelatedField(
        queryset=Begrotingspost.objects.all(), required=False
    )
    verplichting = serializers.PrimaryKeyRelatedField(
        queryset=Mutatie.objects.all(),
        required=False,
        help_text="De verplichting (realisatie, vrijval) of de te corrigeren mutatie.",
    )

    def boeken(self, *, door: Any) -> Mutatie:
        data = dict(self.validated_data)
        soort = data.pop("soort")
        gemeen = {k: data[k] for k in ("datum", "omschrijving", "kenmerk")}
        nodig = {
            "storting": ("geldstroom", "bedrag"),
            "verplichting": ("geldstroom", "besluit", "begrotingspost", "bedrag"),
            "realisatie": ("verplichting", "bedrag"),
            "vrijval": ("verplichting", "bedrag"),
            "correctie": ("verplichting",),
        }[soort]
        ontbreekt = {v: "Dit veld is verplicht." for v in nodig if data.get(v) is None}
        if ontbreekt:
            raise ValidationError(ontbreekt)
        if soort == "storting":
            return services.storting_boeken(
                geldstroom=data["geldstroom"], bedrag=data["bedrag"], door=door, **gemeen
            )
        if soort == "verplichting":
            return services.verplichting_boeken(
                geldstroom=data["geldstroom"],
                besluit=data["besluit"],
                begrotingspost=data["begrotingspost"],
                bedrag=data["bedrag"],
                door=door,
                **gemeen,
            )
        if soort in ("realisatie", "vrijval"):
            functie = (
                services.realisatie_boeken if soort == "realisatie" else services.vrijval_boeken
            )
            return functie(
                verplichting=data["verplichting"], bedrag=data["bedrag"], door=door, **gemeen
            )
        return services.mutatie_corrigeren(mutatie=data["verplichting"], door=door, **gemeen)


class MutatieViewSet(
    RegioScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The grootboek: read, and book new mutaties (never change or delete one)."""

    queryset = Mutatie.objects.order_by("-datum", "-pk")
    serializer_class = MutatieSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = MutatieFilter

    def get_serializer_class(self):
        return MutatieBoekenSerializer if self.action == "create" else MutatieSerializer

    @extend_schema(request=MutatieBoekenSerializer, responses={201: MutatieSerializer})
    def create(self, request, *args, **kwargs):
        invoer = MutatieBoekenSerializer(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        mutatie = invoer.boeken(door=request.user)
        return Response(MutatieSerializer(mutatie).data, status=status.HTTP_201_CREATED)
