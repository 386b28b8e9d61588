# Two commands do all set-up on a fresh machine (Python 3.11+ and make): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BUILD_DIR := data/build
ARTICLES_DIR := data/articles
# Where `make run` listens: this machine only, unless told (`make run ADDRESS=0.0.0.0` to share it on a network).
ADDRESS ?= 127.0.0.1
# Leaflet and the other map scripts, fetched from the npm registry at install time and served by
# Streamlit's static file serving, so the map renders with no internet (see scripts/vendor.sh).
VENDOR_STAMP := static/vendor/.complete

.PHONY: run test bench eval install install-dev build vendor chromium node postgresql clean screenshot

install: $(VENV)/.installed $(VENDOR_STAMP)

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

vendor: $(VENDOR_STAMP)

$(VENDOR_STAMP): scripts/vendor.sh
	sh scripts/vendor.sh static/vendor

$(BUILD_DIR)/control.geojson:
	$(MAKE) build

build: install
	$(PY) -m geo build --articles $(ARTICLES_DIR) --out $(BUILD_DIR)

# The extractor scored on the annotated corpus of eval/ (README "Evaluation"): prints the scores and
# writes eval/results.json. Options: make eval EVAL_ARGS="--split test".
eval: install
	$(PY) -m geo.eval $(EVAL_ARGS)

run: install $(BUILD_DIR)/control.geojson
	$(PY) -m streamlit run dashboard.py --server.address $(ADDRESS)

# Debian's chromium for the browser tests; Playwright never downloads a browser of its own.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Debian's nodejs runs the map's JavaScript unit tests (tests/js).
node:
	@command -v node >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs; }

# Debian's PostgreSQL server: the store's tests start one of their own (tests/postgres.py), as the
# `postgres` user when run as root; nothing is left running and the package's own cluster is not used.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql; }

test: install install-dev chromium node postgresql
	$(PY) -m pytest

# The README's picture of the dashboard (docs/screenshot.png), taken by the browser test that checks it.
screenshot: install install-dev chromium
	GEO_SCREENSHOT=$(CURDIR)/docs/screenshot.png $(PY) -m pytest -q tests/e2e/test_dashboard_browser.py -k screenshot

# Benchmarks, not tests (see bench/run.py and the README's Scale section): 15–25 minutes on 2 cores.
bench: install install-dev chromium
	$(PY) -m bench.run

clean:
	rm -rf $(BUILD_DIR) static/vendor
