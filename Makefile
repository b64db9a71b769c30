# Two commands matter: `make run` (process the sample corpus) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= corpus.duckdb

.PHONY: install run test eval bench clean

install: $(STAMP)

# torch goes first, pinned, so that pip takes the local CPU build and not GBs of CUDA wheels.
$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[embed,server,test]"
	touch $(STAMP)

run: install
	$(BIN)/dyads run examples/seeds --db $(DB)

test: install
	$(BIN)/python -m pytest -q tests

eval: install
	$(BIN)/dyads eval events ../shared/eval/plover_gsr.dev.jsonl

bench: install
	$(BIN)/dyads bench examples/seeds

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
