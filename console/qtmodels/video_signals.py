"""Emit Qt signals from Python without tripping PySide6 6.12.0's refcount bug.

PySide6 6.12.0 on CPython 3.11 returns the bool result of `SignalInstance.emit()` without taking a reference,
so every Python-side emit drops one reference to True; after a few hundred emits the interpreter aborts with
"bool_dealloc: deallocating True or False". A video wall emits hundreds of frames a second, so it crashes in
seconds. The bug is detected once at import; where present, `emit()` gives the reference back. Signals
emitted by Qt's C++ side (timers, QMediaPlayer, QVideoSink) are not affected."""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
PROBE_EMITS = 8


class _Probe(QObject):
    sig = Signal()


def _measure_drop() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_EMITS):
        probe.sig.emit()
    dropped = before - sys.getrefcount(True)
    for _ in range(max(dropped, 0)):
        _incref(True)
    return dropped >= PROBE_EMITS


EMIT_DROPS_BOOL = _measure_drop()


def emit(signal: SignalInstance, *args: object) -> None:
    result = signal.emit(*args)
    if EMIT_DROPS_BOOL and isinstance(result, bool):
        _incref(result)
