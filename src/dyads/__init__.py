"""dyads: read news, rebuild the political system it describes as PLOVER event data."""

__version__ = "0.1.0"
