"""Small template helpers of the loket."""

from django import template

register = template.Library()


@register.filter
def label_uit(waarde: str, labels: dict[str, str]) -> str:
    """`{{ g.kanaal|label_uit:kanalen }}`: a choice's label from a dict the view builds once
    per page; a model's get_FOO_display rebuilds and hashes every choice on each call."""
    return labels.get(waarde, waarde)
