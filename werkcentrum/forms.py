"""Form helpers every app shares: a service's errors on the form, one behaviour."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError

T = TypeVar("T")


class DatumInput(forms.DateInput):
    """The one date input of the portal: <input type="date"> always renders its value as ISO
    (YYYY-MM-DD). A localised value (07-12-2026) is not a valid value for it: the browser shows
    the field empty and the next save wipes the date."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None, format: str | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TelefoonInput(forms.TextInput):
    """A phone number: the phone keyboard on a touch screen, the browser may fill it in."""

    input_type = "tel"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"autocomplete": "tel", "inputmode": "tel", **(attrs or {})})


class SelectWidget(forms.Select):
    """A <select> whose markup is exactly Django's, from one template: Django's select.html
    includes select_option.html and attrs.html for every option; a list's filter form, mostly
    its selects, was up to a quarter of the page's CPU (issue 19). The filter sets of the
    lists use it; tests/werkcentrum/test_select_widget.py compares it with Django's output.
    The class name keeps BoundField.widget_type "select", which the field template reads."""

    template_name = "werkcentrum/widgets/select.html"


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on `form`, the one behaviour of every view: each message
    next to its field when the form has that field, every other message at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.error_list)


def run_service(form: forms.BaseForm, action: Callable[[], T]) -> T | None:
    """Call `action` (a service); a ValidationError it raises goes onto `form`
    (add_service_errors) and gives None, so the view shows the form again with the input."""
    try:
        return action()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
