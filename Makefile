# The README's two commands: `make run` opens the console on the demo database, `make test` runs every test.
# Both install what they need first (Debian packages, .venv, translations) through packaging/setup-dev.sh.
PY := .venv/bin/python
ARGS ?=

.PHONY: setup run test bench lint screenshots
setup:
	@bash packaging/setup-dev.sh

run: setup
	@$(PY) main.py $(ARGS)

test: setup
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/unit tests/db tests/gui

bench: setup
	@QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run_all

# Main window on the demo database, then the map views (DB=FILE for a city-scale database).
screenshots: setup
	@QT_QPA_PLATFORM=offscreen $(PY) main.py --screenshot docs/screenshots/main_window.png
	@QT_QPA_PLATFORM=offscreen $(PY) -m tests.gui.map_screenshots $(if $(DB),--db $(DB))
