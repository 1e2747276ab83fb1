from rest_framework.permissions import DjangoModelPermissions


class RegioModelPermissions(DjangoModelPermissions):
    """Model permissions from the user's roles, reading included (DRF lets any logged-in user
    read by default; we do not). Object scoping happens in the viewset's queryset."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }
