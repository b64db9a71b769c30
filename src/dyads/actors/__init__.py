"""Actors: gazetteers, name normalization, in-document linking and corpus-wide resolution."""
