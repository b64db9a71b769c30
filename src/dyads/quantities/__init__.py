"""Quantities: numbers, what they count and whose they are."""
