"""REST API of the core domain under /api/v1/: the same scoping as the UI."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from .models import Gemeente, Locatie, Openingstijd, Organisatie
from .tenancy import ziet_alle_regios


def exception_handler(exc, context):
    """REST_FRAMEWORK's EXCEPTION_HANDLER: DRF's own, plus what services raise, so no API view
    needs a try/except of its own. Django's ValidationError is a 400 with the messages per
    field (the rest under non_field_errors, as a serializer's); a PermissionError (a service's
    "not allowed") is a 403 with its message. Django's PermissionDenied and Http404 DRF
    handles itself (403, 404)."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_validation_detail(exc))
    elif isinstance(exc, PermissionError):
        exc = exceptions.PermissionDenied(str(exc))
    return drf_exception_handler(exc, context)


def _validation_detail(exc: DjangoValidationError) -> dict[str, list[str]]:
    if not hasattr(exc, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    detail: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        key = api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field
        detail.setdefault(key, []).extend(messages)
    return detail


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
