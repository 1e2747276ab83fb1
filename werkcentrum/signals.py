from allauth.mfa.signals import authenticator_removed
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import audit
from .middleware import forget_totp, sessie_bij_inloggen


@receiver(user_logged_in, dispatch_uid="werkcentrum_audit_login")
def _log_login(sender, request, user, **kwargs) -> None:
    audit.ingelogd(user)


@receiver(user_logged_in, dispatch_uid="werkcentrum_sessie_bij_inloggen")
def _sessie_bij_inloggen(sender, request, user, **kwargs) -> None:
    sessie_bij_inloggen(request, user)


@receiver(authenticator_removed, dispatch_uid="werkcentrum_totp_vergeten")
def _vergeet_totp(sender, request, user, **kwargs) -> None:
    # The two-factor middleware remembers a seen TOTP in the session; ask again now.
    forget_totp(request)
