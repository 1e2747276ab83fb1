"""Regionale reserve arbeidsmarkt: geldstromen, begroting, verplichtingen, mutaties."""
