"""REST API of the WSP under /api/v1/: the same scoping, permissions and rules as the UI.

Filters are plain query parameters (documented in the schema). Writes go through the services,
so the API cannot bypass a rule (KvK, consent, duplicates, object rights)."""

from __future__ import annotations

from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from werkcentrum.api import RegioScopedViewSetMixin
from werkcentrum.api_fields import ONBEKEND, RegioScopedRelationsMixin, medewerkers_met_rol
from werkcentrum.api_permissions import RegioModelPermissions
from werkcentrum.doelbinding import DOEL_API_PARAMETERS, doel_uit_api
from werkcentrum.validators import enkele_regel_validator

from . import audit, filters, selectors, services
from .models import (
    Doelstelling,
    Kandidaat,
    NazorgMoment,
    Overdracht,
    Plaatsing,
    Vacature,
    Voordracht,
    Werkgever,
)
from .regiolijsten import sectoren_voor
from .services.overdracht import KANDIDAATVELDEN


def _statusveld(keuzes) -> serializers.CharField:
    """Several apps have a field called `status` with different choices; as enums their
    schema names would collide (a warning fails `check --deploy`), so the choices are listed
    in the description instead."""

    return serializers.CharField(read_only=True, help_text="Een van: " + ", ".join(keuzes.values))


class WerkgeverSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    # As the UI's WerkgeverForm: an active adviseur or manager of the regio, never the
    # platform superuser (a request routed to them would leave the regio).
    relation_limits = {"accounthouder": medewerkers_met_rol("wsp_adviseur", "wsp_manager")}
    regio_lijsten = {"sector": sectoren_voor}
    cluster = serializers.CharField(
        source="sector.cluster.code", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = Werkgever
        fields = [
            "id",
            "naam",
            "kvk_nummer",
            "sector",
            "cluster",
            "partnerschap",
            "accounthouder",
            "website",
            "telefoon",
            "email",
            "externe_id",
            "actief",
        ]
        # Uniqueness per regio is checked by the service (the regio is not a field here).
        validators: list = []


class VacatureSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    regio_lijsten = {"sector": sectoren_voor}
    status = _statusveld(Vacature.Status)
    skills = serializers.SlugRelatedField(slug_field="naam", many=True, read_only=True)

    class Meta:
        model = Vacature
        fields = [
            "id",
            "werkgever",
            "functie",
            "omschrijving",
            "uren_per_week",
            "gemeente",
            "sector",
            "opleidingsniveau",
            "skills",
            "startdatum",
            "sluitingsdatum",
            "status",
            "doelgroepen",
            "is_vacaturecreatie",
            "is_openbaar",
            "beroepscode",
            "externe_id",
        ]


class VacatureStatusSerializer(serializers.Serializer):
    # A CharField, not a ChoiceField: a `status` enum would collide in the schema (see
    # _statusveld); the service refuses an unknown value with a Dutch message.
    status = serializers.CharField(
        max_length=20,
        help_text="De nieuwe status, een van: " + ", ".join(Vacature.Status.values),
        validators=[enkele_regel_validator],
    )
    sluitingsdatum = serializers.DateField(
        required=False, help_text="Alleen bij heropenen: een datum na vandaag."
    )


class KandidaatSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    skills = serializers.SlugRelatedField(slug_field="naam", many=True, read_only=True)

    class Meta:
        model = Kandidaat
        fields = [
            "id",
            "voornaam",
            "achternaam",
            "woongemeente",
            "doelgroep",
            "doelgroepregister",
            "werkfit",
            "skills",
            "gewenst_beroep",
            "opleidingsniveau",
            "taalniveau",
            "rijbewijs",
            "uren_per_week",
            "beschikbaar_vanaf",
            "overgedragen_door",
            "overgedragen_op",
            "toestemming",
            "toestemming_op",
            "externe_id",
            "actief",
        ]


class VoordrachtSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    status = _statusveld(Voordracht.Status)

    class Meta:
        model = Voordracht
        fields = ["id", "vacature", "kandidaat", "status", "afwijsreden", "score", "voorgesteld_op"]


class DoelstellingSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = Doelstelling
        fields = ["id", "jaar", "doelgroep", "gemeente", "aantal"]
        extra_kwargs = {"gemeente": {"help_text": "Gemeente-id; leeg (null) voor de hele regio."}}
        # Uniqueness (partial, per regio) and the sum rule are checked by the service.
        validators: list = []


class NazorgMomentSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    class Meta:
        model = NazorgMoment
        fields = [
            "id",
            "plaatsing",
            "soort",
            "vervaldatum",
            "afgerond_op",
            "uitkomst",
            "nog_in_dienst",
            "vervolg",
        ]


class PlaatsingSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    nazorgmomenten = NazorgMomentSerializer(many=True, read_only=True)
    is_duurzaam = serializers.BooleanField(read_only=True)

    class Meta:
        model = Plaatsing
        fields = [
            "id",
            "werkgever",
            "kandidaat",
            "voordracht",
            "startdatum",
            "contractvorm",
            "uren_per_week",
            "doelgroep",
            "woongemeente",
            "instrumenten",
            "is_duurzaam",
            "nazorgmomenten",
        ]
        read_only_fields = ["doelgroep", "woongemeente", "voordracht"]
        validators: list = []


def _param(naam: str, omschrijving: str, soort=OpenApiTypes.STR) -> OpenApiParameter:
    return OpenApiParameter(naam, soort, OpenApiParameter.QUERY, description=omschrijving)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("naam", "Deel van de naam"),
            _param("kvk_nummer", "KvK-nummer"),
            _param("cluster", "Clustercode"),
            _param("gemeente", "Gemeente-id van een vestiging", OpenApiTypes.INT),
            _param("accounthouder", "Medewerker-id", OpenApiTypes.INT),
        ]
    )
)
class WerkgeverViewSet(
    RegioScopedViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    queryset = Werkgever.objects.select_related("sector__cluster").order_by("naam", "pk")
    serializer_class = WerkgeverSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.WerkgeverApiFilter

    def perform_create(self, serializer) -> None:
        user = self.request.user
        if user.regio is None:
            raise ValidationError({"regio": "Een platformbeheerder registreert geen werkgevers."})
        serializer.instance = services.werkgever_registreren(
            regio=user.regio, door=user, **serializer.validated_data
        )

    def perform_update(self, serializer) -> None:
        serializer.instance = services.werkgever_bijwerken(
            werkgever=serializer.instance, door=self.request.user, **serializer.validated_data
        )


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("status", "Status"),
            _param("werkgever", "Werkgever-id", OpenApiTypes.INT),
            _param("gemeente", "Gemeente-id", OpenApiTypes.INT),
        ]
    )
)
class VacatureViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Vacature.objects.prefetch_related("skills").order_by("sluitingsdatum", "pk")
    serializer_class = VacatureSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.VacatureFilter

    def get_extra_action_url_map(self):
        # The browsable API would list `status` in an "Extra Actions" menu whose markup
        # carries style=""; the strict CSP forbids that, and the schema documents the action.
        return {}

    @extend_schema(request=VacatureStatusSerializer, responses=VacatureSerializer)
    @action(detail=True, methods=["patch"])
    def status(self, request, pk=None):
        """Change the status by the same rules as the UI (services.vacature_status_wijzigen)."""
        vacature = self.get_object()
        invoer = VacatureStatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        vacature = services.vacature_status_wijzigen(
            vacature=vacature, door=request.user, **invoer.validated_data
        )
        return Response(VacatureSerializer(vacature).data)


