"""Evaluation against gold data: each scorer returns plain numbers; the CLI prints the tables."""
