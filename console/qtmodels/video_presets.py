"""Named wall presets (预案) and the tour (轮巡) that cycles a camera group through the wall.

Presets are a small JSON file in the user data directory, so an operator's layouts survive restarts and can
be copied to another workstation; they store camera ids, never URLs, so a moved stream still resolves."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from console.config import data_dir


@dataclass(frozen=True)
class WallPreset:
    name: str
    layout: str
    tiles: dict[int, int]  # tile index → camera id


def default_preset_path() -> Path:
    return data_dir() / "video_presets.json"


class PresetStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_preset_path()

    def _read(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def names(self) -> list[str]:
        return sorted(self._read())

    def load(self, name: str) -> WallPreset | None:
        raw = self._read().get(name)
        if raw is None:
            return None
        return WallPreset(name, str(raw["layout"]), {int(k): int(v) for k, v in raw["tiles"].items()})

    def save(self, preset: WallPreset) -> None:
        data = self._read()
        data[preset.name] = {"layout": preset.layout, "tiles": {str(k): v for k, v in preset.tiles.items()}}
        self._write(data)

    def delete(self, name: str) -> None:
        data = self._read()
        if data.pop(name, None) is not None:
            self._write(data)

    def _write(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.path)


class Tour(QObject):
    """Emits successive pages of a camera group, one page per tile count, every `interval_s` seconds."""

    sig_page = Signal(list)  # camera ids for tiles 0..n-1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, timeout=self._next)
        self._cameras: list[int] = []
        self._page_size = 1
        self._position = 0

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, camera_ids: list[int], page_size: int, interval_s: float) -> None:
        if not camera_ids or page_size < 1:
            return
        self._cameras, self._page_size, self._position = list(camera_ids), page_size, 0
        self._timer.start(int(interval_s * 1000))
        self._next()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _next(self) -> None:
        n = len(self._cameras)
        size = min(self._page_size, n)
        page = [self._cameras[(self._position + i) % n] for i in range(size)]
        self._position = (self._position + size) % n
        self.sig_page.emit(page)
