"""A loopback TCP proxy that can stop forwarding on command: the link stays up, the server
seems to hang (PLATFORM.md: `tc netem` is not available; a small proxy gives exact faults)."""
from __future__ import annotations

import select
import socket
import threading


class FreezableProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port: int = self.sock.getsockname()[1]
        self.frozen = threading.Event()
        self.closed = threading.Event()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        peers = {a: b, b: a}
        while not self.closed.is_set():
            try:
                ready, _, _ = select.select([a, b], [], [], 0.1)
            except (OSError, ValueError):
                return            # closed by close()
            if self.frozen.is_set():
                continue          # hold everything: TCP stays open, nothing is answered
            for s in ready:
                try:
                    data = s.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                peers[s].sendall(data)

    def freeze(self) -> None:
        self.frozen.set()

    def close(self) -> None:
        self.closed.set()
        self.sock.close()
        for a, b in self._pairs:
            a.close()
            b.close()
