"""Werkgeversdienstverlening: accounts, vacatures, kandidaten, plaatsingen, nazorg."""
