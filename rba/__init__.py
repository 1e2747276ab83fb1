"""Governance: overlegorganen, vergaderingen, besluiten, acties, strategische agenda."""
