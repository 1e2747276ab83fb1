"""An empty form's fields kept under their definitions and the versions of their choices
(werkcentrum.formvelden); a bound form always rendered with the user's input."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.forms import GesprekForm
from loket.models import Thema
from werkcentrum import formvelden

pytestmark = pytest.mark.django_db


@pytest.fixture
def gids(maak_gebruiker):
    return maak_gebruiker("gids")


def test_an_empty_form_is_kept_until_a_choice_changes(gids, settings):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    Thema.objects.create(code="testthema-a", naam="Testthema A")
    eerste = formvelden.velden_html(GesprekForm(user=gids))
    assert eerste == formvelden.renderen(GesprekForm(user=gids))
    with CaptureQueriesContext(connection) as queries:
        assert formvelden.velden_html(GesprekForm(user=gids)) == eerste
    assert not any("loket_thema" in q["sql"] for q in queries.captured_queries)
    Thema.objects.create(code="testthema-b", naam="Testthema B")
    assert "Testthema B" in formvelden.velden_html(GesprekForm(user=gids))


def test_a_bound_form_shows_the_input_and_the_errors(gids):
    formvelden.velden_html(GesprekForm(user=gids))
    form = GesprekForm({"kanaal": "inloop", "notitie": "mijn eigen tekst"}, user=gids)
    form.is_valid()
    html = formvelden.velden_html(form)
    assert "mijn eigen tekst" in html
    assert "Kies minstens één thema." in html


def test_initial_values_are_part_of_the_key(gids, settings):
    settings.WERKCENTRUM_LIJSTEN_CONTROLEREN = False
    leeg = formvelden.velden_html(GesprekForm(user=gids))
    met = formvelden.velden_html(GesprekForm(user=gids, initial={"notitie": "vooraf"}))
    assert "vooraf" in met and "vooraf" not in leeg


def test_html_that_depends_on_more_than_the_key_fails_in_the_tests(gids, monkeypatch):
    formvelden.velden_html(GesprekForm(user=gids))
    monkeypatch.setattr(formvelden, "renderen", lambda form: "anders")
    with pytest.raises(ImproperlyConfigured):
        formvelden.velden_html(GesprekForm(user=gids))
