"""Start a GUI command and time it to its first window on an X display; take screenshots.

Used by test_deb.sh and bench/package.py. Talks to libX11 through ctypes, so it needs no
toolkit on the test machine:
    python packaging/xwait.py --display :55 [--timeout 60] [--keep] [--screenshot out.png] -- CMD...
prints one JSON line {"seconds": s, "title": t, "pid": p}; exit 1 on timeout or early exit.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import signal
import struct
import subprocess
import sys
import time
import zlib
from typing import List, Optional, Set, Tuple

IS_VIEWABLE = 2
Z_PIXMAP = 2


class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class XImage(ctypes.Structure):
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


class X:
    """The few Xlib calls we need."""

    def __init__(self, display: str) -> None:
        self.lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        lib = self.lib
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        lib.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(XWindowAttributes),
        ]
        lib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XGetImage.restype = ctypes.POINTER(XImage)
        lib.XGetImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_ulong,
            ctypes.c_int,
        ]
        lib.XSetErrorHandler.argtypes = [ctypes.c_void_p]
        self._handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
        lib.XSetErrorHandler(ctypes.cast(self._handler, ctypes.c_void_p))  # windows vanish while we look
        self.dpy = lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open display {display}")
        self.root = lib.XDefaultRootWindow(self.dpy)

    def viewable_windows(self) -> List[Tuple[int, int, int, str]]:
        """(window, width, height, title) of every mapped top-level window of a real size."""
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self.lib.XQueryTree(
            self.dpy,
            self.root,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        found = []
        for i in range(count.value):
            win = children[i]
            attrs = XWindowAttributes()
            if not self.lib.XGetWindowAttributes(self.dpy, win, ctypes.byref(attrs)):
                continue
            if attrs.map_state == IS_VIEWABLE and not attrs.override_redirect and attrs.width >= 100:
                name = ctypes.c_char_p()
                self.lib.XFetchName(self.dpy, win, ctypes.byref(name))
                title = name.value.decode("utf-8", "replace") if name.value else ""
                found.append((win, attrs.width, attrs.height, title))
        if children:
            self.lib.XFree(children)
        return found

    def screenshot_png(self, width: int, height: int) -> bytes:
        img = self.lib.XGetImage(self.dpy, self.root, 0, 0, width, height, 0xFFFFFFFF, Z_PIXMAP)
        if not img:
            raise RuntimeError("XGetImage failed")
        im = img.contents
        raw = ctypes.string_at(im.data, im.bytes_per_line * im.height)
        rows = []
        for y in range(im.height):
            line = raw[y * im.bytes_per_line : y * im.bytes_per_line + im.width * 4]
            rgb = bytearray(im.width * 3)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]  # BGRX -> RGB
            rows.append(b"\0" + bytes(rgb))
        return png(im.width, im.height, b"".join(rows))


def png(width: int, height: int, filtered_rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(filtered_rows, 6))
        + chunk(b"IEND", b"")
    )


def wait_for_window(
    x: X,
    proc: Optional[subprocess.Popen[bytes]],
    timeout: float,
    before: Set[int],
    start: float,
) -> Optional[Tuple[float, str]]:
    while time.monotonic() - start < timeout:
        for win, _w, _h, title in x.viewable_windows():
            if win not in before:
                return time.monotonic() - start, title
        if proc is not None and proc.poll() is not None:
            return None
        time.sleep(0.005)
    return None


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", default=os.environ.get("DISPLAY", ":0"))
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--keep", action="store_true", help="leave the program running")
    parser.add_argument("--screenshot", help="PNG of the whole screen once the window is up")
    parser.add_argument("--settle", type=float, default=1.5, help="seconds to wait before the screenshot")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    x = X(args.display)
    before = {w for w, *_ in x.viewable_windows()}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, start_new_session=True) if cmd else None
    result = wait_for_window(x, proc, args.timeout, before, start)
    if result and args.screenshot:
        time.sleep(args.settle)
        with open(args.screenshot, "wb") as fh:
            fh.write(x.screenshot_png(1280, 800))
    if proc is not None and not args.keep:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
    print(
        json.dumps(
            {
                "seconds": round(result[0], 3) if result else None,
                "title": result[1] if result else None,
                "pid": proc.pid if proc else None,
            },
            ensure_ascii=False,
        )
    )
    return 0 if result else 1


if __name__ == "__main__":
    sys.exit(main())
