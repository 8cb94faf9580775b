"""Progress of long steps on stderr: a counter on a terminal, one line per step otherwise."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Progress:
    def __init__(self, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = self.enabled and hasattr(self.stream, "isatty") and self.stream.isatty()

    @contextmanager
    def step(self, label: str):
        """Time one step; yields `tick(done, total)` for a live counter."""
        start = time.monotonic()
        last = [0.0]

        def tick(done: int, total: int) -> None:
            now = time.monotonic()
            if self.tty and (now - last[0] > 0.1 or done == total):
                last[0] = now
                self.stream.write(f"\r{label}… {done}/{total}")
                self.stream.flush()

        yield tick
        if self.enabled:
            end = "\r" if self.tty else ""
            self.stream.write(f"{end}{label}：完成（{time.monotonic() - start:.1f} 秒）\033[K\n" if self.tty
                              else f"{label}：完成（{time.monotonic() - start:.1f} 秒）\n")
            self.stream.flush()

    def note(self, text: str) -> None:
        """One line of information between steps."""
        if self.enabled:
            self.stream.write(text + "\n")
            self.stream.flush()
