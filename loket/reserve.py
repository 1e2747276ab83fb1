"""Trajecten paid from the regionale reserve: the loket's only way into financien.

The regio's LoketInstelling names the standing RBA besluit and the begrotingspost. Then a
traject's cost is committed (verplichting) when the traject is registered and settled when
it ends: realisatie when completed, vrijval when stopped. All ledger rules of financien
apply; a breach raises ValidationError, so the caller's transaction writes nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from financien import services as financien

from .models import LoketInstelling, Traject


def _instelling(traject: Traject) -> LoketInstelling | None:
    instelling = LoketInstelling.objects.filter(regio_id=traject.regio_id).first()
    if instelling and instelling.traject_besluit_id and instelling.traject_begrotingspost_id:
        return instelling
    return None


def kosten_vastleggen(*, traject: Traject, door) -> None:
    """Commit the traject's cost in the reserve once (a saved traject with a cost)."""
    instelling = _instelling(traject)
    if instelling is None or traject.reserve_kenmerk or traject.kosten <= 0:
        return
    kenmerk = f"traject-{traject.pk}"
    financien.traject_kosten_boeken(
        regio=traject.regio_id,
        begrotingspost=instelling.traject_begrotingspost,
        bedrag=traject.kosten,
        besluit=instelling.traject_besluit,
        omschrijving=_("Traject %(nr)s (%(soort)s)")
        % {"nr": traject.pk, "soort": traject.get_soort_display()},
        door=door,
        realiseren=False,
        kenmerk=kenmerk,
    )
    Traject.objects.filter(pk=traject.pk).update(reserve_kenmerk=kenmerk)
    traject.reserve_kenmerk = kenmerk


def ontbrekende_instelling(*, regio_id: int) -> str | None:
    """Why the regio's new trajecten would not be booked in the reserve, in words for the
    coordinator; None when the standing besluit and the begrotingspost are in place."""
    instelling = (
        LoketInstelling.objects.select_related("traject_besluit", "traject_begrotingspost")
        .filter(regio_id=regio_id)
        .first()
    )
    besluit = instelling.traject_besluit if instelling else None
    if besluit is None:
        return _(
            "De regio heeft geen RBA-besluit voor trajecten ingesteld: de kosten van nieuwe "
            "trajecten worden niet in de regionale reserve geboekt. Stel het besluit in bij "
            "de loketinstellingen."
        )
    if not besluit.telt_als_genomen:
        return _(
            "Het RBA-besluit voor trajecten (%(besluit)s) is niet (meer) genomen: de kosten "
            "van nieuwe trajecten kunnen niet geboekt worden. Kies een genomen besluit bij de "
            "loketinstellingen."
        ) % {"besluit": besluit.nummer or besluit.titel}
    if not instelling.traject_begrotingspost_id:
        return _(
            "De regio heeft geen begrotingspost voor trajecten ingesteld: de kosten van nieuwe "
            "trajecten worden niet in de regionale reserve geboekt. Stel de begrotingspost in "
            "bij de loketinstellingen."
        )
    return None


def boeking(traject: Traject) -> str:
    """Whether and where the traject's cost is booked, in words for the traject page."""
    instelling = (
        LoketInstelling.objects.select_related("traject_besluit", "traject_begrotingspost")
        .filter(regio_id=traject.regio_id)
        .first()
    )
    if traject.reserve_kenmerk:
        if instelling and instelling.traject_besluit_id:
            return _(
                "Verplichting op besluit %(besluit)s (%(titel)s), begrotingspost %(post)s, "
                "kenmerk %(kenmerk)s."
            ) % {
                "besluit": instelling.traject_besluit.nummer,
                "titel": instelling.traject_besluit.titel,
                "post": instelling.traject_begrotingspost or "-",
                "kenmerk": traject.reserve_kenmerk,
            }
        return _("Verplichting in de regionale reserve, kenmerk %(kenmerk)s.") % {
            "kenmerk": traject.reserve_kenmerk
        }
    if instelling is None or not instelling.traject_besluit_id:
        return _(
            "Niet geboekt, omdat de regio geen RBA-besluit voor trajecten heeft ingesteld "
            "(loketinstellingen)."
        )
    if not instelling.traject_begrotingspost_id:
        return _(
            "Niet geboekt, omdat de regio geen begrotingspost voor trajecten heeft ingesteld "
            "(loketinstellingen)."
        )
    if traject.kosten <= 0:
        return _("Niet geboekt, omdat het traject geen kosten heeft.")
    return _("Niet geboekt.")


def kosten_wijziging_toegestaan(*, traject: Traject, nieuwe_kosten) -> None:
    if traject.reserve_kenmerk and nieuwe_kosten != traject.kosten:
        raise ValidationError(
            {
                "kosten": _(
                    "De kosten staan al als verplichting in de regionale reserve; de "
                    "financieel beheerder corrigeert ze daar."
                )
            }
        )


def kosten_afwikkelen(*, traject: Traject, door) -> None:
    """Settle the commitment when the traject closes; nothing when none was booked."""
    if not traject.reserve_kenmerk or traject.status not in Traject.GESLOTEN:
        return
    financien.traject_kosten_afwikkelen(
        regio=traject.regio_id,
        kenmerk=traject.reserve_kenmerk,
        gerealiseerd=traject.status == Traject.Status.AFGEROND,
        omschrijving=_("Traject %(nr)s %(status)s")
        % {"nr": traject.pk, "status": traject.get_status_display().lower()},
        door=door,
    )
