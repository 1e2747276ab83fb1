from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

cbs_code_validator = RegexValidator(
    r"^GM\d{4}$", _("Een CBS-gemeentecode is 'GM' gevolgd door vier cijfers, bijvoorbeeld GM0392.")
)
postcode_validator = RegexValidator(
    r"^[1-9]\d{3} ?[A-Z]{2}$", _("Vul een postcode in als 1234 AB.")
)
telefoon_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{8,14}$",
    _("Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 023 511 5115."),
)
