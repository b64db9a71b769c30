"""The built-in stages, registered by importing their modules (like Datasette's DEFAULT_PLUGINS).

DEFAULT_PIPELINE is the chain `dyads run` and `dyads code` use; every name is versioned,
so a store records exactly which components made its records.
"""

from __future__ import annotations

import importlib

BUILTIN_MODULES = (
    "dyads.clean.boilerplate",
    "dyads.annotate.spacy_model",
    "dyads.annotate.parse",
    "dyads.actors.gazetteer",
    "dyads.actors.sectors",
    "dyads.actors.link",
    "dyads.events.lexicon",
    "dyads.events.extract",
    "dyads.events.model",
    "dyads.events.coder",
    "dyads.time.stage",
    "dyads.time.event_dates",
    "dyads.geo.gazetteer",
    "dyads.geo.places",
    "dyads.geo.event_places",
    "dyads.quotes.stage",
    "dyads.quantities.extract",
    "dyads.embed",
    # corpus stages run in this order: duplicates, then stories, then cross-document actors, then
    # merged events (which compare participants' entities)
    "dyads.corpus.dedup",
    "dyads.corpus.stories",
    "dyads.corpus.actors",
    "dyads.corpus.merged",
)

DEFAULT_PIPELINE = (
    "dyads.clean.boilerplate.v2",
    "dyads.annotate.spacy.v1",
    "dyads.time.expressions.v1",
    "dyads.actors.link.v2",
    "dyads.time.published_roles.v1",
    "dyads.events.coder.v2",
    "dyads.time.event_dates.v1",
    "dyads.geo.places.v2",
    "dyads.geo.event_places.v1",
    "dyads.quotes.rules.v1",
    "dyads.quantities.rules.v1",
)


def load_builtin_stages() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)
