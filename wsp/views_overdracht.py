"""The WSP's side of the warme overdracht: the inbox of handovers, one handover with its
consent and origin, and the decision (accept as kandidaat, or return with a reason)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkcentrum.decorators import rol_vereist
from werkcentrum.doelbinding import doel_gevraagd, doel_onthouden, doel_voor
from werkcentrum.forms import run_service
from werkcentrum.lists import list_context

from . import audit, filters, forms, selectors, services
from .models import Overdracht
from .views import PAGINA, WSP

# The inbox opens on what waits for a decision; "Alle statussen" (empty) shows everything.
STANDAARD_FILTER = {"status": Overdracht.Status.AANGEBODEN}


@rol_vereist(*WSP)
def overdrachten(request: HttpRequest) -> HttpResponse:
    qs = selectors.overdrachten_voor(user=request.user)
    context = list_context(
        request, qs, filters.OverdrachtFilter, page_size=PAGINA, defaults=STANDAARD_FILTER
    )
    if context["rows"]:
        audit.overdrachtenlijst_ingezien(
            user=request.user, ids=[o.pk for o in context["rows"]], context="overdrachten"
        )
    return render(request, "wsp/overdrachten.html", context)


def _overdracht(request: HttpRequest, pk: int) -> Overdracht:
    """One handover of the user's regio (another regio's is a 404), with what the page shows."""
    qs = selectors.overdrachten_voor(user=request.user).select_related(
        "toestemming_door",
        "beoordeeld_door",
        "kandidaat",
        "vacature__werkgever",
        "gesprek",
        "doorverwijzing__organisatie",
        "traject__aanbieder",
    )
    return get_object_or_404(qs, pk=pk)


def herkomst(overdracht: Overdracht) -> str:
    """Where in the loket the handover started, as text (the loket's records stay there)."""
    if overdracht.traject_id:
        traject = overdracht.traject
        return _("Traject %(soort)s bij %(aanbieder)s, gestart op %(datum)s") % {
            "soort": traject.get_soort_display(),
            "aanbieder": traject.aanbieder,
            "datum": date_format(traject.startdatum, "j F Y"),
        }
    if overdracht.doorverwijzing_id:
        return _("Warme doorverwijzing naar %(organisatie)s") % {
            "organisatie": overdracht.doorverwijzing.organisatie
        }
    if overdracht.gesprek_id:
        return _("Gesprek aan het loket op %(datum)s") % {
            "datum": date_format(overdracht.gesprek.datum, "j F Y")
        }
    return _("Eigen cliënt van de aanbieder")


def geschiedenis(overdracht: Overdracht) -> list[dict]:
    """The handover's steps, oldest first, from its own fields."""
    stappen = [
        {
            "op": overdracht.toestemming_op,
            "wat": _("Toestemming vastgelegd door %(wie)s")
            % {"wie": overdracht.toestemming_door.get_full_name()},
        },
        {
            "op": overdracht.aangeboden_op,
            "wat": _("Aangeboden door %(wie)s (%(organisatie)s)")
            % {
                "wie": overdracht.aangeboden_door.get_full_name(),
                "organisatie": overdracht.organisatie,
            },
        },
    ]
    if overdracht.beoordeeld_op:
        stappen.append(
            {
                "op": overdracht.beoordeeld_op,
                "wat": _("%(status)s door %(wie)s")
                % {
                    "status": overdracht.get_status_display(),
                    "wie": overdracht.beoordeeld_door.get_full_name(),
                },
            }
        )
    if overdracht.toestemming_ingetrokken_op:
        stappen.append(
            {"op": overdracht.toestemming_ingetrokken_op, "wat": _("Toestemming ingetrokken")}
        )
    return sorted(stappen, key=lambda s: localtime(s["op"]))


def _detail(request, overdracht: Overdracht, form=None, status: int = 200) -> HttpResponse:
    context = {
        "overdracht": overdracht,
        "herkomst": herkomst(overdracht),
        "geschiedenis": geschiedenis(overdracht),
        "ketenstatus": selectors.Ketenstatus.LABELS.get(overdracht.ketenstatus, ""),
        "te_beoordelen": overdracht.status == Overdracht.Status.AANGEBODEN
        and services.mag_overdracht_beoordelen(request.user, overdracht),
        "form": form or forms.TeruggaveForm(),
    }
    return render(request, "wsp/overdracht.html", context, status=status)


@rol_vereist(*WSP)
@doel_gevraagd
def overdracht(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _overdracht(request, pk)
    audit.overdracht_ingezien(obj, user=request.user, doel=doel_voor(request, obj))
    return _detail(request, obj)


def _beoordelen(request: HttpRequest, pk: int) -> Overdracht:
    obj = _overdracht(request, pk)
    if not services.mag_overdracht_beoordelen(request.user, obj):
        raise PermissionDenied  # a superuser of no regio, say: it must be the regio's WSP
    return obj


@rol_vereist(*WSP)
@require_POST
def overdracht_aannemen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _beoordelen(request, pk)
    try:
        kandidaat = services.overdracht_aannemen(overdracht=obj, door=request.user)
    except ValidationError as fout:
        # Decided in the meantime (a colleague, a second click): one kandidaat, not two.
        messages.error(request, " ".join(fout.messages))
        return redirect("wsp:overdracht", pk=obj.pk)
    doel_onthouden(request, kandidaat, "bemiddeling")
    messages.success(
        request,
        _("%(naam)s is aangenomen als kandidaat; de gegevens zijn overgenomen.")
        % {"naam": kandidaat},
    )
    return redirect(kandidaat)


@rol_vereist(*WSP)
@require_POST
@doel_gevraagd
def overdracht_teruggeven(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _beoordelen(request, pk)
    form = forms.TeruggaveForm(request.POST)
    if form.is_valid() and run_service(
        form,
        lambda: services.overdracht_teruggeven(
            overdracht=obj, door=request.user, reden=form.cleaned_data["reden_teruggave"]
        ),
    ):
        messages.success(
            request, _("De overdracht is teruggegeven aan %(org)s.") % {"org": obj.organisatie}
        )
        return redirect("wsp:overdracht", pk=obj.pk)
    # The page shows the person again with the error: a read like the detail page.
    audit.overdracht_ingezien(obj, user=request.user, doel=doel_voor(request, obj))
    return _detail(request, _overdracht(request, pk), form=form, status=400)
