"""The REST API and the web page: `dyads serve --db corpus.duckdb`."""
