"""The filters of the core's lists (werkcentrum.lists)."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .forms import SelectWidget
from .models import Gemeente, Locatie, Organisatie
from .tenancy import is_regio_model, scope


class RegioFilterSet(filters.FilterSet):
    """A FilterSet whose every model choice of a regio-owned model (declared, or generated
    from Meta.fields) is limited to the request user's regio.

    Why: a generated filter such as ?vacature=<id> chooses from Vacature.objects.all(). Another
    regio's id then gave 200 with an empty list while an unknown id gave 400, so the API told
    whether an object exists in another regio. Scoped, both get the same 400."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        for filter_ in self.filters.values():
            if isinstance(filter_, filters.ModelChoiceFilter | filters.ModelMultipleChoiceFilter):
                filter_.queryset = _gescoopt(filter_.queryset, user)


def _gescoopt(queryset, user):
    if callable(queryset):
        oorspronkelijk = queryset
        return lambda request: _gescoopt(oorspronkelijk(request), user)
    if queryset is None or not is_regio_model(queryset.model):
        return queryset
    return scope(queryset, user) if user is not None else queryset.none()


def _gemeenten(request):
    if request is None:
        return Gemeente.objects.none()
    return Gemeente.objects.voor(request.user).order_by("naam")


class LocatieFilter(filters.FilterSet):
    zoek = filters.CharFilter(label=_("Zoeken"), method="zoeken", max_length=100)
    gemeente = filters.ModelChoiceFilter(
        widget=SelectWidget,
        label=_("Gemeente"),
        queryset=_gemeenten,
        empty_label=_("Alle gemeenten"),
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
        widget=SelectWidget,
        label=_("Soort organisatie"),
        choices=Organisatie.Type.choices,
        empty_label=_("Alle soorten"),
    )

    class Meta:
        model = Organisatie
        fields: list[str] = []
