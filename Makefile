# WardStation. The two set-up commands on a fresh machine are `make run` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test compliance setup setup-test lint typecheck translations lupdate bench screenshots screenshots-offline deb deb-test clean

setup:
	@scripts/bootstrap.sh

setup-test:
	@WITH_TEST_PACKAGES=1 scripts/bootstrap.sh

resources/translations/%.qm: resources/translations/%.ts
	@.venv/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

## The GUI on the embedded demo database (created and seeded on first run).
run: setup translations
	$(PY) main.py

## Lint, type check and the whole test suite (what CI runs).
test: setup-test translations
	$(PY) -m ruff check .
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

## SQLAlchemy's dialect compliance suite: postgresql+psycopg2 vs kingbase+ksycopg2 on a throwaway
## PostgreSQL 15 (tests/compliance/run.py; KINGBASE_TEST_URL / DM_TEST_URL / ORACLE_TEST_URL opt in).
compliance: setup-test
	$(PY) tests/compliance/run.py

lint: setup
	$(PY) -m ruff check .

typecheck: setup
	$(PY) -m mypy

## Re-extract translatable strings from ui/ into the .ts files (no line numbers, so branches merge).
lupdate: setup
	.venv/bin/pyside6-lupdate $$(git ls-files 'ui/*.py') -locations none -no-obsolete -ts $(TS)

bench: setup translations
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

## PNGs of the login page, ward and chart on a fresh demo database (Xvfb when there is no display).
screenshots: setup-test translations
	$(PY) scripts/screenshots.py

## PNGs of the offline fallback: status bar, a chart read from the replica, the conflict screen.
screenshots-offline: setup-test translations
	$(PY) scripts/screenshots_offline.py

deb: setup
	packaging/build_deb.sh

deb-test: deb
	packaging/test_deb.sh

clean:
	rm -rf packaging/build packaging/out .pytest_cache .mypy_cache .ruff_cache
