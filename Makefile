# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHOWCASE := $(BIN)/showcase
# Material 9.8 prints an end-of-life banner on every `mkdocs` run; it would
# hide our own messages in `make serve`.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve bench fuzz lint clean quotas browser-deps audit

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

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

bench: $(STAMP)
	$(BIN)/python -m showcase.bench

fuzz: $(STAMP)
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} $(BIN)/python tests/fuzz/run.py

# Browser tests: Debian's chromium (never a browser downloaded by a test tool),
# Java for the Nu HTML Checker, and the npm test tools pinned in
# tests/browser/package-lock.json. Installs only what is missing.
CHROMIUM := /usr/bin/chromium
BROWSER_DIR := tests/browser
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

browser-deps:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && $(APT_INSTALL)$$missing; \
	  else \
	    echo "browser-deps: missing$$missing and not root; the browser tests will be skipped." \
	         "Run 'make browser-deps' as root to install them."; \
	  fi; \
	fi
	@if command -v npm >/dev/null && { [ ! -f $(BROWSER_DIR)/node_modules/.package-lock.json ] || \
	    [ $(BROWSER_DIR)/package-lock.json -nt $(BROWSER_DIR)/node_modules/.package-lock.json ]; }; then \
	  cd $(BROWSER_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	fi

# Lighthouse (phone emulation, Debian's chromium) on the home page, a listing
# and a profile of the sample site, or of PROFILES synthetic profiles
# (`make audit PROFILES=10000 RUNS=3`); prints the four scores per page.
PROFILES ?= 0
RUNS ?= 1
audit: $(STAMP) browser-deps
	CHROME_PATH=$(CHROMIUM) $(BIN)/python $(BROWSER_DIR)/audit.py --profiles $(PROFILES) --runs $(RUNS)

clean:
	rm -rf site .site-* .showcase-cache reports bench-out
