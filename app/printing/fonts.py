"""The CJK TrueType font every PDF embeds (PLATFORM.md: wqy-zenhei, subfontIndex 0; reportlab's
built-in STSong-Light is not embedded and Noto CJK is CFF, which reportlab refuses).

Looked for in the bundle's resources/fonts first (packaging/wardstation.spec ships it), then
WARDSTATION_CJK_FONT, then the Debian path, then fontconfig.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Optional

from app.errors import WardStationError

FONT_NAME = "WardCJK"
ROOT = Path(__file__).resolve().parents[2]
SYSTEM_CANDIDATES = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                     "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc")
_lock = threading.Lock()
_registered: Optional[str] = None


class PrintError(WardStationError):
    """Printing cannot go on (no font, no data, an output that cannot be written)."""


def font_path() -> Path:
    bundled = sorted((ROOT / "resources" / "fonts").glob("*zenhei*.tt[cf]"))
    candidates = [*bundled]
    if os.environ.get("WARDSTATION_CJK_FONT"):
        candidates.insert(0, Path(os.environ["WARDSTATION_CJK_FONT"]))
    candidates += [Path(p) for p in SYSTEM_CANDIDATES]
    for path in candidates:
        if path.is_file():
            return path
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "WenQuanYi Zen Hei"],
                               capture_output=True, text=True, timeout=5).stdout.strip()
        if found.endswith((".ttc", ".ttf")) and "zenhei" in found.lower() and Path(found).is_file():
            return Path(found)
    raise PrintError("print.no_font")


def cjk_font() -> str:
    """Register the font with reportlab once; its name for setFont()."""
    global _registered
    with _lock:
        if _registered is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            _registered = FONT_NAME
        return _registered
