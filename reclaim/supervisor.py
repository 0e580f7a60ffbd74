"""Run the web server and the job worker side by side, and keep the worker going.

`reclaim serve` starts gunicorn and the Huey worker as two child processes.
If the web server ends, everything stops (there is nothing left to serve).
If the worker ends, the web server stays up and the worker is started
again after a pause that doubles each time it ends quickly (1, 2, 4 … up to
60 seconds), so a worker that cannot start does not spin; once it has run
for a minute, the pause starts from one second again. Each stop is logged
with its exit code or signal, which is all a supervisor can know about why.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("reclaim.supervisor")


@dataclass
class Child:
    """One process the supervisor runs: its command and whether it is restarted."""

    name: str
    command: list[str]
    restart: bool = False
    proc: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restart_at: float | None = None
    delay: float = 0.0
    starts: list[float] = field(default_factory=list)


def _why(returncode: int) -> dict[str, object]:
    # Popen reports death by a signal as a negative return code.
    if returncode < 0:
        try:
            return {"signal": signal.Signals(-returncode).name}
        except ValueError:
            return {"signal": str(-returncode)}
    return {"exit_code": returncode}


class Supervisor:
    """Starts children, restarts the restartable ones with back-off, stops them all together."""

    def __init__(
        self,
        children: list[Child],
        *,
        first_delay: float = 1.0,
        max_delay: float = 60.0,
        stable_after: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.children = children
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.stable_after = stable_after
        self.clock = clock
        self.stopping = False
        for child in children:
            child.delay = first_delay

    def _start(self, child: Child) -> None:
        child.proc = subprocess.Popen(child.command)
        child.started_at = self.clock()
        child.starts.append(child.started_at)
        child.restart_at = None

    def start(self) -> None:
        for child in self.children:
            self._start(child)

    def step(self) -> int | None:
        """Look at every child once. Returns an exit code when everything must stop."""
        now = self.clock()
        for child in self.children:
            if child.proc is None:
                if child.restart_at is not None and now >= child.restart_at:
                    self._start(child)
                    log.info("job worker started again", extra={"child": child.name})
                continue
            returncode = child.proc.poll()
            if returncode is None:
                if now - child.started_at >= self.stable_after:
                    child.delay = self.first_delay
                continue
            if not child.restart:
                log.error(
                    "a process the others need stopped; stopping everything",
                    extra={"child": child.name, **_why(returncode)},
                )
                return returncode or 1
            child.proc = None
            if now - child.started_at >= self.stable_after:
                child.delay = self.first_delay
            child.restart_at = now + child.delay
            log.warning(
                "job worker stopped; starting it again after a pause",
                extra={"child": child.name, "restart_in_s": child.delay, **_why(returncode)},
            )
            child.delay = min(child.delay * 2, self.max_delay)
        return None

    def stop(self, timeout: float = 10.0) -> None:
        running = [c.proc for c in self.children if c.proc is not None and c.proc.poll() is None]
        for proc in running:
            proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for proc in running:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def run(self, poll: float = 0.3) -> int:
        """Run until Ctrl-C, SIGTERM, or a child that is not restarted ends."""

        def stop(*_args: object) -> None:
            self.stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        code = 0
        self.start()
        try:
            while not self.stopping:
                result = self.step()
                if result is not None:
                    code = result
                    break
                time.sleep(poll)
        finally:
            self.stop()
        return code
