"""A regio's own look: its brand colour as NL Design System tokens (CSS custom properties),
served as a stylesheet per regio so the CSP stays strict (no inline style)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.1 AA: white text on the brand colour (nav bar, buttons, footer) and the colour as
# text on white (headings) both need 4.5:1.
MINIMAAL_CONTRAST = 4.5


def _luminantie(kleur: str) -> float:
    def kanaal(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(kleur[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * kanaal(r) + 0.7152 * kanaal(g) + 0.0722 * kanaal(b)


def contrast_met_wit(kleur: str) -> float:
    return 1.05 / (_luminantie(kleur) + 0.05)


def kleur_validator(waarde: str) -> None:
    if not HEX.match(waarde or ""):
        raise ValidationError(_("Geef een kleur als #rrggbb, bijvoorbeeld #154273."))
    contrast = contrast_met_wit(waarde)
    if contrast < MINIMAAL_CONTRAST:
        raise ValidationError(
            _(
                "Deze kleur is te licht: witte tekst erop heeft een contrast van %(c).1f:1, "
                "minstens 4,5:1 is nodig (WCAG 2.1 AA)."
            ),
            params={"c": contrast},
        )


def donkerder(kleur: str, factor: float = 0.7) -> str:
    """The hover shade: the same hue, darker (so its contrast with white only grows)."""
    r, g, b = (round(int(kleur[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02x}{g:02x}{b:02x}"


def tokens(kleur: str) -> str:
    """The stylesheet that gives a regio its colour: it overrides the brand tokens of
    static/css/werkcentrum.css, never a component."""
    if not kleur:
        return "/* Deze regio gebruikt de standaardhuisstijl. */\n"
    kleur = kleur.lower()
    return (
        ":root {\n"
        f"  --utrecht-color-blue-30: {kleur};\n"
        f"  --utrecht-color-blue-20: {donkerder(kleur)};\n"
        "}\n"
    )
