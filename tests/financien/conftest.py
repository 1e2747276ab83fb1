from datetime import date

import pytest

from tests.financien.factories import BegrotingspostFactory, BesluitFactory, GeldstroomFactory


@pytest.fixture
def beheerder(maak_gebruiker):
    return maak_gebruiker("financieel_beheerder")


@pytest.fixture
def fonds(regio_a):
    return GeldstroomFactory(regio=regio_a, naam="DU Versterking Arbeidsmarktregio")


@pytest.fixture
def post(regio_a):
    return BegrotingspostFactory(regio=regio_a, code="TRAJ", naam="Trajecten")


@pytest.fixture
def besluit(regio_a):
    return BesluitFactory(regio=regio_a, bedrag="50000.00")


DAG = date(2025, 6, 2)
