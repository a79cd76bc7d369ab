"""Which backend plays which URL, decided from what is installed rather than from the OS name.

libVLC is preferred (lower CPU, mature network handling). It opens `rtsp://` only when its live555 plugin is
present: Windows and macOS builds bundle it, Debian's build does not, so there RTSP goes to Qt Multimedia."""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject

from console.qtmodels.video_player import BackendUnavailable, PlayerOptions, VideoPlayer

LIBVLC = "libvlc"
QT = "qt"
RTSP_SCHEMES = ("rtsp", "rtsps", "rtspt", "rtspu")


@dataclass(frozen=True)
class LibVlcProbe:
    available: bool
    version: str
    has_live555: bool
    detail: str


def loaded_library_path(vlc) -> Path | None:
    """The libVLC file actually loaded: python-vlc may have opened it by bare soname (Linux)."""
    name = Path(getattr(vlc.dll, "_name", "") or "")
    if name.is_absolute():
        return name
    maps = Path("/proc/self/maps")
    if maps.exists():
        for line in maps.read_text().splitlines():
            if "/libvlc.so" in line:
                return Path(line.split()[-1])
    return None


def _plugin_dirs(vlc) -> list[Path]:
    """Where this libVLC loads plugins: VLC_PLUGIN_PATH, python-vlc's bundled path, next to the library."""
    dirs = [Path(p) for p in os.environ.get("VLC_PLUGIN_PATH", "").split(os.pathsep) if p]
    if getattr(vlc, "plugin_path", None):
        dirs += [Path(vlc.plugin_path), Path(vlc.plugin_path) / "plugins"]
    lib = loaded_library_path(vlc)
    if lib is not None:
        dirs += [lib.parent / "vlc" / "plugins", lib.parent / "plugins"]
    return [d for d in dirs if d.is_dir()]


@cache
def probe_libvlc() -> LibVlcProbe:
    from console.qtmodels.video_vlc import vlc_module

    vlc = vlc_module()
    if vlc is None:
        return LibVlcProbe(False, "", False, "libVLC is not installed")
    version = vlc.libvlc_get_version().decode("utf-8", "replace")
    live555 = any(next(d.rglob("liblive555_plugin.*"), None) is not None for d in _plugin_dirs(vlc))
    return LibVlcProbe(True, version, live555, "" if live555 else "libVLC without live555 (no RTSP)")


@cache
def qt_multimedia_available() -> bool:
    return importlib.util.find_spec("PySide6.QtMultimedia") is not None


def choose_backend(url: str, vlc: LibVlcProbe | None = None, qt_available: bool | None = None) -> str:
    """LIBVLC or QT for this URL; raises BackendUnavailable with what to install when neither can play it."""
    vlc = vlc if vlc is not None else probe_libvlc()
    qt_ok = qt_multimedia_available() if qt_available is None else qt_available
    is_rtsp = urlsplit(url).scheme.lower() in RTSP_SCHEMES
    if vlc.available and (vlc.has_live555 or not is_rtsp):
        return LIBVLC
    if qt_ok:
        return QT
    if not vlc.available:
        raise BackendUnavailable("libVLC is not installed and Qt Multimedia is missing: install VLC "
                                 "(libvlc5, vlc-plugin-base) or PySide6-Addons")
    raise BackendUnavailable("this libVLC cannot open RTSP (no live555) and Qt Multimedia is missing: "
                             "install PySide6-Addons")


def create_player(url: str, options: PlayerOptions, backend: str | None = None,
                  parent: QObject | None = None) -> VideoPlayer:
    """A player for `url` on the given backend, or on the one `choose_backend` picks."""
    backend = backend or choose_backend(url)
    if backend == LIBVLC:
        if not probe_libvlc().available:
            raise BackendUnavailable("libVLC is not installed")
        from console.qtmodels.video_vlc import VlcPlayer

        return VlcPlayer(options, parent)
    if backend == QT:
        if not qt_multimedia_available():
            raise BackendUnavailable("Qt Multimedia is not installed (PySide6-Addons)")
        from console.qtmodels.video_qtmm import QtMultimediaPlayer

        return QtMultimediaPlayer(options, parent)
    raise ValueError(f"unknown video backend {backend!r}; expected {LIBVLC!r} or {QT!r}")
