#!/usr/bin/env bash
# make deb: build the WardStation bundle in a Debian 11 root (glibc 2.31), bind it to glibc <= 2.28
# (UOS 20; packaging/glibc_pin.py) and wrap it in the UOS and Kylin .deb files. Output:
# packaging/out/*.deb. Cached under packaging/build/ (git-ignored): the
# debootstrap tarball, the build root with its venv, pip downloads, PyInstaller's work folder.
#   WS_ARCH=amd64 (default) | arm64 (built under qemu-user-static via binfmt_misc; PySide6 6.8.0.2,
#     the last aarch64 wheel for glibc 2.31; its default floor is 2.31: Qt needs pthread_cond_clockwait@2.30)
#   WS_SOURCE=head (default: the committed tree, `git archive HEAD`) | worktree (tracked + untracked files)
#   WS_GLIBC_FLOOR=2.28 on amd64 (UOS 20; Kylin V10 SP1 has 2.31), 2.31 on arm64 (the build fails if
#     any ELF in the bundle needs more)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
TOP="$(cd "$HERE/.." && pwd)"
cd "$TOP"
# shellcheck source=packaging/bullseye_root.sh
source "$HERE/bullseye_root.sh"
ARCH="${WS_ARCH:-amd64}"
SOURCE="${WS_SOURCE:-head}"
if [ "$ARCH" = arm64 ]; then FLOOR="${WS_GLIBC_FLOOR:-2.31}"; else FLOOR="${WS_GLIBC_FLOOR:-2.28}"; fi
case "$ARCH" in amd64) TRIPLET=x86_64-linux-gnu ;; arm64) TRIPLET=aarch64-linux-gnu ;; *) TRIPLET="$ARCH-linux-gnu" ;; esac
PY="${PY:-$TOP/.venv/bin/python}"
ROOT="$BUILD/root-$ARCH"
OUT="$HERE/out"
[ "$(id -u)" = 0 ] || { echo "packaging: make deb needs root (debootstrap, chroot)" >&2; exit 1; }
# The tools on this machine (Debian packages): installed here when missing, as bootstrap.sh does.
need=""
for pair in debootstrap:debootstrap dpkg-deb:dpkg lintian:lintian; do
  command -v "${pair%%:*}" >/dev/null || need="$need ${pair#*:}"
done
if [ -n "$need" ]; then
  echo "packaging: installing$need"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null; }
fi
mkdir -p "$BUILD" "$BUILD/pip-cache"
trap 'root_umount "$ROOT"' EXIT
t0=$(date +%s)

# 1. The build root: bullseye + Python 3.9 + the libraries PyInstaller must resolve.
BUILD_DEBS="python3 python3-venv python3-dev binutils ca-certificates fonts-wqy-zenhei
  libglib2.0-0 libgl1 libxkbcommon0 libegl1 libfreetype6 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libxrender1 libsm6 libice6 libcups2"
stamp="$ROOT/.ws-provisioned"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(echo $BUILD_DEBS | md5sum)" ]; then
  echo "packaging: preparing the bullseye build root ($ROOT)"
  root_fresh "$ARCH" "$ROOT"
  root_mount "$ROOT"
  root_run "$ROOT" "apt-get update -qq && apt-get install -y -qq --no-install-recommends $(echo $BUILD_DEBS)" \
    >"$BUILD/root-$ARCH-apt.log" 2>&1 || { echo "packaging: apt-get in the root failed, see $BUILD/root-$ARCH-apt.log" >&2; exit 1; }
  echo $BUILD_DEBS | md5sum >"$stamp"
fi
root_mount "$ROOT"
mkdir -p "$ROOT/root/.cache/pip"
mountpoint -q "$ROOT/root/.cache/pip" || mount --bind "$BUILD/pip-cache" "$ROOT/root/.cache/pip"

# 2. The Python packages (pyproject.toml + every driver extra + PyInstaller) in a venv inside the root.
"$PY" scripts/requirements.py dm kingbase oracle sqlcipher package >"$ROOT/tmp/ws-requirements.txt"
# PySide6's aarch64 wheels after 6.8.0.2 need glibc 2.39: arm64 stays on 6.8.0.2 (manylinux_2_31).
if [ "$ARCH" = arm64 ]; then
  sed -i 's/^PySide6-Essentials\b.*/PySide6-Essentials==6.8.0.2/' "$ROOT/tmp/ws-requirements.txt"
fi
req_sum=$(md5sum <"$ROOT/tmp/ws-requirements.txt")
# pip inside the root trusts what this machine trusts (a proxy's CA, if any).
[ -f /etc/ssl/certs/ca-certificates.crt ] && cp /etc/ssl/certs/ca-certificates.crt "$ROOT/tmp/ws-host-ca.crt"
if [ ! -f "$ROOT/opt/wsbuild/.req" ] || [ "$(cat "$ROOT/opt/wsbuild/.req")" != "$req_sum" ]; then
  echo "packaging: installing the Python packages into the build root (pip cache: $BUILD/pip-cache)"
  root_run "$ROOT" "set -e; [ -f /tmp/ws-host-ca.crt ] && export PIP_CERT=/tmp/ws-host-ca.crt; python3 -m venv /opt/wsbuild/venv
    /opt/wsbuild/venv/bin/pip install -q --disable-pip-version-check --upgrade pip wheel
    /opt/wsbuild/venv/bin/pip install -q --disable-pip-version-check --only-binary=PySide6-Essentials,shiboken6,dmpython,ksycopg2,sqlcipher3,oracledb,psycopg2-binary -r /tmp/ws-requirements.txt" \
    >"$BUILD/pip-$ARCH.log" 2>&1 || { echo "packaging: pip failed in the root, see $BUILD/pip-$ARCH.log" >&2; tail -5 "$BUILD/pip-$ARCH.log" >&2; exit 1; }
  echo "$req_sum" >"$ROOT/opt/wsbuild/.req"
