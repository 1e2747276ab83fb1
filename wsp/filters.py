"""The filters of the WSP's lists (werkcentrum.lists): one FilterSet per list serves the page,
its export and its API list. Each filters a queryset the selector already scoped to the regio;
choice lists are scoped too. Every filter and ordering offered has an index (models' Meta)."""

from __future__ import annotations

from datetime import date

import django_filters as filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkcentrum.autocomplete import SearchInput, words_in
from werkcentrum.filters import RegioFilterSet
from werkcentrum.forms import SelectWidget
from werkcentrum.models import Gemeente

from .keuzes import Opleidingsniveau
from .models import (
    Cluster,
    Contactmoment,
    Doelstelling,
    Kandidaat,
    NazorgMoment,
    Overdracht,
    Plaatsing,
    Vacature,
    Voordracht,
    Werkgever,
)
from .regiolijsten import clusters_voor, doelgroep_namen
from .werkplek import Termijn, termijn_q

JA_NEE = [("true", _("ja")), ("false", _("nee"))]


def _gemeenten(request) -> QuerySet[Gemeente]:
    if request is None:
        return Gemeente.objects.none()
    return Gemeente.objects.voor(request.user).order_by("naam")


def _ja_nee(veld: str, **kwargs) -> filters.ChoiceFilter:
    """ "true"/"false" as the API documents; anything else is a 400 naming the parameter."""

    def filteren(queryset, _name, value):
        return queryset.filter(**{veld: value == "true"})

    return filters.ChoiceFilter(widget=SelectWidget, choices=JA_NEE, method=filteren, **kwargs)


def _jaar(field_name: str, **kwargs) -> filters.NumberFilter:
    """A calendar year as a date range (the (regio, date) index serves it)."""

    def tussen(queryset, _name, value):
        jaar = int(value)
        return queryset.filter(
            **{f"{field_name}__gte": date(jaar, 1, 1), f"{field_name}__lte": date(jaar, 12, 31)}
        )

    return filters.NumberFilter(
        method=tussen, min_value=1, max_value=9999, decimal_places=0, **kwargs
    )


class WerkgeverFilter(filters.FilterSet):
    zoek = filters.CharFilter(label=_("Naam of KvK-nummer"), method="zoeken", max_length=100)
    cluster = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Cluster"),
        field_name="sector__cluster",
        queryset=lambda request: _clusters(
            getattr(getattr(request, "user", None), "regio_id", None)
        ),
        to_field_name="code",
        empty_label=_("Alle clusters"),
    )
    gemeente = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Gemeente (vestiging)"),
        field_name="vestigingen__gemeente",
        queryset=_gemeenten,
        empty_label=_("Alle gemeenten"),
        distinct=True,
    )
    # A search field, not a select of every medewerker (werkcentrum.autocomplete offers the
    # names as the user types); a number (the API) picks one accounthouder.
    accounthouder = filters.CharFilter(
        label=_("Accounthouder"),
        method="accounthouder_heet",
        max_length=100,
        help_text=_("Voornaam of achternaam, of een deel ervan."),
    )
    alleen_mijn = filters.BooleanFilter(
        label=_("Alleen mijn accounts"), method="mijn_accounts", widget=forms.CheckboxInput
    )

    class Meta:
        model = Werkgever
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["accounthouder"].widget = SearchInput("medewerkers_zoeken")

    def zoeken(self, queryset, _name, value):
        return queryset.filter(Q(naam__icontains=value) | Q(kvk_nummer__startswith=value))

    def accounthouder_heet(self, queryset, _name, value):
        if value.isascii() and value.isdigit():
            return queryset.filter(accounthouder_id=int(value))
        return queryset.filter(
            words_in(("accounthouder__first_name", "accounthouder__last_name"), value)
        )

    def mijn_accounts(self, queryset, _name, value):
        if not value or self.request is None:
            return queryset
        user = self.request.user
        return queryset.filter(Q(accounthouder=user) | Q(accountteam=user)).distinct()


