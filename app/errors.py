"""One error taxonomy (STYLE.md rule 8): each kind has one treatment in the UI and the CLI.

Messages are ids with parameters, translated in one place (ui/ or the CLI), never here.
"""
from __future__ import annotations

from typing import Any


class WardStationError(Exception):
    """Base of every error the application expects and knows how to show."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params

    def __str__(self) -> str:
        if not self.params:
            return self.message_id
        args = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.message_id} ({args})"


class ValidationError(WardStationError):
    """Bad input: fix it in place."""


class NeedsAcknowledgement(WardStationError):
    """A clinical alert: confirm with a reason, then retry."""


class ConflictError(WardStationError):
    """Someone else changed the row first (version check failed): show both versions."""


class PermissionDenied(WardStationError):
    """The signed-in user's role does not allow this action."""


class AuthError(WardStationError):
    """Login failed: wrong user or password, or account locked."""


class DatabaseError(WardStationError):
    """A classified database failure (see dbdrivers.base.ErrorKind)."""

    def __init__(self, message_id: str, kind: str, **params: Any) -> None:
        super().__init__(message_id, **params)
        self.kind = kind


class OfflineError(DatabaseError):
    """The server is unreachable or the link died mid-call: the write is queued."""


class SchemaTooNew(WardStationError):
    """The database was migrated by a newer client than this one."""
