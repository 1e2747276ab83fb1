"""The financieel beheerder records a storting, a verplichting on an RBA besluit and a
realisatie in the browser; the overview then shows the new free balance. Pages pass axe-core
without serious violations, also with an error message on the form."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.utils import timezone

from tests.e2e.conftest import ernstige_schendingen
from tests.factories import WACHTWOORD, MedewerkerFactory
from tests.financien.factories import BegrotingspostFactory, BesluitFactory, GeldstroomFactory


def code_voor(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))


@pytest.fixture
def opzet(browser, transactional_db, regio_a):
    user = MedewerkerFactory(
        regio=regio_a, rollen=["financieel_beheerder"], first_name="Iris", last_name="Bakker"
    )
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    fonds = GeldstroomFactory(regio=regio_a, naam="DU Versterking Arbeidsmarktregio")
    besluit = BesluitFactory(
        regio=regio_a, nummer="2025/000123", titel="Inzet reserve trajecten", bedrag="50000.00"
    )
    post = BegrotingspostFactory(regio=regio_a, code="TRJ", naam="Trajecten")
    return user, secret, fonds, besluit, post


def inloggen(page, base, user, secret):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("wachtwoord", re.I)).first.fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("inloggen|aanmelden", re.I)).click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label(re.compile("code", re.I)).fill(code_voor(secret))
    page.get_by_role("button", name=re.compile("inloggen|aanmelden|bevestig|verifi", re.I)).click()
    page.wait_for_url(re.compile(r"/werkplek/$"))


def test_beheerder_books_storting_verplichting_realisatie_and_sees_the_free_balance(
    page, live_server, opzet
):
    user, secret, fonds, besluit, post = opzet
    inloggen(page, live_server.url, user, secret)
    page.get_by_role("link", name="Regionale reserve").click()
    page.wait_for_url(re.compile(r"/financien/$"))
    assert ernstige_schendingen(page) == []

    # Storting, first with one decimal too many: a Dutch message, input kept.
    page.get_by_role("link", name="Storting boeken").click()
    page.get_by_label("Geldstroom", exact=True).select_option(label=fonds.naam)
    page.get_by_label("Bedrag (euro)").fill("76.921,005")
    page.get_by_label("Omschrijving").fill("DU 2020")
    page.get_by_role("button", name="Opslaan").click()
    # Named in the error summary (a link to the field) and next to the field itself.
    samenvatting = page.locator(".wc-foutoverzicht")
    assert samenvatting.get_by_role(
        "link", name="hoogstens twee cijfers achter de komma"
    ).is_visible()
    veld = page.locator(".utrecht-form-field-error-message")
    assert veld.get_by_text("hoogstens twee cijfers achter de komma").is_visible()
    assert page.get_by_label("Omschrijving").input_value() == "DU 2020"
    assert ernstige_schendingen(page) == []
    page.get_by_label("Bedrag (euro)").fill("76.921,00")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/financien/grootboek/\d+/$"))
    assert page.get_by_role("heading", level=1, name=re.compile("Storting")).is_visible()

    # Verplichting on the besluit.
    page.get_by_role("link", name="Verplichting aangaan").click()
    assert ernstige_schendingen(page) == []
    page.get_by_label("Geldstroom", exact=True).select_option(label=fonds.naam)
    page.get_by_label("RBA-besluit", exact=True).select_option(label=str(besluit))
    page.get_by_label("Begrotingspost", exact=True).select_option(label=str(post))
    page.get_by_label("Bedrag (euro)").fill("20.000,00")
    page.get_by_label("Omschrijving").fill("Trajecten werkfit 2025")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/financien/grootboek/\d+/$"))
    assert page.get_by_text("Nog open op deze verplichting: € 20.000,00").is_visible()

    # Realisatie on that verplichting.
    page.get_by_role("link", name="Realisatie boeken").click()
    page.get_by_label("Bedrag (euro)").fill("5.000,00")
    page.get_by_label("Omschrijving").fill("Factuur opleider")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/financien/grootboek/\d+/$"))

    # The overview: 76.921 received - 20.000 committed is free; 5.000 has left the reserve.
    page.get_by_role("link", name="Overzicht").click()
    assert page.get_by_test_id("vrij").inner_text() == "€ 56.921,00"
    assert page.get_by_test_id("saldo").inner_text() == "€ 71.921,00"
    assert ernstige_schendingen(page) == []
