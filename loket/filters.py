"""The filters of the loket's lists (werkcentrum.lists): one FilterSet per list serves the page
and its API list. Each filters a queryset the selector already scoped; choice lists are
scoped too."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkcentrum.forms import SelectWidget
from werkcentrum.models import Gemeente, Locatie
from wsp.models import Overdracht, Vacature
from wsp.selectors import Ketenstatus

from .models import Dienst, Doorverwijzing, Gesprek, Thema, Traject, Vraag
from .regiolijsten import doelgroepen_voor


def _locaties(request):
    if request is None:
        return Locatie.objects.none()
    return Locatie.objects.voor(request.user).order_by("naam")


class VraagFilter(filters.FilterSet):
    # The list opens on the open vragen (VRAAG_STANDAARD).
    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=[("open", _("Open")), *Vraag.Status.choices],
        empty_label=_("Alle"),
        method="met_status",
    )
    thema = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Thema"),
        queryset=Thema.objects.all(),
        empty_label=_("Alle thema's"),
    )

    class Meta:
        model = Vraag
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(Q(referentie__icontains=value) | Q(tekst__icontains=value))

    def met_status(self, queryset, _name, value):
        if value == "open":
            return queryset.filter(status__in=["nieuw", "toegewezen"])
        return queryset.filter(status=value)


VRAAG_STANDAARD = {"status": "open"}


class DoorverwijzingFilter(filters.FilterSet):
    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=Doorverwijzing.Status.choices,
        empty_label=_("Alle"),
    )

    class Meta:
        model = Doorverwijzing
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(dienst__naam__icontains=value) | Q(organisatie__naam__icontains=value)
        )


class WspDoorverwijzingFilter(DoorverwijzingFilter):
    """The WSP's list of its werknemers' referrals: also found by the werkgever's name (never
    by the person's: the list names nobody)."""

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(dienst__naam__icontains=value)
            | Q(organisatie__naam__icontains=value)
            | Q(werkgever__naam__icontains=value)
        )


class GesprekFilter(filters.FilterSet):
    kanaal = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Kanaal"),
        choices=Gesprek.Kanaal.choices,
        empty_label=_("Alle"),
    )
    locatie = filters.ModelChoiceFilter(
        widget=SelectWidget, label=_("Locatie"), queryset=_locaties, empty_label=_("Alle locaties")
    )

    class Meta:
        model = Gesprek
        fields: list[str] = []


def _doelgroepen(request):
    """The doelgroepen of the regio (loket.regiolijsten): the site's, else the user's."""
    regio = getattr(request, "regio", None) or getattr(
        getattr(request, "user", None), "regio_id", None
    )
    return doelgroepen_voor(regio)


class DienstFilter(filters.FilterSet):
    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    thema = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Thema"),
        field_name="themas",
        queryset=Thema.objects.all(),
        empty_label=_("Alle thema's"),
    )
    doelgroep = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Doelgroep"),
        field_name="doelgroepen",
        queryset=lambda request: _doelgroepen(request),
        empty_label=_("Alle doelgroepen"),
    )

    class Meta:
        model = Dienst
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(naam__icontains=value)
            | Q(omschrijving__icontains=value)
            | Q(organisatie__naam__icontains=value)
        )


class TrajectFilter(filters.FilterSet):
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=Traject.Status.choices,
        empty_label=_("Alle"),
    )

    class Meta:
        model = Traject
        fields: list[str] = []


# --- Warme overdracht naar het WSP (issue 23) ----------------------------------------------


class OverdrachtFilter(filters.FilterSet):
    """The offerer's list of handovers (wsp.selectors.overdrachten_voor, which annotates the
    chain status `ketenstatus` in SQL)."""

    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    status = filters.ChoiceFilter(
        label=_("Status"),
        choices=Ketenstatus.choices,
        empty_label=_("Alle"),
        field_name="ketenstatus",
    )

    class Meta:
        model = Overdracht
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(voornaam__icontains=value)
            | Q(achternaam__icontains=value)
            | Q(email__icontains=value)
            | Q(gewenst_beroep__icontains=value)
        )


def _gemeenten(request):
    if request is None:
        return Gemeente.objects.none()
    return Gemeente.objects.voor(request.user).order_by("naam")


class OverdrachtVacatureFilter(filters.FilterSet):
    """The regio's vacaturekrant as partners see it when they offer a client."""

    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    gemeente = filters.ModelChoiceFilter(
        label=_("Gemeente"), queryset=_gemeenten, empty_label=_("Alle gemeenten")
    )

    class Meta:
        model = Vacature
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            Q(functie__icontains=value)
            | Q(omschrijving__icontains=value)
            | Q(werkgever__naam__icontains=value)
        )
