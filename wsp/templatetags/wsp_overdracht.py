"""Template helpers of the warme overdracht pages."""

from __future__ import annotations

from django import template

from ..selectors import Ketenstatus

register = template.Library()


@register.filter
def ketenstatus_label(code: str) -> str:
    """The Dutch label of an annotated `ketenstatus` code (selectors.met_ketenstatus)."""
    return str(Ketenstatus.LABELS.get(code, ""))
