from decimal import Decimal

from django import template

from financien.services import euro as _euro

register = template.Library()


@register.filter
def euro(bedrag: Decimal | None) -> str:
    """€ 1.234,56 (Dutch notation); an empty string for None."""
    if bedrag is None or bedrag == "":
        return ""
    return _euro(Decimal(bedrag))
