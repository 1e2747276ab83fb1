"""Post-processing of the generated OpenAPI schema (drf-spectacular hooks)."""

from __future__ import annotations

from typing import Any

TIJD_PATROON = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


def lokale_tijden(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular documents a TimeField as format "time", which JSON Schema defines as
    RFC 3339 full-time, i.e. WITH a UTC offset. Our times are wall-clock times in
    Europe/Amsterdam without one ("13:00:00"), so the schema says exactly that instead:
    RFC 3339's partial-time, with a pattern any validator understands."""
    _vervang_tijd(result)
    return result


def _vervang_tijd(knoop: Any) -> None:
    if isinstance(knoop, dict):
        if knoop.get("format") == "time":
            knoop["format"] = "partial-time"
            knoop["pattern"] = TIJD_PATROON
            knoop.setdefault("description", "Lokale tijd (Europe/Amsterdam), UU:MM[:SS].")
        for waarde in knoop.values():
            _vervang_tijd(waarde)
    elif isinstance(knoop, list):
        for waarde in knoop:
            _vervang_tijd(waarde)
