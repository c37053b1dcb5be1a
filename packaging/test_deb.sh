#!/usr/bin/env bash
# make deb-test: install each built .deb into a clean Debian 11 root and use it as IT and a nurse would.
#   1. apt-get install ./pkg.deb in a fresh bullseye root (a copy of the cached debootstrap tarball)
#   2. as an ordinary user: `wardstation check --url sqlite:///...`, `wardstation db sql --dialect dm`
#   3. the desktop entry's Exec under Xvfb: first window seen, screenshot packaging/out/screenshot-*.png
#   4. fcitx5 (Kylin package only): type "nihao" + space into the focused field, expect 你好
#   5. nothing written below /opt while running; after `apt-get purge`, nothing left under /opt and /usr
# Too slow for CI (two roots, apt, Xvfb): run by hand as `make deb-test`. Needs root.
# WS_TEST_VARIANTS="kylin uos" (default both), WS_SKIP_FCITX=1 to skip step 4.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
TOP="$(cd "$HERE/.." && pwd)"
# shellcheck source=packaging/bullseye_root.sh
source "$HERE/bullseye_root.sh"
PY="${PY:-$TOP/.venv/bin/python}"
OUT="$HERE/out"
ARCH="${WS_ARCH:-amd64}"
DISPLAY_NUM="${WS_TEST_DISPLAY:-77}"
FAILS=0
ok() { echo "deb-test: PASS $*"; }
bad() { echo "deb-test: FAIL $*" >&2; FAILS=$((FAILS + 1)); }
host_debs="xvfb x11-utils xdotool xclip dbus-x11 fcitx5 fcitx5-chinese-addons"
missing=""
for p in $host_debs; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "deb-test: installing on this machine:$missing"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

XPID=""; FPID=""; FXPID=""; ROOT=""
cleanup() {
  [ -n "$FXPID" ] && kill "$FXPID" 2>/dev/null || true
  [ -n "$FPID" ] && kill "$FPID" 2>/dev/null || true
  [ -n "$XPID" ] && kill "$XPID" 2>/dev/null || true
  [ -n "$ROOT" ] && root_umount "$ROOT"
}
trap cleanup EXIT
Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
sleep 1

as_user() {  # CMD...: run a shell line inside the root as the nurse, on the test display and session bus
  chroot "$ROOT" /usr/bin/env -i HOME=/home/nurse USER=nurse LANG=C.UTF-8 PATH=/usr/bin:/bin \
    DISPLAY=":$DISPLAY_NUM" ${DBUS_ADDR:+DBUS_SESSION_BUS_ADDRESS=$DBUS_ADDR} \
    /usr/sbin/runuser -u nurse -- /bin/sh -c "$*"
}

