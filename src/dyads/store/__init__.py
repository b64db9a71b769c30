"""Store: DuckDB schema, the single writer, and exports."""

from dyads.store.store import Store

__all__ = ["Store"]
