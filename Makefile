# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-time bench lint translations clean installer installer-check bench-installer

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip 1>&2
	@$(PY) -m pip install --quiet -e ".[dev]" 1>&2
	@touch $(STAMP)

# First the system libraries Qt's window needs (Linux): the exact install line if any lacks.
run: $(STAMP)
	@$(PY) scripts/check_system.py
	$(VENV)/bin/furikaeri demo

test: $(STAMP)
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# How long `make test` takes here (installed first): one JSON line {"make_test_s": N} on stdout.
test-time: $(STAMP)
	@MAKE="$(MAKE)" $(PY) scripts/time_make_test.py

# The app is measured as installed: pip compiles a wheel's modules to bytecode, an
# editable install does not (and PYTHONDONTWRITEBYTECODE may forbid caching them).
bench: $(STAMP)
	@$(PY) -m compileall -q facilitator ui 1>&2
	@QT_QPA_PLATFORM=offscreen $(PY) scripts/bench.py

# Re-extract every tr()/translate()/QT_TRANSLATE_NOOP string (pyside6-lupdate) and list
# those still lacking Japanese.
translations: $(STAMP)
	$(PY) scripts/translations.py update

# The one-folder app (dist/furikaeri, ~5 minutes): PyInstaller from the `installer` extra.
INSTALLER_STAMP := $(VENV)/.installer-stamp
$(INSTALLER_STAMP): $(STAMP)
	@$(PY) -m pip install --quiet -e ".[dev,installer]" 1>&2
	@touch $(INSTALLER_STAMP)

installer: $(INSTALLER_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build_installer.spec
	@du -sm dist/furikaeri

# Runs the built app as a user's machine would (clean environment, no Python on PATH).
installer-check: $(STAMP)
	@test -x dist/furikaeri/furikaeri || $(MAKE) installer
	$(PY) scripts/installer_check.py dist/furikaeri

# installer_mb, installer_start_s, installer_start_ratio (frozen app against the venv).
bench-installer: $(STAMP)
	@test -x dist/furikaeri/furikaeri || $(MAKE) installer
	@$(PY) -m compileall -q facilitator ui 1>&2
	@QT_QPA_PLATFORM=offscreen $(PY) scripts/bench.py --only installer_mb,installer_start_s,installer_start_ratio

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