test_variant() {
  local variant="$1" deb="$2"
  ROOT="$BUILD/test-root-$variant"
  echo "deb-test: === $variant: $(basename "$deb") in a fresh bullseye root"
  root_fresh "$ARCH" "$ROOT"
  root_mount "$ROOT"
  mkdir -p "$ROOT/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
  root_run "$ROOT" "apt-get update -qq" >/dev/null
  root_run "$ROOT" "find /opt /usr | sort" >"$BUILD/test-$variant-before.txt"
  cp "$deb" "$ROOT/tmp/"
  local t0; t0=$(date +%s%N)
  if root_run "$ROOT" "apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb")" >"$BUILD/test-$variant-apt.log" 2>&1; then
    ok "$variant: apt-get install ($(( ($(date +%s%N) - t0) / 1000000 )) ms, with dependencies)"
  else
    bad "$variant: apt-get install, see $BUILD/test-$variant-apt.log"; return
  fi
  root_run "$ROOT" "useradd -m -s /bin/sh nurse"
  touch "$ROOT/tmp/ws-marker"; sleep 1

  # 2. The IT command line from the bundle.
  if as_user "wardstation check --url sqlite:////home/nurse/check.db" >"$BUILD/test-$variant-check.txt" 2>&1; then
    ok "$variant: wardstation check --url sqlite:///... -> $(head -c 200 "$BUILD/test-$variant-check.txt" | tr '\n' ' ')"
  else
    bad "$variant: wardstation check: $(tail -3 "$BUILD/test-$variant-check.txt")"
  fi
  if as_user "wardstation db sql --dialect dm" >"$BUILD/test-$variant-dm.sql" 2>&1 && grep -q "CREATE TABLE" "$BUILD/test-$variant-dm.sql"; then
    ok "$variant: wardstation db sql --dialect dm ($(grep -c 'CREATE TABLE' "$BUILD/test-$variant-dm.sql") CREATE TABLE)"
  else
    bad "$variant: wardstation db sql --dialect dm: $(tail -3 "$BUILD/test-$variant-dm.sql")"
  fi

  # 3. The desktop entry, as the desktop would run it.
  local desktop
  desktop=$(root_run "$ROOT" "ls /usr/share/applications/*.desktop /opt/apps/*/entries/applications/*.desktop 2>/dev/null | head -1")
  local exec_line; exec_line=$(sed -n 's/^Exec=//p' "$ROOT$desktop" | sed 's/ %[fFuU]//')
  echo "deb-test: desktop entry $desktop: Exec=$exec_line"
  local shot="$OUT/screenshot-$variant.png"
  if "$PY" "$HERE/xwait.py" --display ":$DISPLAY_NUM" --timeout 60 --screenshot "$shot" --settle 4 -- \
      chroot "$ROOT" /usr/bin/env -i HOME=/home/nurse USER=nurse LANG=zh_CN.UTF-8 PATH=/usr/bin:/bin \
      DISPLAY=":$DISPLAY_NUM" /usr/sbin/runuser -u nurse -- "$exec_line" >"$BUILD/test-$variant-gui.json"; then
    ok "$variant: window up $(cat "$BUILD/test-$variant-gui.json"), screenshot $shot"
  else
    bad "$variant: no window from the desktop entry within 60 s"
  fi
  sleep 1
  local config; config=$(cd "$ROOT/home/nurse" && find .config .local .cache -type f 2>/dev/null | head -5 | tr '\n' ' ' || true)
  echo "deb-test: files the app wrote in the user's XDG dirs: ${config:-none}"

  # 4. Chinese input through fcitx5 (answering the ibus protocol), Kylin package only.
  if [ "$variant" = kylin ] && [ "${WS_SKIP_FCITX:-0}" != 1 ]; then
    test_fcitx
  fi

  # 5. Nothing written below /opt; nothing left after purge.
  local written; written=$(find "$ROOT/opt" -newer "$ROOT/tmp/ws-marker" 2>/dev/null | head -5)
  [ -z "$written" ] && ok "$variant: nothing written below /opt while running" || bad "$variant: written below /opt: $written"
  local pkg; pkg=$(dpkg-deb -f "$deb" Package)
  root_run "$ROOT" "apt-get purge -y -qq $pkg && apt-get autoremove --purge -y -qq" >>"$BUILD/test-$variant-apt.log" 2>&1 \
    || bad "$variant: apt-get purge"
  root_run "$ROOT" "find /opt /usr | sort" >"$BUILD/test-$variant-after.txt"
  local left; left=$(comm -13 "$BUILD/test-$variant-before.txt" "$BUILD/test-$variant-after.txt" | head -10)
  [ -z "$left" ] && ok "$variant: purge leaves /opt and /usr exactly as before install" || bad "$variant: left after purge: $left"
  root_umount "$ROOT"
}