@extend_schema_view(
    list=extend_schema(
        parameters=[_param("doelgroep", "Doelgroep"), _param("actief", "true/false")]
    )
)
class KandidaatViewSet(RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Every read is written to the logboek dataverwerkingen."""

    queryset = Kandidaat.objects.prefetch_related("skills").order_by("achternaam", "pk")
    serializer_class = KandidaatSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.KandidaatFilter

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        ids = [r["id"] for r in response.data.get("results", [])]
        audit.kandidatenlijst_ingezien(user=request.user, ids=ids, context="api")
        return response

    @extend_schema(parameters=DOEL_API_PARAMETERS)
    def retrieve(self, request, *args, **kwargs):
        kandidaat = self.get_object()  # 404 outside the regio before asking why
        audit.kandidaat_ingezien(kandidaat, user=request.user, doel=doel_uit_api(request))
        return super().retrieve(request, *args, **kwargs)


class KandidaatGegevensMixin:
    """Voordrachten, plaatsingen and nazorgmomenten are about one kandidaat (who was proposed,
    placed, still employed): every list and detail read names those kandidaten in the
    logboek, one event per request. `kandidaat_pad`: the lookup from the row to its kandidaat;
    a field of the row itself is read from the rows, a path through a relation costs one query
    for the shown rows only (annotating it would put the join into the page count as well,
    measured at 15 ms of an 80,000-row nazorg list)."""

    kandidaat_pad = "kandidaat_id"
    _getoond: list = []

    def paginate_queryset(self, queryset):
        pagina = super().paginate_queryset(queryset)
        self._getoond = list(pagina if pagina is not None else queryset)
        return pagina

    def get_object(self):
        obj = super().get_object()
        self._getoond = [obj]
        return obj

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        self._gelogd(request, context="api lijst")
        return response

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        self._gelogd(request, context="api detail")
        return response

    def _gelogd(self, request, *, context: str) -> None:
        model = self.queryset.model
        if "__" in self.kandidaat_pad:
            getoond = [o.pk for o in self._getoond]
            rijen = model.objects.filter(pk__in=getoond) if getoond else model.objects.none()
            ids = sorted(set(rijen.values_list(self.kandidaat_pad, flat=True)))
        else:
            ids = sorted({getattr(o, self.kandidaat_pad) for o in self._getoond})
        if ids:
            audit.kandidatenlijst_ingezien(
                user=request.user, ids=ids, context=f"{context} {model._meta.label_lower}"
            )


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("vacature", "Vacature-id", OpenApiTypes.INT),
            _param("kandidaat", "Kandidaat-id", OpenApiTypes.INT),
            _param("status", "Status"),
        ]
    )
)
class VoordrachtViewSet(
    KandidaatGegevensMixin, RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet
):
    queryset = Voordracht.objects.order_by("-voorgesteld_op", "pk")
    serializer_class = VoordrachtSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.VoordrachtFilter


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("werkgever", "Werkgever-id", OpenApiTypes.INT),
            _param("doelgroep", "Doelgroep"),
            _param("jaar", "Jaar van de startdatum", OpenApiTypes.INT),
        ]
    )
)
class PlaatsingViewSet(
    KandidaatGegevensMixin,
    RegioScopedViewSetMixin,
    mixins.CreateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    queryset = Plaatsing.objects.prefetch_related("nazorgmomenten").order_by("-startdatum", "-pk")
    serializer_class = PlaatsingSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.PlaatsingFilter

    def perform_create(self, serializer) -> None:
        # werkgever and kandidaat are of the user's regio (RegioScopedRelationsMixin).
        data = dict(serializer.validated_data)
        user = self.request.user
        serializer.instance = services.plaatsing_registreren(door=user, **data)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("plaatsing", "Plaatsing-id", OpenApiTypes.INT),
            _param("open", "true: alleen open momenten"),
        ]
    )
)
class NazorgMomentViewSet(
    KandidaatGegevensMixin, RegioScopedViewSetMixin, viewsets.ReadOnlyModelViewSet
):
    kandidaat_pad = "plaatsing__kandidaat_id"

    queryset = NazorgMoment.objects.order_by("vervaldatum", "pk")
    serializer_class = NazorgMomentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.NazorgMomentFilter


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("jaar", "Jaar", OpenApiTypes.INT),
            _param("doelgroep", "Doelgroep"),
            _param("gemeente", "Gemeente-id", OpenApiTypes.INT),
            _param("regio", "true: alleen de doelstellingen van de hele regio"),
        ]
    )
)
class DoelstellingViewSet(
    RegioScopedViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Targets per year and doelgroep, for the regio (gemeente null) or one gemeente. A POST
    for an existing (jaar, doelgroep, gemeente) changes its number."""

    queryset = Doelstelling.objects.order_by("jaar", "doelgroep", "gemeente", "pk")
    serializer_class = DoelstellingSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.DoelstellingFilter

    def _vastleggen(self, serializer, **vast) -> None:
        user = self.request.user
        if user.regio is None:
            raise ValidationError({"regio": "Een platformbeheerder legt geen doelstellingen vast."})
        data = {**serializer.validated_data, **vast}
        serializer.instance = services.doelstelling_vastleggen(regio=user.regio, door=user, **data)

    def perform_create(self, serializer) -> None:
        self._vastleggen(serializer)

    def perform_update(self, serializer) -> None:
        # The number changes; jaar, doelgroep and gemeente identify the row and stay. A PATCH
        # without a number keeps the one it has.
        doel = serializer.instance
        self._vastleggen(
            serializer,
            jaar=doel.jaar,
            doelgroep=doel.doelgroep,
            gemeente=doel.gemeente,
            aantal=serializer.validated_data.get("aantal", doel.aantal),
        )


# --- warme overdracht (issue 23 point 7) --------------------------------------------------


def _openbare_vacatures(queryset, user):
    """A partner offers for a vacature of the vacaturekrant: open, public, of the regio."""
    regio = getattr(user, "regio", None)  # schema generation: an anonymous request
    if regio is None:
        return queryset.none()
    return queryset.filter(
        pk__in=selectors.openbare_vacatures(regio=user.regio, vandaag=timezone.localdate()).values(
            "pk"
        )
    )


class OverdrachtSerializer(RegioScopedRelationsMixin, serializers.ModelSerializer):
    """A warme overdracht as its offerer and the WSP see it: the person's data, the consent,
    the decision and the ketenstatus; no WSP-internal notes."""

    relation_limits = {"vacature": _openbare_vacatures}
    # A field of the request only: "the person agreed" (what was agreed to is
    # toestemming_gegevens). Left out counts as no: the service refuses in Dutch.
    toestemming = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="true: de persoon geeft toestemming om deze gegevens met het WSP te delen.",
    )
    # Plain strings, not enums: `bron` and `status` exist with other choices elsewhere and
    # their schema names would collide (see _statusveld).
    bron = serializers.CharField(
        read_only=True,
        help_text="Bepaald door je organisatie, een van: " + ", ".join(Overdracht.Bron.values),
    )
    status = _statusveld(Overdracht.Status)
    ketenstatus = serializers.CharField(
        read_only=True,
        help_text="Wat er van de overdracht werd, een van: "
        + ", ".join(selectors.Ketenstatus.LABELS),
    )

    class Meta:
        model = Overdracht
        fields = [
            "id",
            "bron",
            "organisatie",
            "aangeboden_door",
            "aangeboden_op",
            "gesprek",
            "doorverwijzing",
            "traject",
            "vacature",
            *KANDIDAATVELDEN,
            "toelichting",
            "toestemming",
            "toestemming_gegevens",
            "toestemming_aan",
            "toestemming_op",
            "toestemming_door",
            "toestemming_ingetrokken_op",
            "status",
            "ketenstatus",
            "beoordeeld_op",
            "reden_teruggave",
            "kandidaat",
        ]
        # The loket origin is set by the loket's own pages, not by a partner's system.
        read_only_fields = [
            "organisatie",
            "aangeboden_door",
            "aangeboden_op",
            "gesprek",
            "doorverwijzing",
            "traject",
            "toestemming_aan",
            "toestemming_op",
            "toestemming_door",
            "toestemming_ingetrokken_op",
            "beoordeeld_op",
            "reden_teruggave",
            "kandidaat",
        ]
        extra_kwargs = {"vacature": {"help_text": "Optioneel: een open vacature uit de krant."}}
        # One open handover per person and the regio rules are the service's to check.
        validators: list = []

    def get_fields(self):
        fields = super().get_fields()
        gemeente = fields.get("woongemeente")
        if gemeente is not None and not gemeente.read_only:
            # The same words for elsewhere and nowhere (api_fields), plus what to do.
            gemeente.error_messages["does_not_exist"] = (
                f"{ONBEKEND} Kies de woongemeente binnen de regio van dit WSP, of draag over "
                "aan het WSP van de regio van de persoon."
            )
        return fields


