"""A regio's own look: its brand colour as NL Design System tokens (CSS custom properties),
served as a stylesheet per regio so the CSP stays strict (no inline style)."""

from __future__ import annotations

import logging
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# The portal's own brand colour (static/css/werkcentrum.css, --utrecht-color-blue-30).
STANDAARDKLEUR = "#154273"
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


# --- Logo ----------------------------------------------------------------------------------
# Raster images only: an SVG is a document that can carry script and external references, and
# sanitising it is a project of its own. The bytes decide what a file is (Pillow reads the
# header and decodes it), never its name or the Content-Type the browser sent.
LOGO_SOORTEN = {
    "PNG": (".png", "image/png"),
    "JPEG": (".jpg", "image/jpeg"),
    "WEBP": (".webp", "image/webp"),
}
LOGO_EXTENSIES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
LOGO_MAX_BYTES = 256 * 1024
LOGO_MAX_BREEDTE = 2000
LOGO_MAX_HOOGTE = 1000
LOGO_MIN_ZIJDE = 16


def logo_mime(naam: str) -> str:
    """The Content-Type of a stored logo, by the extension it was stored under (which
    `logo_controleren` made match its content)."""
    ext = "." + naam.lower().rsplit(".", 1)[-1] if "." in naam else ""
    soort = LOGO_EXTENSIES.get(ext)
    return LOGO_SOORTEN[soort][1] if soort else "application/octet-stream"


def logo_controleren(bestand) -> str:
    """Refuse anything but a real PNG, JPEG or WebP image within the size and dimension
    limits. Returns the extension to store it under. Raises ValidationError (Dutch)."""
    from PIL import Image, UnidentifiedImageError

    naam = (getattr(bestand, "name", "") or "").lower()
    ext = "." + naam.rsplit(".", 1)[-1] if "." in naam else ""
    if ext in (".svg", ".svgz"):
        raise ValidationError(
            _("Een SVG-logo kan niet: kies een PNG-, JPEG- of WebP-afbeelding."), code="svg"
        )
    if ext not in LOGO_EXTENSIES:
        raise ValidationError(
            _("Kies een logo van deze soort: PNG, JPEG of WebP."), code="extensie"
        )
    grootte = getattr(bestand, "size", None) or 0
    if not grootte:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    if grootte > LOGO_MAX_BYTES:
        raise ValidationError(
            _("Het logo is %(kb)s kB; het mag hoogstens %(max)s kB zijn.")
            % {"kb": -(-grootte // 1024), "max": LOGO_MAX_BYTES // 1024},
            code="te_groot",
        )
    try:
        bestand.seek(0)
        with Image.open(bestand) as beeld:
            _logo_soort_en_maat(ext, beeld.format, *beeld.size)
            # Only with the dimensions known to be small, decode the whole image: that finds a
            # file that merely starts like a PNG, without decoding a "pixel bomb".
            beeld.load()
            soort = beeld.format
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("Dit bestand is geen geldige afbeelding, ook al eindigt de naam op %(ext)s.")
            % {"ext": ext},
            code="inhoud",
        ) from None
    finally:
        bestand.seek(0)
    return LOGO_SOORTEN[soort][0]


def _logo_soort_en_maat(ext: str, soort: str | None, breedte: int, hoogte: int) -> None:
    if soort != LOGO_EXTENSIES[ext]:
        raise ValidationError(
            _("De inhoud is een %(soort)s-afbeelding, maar de naam eindigt op %(ext)s.")
            % {"soort": soort or "?", "ext": ext},
            code="inhoud",
        )
    if breedte > LOGO_MAX_BREEDTE or hoogte > LOGO_MAX_HOOGTE:
        raise ValidationError(
            _(
                "Het logo is %(b)s bij %(h)s pixels; het mag hoogstens %(mb)s pixels breed en "
                "%(mh)s pixels hoog zijn."
            )
            % {"b": breedte, "h": hoogte, "mb": LOGO_MAX_BREEDTE, "mh": LOGO_MAX_HOOGTE},
            code="afmetingen",
        )
    if min(breedte, hoogte) < LOGO_MIN_ZIJDE:
        raise ValidationError(
            _("Het logo is te klein (%(b)s bij %(h)s pixels): minstens %(min)s pixels per zijde.")
            % {"b": breedte, "h": hoogte, "min": LOGO_MIN_ZIJDE},
            code="afmetingen",
        )


def logo_validator(waarde) -> None:
    """Model-field validator: checks a newly uploaded file; a stored logo was checked when it
    came in."""
    if not waarde or getattr(waarde, "_committed", True):
        return
    logo_controleren(waarde.file)


def logo_inhoud(regio) -> tuple[bytes, str] | None:
    """The stored logo's bytes and image subtype, or None (no logo, or its file is gone: the
    mail or PDF then shows the name, it is not held up)."""
    if regio is None or not regio.huisstijl_logo:
        return None
    try:
        with regio.huisstijl_logo.storage.open(regio.huisstijl_logo.name, "rb") as bestand:
            inhoud = bestand.read()
    except OSError:
        logger.warning("logo van regio %s ontbreekt; de naam staat er in plaats van", regio.code)
        return None
    return inhoud, logo_mime(regio.huisstijl_logo.name).split("/", 1)[1]
