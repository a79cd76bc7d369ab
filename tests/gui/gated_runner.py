"""A TaskRunner whose next job waits for a gate: makes 'an old answer arrives last' deterministic."""
from __future__ import annotations

import threading

from console.qtmodels.tasks import TaskRunner


class GatedRunner(TaskRunner):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.gate = threading.Event()
        self.hold_next = False

    def submit(self, fn, on_result, on_error=None):
        if self.hold_next:
            self.hold_next = False
            gate, inner = self.gate, fn

            def fn(session):
                gate.wait(10)
                return inner(session)
        return super().submit(fn, on_result, on_error)
