# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHOWCASE := $(BIN)/showcase

.PHONY: site test check serve bench fuzz lint clean quotas browser-deps

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

site: $(STAMP)
	$(SHOWCASE) build

check: $(STAMP)
	$(SHOWCASE) check

quotas: $(STAMP)
	$(SHOWCASE) quotas

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

bench: $(STAMP)
	$(BIN)/python -m showcase.bench

fuzz: $(STAMP)
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} $(BIN)/python tests/fuzz/run.py

clean:
	rm -rf site .site-* .showcase-cache reports bench-out
