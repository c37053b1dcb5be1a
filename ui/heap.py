"""Short collector pauses on the GUI thread.

Python's full garbage collection walks every tracked object, and a worker that triggers one (the
offline replay decoding thousands of queued payloads) holds the interpreter lock for the whole
walk: with the window's modules, dictionaries and pinyin tables loaded that was 130-200 ms of a
frozen window (bench/offline_gui.py). What exists once the user is signed in lives as long as the
window: `settle()` moves it out of the collector's reach (gc.freeze, no collection run: instant),
so later collections walk only what was made since.
"""
from __future__ import annotations

import gc


def settle() -> None:
    gc.freeze()
