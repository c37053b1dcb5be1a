"""Progress reporting for long work: the CLI prints a progress line, the GUI moves a bar."""
from __future__ import annotations

from typing import Callable, Optional

# progress(done, total, label): total may be 0 when unknown.
Progress = Callable[[int, int, str], None]
OptionalProgress = Optional[Progress]


def no_progress(done: int, total: int, label: str) -> None:
    """A Progress that reports nothing."""
