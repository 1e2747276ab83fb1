"""Renderers of the API (apart from werkcentrum.api: DRF reads them while it loads its views)."""

from __future__ import annotations

from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable API without its filter dialog: that template puts style= attributes on
    its button, which the strict CSP refuses. The filters stay in the query string and the
    OpenAPI schema."""

    def get_filter_form(self, data, view, request):
        return None
