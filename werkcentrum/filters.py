"""The filters of the core's lists (werkcentrum.lists)."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, Locatie, Organisatie


def _gemeenten(request):
    if request is None:
        return Gemeente.objects.none()
    return Gemeente.objects.voor(request.user).order_by("naam")


class LocatieFilter(filters.FilterSet):
    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    gemeente = filters.ModelChoiceFilter(
        label=_("Gemeente"), queryset=_gemeenten, empty_label=_("Alle gemeenten")
    )

    class Meta:
        model = Locatie
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(naam__icontains=value) | Q(straat__icontains=value) | Q(plaats__icontains=value)
        )


class OrganisatieFilter(filters.FilterSet):
    zoek = filters.CharFilter(
        label=_("Zoeken"), field_name="naam", lookup_expr="icontains", max_length=100
    )
    type = filters.ChoiceFilter(
        label=_("Soort organisatie"),
        choices=Organisatie.Type.choices,
        empty_label=_("Alle soorten"),
    )

    class Meta:
        model = Organisatie
        fields: list[str] = []
