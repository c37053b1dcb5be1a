"""Slimming rules for the PyInstaller bundle, kept free of PyInstaller so unit tests cover them.

The spec keeps only the Qt modules the sources name (QtCore/QtGui/QtWidgets always), only the
Chinese Qt translations, no test folders and no translation sources; the rest is weight.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, List

# Qt modules the bundle always needs; anything else only when the sources name it.
ALWAYS_QT = ("QtCore", "QtGui", "QtWidgets")
# Every PySide6 module a wheel may carry (Essentials + Addons): candidates for exclusion.
ALL_QT = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDBus", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", *ALWAYS_QT,
)
OTHER_EXCLUDES = ["tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff",
                  "IPython", "matplotlib", "numpy", "PyInstaller", "setuptools", "pip", "keyrings.alt"]
# Qt translation catalogues to keep (the UI is Chinese first; English needs none).
QT_LANGS = ("zh_CN",)
CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
_QT_NAME = re.compile(r"\bQt[A-Z][A-Za-z0-9]+\b")
_TEST_DIR = re.compile(r"(^|/)(tests?|testing)(/|$)")


def qt_modules_used(sources: Iterable[str]) -> List[str]:
    """Qt module names mentioned in the given source texts, plus the ones always needed."""
    found = set(ALWAYS_QT)
    for text in sources:
        found.update(name for name in _QT_NAME.findall(text) if name in ALL_QT)
    return sorted(found)


def qt_excludes(used: Iterable[str]) -> List[str]:
    keep = set(used)
    return sorted(f"PySide6.{m}" for m in ALL_QT if m not in keep)


def excluded_modules(src_root: Path) -> List[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for pkg in ("ui", "app", "dbdrivers") for p in sorted((src_root / pkg).rglob("*.py"))]
    if (src_root / "main.py").exists():
        texts.append((src_root / "main.py").read_text(encoding="utf-8"))
    return qt_excludes(qt_modules_used(texts)) + OTHER_EXCLUDES


# Qt plugins and libraries for targets WardStation does not run on (Wayland falls back to xcb,
# embedded framebuffers, VNC); "offscreen" and "minimal" stay for headless checks.
_DROP = re.compile(
    r"^PySide6/Qt/plugins/(wayland-[^/]+|egldeviceintegrations|generic)/"
    r"|^PySide6/Qt/plugins/platforms/lib(qwayland|qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl)"
    r"|(^|/)libQt6(Wayland|WlShell|EglFS|EglFsKms)[^/]*$"
    r"|^reportlab/fonts/.*\.(pfb|afm)$"
)
# Libraries every Kylin / UOS desktop has and the .deb declares in Depends (debmeta.BASE_DEPENDS),
# so the system's copy, built for its own glibc, is used: bullseye's libsystemd.so.0 (pulled in by
# libdbus-1) needs GLIBC_2.30 (gettid), above UOS 20's 2.28, and has no older binding to pin.
SYSTEM_LIBS = re.compile(r"(^|/)lib(dbus-1|systemd)\.so(\.\d+)*$")


def keep_entry(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) stays in the bundle."""
    d = dest.replace("\\", "/")
    if _DROP.search(d) or SYSTEM_LIBS.search(d):
        return False
    if "/translations/" in f"/{d}" and d.startswith("PySide6/"):
        return (d.endswith(".qm") and "/qt_help_" not in d
                and any(d.endswith(f"_{lang}.qm") for lang in QT_LANGS))
    if _TEST_DIR.search(d) and not d.startswith("PySide6/"):
        return False
    return not d.endswith((".pyi", ".h", ".a", ".cmake", ".prl"))


def keep_resource(rel: str) -> bool:
    """Whether a file under resources/ ships: everything but sources and caches."""
    return not (rel.endswith((".ts", ".pyc", ".gitkeep", ".pro")) or "__pycache__" in rel.split("/"))


