"""Template tags of the public site (the inwoner pages, vacaturekrant and besluitenlijst).

- `{% publieke_voet regio %}`: the footer with the Werkcentrum's contact data and the links to
  the privacy- and toegankelijkheidsverklaring (werkcentrum/websitegegevens.py).
- `{% werkcentrum_contact regio as contact %}`: the same contact data, for a page's own text.
- `{% nl %}`: ` lang="nl"` on a page in another language, for an element that shows text
  staff wrote in Dutch (a vacature, an informatiepagina, a besluit), so a screen reader reads
  it with Dutch pronunciation."""

from __future__ import annotations

from django.template import Library
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from werkcentrum.websitegegevens import contact_voor

register = Library()


@register.inclusion_tag("publiek/_voet.html")
def publieke_voet(regio) -> dict:
    return {"regio": regio, "contact": contact_voor(regio)}


@register.simple_tag
def werkcentrum_contact(regio):
    """`{% werkcentrum_contact regio as contact %}`: naam, telefoon, email and adres."""
    return contact_voor(regio)


@register.simple_tag
def nl() -> str:
    return "" if (get_language() or "nl").startswith("nl") else mark_safe(' lang="nl"')
