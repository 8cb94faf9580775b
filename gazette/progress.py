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
        self.done(label, time.monotonic() - start)

    def done(self, label: str, seconds: float) -> None:
        """The line that says a step is done and how long it took."""
        if self.enabled:
            line = f"{label}：完成（{seconds:.1f} 秒）"
            self.stream.write(f"\r{line}\033[K\n" if self.tty else f"{line}\n")
            self.stream.flush()

    def note(self, text: str) -> None:
        """One line of information between steps."""
        if self.enabled:
            self.stream.write(text + "\n")
            self.stream.flush()
