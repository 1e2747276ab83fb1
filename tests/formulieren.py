"""Submit a rendered form as a browser would: read the HTML, take the values a browser would
send, post them back. Used to prove that saving an edit form unchanged changes nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A browser drops a value an <input type="date"> cannot hold (HTML's value sanitization):
# a localised "30-06-2026" becomes "", and the next save wipes the date.
_SANITIZE = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "time": re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"),
}


class _Formulieren(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.formulieren: list[dict] = []
        self._form: dict | None = None
        self._select: tuple[str, bool] | None = None
        self._select_gekozen: list[str] = []
        self._eerste_optie: str | None = None
        self._textarea: str | None = None
        self._tekst: list[str] = []
        self._optie: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action") or "",
                "velden": [],
                "knoppen": [],
            }
            self.formulieren.append(self._form)
            return
        if self._form is None:
            return
        naam = a.get("name")
        if tag == "input" and naam and "disabled" not in a:
            soort = (a.get("type") or "text").lower()
            waarde = a.get("value", "")
            if soort in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["velden"].append((naam, waarde or "on"))
            elif soort == "submit":
                self._form["knoppen"].append((naam, waarde))
            elif soort not in ("button", "image", "reset", "file"):
                patroon = _SANITIZE.get(soort)
                if patroon and waarde and not patroon.match(waarde):
                    waarde = ""
                self._form["velden"].append((naam, waarde))
        elif tag == "select" and naam and "disabled" not in a:
            self._select = (naam, "multiple" in a)
            self._select_gekozen = []
            self._eerste_optie = None
        elif tag == "option" and self._select:
            self._optie = {"value": a.get("value"), "selected": "selected" in a, "tekst": []}
        elif tag == "textarea" and naam:
            self._textarea = naam
            self._tekst = []

    def handle_data(self, data):
        if self._optie is not None:
            self._optie["tekst"].append(data)
        if self._textarea is not None:
            self._tekst.append(data)

    def handle_endtag(self, tag):
        if tag == "option" and self._optie is not None:
            waarde = self._optie["value"]
            if waarde is None:
                waarde = "".join(self._optie["tekst"]).strip()
            if self._eerste_optie is None:
                self._eerste_optie = waarde
            if self._optie["selected"]:
                self._select_gekozen.append(waarde)
            self._optie = None
        elif tag == "select" and self._select:
            naam, meervoudig = self._select
            gekozen = self._select_gekozen
            if not gekozen and not meervoudig and self._eerste_optie is not None:
                gekozen = [self._eerste_optie]  # a single select sends its first option
            self._form["velden"].extend((naam, w) for w in gekozen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            tekst = "".join(self._tekst)
            # The HTML parser keeps the newline a browser drops right after <textarea>.
            self._form["velden"].append((self._textarea, tekst.removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self._form = None


def formulieren(html: str) -> list[dict]:
    """Every form of the page: method, action, fields as (name, value) pairs and submit buttons."""
    parser = _Formulieren()
    parser.feed(html)
    return parser.formulieren


def als_post_data(formulier: dict) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for naam, waarde in formulier["velden"]:
        data.setdefault(naam, []).append(waarde)
    return data
