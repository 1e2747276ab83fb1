"""No update or delete of a mutatie: not through the model, not through a queryset, not in
the database (trigger)."""

import pytest
from django.db import DatabaseError, connection, transaction

from financien import services
from financien.models import Mutatie
from tests.financien.conftest import DAG

pytestmark = pytest.mark.django_db


@pytest.fixture
def mutatie(fonds, beheerder):
    return services.storting_boeken(
        geldstroom=fonds, datum=DAG, bedrag="100.00", omschrijving="Storting", door=beheerder
    )


def test_a_saved_mutatie_cannot_be_saved_again(mutatie):
    mutatie.bedrag = 1
    with pytest.raises(PermissionError):
        mutatie.save()


def test_a_mutatie_cannot_be_deleted(mutatie):
    with pytest.raises(PermissionError):
        mutatie.delete()


def test_queryset_update_and_delete_are_refused(mutatie):
    with pytest.raises(PermissionError):
        Mutatie.objects.filter(pk=mutatie.pk).update(bedrag=1)
    with pytest.raises(PermissionError):
        Mutatie.objects.all().delete()


def test_the_database_refuses_an_update(mutatie):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE financien_mutatie SET bedrag = 1 WHERE id = %s", [mutatie.pk])
    assert Mutatie.objects.get(pk=mutatie.pk).bedrag == 100


@pytest.mark.postgres
def test_postgresql_refuses_a_delete(mutatie):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM financien_mutatie WHERE id = %s", [mutatie.pk])
    assert Mutatie.objects.filter(pk=mutatie.pk).exists()


def test_the_database_refuses_a_negative_amount(mutatie):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO financien_mutatie (regio_id, soort, rubriek, teken, datum, bedrag,"
            " geldstroom_id, omschrijving, kenmerk, geboekt_op)"
            " VALUES (%s, 'storting', 'storting', 1, '2025-01-01', -5, %s, 'x', '', %s)",
            [mutatie.regio_id, mutatie.geldstroom_id, mutatie.geboekt_op],
        )


def test_the_database_refuses_a_verplichting_without_besluit(mutatie, post):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO financien_mutatie (regio_id, soort, rubriek, teken, datum, bedrag,"
            " geldstroom_id, begrotingspost_id, omschrijving, kenmerk, geboekt_op)"
            " VALUES (%s, 'verplichting', 'verplichting', 1, '2025-01-01', 5, %s, %s, 'x', '', %s)",
            [mutatie.regio_id, mutatie.geldstroom_id, post.pk, mutatie.geboekt_op],
        )
