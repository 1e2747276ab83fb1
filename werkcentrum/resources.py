"""Spreadsheet export of the reference data (django-import-export). The rows come from the
admin's scoped queryset, so a beheerder exports only their own regio."""

from import_export import fields

from .bestanden import VeiligeResource
from .models import Gemeente, Locatie, Organisatie


class GemeenteResource(VeiligeResource):
    class Meta:
        model = Gemeente
        fields = ["naam", "cbs_code", "subregio", "is_centrumgemeente"]
        export_order = fields
        clean_model_instances = True  # an import runs the model's validators


class OrganisatieResource(VeiligeResource):
    type = fields.Field(attribute="get_type_display", column_name="type")
    gemeente = fields.Field(attribute="gemeente__naam", column_name="gemeente")

    class Meta:
        model = Organisatie
        fields = ["naam", "type", "gemeente", "website", "email", "telefoon", "actief"]
        export_order = fields
        clean_model_instances = True  # an import runs the model's validators


class LocatieResource(VeiligeResource):
    gemeente = fields.Field(attribute="gemeente__naam", column_name="gemeente")

    class Meta:
        model = Locatie
        fields = ["naam", "gemeente", "straat", "postcode", "plaats", "actief"]
        export_order = fields
        clean_model_instances = True  # an import runs the model's validators