class WerkgeverApiFilter(WerkgeverFilter):
    """The API's werkgevers: the page's filters and the exact ones its clients use."""

    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", max_length=100)
    kvk_nummer = filters.CharFilter(field_name="kvk_nummer", max_length=8)


class VacatureFilter(filters.FilterSet):
    zoek = filters.CharFilter(label=_("Functie of werkgever"), method="zoeken", max_length=100)
    status = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Status"),
        choices=Vacature.Status.choices,
        empty_label=_("Alle statussen"),
    )
    werkgever = filters.NumberFilter(field_name="werkgever_id", widget=forms.HiddenInput)
    gemeente = filters.NumberFilter(field_name="gemeente_id", widget=forms.HiddenInput)

    class Meta:
        model = Vacature
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(Q(functie__icontains=value) | Q(werkgever__naam__icontains=value))


class RegioDoelgroepFilterMixin:
    """The `doelgroep` filter offers the doelgroepen of the user's regio, deactivated ones
    too: old records still carry them. Another regio's code is an invalid choice (a 400 in
    the API)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regio_id = getattr(getattr(self.request, "user", None), "regio_id", None)
        keuzes = list(doelgroep_namen(regio_id).items()) if regio_id else []
        doelgroep = self.filters["doelgroep"]
        doelgroep.extra["choices"] = keuzes
        # A field built before the copy (the API schema reads the class's filters) would keep
        # the class's empty choices: build it again from these.
        doelgroep.__dict__.pop("_field", None)


def _doelgroep_filter() -> filters.ChoiceFilter:
    return filters.ChoiceFilter(
        widget=SelectWidget, label=_("Doelgroep"), choices=[], empty_label=_("Alle doelgroepen")
    )


class KandidaatFilter(RegioDoelgroepFilterMixin, filters.FilterSet):
    zoek = filters.CharFilter(label=_("Naam"), method="zoeken", max_length=100)
    doelgroep = _doelgroep_filter()
    actief = _ja_nee("actief", label=_("Actief"), empty_label=_("Actief en niet actief"))

    class Meta:
        model = Kandidaat
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(words_in(("voornaam", "achternaam"), value))


class PlaatsingFilter(RegioDoelgroepFilterMixin, filters.FilterSet):
    """Issue 22 point 9: the plaatsingen list with search and filters."""

    zoek = filters.CharFilter(label=_("Kandidaat of werkgever"), method="zoeken", max_length=100)
    doelgroep = _doelgroep_filter()
    jaar = _jaar("startdatum", label=_("Jaar van de startdatum"))
    werkgever = filters.NumberFilter(field_name="werkgever_id", widget=forms.HiddenInput)

    class Meta:
        model = Plaatsing
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(
            words_in(("kandidaat__voornaam", "kandidaat__achternaam", "werkgever__naam"), value)
        )


class OpenNazorgFilter(filters.FilterSet):
    """The open nazorg list (wsp.selectors.nazorg_open); the werkplek tiles link to its
    periods. Served by the partial index of open moments (regio, vervaldatum)."""

    termijn = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Uiterlijk op"),
        choices=[(Termijn.DEZE_WEEK, _("Deze week")), (Termijn.VERLOPEN, _("Te laat"))],
        empty_label=_("Alle open nazorg"),
        method="in_termijn",
    )

    class Meta:
        model = NazorgMoment
        fields: list[str] = []

    def in_termijn(self, queryset, _name, value):
        return queryset.filter(termijn_q(value, vandaag=timezone.localdate(), veld="vervaldatum"))


class OpvolgingFilter(filters.FilterSet):
    """The user's open opvolgingen (wsp.selectors.mijn_opvolgingen); served by the partial
    index of open opvolgingen (medewerker, opvolgdatum)."""

    termijn = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Opvolgen op"),
        choices=[(Termijn.NU, _("Vandaag of eerder")), (Termijn.DEZE_WEEK, _("Deze week"))],
        empty_label=_("Alle open opvolgingen"),
        method="in_termijn",
    )

    class Meta:
        model = Contactmoment
        fields: list[str] = []

    def in_termijn(self, queryset, _name, value):
        return queryset.filter(termijn_q(value, vandaag=timezone.localdate(), veld="opvolgdatum"))


class VoordrachtFilter(RegioFilterSet):
    class Meta:
        model = Voordracht
        fields = ["vacature", "kandidaat", "status"]


class NazorgMomentFilter(RegioFilterSet):
    open = filters.CharFilter(method="alleen_open")

    class Meta:
        model = NazorgMoment
        fields = ["plaatsing"]

    def alleen_open(self, queryset, _name, value):
        return queryset.filter(afgerond_op=None) if value == "true" else queryset


class DoelstellingFilter(RegioFilterSet):
    regio = filters.CharFilter(method="alleen_regio")

    class Meta:
        model = Doelstelling
        fields = ["jaar", "doelgroep", "gemeente"]

    def alleen_regio(self, queryset, _name, value):
        return queryset.filter(gemeente__isnull=True) if value == "true" else queryset


class VacaturekrantFilter(filters.FilterSet):
    """The public vacaturekrant of one regio (request.regio)."""

    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    gemeente = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Gemeente"),
        queryset=lambda request: _regio_gemeenten(request),
        empty_label=_("Alle gemeenten"),
    )
    cluster = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Sector"),
        field_name="sector__cluster",
        queryset=lambda request: _clusters(getattr(request, "regio", None)),
        empty_label=_("Alle sectoren"),
    )
    opleidingsniveau = filters.ChoiceFilter(
        widget=SelectWidget,
        label=_("Opleidingsniveau"),
        choices=Opleidingsniveau.choices,
        empty_label=_("Alle niveaus"),
    )

    class Meta:
        model = Vacature
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(Q(functie__icontains=value) | Q(omschrijving__icontains=value))


def _clusters(regio) -> QuerySet[Cluster]:
    """The clusters the regio offers (wsp.regiolijsten); the national ones for a platform
    account without a regio."""
    return clusters_voor(regio).order_by("naam")


def _regio_gemeenten(request) -> QuerySet[Gemeente]:
    regio = getattr(request, "regio", None)
    if regio is None:
        return Gemeente.objects.none()
    return Gemeente.objects.in_regio(regio).order_by("naam")


def _vacatures_met_overdracht(request) -> QuerySet[Vacature]:
    """Only the vacatures someone was offered for: a short list, not the whole vacaturebank."""
    if request is None:
        return Vacature.objects.none()
    return (
        Vacature.objects.voor(request.user)
        .filter(overdrachten__isnull=False)
        .select_related("werkgever")
        .distinct()
        .order_by("functie", "pk")
    )


class OverdrachtFilter(filters.FilterSet):
    """The WSP's inbox of warme overdrachten (selectors.overdrachten_voor); opens on the
    offers still waiting for a decision (views pass status=aangeboden as the default)."""

    zoek = filters.CharFilter(label=_("Naam"), method="zoeken", max_length=100)
    status = filters.ChoiceFilter(
        label=_("Status"), choices=Overdracht.Status.choices, empty_label=_("Alle statussen")
    )
    bron = filters.ChoiceFilter(
        label=_("Bron"), choices=Overdracht.Bron.choices, empty_label=_("Alle bronnen")
    )
    gemeente = filters.ModelChoiceFilter(
        label=_("Woongemeente"),
        field_name="woongemeente",
        queryset=_gemeenten,
        empty_label=_("Alle gemeenten"),
    )
    vacature = filters.ModelChoiceFilter(
        label=_("Voor vacature"),
        queryset=_vacatures_met_overdracht,
        empty_label=_("Alle vacatures"),
    )

    class Meta:
        model = Overdracht
        fields: list[str] = []

    def zoeken(self, queryset, _name, value):
        return queryset.filter(words_in(("voornaam", "achternaam"), value))