class TeruggaveSerializer(serializers.Serializer):
    reden_teruggave = serializers.CharField(
        max_length=1000,
        validators=[enkele_regel_validator],
        help_text="Waarom het WSP teruggeeft; de aanbieder leest dit.",
        error_messages={
            "required": "Geef de reden waarom je teruggeeft.",
            "blank": "Geef de reden waarom je teruggeeft.",
        },
    )


class OverdrachtPermissions(RegioModelPermissions):
    """Offering is adding (loket and partners); deciding, `aannemen` and `teruggeven`, is
    changing (the WSP's roles)."""

    BESLUITEN = ("aannemen", "teruggeven")

    def has_permission(self, request, view) -> bool:
        if getattr(view, "action", None) in self.BESLUITEN:
            user = request.user
            return bool(user and user.is_authenticated and user.has_perm("wsp.change_overdracht"))
        return super().has_permission(request, view)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _param("status", "Een van: " + ", ".join(Overdracht.Status.values)),
            _param("bron", "Een van: " + ", ".join(Overdracht.Bron.values)),
            _param("gemeente", "Gemeente-id van de woongemeente", OpenApiTypes.INT),
            _param("vacature", "Vacature-id", OpenApiTypes.INT),
            _param("zoek", "Voornaam of achternaam"),
        ]
    ),
    retrieve=extend_schema(parameters=DOEL_API_PARAMETERS),
)
class OverdrachtViewSet(
    RegioScopedViewSetMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Warme overdracht to the WSP for partners' own systems. A gids or coordinator offers for
    the Werkcentrum, a partnermedewerker for their organisation (which decides the bron); each
    sees only the handovers the UI shows them (selectors.overdrachten_voor): a partner never
    another organisation's. The WSP decides with `aannemen` or `teruggeven`. Every read is
    written to the logboek dataverwerkingen."""

    queryset = Overdracht.objects.order_by("-aangeboden_op", "-pk")
    serializer_class = OverdrachtSerializer
    permission_classes = [OverdrachtPermissions]
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.OverdrachtFilter

    def get_extra_action_url_map(self):
        return {}  # as VacatureViewSet: the browsable API's menu breaks the CSP

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return super().get_queryset().none()
        # The selector scopes to the regio (as the mixin would) and then to the user's part.
        return selectors.overdrachten_voor(user=self.request.user)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        ids = [r["id"] for r in response.data.get("results", [])]
        if ids:
            audit.overdrachtenlijst_ingezien(user=request.user, ids=ids, context="api")
        return response

    def retrieve(self, request, *args, **kwargs):
        overdracht = self.get_object()  # 404 outside what the user sees, before asking why
        audit.overdracht_ingezien(overdracht, user=request.user, doel=doel_uit_api(request))
        return Response(self.get_serializer(overdracht).data)

    def perform_create(self, serializer) -> None:
        user = self.request.user
        if user.regio is None:
            raise ValidationError({"regio": "Een platformbeheerder biedt geen kandidaten aan."})
        data = dict(serializer.validated_data)
        overdracht = services.overdracht_aanbieden(
            regio=user.regio,
            door=user,
            toestemming=data.pop("toestemming", False),
            toestemming_gegevens=data.pop("toestemming_gegevens"),
            **data,
        )
        serializer.instance = self.get_queryset().get(pk=overdracht.pk)

    def _opnieuw(self, overdracht: Overdracht) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=overdracht.pk)).data)

    @extend_schema(request=None, responses=OverdrachtSerializer)
    @action(detail=True, methods=["post"])
    def aannemen(self, request, pk=None):
        """The WSP accepts: one kandidaat (its id in `kandidaat`), the data copied once."""
        overdracht = self.get_object()
        services.overdracht_aannemen(overdracht=overdracht, door=request.user)
        return self._opnieuw(overdracht)

    @extend_schema(request=TeruggaveSerializer, responses=OverdrachtSerializer)
    @action(detail=True, methods=["post"])
    def teruggeven(self, request, pk=None):
        """The WSP returns the person to who offered them, with the reason they read."""
        overdracht = self.get_object()
        invoer = TeruggaveSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.overdracht_teruggeven(
            overdracht=overdracht, door=request.user, reden=invoer.validated_data["reden_teruggave"]
        )
        return self._opnieuw(overdracht)
