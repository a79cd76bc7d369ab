"""Named window layouts (dock positions and window geometry) kept in QSettings, plus the last session's.

Names are stored hex-encoded as keys because QSettings treats '/' and '\\' in keys as groups; states carry
a version so a layout saved by an older arrangement of panels is ignored rather than half-applied."""
from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

_INDEX = "layouts/names"
_LAST = "last"


class LayoutStore:
    def __init__(self, settings: QSettings, version: int) -> None:
        self._settings, self._version = settings, version

    def names(self) -> list[str]:
        raw = self._settings.value(_INDEX, "[]")
        return list(json.loads(raw)) if isinstance(raw, str) else []

    def save(self, name: str, window: QMainWindow) -> None:
        self._write(self._key(name), window)
        names = self.names()
        if name not in names:
            self._settings.setValue(_INDEX, json.dumps(sorted([*names, name]), ensure_ascii=False))

    def restore(self, name: str, window: QMainWindow) -> bool:
        return name in self.names() and self._read(self._key(name), window)

    def delete(self, name: str) -> None:
        self._settings.remove(self._key(name))
        remaining = [n for n in self.names() if n != name]
        self._settings.setValue(_INDEX, json.dumps(remaining, ensure_ascii=False))

    def save_last(self, window: QMainWindow) -> None:
        self._write(_LAST, window)

    def restore_last(self, window: QMainWindow) -> bool:
        return self._read(_LAST, window)

    @staticmethod
    def _key(name: str) -> str:
        return "named_" + name.encode("utf-8").hex()

    def _write(self, key: str, window: QMainWindow) -> None:
        self._settings.setValue(f"layouts/{key}/state", window.saveState(self._version))
        self._settings.setValue(f"layouts/{key}/geometry", window.saveGeometry())
        self._settings.sync()

    def _read(self, key: str, window: QMainWindow) -> bool:
        state = self._settings.value(f"layouts/{key}/state")
        geometry = self._settings.value(f"layouts/{key}/geometry")
        if not isinstance(state, QByteArray) or not window.restoreState(state, self._version):
            return False
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        return True
