import math

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Staff accounts are created by the regio's beheerder, never by sign-up.
        return False

    def authenticate(self, request, **credentials):
        # A service account (an integration, werkcentrum.api_tokens) never logs in with a
        # password. allauth hands back a user its backend refused (to show "inactive"), so
        # the refusal has to happen here too, counted as a failed attempt.
        user = super().authenticate(request, **credentials)
        if user is not None and getattr(user, "serviceaccount", False):
            self.authentication_failed(request, **credentials)
            return None
        return user

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # The forced first TOTP set-up comes right after the password was typed; asking for
        # it again adds nothing. Changing an existing second factor still needs it.
        from allauth.mfa.models import Authenticator

        request = context.request
        user = getattr(request, "user", None)
        if (
            app == "allauth.mfa"
            and user is not None
            and user.is_authenticated
            and not Authenticator.objects.filter(user=user).exists()
        ):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def validation_error(self, code, *args) -> ValidationError:
        # allauth's "try again later" does not say for how long; a locked-out user should know.
        if code == "too_many_login_attempts":
            minuten = math.ceil(settings.LOGIN_BLOKKADE_SECONDEN / 60)
            return ValidationError(
                _(
                    "Te veel mislukte inlogpogingen. Inloggen is daarom tijdelijk "
                    "geblokkeerd: probeer het over %(minuten)s minuten opnieuw."
                )
                % {"minuten": minuten},
                code=code,
            )
        return super().validation_error(code, *args)
