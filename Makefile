# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHOWCASE := $(BIN)/showcase
# Material 9.8 prints an end-of-life banner on every `mkdocs` run; it would
# hide our own messages in `make serve`.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site preview chromium test check serve bench fuzz lint clean quotas browser-deps doc-deps font-deps audit golden editor-deps

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

site: $(STAMP) font-deps editor-deps
	$(SHOWCASE) build

check: $(STAMP)
	$(SHOWCASE) check

quotas: $(STAMP)
	$(SHOWCASE) quotas

# A preview for the board: drafts, unapproved and scheduled profiles too, each
# with a banner; never in feeds or sitemaps (see the `preview` plugin option).
serve: $(STAMP)
	SHOWCASE_PREVIEW=true $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

preview: $(STAMP) font-deps
	$(SHOWCASE) build --preview

test: $(STAMP) font-deps browser-deps doc-deps editor-deps
	$(BIN)/python -m pytest -q

# ruff, then mypy (configured in pyproject.toml: strict on store/, content/, plan/, publish/,
# workflow/; normal checking on the rest and on scripts/bench/).
lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

# Rewrite tests/golden/ (the sample site's feed.xml, one quota CSV) from the current
# code; review `git diff tests/golden/` before committing.
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/e2e/test_golden.py

# The benches live beside the package, not in it (scripts/bench/, never in the wheel);
# `make bench BENCHES="site peer"` runs some of them.
bench: $(STAMP)
	PYTHONPATH=scripts $(BIN)/python -m bench $(BENCHES)

fuzz: $(STAMP)
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} $(BIN)/python tests/fuzz/run.py

# Browser tests: Debian's chromium (never a browser downloaded by a test tool) with its
# translations (the units' form is tried in Vietnamese: dates read dd/mm/yyyy),
# Java for the Nu HTML Checker, and the npm test tools pinned in
# tests/browser/package-lock.json. Installs only what is missing.
CHROMIUM := /usr/bin/chromium
BROWSER_DIR := tests/browser
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

# Debian's chromium alone (screenshots in `showcase review`).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && $(APT_INSTALL) chromium; \
	  else echo "chromium: not installed and not root; run 'make chromium' as root."; fi; \
	fi

browser-deps:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	[ -f /usr/lib/chromium/locales/vi.pak ] || missing="$$missing chromium-l10n"; \
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

# The units' form at quan-tri/ of the site: Decap CMS from the npm registry, pinned in
# editor/package-lock.json; the build copies its bundle (editor/node_modules/decap-cms/
# dist) into the site. Without npm the public site is still built, with a warning.
EDITOR_DIR := editor

editor-deps:
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && $(APT_INSTALL) nodejs npm; \
	  else \
	    echo "editor-deps: chưa có npm và không chạy bằng root: trang biên tập quan-tri/ sẽ" \
	         "không được dựng. Cài Node.js và npm, hoặc chạy 'make editor-deps' bằng root."; \
	  fi; \
	fi
	@if command -v npm >/dev/null && { [ ! -f $(EDITOR_DIR)/node_modules/.package-lock.json ] || \
	    [ $(EDITOR_DIR)/package-lock.json -nt $(EDITOR_DIR)/node_modules/.package-lock.json ]; }; then \
	  cd $(EDITOR_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || \
	    echo "editor-deps: không cài được Decap CMS (npm ci): trang biên tập quan-tri/ sẽ không được dựng."; \
	fi

# Share cards shape Khmer and emoji with the libraqm built into Pillow's wheel,
# which loads Debian's libfribidi at run time (Pillow does not bundle it).
font-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q 'libfribidi\.so\.0'; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && $(APT_INSTALL) libfribidi0; \
	  else \
	    echo "font-deps: libfribidi0 is missing and not root: cards with Khmer or emoji" \
	         "cannot be drawn. Run 'make font-deps' as root to install it."; \
	  fi; \
	fi

# Official documents and the honour book (PDF through WeasyPrint): Debian's Pango,
# the fonts embedded in the PDFs (Liberation Serif 2, metric-compatible with Times
# New Roman, for the documents: version 2 has the Vietnamese letters, 1.07 in
# fonts-liberation does not; Noto for the book), and poppler-utils (pdftotext,
# pdftoppm, pdffonts) that the tests read them back with. Installs only what is missing.
DOC_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-liberation2 poppler-utils

doc-deps:
	@missing=""; \
	for p in $(DOC_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && $(APT_INSTALL)$$missing; \
	  else \
	    echo "doc-deps: missing$$missing and not root; PDF documents cannot be made." \
	         "Run 'make doc-deps' as root to install them."; \
	  fi; \
	fi

# Lighthouse (phone emulation, Debian's chromium) on the home page, a listing
# and a profile of the sample site, or of PROFILES synthetic profiles
# (`make audit PROFILES=10000 RUNS=3`); prints the four scores per page.
PROFILES ?= 0
RUNS ?= 1
audit: $(STAMP) browser-deps
	CHROME_PATH=$(CHROMIUM) $(BIN)/python $(BROWSER_DIR)/audit.py --profiles $(PROFILES) --runs $(RUNS) $(if $(ROOT),--root $(ROOT))

clean:
	rm -rf site .site-* .showcase-cache reports bench-out
