"""Celery tasks of the loket: thin, by primary key, idempotent (the services claim a
sent-marker before mailing)."""

from celery import shared_task

from . import contactroute, mail, services
from .models import Vraag


@shared_task
def vraag_antwoord_mailen(vraag_pk: int) -> int:
    vraag = Vraag.objects.filter(pk=vraag_pk).exclude(email="").first()
    return mail.antwoord_op_vraag(vraag) if vraag else 0


@shared_task
def vraag_ontvangst_mailen(vraag_pk: int) -> bool:
    return services.vraag_ontvangst_versturen(vraag_pk=vraag_pk)


@shared_task
def doorverwijzing_melden(doorverwijzing_pk: int) -> int:
    return contactroute.melding_versturen(doorverwijzing_pk=doorverwijzing_pk)


@shared_task
def tevredenheid_vragen(doorverwijzing_pk: int) -> bool:
    return services.tevredenheid_versturen(doorverwijzing_pk=doorverwijzing_pk)


@shared_task
def vraag_termijnen_bewaken() -> tuple[int, int]:
    return services.vraag_termijnen_bewaken()


@shared_task
def doorverwijzingen_opvolgen() -> tuple[int, int]:
    return services.doorverwijzingen_opvolgen()


@shared_task
def persoonsgegevens_opschonen() -> int:
    return services.persoonsgegevens_opschonen()
