"""Point python-vlc at an application-local libVLC before `import vlc` runs its library search.

The packaged console carries a trimmed libVLC (libvlc, libvlccore, the plugins the video wall needs); a
development checkout may carry one too (PINGAN_VLC_DIR, or `vlc/` at the repository root). When neither
exists, nothing is set and python-vlc finds the system libVLC as before. Variables already set by the user
win. libvlccore is loaded first by absolute path so libvlc's dependency on it cannot resolve to the system
copy."""
from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

LIB_NAMES = {"linux": ("libvlc.so.5", "libvlccore.so.9"), "win32": ("libvlc.dll", "libvlccore.dll"),
             "darwin": ("libvlc.dylib", "libvlccore.dylib")}
_configured: list[Path | None] = []


def app_root() -> Path:
    """The bundle's data folder when frozen (PyInstaller's _MEIPASS), else the repository root."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[1]


def _lib_names() -> tuple[str, str]:
    for prefix, names in LIB_NAMES.items():
        if sys.platform.startswith(prefix):
            return names
    return LIB_NAMES["linux"]


def local_vlc_dir() -> Path | None:
    """The folder holding an application-local libVLC and its `plugins/`, or None."""
    candidates = [Path(p) for p in (os.environ.get("PINGAN_VLC_DIR"),) if p]
    candidates += [app_root() / "vlc"]
    libvlc = _lib_names()[0]
    for folder in candidates:
        if (folder / libvlc).is_file() and (folder / "plugins").is_dir():
            return folder
    return None


def configure() -> Path | None:
    """Set PYTHON_VLC_LIB_PATH, PYTHON_VLC_MODULE_PATH and VLC_PLUGIN_PATH for a local libVLC (once).

    Returns the folder used, or None when python-vlc is left to find the system libVLC."""
    if _configured:
        return _configured[0]
    folder = local_vlc_dir()
    _configured.append(folder)
    if folder is None or os.environ.get("PYTHON_VLC_LIB_PATH"):
        return None
    libvlc, libvlccore = (folder / name for name in _lib_names())
    plugins = str(folder / "plugins")
    os.environ["PYTHON_VLC_LIB_PATH"] = str(libvlc)
    os.environ.setdefault("PYTHON_VLC_MODULE_PATH", plugins)
    os.environ.setdefault("VLC_PLUGIN_PATH", plugins)
    if libvlccore.is_file():
        try:
            ctypes.CDLL(str(libvlccore), mode=ctypes.RTLD_GLOBAL)
        except OSError:
            del os.environ["PYTHON_VLC_LIB_PATH"]  # python-vlc exits the process when this path fails
            return None
    return folder
