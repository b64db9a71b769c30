"""Annotate: spaCy sentences, tokens, parse and named-entity mentions."""
