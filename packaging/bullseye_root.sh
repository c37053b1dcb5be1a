#!/usr/bin/env bash
# Debian 11 (bullseye, glibc 2.31) roots for building and testing the .deb.
#   bullseye_root.sh base ARCH        -> packaging/build/bullseye-ARCH-base.tar (cached, pristine minbase)
#   bullseye_root.sh fresh ARCH DIR   -> DIR: a fresh copy of the pristine root (a "clean machine")
#   bullseye_root.sh mount DIR / umount DIR / run DIR CMD...   (proc, sys, dev, resolv.conf)
# Sourced by build_deb.sh and test_deb.sh; runnable on its own. Needs root and debootstrap.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="${WS_BUILD_DIR:-$HERE/build}"
MIRROR="${WS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

root_foreign() {  # ARCH: a root of another architecture runs through qemu-user-static (binfmt_misc)
  local arch="$1" q
  [ "$arch" = "$(dpkg --print-architecture)" ] && return 0
  case "$arch" in arm64) q=aarch64 ;; armhf) q=arm ;; *) q="$arch" ;; esac
  [ -e "/proc/sys/fs/binfmt_misc/qemu-$q" ] && return 0
  if [ ! -f "/usr/lib/binfmt.d/qemu-$q.conf" ]; then
    echo "packaging: installing qemu-user-static for $arch" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-user-static >/dev/null
  fi
  mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  # The F flag opens the interpreter now, so it works inside the chroot without a copy there.
  cat "/usr/lib/binfmt.d/qemu-$q.conf" >/proc/sys/fs/binfmt_misc/register \
    || { echo "packaging: cannot register qemu-$q with binfmt_misc" >&2; return 1; }
}

root_base() {  # ARCH -> path of the cached tarball
  local arch="$1" tar="$BUILD/bullseye-$1-base.tar"
  root_foreign "$arch"
  if [ ! -f "$tar" ]; then
    command -v debootstrap >/dev/null || { echo "packaging: debootstrap missing (apt-get install debootstrap)" >&2; return 1; }
    local tmp="$BUILD/debootstrap-$arch.tmp"
    rm -rf "$tmp"; mkdir -p "$tmp"
    echo "packaging: debootstrap bullseye $arch (about a minute, cached in $tar)" >&2
    debootstrap --variant=minbase --arch="$arch" bullseye "$tmp" "$MIRROR" >"$BUILD/debootstrap-$arch.log" 2>&1 \
      || { echo "packaging: debootstrap failed, see $BUILD/debootstrap-$arch.log" >&2; return 1; }
    printf 'deb %s bullseye main\ndeb %s bullseye-updates main\ndeb http://deb.debian.org/debian-security bullseye-security main\n' \
      "$MIRROR" "$MIRROR" >"$tmp/etc/apt/sources.list"
    tar -C "$tmp" -cf "$tar.part" . && mv "$tar.part" "$tar"
    rm -rf "$tmp"
  fi
  echo "$tar"
}

root_fresh() {  # ARCH DIR
  local tar; tar="$(root_base "$1")"
  root_umount "$2"
  rm -rf "$2"; mkdir -p "$2"
  tar -C "$2" -xf "$tar"
  # WS_DEBIAN_SECURITY=off: without bullseye-security (this build machine's mirror serves it for
  # amd64 only); the root then has the last point release's packages (11.11).
  if [ "${WS_DEBIAN_SECURITY:-on}" = off ]; then sed -i '/debian-security/d' "$2/etc/apt/sources.list"; fi
}

root_mount() {  # DIR
  local d="$1"
  mountpoint -q "$d/proc" || mount -t proc proc "$d/proc"
  mountpoint -q "$d/sys" || mount --rbind /sys "$d/sys"
  mountpoint -q "$d/dev" || mount --rbind /dev "$d/dev"
  cp -L /etc/resolv.conf "$d/etc/resolv.conf" 2>/dev/null || true
}

root_umount() {  # DIR: every mount below DIR, deepest first
  local d; d="$(readlink -f "$1" 2>/dev/null || echo "$1")"
  [ -d "$d" ] || return 0
  awk -v p="$d/" 'index($2, p) == 1 {print $2}' /proc/self/mounts | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
}

root_run() {  # DIR CMD...: run CMD (a shell line) inside the root
  local d="$1"; shift
  chroot "$d" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/bash -c "$*"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  mkdir -p "$BUILD"
  cmd="${1:-}"; shift || true
  case "$cmd" in
    base) root_base "${1:-amd64}" ;;
    fresh) root_fresh "$1" "$2" ;;
    mount) root_mount "$1" ;;
    umount) root_umount "$1" ;;
    run) d="$1"; shift; root_run "$d" "$@" ;;
    *) echo "usage: $0 base ARCH | fresh ARCH DIR | mount DIR | umount DIR | run DIR CMD" >&2; exit 2 ;;
  esac
fi
