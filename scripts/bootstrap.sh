#!/usr/bin/env bash
# Prepares this machine for running and testing WardStation:
#   1. Debian packages (Qt runtime libraries, CJK font, PostgreSQL for the tests, Xvfb, poppler)
#      when run as root; a clear message with the command to run otherwise;
#   2. a virtual environment in .venv with the Python packages from pyproject.toml.
# Idempotent and quiet when there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
WITH_TEST_PACKAGES=${WITH_TEST_PACKAGES:-0}

RUNTIME_DEBS="libglib2.0-0 libgl1 libxkbcommon0 libegl1 libfreetype6 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libxrender1 libsm6 libice6
  fonts-wqy-zenhei"
TEST_DEBS="postgresql xvfb xauth poppler-utils dbus-x11 make desktop-file-utils gnome-keyring cups
  cups-client printer-driver-cups-pdf"

missing=()
want="$RUNTIME_DEBS"
[ "$WITH_TEST_PACKAGES" = 1 ] && want="$want $TEST_DEBS"
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bootstrap: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: these Debian packages are missing: ${missing[*]}" >&2
    echo "bootstrap: run as root:  sudo apt-get install -y ${missing[*]}" >&2
    echo "bootstrap: continuing; without them the GUI may not start and some tests are skipped." >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "bootstrap: creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "bootstrap: installing Python packages into $VENV (a few minutes the first time)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" scripts/requirements.py dm kingbase oracle sqlcipher dev > "$VENV/requirements.txt"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$VENV/requirements.txt"
  touch "$stamp"
fi
