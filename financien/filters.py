"""The filters of the grootboek (werkcentrum.lists): one FilterSet serves the page and its API
list. Choice lists are scoped to the user's regio."""

from __future__ import annotations

from datetime import date

import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rba.models import Besluit
from werkcentrum.forms import SelectWidget

from .models import Begrotingspost, Geldstroom, Mutatie


def _scoped(model, **extra):
    def queryset(request):
        if request is None:
            return model.objects.none()
        return model.objects.voor(request.user).filter(**extra)

    return queryset


class MutatieFilter(filters.FilterSet):
    zoek = filters.CharFilter(
        label=_("Zoeken in omschrijving of kenmerk"), method="zoeken", max_length=100
    )
    jaar = filters.NumberFilter(
        label=_("Jaar"), method="in_jaar", min_value=2000, max_value=2100, decimal_places=0
    )
    soort = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Soort"),
        choices=Mutatie.Soort.choices,
        empty_label=_("Alle soorten"),
    )
    geldstroom = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Geldstroom"),
        queryset=_scoped(Geldstroom),
        empty_label=_("Alle geldstromen"),
    )
    begrotingspost = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Begrotingspost"),
        queryset=_scoped(Begrotingspost),
        empty_label=_("Alle begrotingsposten"),
    )
    besluit = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("RBA-besluit"),
        queryset=_scoped(Besluit, type=Besluit.Type.INZET_REGIONALE_MIDDELEN),
        empty_label=_("Alle besluiten"),
    )
    rubriek = filters.CharFilter(widget=forms.HiddenInput, max_length=20)
    verplichting = filters.NumberFilter(
        field_name="verplichting_id", widget=forms.HiddenInput, decimal_places=0
    )

    class Meta:
        model = Mutatie
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(Q(omschrijving__icontains=value) | Q(kenmerk__icontains=value))

    def in_jaar(self, queryset, _name, value):
        jaar = int(value)
        return queryset.filter(datum__gte=date(jaar, 1, 1), datum__lte=date(jaar, 12, 31))
