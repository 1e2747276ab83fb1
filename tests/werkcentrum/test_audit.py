import pytest
from django.db import DatabaseError, connection, transaction

from werkcentrum import audit
from werkcentrum.models import AuditEvent


@pytest.fixture
def event(maak_gebruiker):
    user = maak_gebruiker("beheerder")
    return audit.persoonsgegevens_ingezien(user, user=user, doel="accountbeheer")


def test_helper_records_who_what_and_why_without_personal_data(event):
    assert event.gebruiker is not None
    assert event.regio == event.gebruiker.regio
    assert event.content_type.model == "medewerker"
    assert event.object_id == str(event.gebruiker.pk)
    assert event.actie == AuditEvent.Actie.INGEZIEN
    assert event.doel == "accountbeheer"
    # The log names the record, it does not copy it.
    assert event.gebruiker.email not in str(event.details)


def _lijst_event(user, ids, **meer) -> AuditEvent:
    return audit.personenlijst_ingezien(
        event="proef_lijst_ingezien",
        user=user,
        doel="bemiddeling",
        context="proefpagina",
        soort="kandidaten",
        ids=ids,
        **meer,
    )


def test_a_list_event_names_each_shown_person_once_by_id_in_page_order(maak_gebruiker):
    user = maak_gebruiker("wsp_adviseur")
    # 7 shown twice, e.g. as a match and as proposed
    lijst = _lijst_event(user, iter([7, 3, 7, 5]))
    lijst.refresh_from_db()
    assert lijst.actie == AuditEvent.Actie.INGEZIEN and lijst.doel == "bemiddeling"
    assert lijst.details == {"context": "proefpagina", "kandidaten": [7, 3, 5]}
    assert lijst.regio == user.regio


def test_a_list_event_under_a_key_no_model_claims_is_refused(maak_gebruiker):
    # The logboek finds a person's list reads through the key: an unknown one would hide them.
    with pytest.raises(ValueError, match="werkzoekenden"):
        audit.personenlijst_ingezien(
            event="proef_lijst_ingezien",
            user=maak_gebruiker("wsp_adviseur"),
            doel="bemiddeling",
            context="proefpagina",
            soort="werkzoekenden",
            ids=[1],
        )
    assert not AuditEvent.objects.filter(event="proef_lijst_ingezien").exists()


def test_an_event_takes_the_regio_of_its_object_along_the_regio_pad(
    superuser, regio_a, regio_b, maak_gebruiker
):
    from tests.wsp.factories import WerkgeverFactory
    from wsp.models import Contactpersoon

    contact = Contactpersoon.objects.create(werkgever=WerkgeverFactory(regio=regio_a), naam="C")
    # Loaded without its werkgever: the regio is looked up, not guessed from the user.
    contact = Contactpersoon.objects.get(pk=contact.pk)
    event = audit.persoonsgegevens_ingezien(contact, user=superuser, doel="toezicht")
    assert event.regio_id == regio_a.pk
    # A regio-less object falls back to the user's regio; neither gives none.
    beheerder = maak_gebruiker("beheerder", regio=regio_b)
    assert audit.persoonsgegevens_ingezien(superuser, user=beheerder, doel="x").regio == regio_b
    assert audit.persoonsgegevens_ingezien(superuser, user=superuser, doel="x").regio is None


def test_saving_an_existing_event_is_refused(event):
    event.doel = "iets anders"
    with pytest.raises(PermissionError):
        event.save()
    event.refresh_from_db()
    assert event.doel == "accountbeheer"


def test_deleting_is_refused_for_instance_and_queryset(event):
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(doel="x")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_raw_sql_update_is_refused_by_the_database(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE werkcentrum_auditevent SET doel = 'vervalst'")
    event.refresh_from_db()
    assert event.doel == "accountbeheer"


@pytest.mark.postgres
def test_raw_sql_delete_is_refused_by_postgresql(event):
    if connection.vendor != "postgresql":
        pytest.skip("the DELETE trigger exists on PostgreSQL only")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM werkcentrum_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres
def test_truncate_is_refused_by_postgresql(event):
    if connection.vendor != "postgresql":
        pytest.skip("the TRUNCATE trigger exists on PostgreSQL only")
    # The event's deferred foreign-key checks must run first, or PostgreSQL refuses the
    # TRUNCATE for pending trigger events, not for our trigger.
    with (
        pytest.raises(DatabaseError, match="TRUNCATE refused"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE werkcentrum_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres
def test_truncate_is_allowed_only_when_the_transaction_says_so(event):
    # How the test flush and a deliberate operator reset the log; nothing else sets this.
    if connection.vendor != "postgresql":
        pytest.skip("the TRUNCATE trigger exists on PostgreSQL only")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL werkcentrum.audit_truncate = 'toegestaan'")
        cursor.execute("TRUNCATE werkcentrum_auditevent")
    assert not AuditEvent.objects.exists()


@pytest.mark.postgres
def test_the_list_lookup_is_served_by_the_gin_index_on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index on details exists on PostgreSQL only")
    # The index serves `details @> ...` on the column itself, not on details -> key.
    qs = AuditEvent.objects.filter(audit.in_lijst("kandidaten", 3))
    sql, params = qs.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(regel for (regel,) in cursor.fetchall())
    assert "audit_details_gin" in plan, plan


def test_a_rolled_back_change_leaves_no_event(maak_gebruiker):
    user = maak_gebruiker("beheerder")
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.persoonsgegevens_gewijzigd(user, user=user, doel="test", velden=["email"])
        raise RuntimeError
    assert not AuditEvent.objects.filter(event="persoonsgegevens_gewijzigd").exists()


def test_admin_offers_no_way_to_change_the_log(client, event, settings):
    from django.urls import reverse

    settings.WERKCENTRUM_MFA_VERPLICHT = False
    beheerder = event.gebruiker
    beheerder.is_staff = True
    beheerder.save()
    client.force_login(beheerder)
    assert client.get(reverse("admin:werkcentrum_auditevent_changelist")).status_code == 200
    delete = client.post(
        reverse("admin:werkcentrum_auditevent_delete", args=[event.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_login_is_logged(client, maak_gebruiker):
    from tests.factories import WACHTWOORD

    user = maak_gebruiker("gids")
    client.post("/accounts/login/", {"login": user.email, "password": WACHTWOORD})
    assert AuditEvent.objects.filter(event="ingelogd", gebruiker=user).count() == 1


def test_the_event_as_stored_is_the_event_returned(maak_gebruiker):
    # Events are written with one INSERT of their own (not Model.save()): the row read back
    # must hold every field the caller was given, and the instance must be a saved one.
    user = maak_gebruiker("wsp_adviseur")
    regel = _lijst_event(user, [3, 7], obj=user)
    gelezen = AuditEvent.objects.get(pk=regel.pk)
    velden = [f.attname for f in AuditEvent._meta.concrete_fields]
    assert [getattr(gelezen, v) for v in velden] == [getattr(regel, v) for v in velden]
    assert gelezen.details == {"context": "proefpagina", "kandidaten": [3, 7]}
    assert gelezen.content_type.model == "medewerker"
    assert not regel._state.adding
