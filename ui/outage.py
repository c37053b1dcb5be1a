"""The main window's side of the offline fallback: after each health check the status bar says
online or 离线 — 数据截至 HH:MM with the queued count, the offline layer replays or follows on a
worker, and once the server is back from an outage every view is read again (what it showed came
from the replica, and a replayed change may have been refused or held as a conflict). A change
queued while offline shows in the count at once, not at the next health check; a change saved
online reaches the replica at once (write-through), not at the next poll."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext
from ui.statusbar import OFFLINE, ONLINE, StatusPanel


class OutageFollower:
    def __init__(self, ctx: OpContext, status: StatusPanel, read_again: Callable[[], None]) -> None:
        self.ctx = ctx
        self.status = status
        self.read_again = read_again
        self.outage = False          # a health check failed since the views were last read
        self.ward_id: Optional[str] = None

    def checked(self, ok: bool, ward_id: Optional[str], relay: Any) -> None:
        """A health check settled: `relay` carries the replay's progress to the status bar."""
        from ui.operations import offline

        self.outage = self.outage or not ok
        self.ward_id = ward_id or self.ward_id
        self.status.set_connection(ONLINE if ok else OFFLINE, self.status.pending, self.status.as_of)
        offline.follow(self.ctx, ok, ward_id, self._state, relay)

    def _state(self, st: Any) -> None:
        self.status.set_connection(ONLINE if st.online else OFFLINE, st.queued, st.as_of)
        if st.online and (self.outage or st.settled):
            self.outage = False
            self.read_again()

    def after_write(self) -> None:
        """After a write: offline, it was queued on the replica; count it now. Online, the replica
        takes it at once (write-through), on the offline layer's worker."""
        layer = getattr(self.ctx.backend, "offline", None)
        if layer is None:
            return
        if self.status.state != OFFLINE:
            ward = self.ward_id
            if ward:
                self.ctx.runner.offline(lambda: layer.written(ward), None, lambda _failure: None,
                                        name="replica_write_through")
            return

        def shown(counted: Any) -> None:
            if self.status.state == OFFLINE:          # not if the server came back meanwhile
                self.status.set_connection(OFFLINE, counted[0], counted[1])

        self.ctx.runner.background(lambda: (layer.queued(), layer.as_of()), shown,
                                   lambda _failure: None, name="offline_count")