test_fcitx() {
  # A desktop session for the nurse: one D-Bus session bus and fcitx5 running as the nurse's uid
  # (the bus admits only its owner), the pinyin engine active, as on a Kylin desktop.
  local uid; uid=$(chroot "$ROOT" id -u nurse)
  local gid; gid=$(chroot "$ROOT" id -g nurse)
  local as_nurse="setpriv --reuid=$uid --regid=$gid --clear-groups"
  local busdir="$ROOT/tmp/ws-bus"
  mkdir -p "$busdir"; chown "$uid:$gid" "$busdir"
  DBUS_ADDR="unix:path=/tmp/ws-bus/session"
  local home="$BUILD/fcitx-home"; rm -rf "$home"; mkdir -p "$home/.config/fcitx5"
  printf '[Groups/0]\nName=Default\nDefault Layout=us\nDefaultIM=pinyin\n\n[Groups/0/Items/0]\nName=keyboard-us\nLayout=\n\n[Groups/0/Items/1]\nName=pinyin\nLayout=\n\n[GroupOrder]\n0=Default\n' >"$home/.config/fcitx5/profile"
  chown -R "$uid:$gid" "$home"
  local host_bus="unix:path=$busdir/session"
  HOME=$home $as_nurse dbus-daemon --session --address="$host_bus" --nofork --nopidfile >/dev/null 2>&1 & FPID=$!
  sleep 0.5
  HOME=$home DISPLAY=":$DISPLAY_NUM" DBUS_SESSION_BUS_ADDRESS="$host_bus" $as_nurse fcitx5 -r --disable=wayland \
    >"$BUILD/fcitx5.log" 2>&1 & FXPID=$!
  sleep 3
  setsid chroot "$ROOT" /usr/bin/env -i HOME=/home/nurse USER=nurse LANG=zh_CN.UTF-8 PATH=/usr/bin:/bin \
    DISPLAY=":$DISPLAY_NUM" DBUS_SESSION_BUS_ADDRESS="$DBUS_ADDR" /usr/sbin/runuser -u nurse -- wardstation \
    >"$BUILD/test-fcitx-gui.log" 2>&1 &
  local gui=$!
  local i; for i in $(seq 1 60); do
    DISPLAY=":$DISPLAY_NUM" xdotool search --onlyvisible --class . >/dev/null 2>&1 && break; sleep 0.5
  done
  sleep 4
  local win; win=$(DISPLAY=":$DISPLAY_NUM" xdotool search --onlyvisible --class . | head -1)
  DISPLAY=":$DISPLAY_NUM" xdotool windowfocus --sync "$win" 2>/dev/null || true
  sleep 0.5
  DBUS_SESSION_BUS_ADDRESS="$host_bus" $as_nurse fcitx5-remote -o || true
  sleep 0.5
  echo "deb-test: fcitx5 state (2 = active): $(DBUS_SESSION_BUS_ADDRESS="$host_bus" $as_nurse fcitx5-remote)"
  DISPLAY=":$DISPLAY_NUM" xdotool type --delay 80 nihao; sleep 0.5
  DISPLAY=":$DISPLAY_NUM" xdotool key space; sleep 1
  "$PY" - "$OUT/screenshot-fcitx.png" ":$DISPLAY_NUM" "$HERE" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[3])
import xwait
open(sys.argv[1], "wb").write(xwait.X(sys.argv[2]).screenshot_png(1280, 800))
PYEOF
  DISPLAY=":$DISPLAY_NUM" xdotool key ctrl+a ctrl+c; sleep 0.5
  local typed; typed=$(DISPLAY=":$DISPLAY_NUM" timeout 5 xclip -o -selection clipboard 2>/dev/null || true)
  if [ "$typed" = "你好" ]; then
    ok "kylin: fcitx5 pinyin typed 你好 into the focused field (screenshot $OUT/screenshot-fcitx.png)"
  else
    bad "kylin: fcitx5 typing gave '${typed}' instead of 你好 (screenshot $OUT/screenshot-fcitx.png, log $BUILD/fcitx5.log)"
  fi
  kill -- -"$gui" 2>/dev/null || true
  kill "$FXPID" "$FPID" 2>/dev/null || true; FPID=""; FXPID=""
  unset DBUS_ADDR
  sleep 1
}

cd "$TOP"
ls "$OUT"/*.deb >/dev/null 2>&1 || { echo "deb-test: no .deb in $OUT: run make deb" >&2; exit 1; }
for variant in ${WS_TEST_VARIANTS:-kylin uos}; do
  case "$variant" in
    kylin) deb=$(ls "$OUT"/wardstation_*_"$ARCH".deb) ;;
    uos) deb=$(ls "$OUT"/cn.wardstation.workstation_*_"$ARCH".deb) ;;
  esac
  test_variant "$variant" "$deb"
done
[ "$FAILS" = 0 ] && echo "deb-test: all passed" || { echo "deb-test: $FAILS failed" >&2; exit 1; }
