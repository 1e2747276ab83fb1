"""The filters of rba's lists (werkcentrum.lists): one FilterSet per list serves the page, its
export and its API list. Each filters a queryset the selector already scoped; choice lists
are scoped too (the public pages to the visited regio)."""

from __future__ import annotations

from datetime import date, datetime

import django_filters as filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.forms import DatumInput, SelectWidget

from .models import Actie, AgendaRegel, Besluit, Onderwerp, Overlegorgaan, Pijler, Vergadering


def _jaar_keuzes() -> list[tuple[str, str]]:
    nu = timezone.localdate().year
    return [(str(j), str(j)) for j in range(nu + 1, 2019, -1)]


def _in_jaar(veld: str):
    """A calendar year as a date range, so the (regio, datum) index serves it."""

    def filteren(queryset, _name, value: int):
        jaar = int(value)
        return queryset.filter(
            **{f"{veld}__gte": date(jaar, 1, 1), f"{veld}__lte": date(jaar, 12, 31)}
        )

    return filteren


def _jaar(veld: str) -> filters.ChoiceFilter:
    return filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Jaar"),
        choices=_jaar_keuzes,
        method=_in_jaar(veld),
        empty_label=_("Alle jaren"),
    )


def _organen(request) -> QuerySet[Overlegorgaan]:
    """The public pages offer the visited regio's organen, the staff pages the user's."""
    if request is None:
        return Overlegorgaan.objects.none()
    if getattr(request, "regio", None) is not None:
        return Overlegorgaan.objects.in_regio(request.regio).order_by("naam")
    return Overlegorgaan.objects.voor(request.user).order_by("naam")


def _orgaan() -> filters.ModelChoiceFilter:
    return filters.ModelChoiceFilter(
        widget=SelectWidget, label=_("Orgaan"), queryset=_organen, empty_label=_("Alle organen")
    )


class VergaderingFilter(filters.FilterSet):
    zoek = filters.CharFilter(
        label=_("Zoeken in agendapunten of plaats"), method="zoeken", max_length=100
    )
    orgaan = _orgaan()
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=Vergadering.Status.choices,
        empty_label=_("Alle statussen"),
    )
    jaar = _jaar("datum")

    class Meta:
        model = Vergadering
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(agendapunten__titel__icontains=value) | Q(locatie__icontains=value)
        ).distinct()


class BesluitFilter(filters.FilterSet):
    """The besluitenregister, staff and public alike; `met_status` adds the status filter for
    the readers who see more than taken besluiten."""

    zoek = filters.CharFilter(
        label=_("Zoeken op nummer, titel of tekst"), method="zoeken", max_length=100
    )
    orgaan = _orgaan()
    type = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Soort besluit"),
        choices=Besluit.Type.choices,
        empty_label=_("Alle soorten"),
    )
    jaar = _jaar("datum")
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=Besluit.Status.choices,
        empty_label=_("Alle statussen"),
    )

    class Meta:
        model = Besluit
        fields: list[str] = []

    def __init__(self, *args, met_status: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not met_status:
            self.filters.pop("status")
            self.form.fields.pop("status", None)

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(titel__icontains=value)
            | Q(besluittekst__icontains=value)
            | Q(nummer__icontains=value)
        )


class ActieFilter(filters.FilterSet):
    # The list opens on the open acties (lists.list_context(defaults=ACTIE_STANDAARD)).
    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=[("open", _("Open en in behandeling")), *Actie.Status.choices],
        empty_label=_("Alle statussen"),
        method="met_status",
    )
    orgaan = _orgaan()
    verlopen = filters.BooleanFilter(
        label=_("Alleen verlopen acties"), method="alleen_verlopen", widget=forms.CheckboxInput
    )

    class Meta:
        model = Actie
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(Q(omschrijving__icontains=value) | Q(eigenaar_naam__icontains=value))

    def met_status(self, queryset, _name, value):
        if value == "open":
            return queryset.filter(status__in=Actie.OPEN_STATUSSEN)
        return queryset.filter(status=value)

    def alleen_verlopen(self, queryset, _name, value):
        if not value:
            return queryset
        return queryset.filter(status__in=Actie.OPEN_STATUSSEN, deadline__lt=timezone.localdate())


ACTIE_STANDAARD = {"status": "open"}


class MonitoringFilter(filters.FilterSet):
    """The regels of one strategische agenda (`agenda`)."""

    zoek = filters.CharFilter(
        label=_("Zoeken in thema, actie of trekker"), method="zoeken", max_length=100
    )
    pijler = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Pijler"),
        queryset=Pijler.objects.none(),
        empty_label=_("Alle pijlers"),
    )
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=AgendaRegel.Status.choices,
        empty_label=_("Alle statussen"),
    )
    sinds = filters.DateFilter(
        label=_("Gewijzigd sinds"),
        method="gewijzigd_sinds",
        widget=DatumInput(),
        help_text=_("Alleen regels die sinds deze datum zijn gewijzigd of voortgang kregen."),
    )

    class Meta:
        model = AgendaRegel
        fields: list[str] = []

    def __init__(self, *args, agenda=None, **kwargs):
        super().__init__(*args, **kwargs)
        pijlers = agenda.pijlers.all() if agenda else Pijler.objects.none()
        self.filters["pijler"].queryset = pijlers
        self.form.fields["pijler"].queryset = pijlers

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(thema__icontains=value) | Q(actie__icontains=value) | Q(trekkers__icontains=value)
        )

    def gewijzigd_sinds(self, queryset, _name, value):
        begin = timezone.make_aware(datetime.combine(value, datetime.min.time()))
        return queryset.filter(
            Q(gewijzigd_op__gte=begin) | Q(voortgangsrapportages__datum__gte=value)
        ).distinct()


class OnderwerpFilter(filters.FilterSet):
    zoek = filters.CharFilter(
        label=_("Zoeken"), field_name="titel", lookup_expr="icontains", max_length=100
    )

    class Meta:
        model = Onderwerp
        fields: list[str] = []
