# The README's two commands: `make run` opens the console on the demo database, `make test` runs every test.
# Both install what they need first (Debian packages, .venv, translations) through packaging/setup-dev.sh.
PY := .venv/bin/python
ARGS ?=

.PHONY: setup run test bench screenshots package
setup:
	@bash packaging/setup-dev.sh

run: setup
	@$(PY) main.py $(ARGS)

# The packaging test starts the bundle `make package` builds (about 2.5 min) as IT staff would.
test: setup package
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/unit tests/db tests/gui tests/package

# PyInstaller onedir bundle dist/pingan/ with a trimmed libVLC, and its archive dist/pingan-console-*.tar.gz.
package: setup
	@bash packaging/build.sh

bench: setup
	@QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run_all

# Every panel's screenshot in docs/screenshots: the main window on the demo database, the map views
# (DB=FILE for a city-scale database), then each panel on a freshly seeded small district.
SCREENSHOT_SCRIPTS := inbox intake dispatch dossier import review card
screenshots: setup
	@QT_QPA_PLATFORM=offscreen $(PY) main.py --screenshot docs/screenshots/main_window.png
	@QT_QPA_PLATFORM=offscreen $(PY) -m tests.gui.map_screenshots $(if $(DB),--db $(DB))
	@for s in $(SCREENSHOT_SCRIPTS); do QT_QPA_PLATFORM=offscreen $(PY) -m tests.gui.$${s}_screenshots || exit 1; done
