"""The warme overdracht on the loket's pages: the chain status label, and on a gesprek,
doorverwijzing or traject either the status of its handover or the button to hand over."""

from __future__ import annotations

from django import template

from wsp.models import Overdracht
from wsp.selectors import Ketenstatus, met_ketenstatus
from wsp.services.overdracht import mag_overdragen

register = template.Library()


@register.simple_tag
def ketenstatus_label(code: str) -> str:
    return Ketenstatus.LABELS.get(code, code)


@register.inclusion_tag("loket/_overdracht_status.html", takes_context=True)
def overdracht_status(context, **herkomst) -> dict:
    """`{% overdracht_status gesprek=gesprek %}`: the latest handover that started here (any
    offerer: one person, one kandidaat) with its chain status, linked when the user may open
    it; else, or once it was returned, the button "Overdragen aan het WSP"."""
    user = context["request"].user
    ((naam, obj),) = herkomst.items()
    laatste = (
        met_ketenstatus(Overdracht.objects.voor(user).filter(**{naam: obj}))
        .order_by("-aangeboden_op", "-pk")
        .only("pk", "status", "aangeboden_op", "aangeboden_door_id", "organisatie_id", "bron")
        .first()
    )
    zichtbaar = False
    if laatste is not None:
        from wsp.selectors import overdrachten_voor

        zichtbaar = overdrachten_voor(user=user).filter(pk=laatste.pk).exists()
    kan = user.regio_id is not None and mag_overdragen(user)
    return {
        "overdracht": laatste,
        "label": Ketenstatus.LABELS.get(laatste.ketenstatus) if laatste else "",
        "zichtbaar": zichtbaar,
        "knop": kan and (laatste is None or not laatste.is_open),
        "herkomst": naam,
        "herkomst_pk": obj.pk,
    }
