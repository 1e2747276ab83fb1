"""werkcentrum.forms.SelectWidget renders exactly Django's <select> (issue 19: the same markup
from one template instead of two includes per option)."""

import pytest
from django import forms

from werkcentrum.forms import SelectWidget

KEUZES = [("", "Alle"), ("a", "Één & <twee>"), (3, "Drie")]
GROEPEN = [("Groep <1>", [("x", "X"), ("y", "Y")]), ("z", "Z zonder groep")]


@pytest.mark.parametrize(
    ("keuzes", "waarde", "attrs"),
    [
        (KEUZES, None, {}),
        (KEUZES, "a", {"id": "id_status", "aria-describedby": "id_status_helptext"}),
        (KEUZES, 3, {"required": True, "disabled": False, "data-x": 'a"b'}),
        (GROEPEN, "y", {"id": "id_g"}),
        ([], None, {}),
    ],
)
def test_zelfde_html_als_django(keuzes, waarde, attrs):
    django_select = forms.Select(choices=keuzes).render("veld", waarde, attrs=attrs)
    eigen = SelectWidget(choices=keuzes).render("veld", waarde, attrs=attrs)
    assert eigen == django_select


def test_in_een_formulier_met_fout():
    class Formulier(forms.Form):
        status = forms.ChoiceField(choices=KEUZES, widget=SelectWidget, help_text="Kies er een.")

    class DjangoFormulier(forms.Form):
        status = forms.ChoiceField(choices=KEUZES, help_text="Kies er een.")

    ons, django_form = Formulier({"status": "onbekend"}), DjangoFormulier({"status": "onbekend"})
    assert not ons.is_valid() and not django_form.is_valid()
    assert str(ons["status"]) == str(django_form["status"])
    assert 'aria-invalid="true"' in str(ons["status"])


def test_veldsjabloon_ziet_een_select():
    # components/formulierveld.html picks the select styling by widget_type.
    class Formulier(forms.Form):
        status = forms.ChoiceField(choices=KEUZES, widget=SelectWidget)

    assert Formulier()["status"].widget_type == "select"
