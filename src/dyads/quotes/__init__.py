"""Quotes: direct quotations and reported speech, with speakers resolved to entities."""
