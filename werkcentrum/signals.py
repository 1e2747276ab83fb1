from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import audit


@receiver(user_logged_in, dispatch_uid="werkcentrum_audit_login")
def _log_login(sender, request, user, **kwargs) -> None:
    audit.ingelogd(user)
