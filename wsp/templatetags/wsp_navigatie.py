"""The WSP's sub-navigation: one row of links under the main menu on every staff page of the
WSP, the section the page belongs to marked as current."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

# (url name of the section's list, label, url names of the pages that belong to it)
ONDERDELEN = [
    (
        "werkgevers",
        _("Werkgevers"),
        {
            "werkgever",
            "werkgever_nieuw",
            "werkgever_bewerken",
            "contactmoment_nieuw",
            "vestiging_nieuw",
            "contactpersoon_nieuw",
        },
    ),
    ("verzoeken", _("Verzoeken"), {"verzoek", "verzoek_nieuw"}),
    ("opvolgingen", _("Opvolgingen"), set()),
    (
        "vacatures",
        _("Vacatures"),
        {"vacature", "vacature_nieuw", "vacature_bewerken", "vacature_status"},
    ),
    (
        "overdrachten",
        _("Overdrachten"),
        {"overdracht", "overdracht_aannemen", "overdracht_teruggeven"},
    ),
    ("kandidaten", _("Kandidaten"), {"kandidaat", "kandidaat_nieuw", "kandidaat_bewerken"}),
    (
        "plaatsingen",
        _("Plaatsingen"),
        {"plaatsing", "plaatsing_nieuw", "plaatsing_startdatum", "nazorg_extra"},
    ),
    ("nazorg", _("Nazorg"), {"nazorg_vastleggen"}),
    ("dashboard", _("Doelstellingen"), {"doelstelling_vastleggen"}),
    ("activiteiten", _("Activiteiten"), set()),
]
WSP_ROLLEN = ("wsp_adviseur", "wsp_manager")


@register.inclusion_tag("wsp/_navigatie.html", takes_context=True)
def wsp_navigatie(context) -> dict:
    """Shown on the staff pages (namespace "wsp") to the WSP's own roles; the public pages
    that share the WSP layout and readers of the factsheets get none."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    if match is None or match.namespace != "wsp" or not user or not user.is_authenticated:
        return {"links": []}
    if not user.heeft_rol(*WSP_ROLLEN):
        return {"links": []}
    links = []
    for naam, label, onderdelen in ONDERDELEN:
        if match.url_name == naam:
            huidig = "page"
        elif match.url_name in onderdelen:
            huidig = "true"
        else:
            huidig = ""
        links.append({"url": reverse(f"wsp:{naam}"), "label": label, "huidig": huidig})
    return {"links": links}
