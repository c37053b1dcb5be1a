"""Language and CJK font set-up.

Source strings are Chinese (see ui/README.md), so the app reads Chinese even with no .qm at all;
resources/translations/en.qm turns it English, zh_CN.qm is the identity catalogue kept for
completeness. Switching installs new translators; Qt then sends every widget a LanguageChange
event and each widget's `retranslate()` re-reads its texts (live, no restart).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

from ui.qt import QApplication, QCoreApplication, QFont, QFontDatabase, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
CJK_LOCAL_NAMES = ("文泉驿正黑", "文泉驛正黑")
FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
CJK_FAMILY = "WenQuanYi Zen Hei"

_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Install the app's (and Qt's own) translators for `language`; True if the app catalogue loaded."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ok = False
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS_DIR / f"{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
        ok = True
    else:
        log.warning("translation catalogue %s.qm not found in %s (run `make translations`)",
                    language, TRANSLATIONS_DIR)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    if not ok and language == "zh_CN":
        return True  # the source strings are Chinese already
    return ok


def _fontconfig_file(family: str) -> Optional[str]:
    # Imported here: only when Qt does not list the font, not on every start.
    import shutil
    import subprocess

    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", family],
                             capture_output=True, text=True, timeout=3, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    lines = out.splitlines()
    if len(lines) >= 2 and "WenQuanYi" in lines[0]:
        return lines[1]
    return None


def setup_font(point_size: float = 10.5) -> Optional[str]:
    """Make WenQuanYi Zen Hei the application font; log a warning if the machine lacks it.

    Without a CJK font every Chinese glyph is a box (PLATFORM.md); Debian: fonts-wqy-zenhei.
    Returns the family used, or None when no CJK font was found.
    """
    app = QApplication.instance()
    family: Optional[str] = None
    # Under a zh_CN locale Qt lists the family by its Chinese name.
    known = set(QFontDatabase.families())
    for name in (CJK_FAMILY, *CJK_LOCAL_NAMES):
        if name in known:
            family = name
            break
    if family is None:
        # fontconfig's file for the family, else the copy the packaged bundle ships
        bundled = sorted(str(p) for p in FONT_DIR.glob("*.tt[cf]")) if FONT_DIR.is_dir() else []
        for path in [p for p in [_fontconfig_file(CJK_FAMILY)] if p] + bundled:
            fid = QFontDatabase.addApplicationFont(path)
            fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if fams:
                family = fams[0]
                break
    if family is None:
        log.warning("CJK font %r not found through fontconfig: Chinese text may show as boxes "
                    "(install the Debian package fonts-wqy-zenhei)", CJK_FAMILY)
        return None
    if isinstance(app, QApplication):
        font = QFont(family)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return family
