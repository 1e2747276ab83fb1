"""The form renderer: Django's own, with selects, radio buttons, checkboxes, text-like inputs and
text areas written in Python.

Why: the stock templates include a template per option and more for each option's input and
attributes. A filter form with a few hundred options (gemeenten, organen, locaties, thema's)
then costs milliseconds on every list page, and each text field two more templates; this writes
the same HTML directly. Everything
else, and any select whose options use their own template, goes through the templates."""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
# Widget template -> the option template it must use for the Python version to apply.
OPTIES = {
    SELECT: "django/forms/widgets/select_option.html",
    "django/forms/widgets/radio.html": "django/forms/widgets/radio_option.html",
    "django/forms/widgets/checkbox_select.html": "django/forms/widgets/checkbox_option.html",
}


# Django's input widgets whose template is only `{% include "django/forms/widgets/input.html" %}`.
INVOER = {
    f"django/forms/widgets/{soort}.html"
    for soort in (
        "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time",
        "search", "tel", "color", "checkbox", "file",
    )
}  # fmt: skip
TEKSTVAK = "django/forms/widgets/textarea.html"


class Renderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INVOER:
            return invoer_html(context["widget"])
        if template_name == TEKSTVAK:
            return tekstvak_html(context["widget"])
        optie = OPTIES.get(template_name)
        widget = context.get("widget") if optie else None
        if widget is not None and _standaard_opties(widget, optie):
            return select_html(widget) if template_name == SELECT else keuzelijst_html(widget)
        return super().render(template_name, context, request)


def _standaard_opties(widget: dict, optie: str) -> bool:
    return all(
        o["template_name"] == optie for _n, opties, _i in widget["optgroups"] for o in opties
    )


def select_html(widget: dict) -> str:
    """The HTML of Django's select.html and select_option.html for `widget`, to the byte."""
    delen = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
    for groep, opties, _index in widget["optgroups"]:
        if groep:
            delen.append(format_html('\n  <optgroup label="{}">', groep))
        for o in opties:
            waarde, label = conditional_escape(str(o["value"])), conditional_escape(o["label"])
            delen.append(f'\n  <option value="{waarde}"{_attrs(o["attrs"])}>{label}</option>\n')
        if groep:
            delen.append("\n  </optgroup>")
    delen.append("\n</select>")
    return "".join(delen)


def invoer_html(widget: dict) -> str:
    """The HTML of Django's input.html for `widget`, to the byte."""
    waarde = widget["value"]
    waarde = "" if waarde is None else f' value="{conditional_escape(str(waarde))}"'
    soort, naam = conditional_escape(widget["type"]), conditional_escape(widget["name"])
    return f'<input type="{soort}" name="{naam}"{waarde}{_attrs(widget["attrs"])}>'


def tekstvak_html(widget: dict) -> str:
    """The HTML of Django's textarea.html for `widget`, to the byte."""
    waarde = conditional_escape(widget["value"]) if widget["value"] else ""
    naam = conditional_escape(widget["name"])
    return f'<textarea name="{naam}"{_attrs(widget["attrs"])}>\n{waarde}</textarea>'


def keuzelijst_html(widget: dict) -> str:
    """The HTML of Django's multiple_input.html and input_option.html (radio buttons and
    checkboxes) for `widget`, to the byte."""
    attrs = widget["attrs"]
    delen = ["<div"]
    if attrs.get("id"):
        delen.append(format_html(' id="{}"', attrs["id"]))
    if attrs.get("class"):
        delen.append(format_html(' class="{}"', attrs["class"]))
    delen.append(">")
    for groep, opties, _index in widget["optgroups"]:
        if groep:
            delen.append(format_html("\n  <div><label>{}</label>", groep))
        for o in opties:
            delen.append(f"<div>\n    {_invoer_optie(o)}\n\n</div>")
        if groep:
            delen.append("\n  </div>")
    delen.append("\n</div>")
    return "".join(delen)


def _invoer_optie(o: dict) -> str:
    waarde = "" if o["value"] is None else f' value="{conditional_escape(str(o["value"]))}"'
    invoer = (
        f'<input type="{conditional_escape(o["type"])}" name="{conditional_escape(o["name"])}"'
        f"{waarde}{_attrs(o['attrs'])}>\n"
    )
    if not o["wrap_label"]:
        return invoer
    id_ = o["attrs"].get("id")
    voor = f' for="{conditional_escape(id_)}"' if id_ else ""
    return f"<label{voor}>{invoer} {conditional_escape(o['label'])}</label>"


def _attrs(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name.
    return mark_safe(  # noqa: S308 (every part is escaped above)
        "".join(
            f" {conditional_escape(naam)}"
            if waarde is True
            else f' {conditional_escape(naam)}="{conditional_escape(str(waarde))}"'
            for naam, waarde in attrs.items()
            if waarde is not False
        )
    )
