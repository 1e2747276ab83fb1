"""The filter form of a list page (components/filterformulier.html), rendered once and kept.

Why: the selects of a filter form (organen, locaties, gemeenten, clusters) grow with the regio,
and each request read their choices and wrote every option again, while the form only changes
when its data or its choices do. Kept under the list's inputs (werkcentrum.paginering.invoer:
the query string is the form's data; user, regio and roles scope its choices; today and the
language its labels) and the versions of the models its choice lists read: a new or renamed
orgaan or locatie shows at once."""

from __future__ import annotations

from collections import OrderedDict

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import versies

SJABLOON = "components/filterformulier.html"
SECONDEN = 300
# The models each form's choice lists read, per inputs, in this process.
_BRONNEN: OrderedDict[str, frozenset[str]] = OrderedDict()
_BRONNEN_MAX = 4096


def filterformulier(form: forms.Form, invoer: tuple | None) -> SafeString:
    """The form's HTML; kept when the list's inputs are known (`invoer`), else rendered."""
    if invoer is None:
        return render_to_string(SJABLOON, {"form": form})
    soort = type(form)
    sleutel = versies.sleutel("filterformulier", soort.__module__, soort.__qualname__, invoer)
    bronnen = _BRONNEN.get(sleutel)
    if bronnen is None:
        bronnen = frozenset().union(
            *(versies.bronnen(veld.queryset) for veld in _keuzelijsten(form))
        )
        _BRONNEN[sleutel] = bronnen
        if len(_BRONNEN) > _BRONNEN_MAX:
            _BRONNEN.popitem(last=False)
    html, _moment = versies.onthouden(
        sleutel, bronnen, lambda: str(render_to_string(SJABLOON, {"form": form})), SECONDEN
    )
    return mark_safe(html)  # noqa: S308 - our own template, rendered above


def _keuzelijsten(form: forms.Form) -> list[forms.ModelChoiceField]:
    return [v for v in form.fields.values() if isinstance(v, forms.ModelChoiceField)]