fi

# 3. The source: what is committed (or the work tree), with packaging/ always from the work tree.
rm -rf "$ROOT/src"; mkdir -p "$ROOT/src"
if [ "$SOURCE" = worktree ]; then
  git ls-files -z -co --exclude-standard | grep -zv '^packaging/' | xargs -0 -I{} cp --parents -P {} "$ROOT/src/" 2>/dev/null || true
else
  git archive HEAD | tar -x -C "$ROOT/src"
  rm -rf "$ROOT/src/packaging"
fi
tar -C "$TOP" --exclude=packaging/build --exclude=packaging/out --exclude=__pycache__ -cf - packaging | tar -C "$ROOT/src" -xf -
echo "packaging: source $SOURCE ($(git rev-parse --short HEAD)$([ -n "$(git status --porcelain -- app ui dbdrivers resources main.py)" ] && echo ', work tree has uncommitted app changes'))"

# 4. Translations (.qm are build products) and the PyInstaller bundle.
root_run "$ROOT" "set -e; cd /src; for ts in resources/translations/*.ts; do [ -e \"\$ts\" ] || continue;
  /opt/wsbuild/venv/bin/pyside6-lrelease -silent \"\$ts\" -qm \"\${ts%.ts}.qm\"; done"
echo "packaging: PyInstaller (onedir, stripped)"
root_run "$ROOT" "cd /src && WS_SRC=/src /opt/wsbuild/venv/bin/pyinstaller --noconfirm --log-level WARN \
  --distpath /ws/dist --workpath /ws/work packaging/wardstation.spec" >"$BUILD/pyinstaller-$ARCH.log" 2>&1 \
  || { echo "packaging: PyInstaller failed, see $BUILD/pyinstaller-$ARCH.log" >&2; tail -20 "$BUILD/pyinstaller-$ARCH.log" >&2; exit 1; }
BUNDLE="$ROOT/ws/dist/wardstation"
# No tests, no caches, no debug symbols left behind.
find "$BUNDLE" -name __pycache__ -prune -exec rm -rf {} +
# glibc 2.29 re-versioned exp/exp2/log/log2/pow and kept the old versions: bullseye's libpython,
# libsqlite3 and libpng16 are bound to the old ones so they load on glibc 2.28 (step 6 checks).
"$PY" "$HERE/glibc_pin.py" "$BUNDLE" --floor "$FLOOR" --root "$ROOT" --libdir "/lib/$TRIPLET" \
  --libdir "/usr/lib/$TRIPLET" | tee "$BUILD/glibc-pin-$ARCH.txt" || true

# 5. The bundle runs inside the root it was built in (a smoke test of the frozen imports; every
# symbol bound at start, so a pinned reference that does not resolve fails here).
# A failure counts only when the same command works from the source (the app may be mid-way).
if ! root_run "$ROOT" "LD_BIND_NOW=1 /ws/dist/wardstation/wardstation --help >/dev/null 2>/tmp/ws-smoke.err"; then
  if root_run "$ROOT" "cd /src && /opt/wsbuild/venv/bin/python main.py --help >/dev/null 2>&1"; then
    echo "packaging: the bundle fails where the source works (wardstation --help):" >&2
    tail -5 "$ROOT/tmp/ws-smoke.err" >&2; exit 1
  fi
  echo "packaging: WARNING: 'main.py --help' fails in the source too: $(tail -1 "$ROOT/tmp/ws-smoke.err")" >&2
fi

# 6. glibc floor, then the two packages and lintian.
"$PY" "$HERE/glibc_check.py" "$BUNDLE" --floor "$FLOOR" --quiet | tee "$BUILD/glibc-$ARCH.txt"
mkdir -p "$OUT"; rm -f "$OUT"/*_"$ARCH".deb
"$PY" "$HERE/build_debs.py" --bundle "$BUNDLE" --arch "$ARCH" --glibc-floor "$FLOOR" --out "$OUT" --work "$BUILD/stage-$ARCH"
if command -v lintian >/dev/null; then
  for deb in "$OUT"/*_"$ARCH".deb; do
    lintian --fail-on error "$deb" || { echo "packaging: lintian errors in $deb" >&2; exit 1; }
  done
else
  echo "packaging: lintian not installed: skipped (apt-get install lintian)"
fi
echo "packaging: done in $(( $(date +%s) - t0 )) s: $(cd "$OUT" && ls *_"$ARCH".deb | tr '\n' ' ')"
