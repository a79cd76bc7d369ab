"""What goes into the bundle, in one place the spec, the build script and the tests read.

The version comes from console/__init__.py (read without importing the app); the libVLC subset is the
plugins the video wall needs to open files, HTTP(S)/HLS and UDP/TS streams and hand RV32 pictures to Qt
through video callbacks (RTSP goes to Qt Multimedia on Linux: Debian's VLC has no live555)."""
from __future__ import annotations

import ast
import os
import platform
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_NAME = "pingan"
PRODUCT = "Pingan Console"
PUBLISHER = "Pingan"

# Category/plugin stems under VLC's plugins folder; the platform suffix is added by `vlc_plugins`.
VLC_PLUGINS = (
    "access/libfilesystem", "access/libhttp", "access/libhttps", "access/libtcp", "access/libudp",
    "demux/libmp4", "demux/libts", "demux/libavi", "demux/libmkv", "demux/libps", "demux/libes",
    "demux/libh26x", "demux/libmjpeg", "demux/libadaptive", "demux/librawvid",
    "codec/libavcodec", "codec/libaraw", "codec/liblpcm",
    "packetizer/libpacketizer_h264", "packetizer/libpacketizer_hevc", "packetizer/libpacketizer_mpeg4video",
    "packetizer/libpacketizer_mpegvideo", "packetizer/libpacketizer_mpeg4audio",
    "packetizer/libpacketizer_mpegaudio", "packetizer/libpacketizer_copy",
    "video_output/libvmem", "video_output/libvdummy",
    "video_chroma/libswscale", "video_chroma/librv32", "video_chroma/libchain", "video_chroma/libi420_rgb",
    "video_chroma/libi420_rgb_sse2", "video_chroma/libi422_i420", "video_chroma/libyuy2_i420",
    "audio_output/libadummy", "audio_output/libamem",
    "audio_mixer/libfloat_mixer", "audio_mixer/libinteger_mixer",
    "audio_filter/libaudio_format", "audio_filter/libugly_resampler", "audio_filter/libtrivial_channel_mixer",
    "stream_filter/libcache_read", "stream_filter/libprefetch",
    "misc/libgnutls", "misc/libxml", "logger/libconsole_logger",
)
# Drawing straight into a tile's native window (video_vlc's window path) needs the platform's outputs; the
# Windows build of VLC carries live555, so RTSP stays on libVLC there. (Linux and Windows are the targets.)
VLC_PLATFORM_PLUGINS = {
    "linux": ("video_output/libxcb_window", "video_output/libxcb_x11", "video_output/libxcb_xv",
              "video_output/libgl", "video_output/libglx", "video_output/libegl_x11"),
    "win32": ("video_output/libdirect3d11", "video_output/libdirect3d9", "video_output/libwingdi",
              "video_output/libglwin32", "video_output/libgl", "access/liblive555"),
}

# Qt modules nothing in the console imports (pyqtgraph's optional QtTest import falls back by itself).
QT_EXCLUDES = tuple(f"PySide6.{m}" for m in (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtBluetooth",
    "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtHelp",
    "QtHttpServer", "QtLocation", "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", "QtAxContainer", "QtCanvasPainter",
))
PY_EXCLUDES = ("tkinter", "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "IPython", "pytest",
               "hypothesis", "PyInstaller", "matplotlib")


def version() -> str:
    """console.__version__, parsed rather than imported so packaging never needs the app's dependencies."""
    tree = ast.parse((REPO / "console" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__version__" for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise ValueError("console/__init__.py has no __version__")


def archive_name() -> str:
    arch = platform.machine().replace("AMD64", "x86_64").lower()
    return f"pingan-console-{version()}-{sys.platform.rstrip('0123456789')}-{arch}.tar.gz"


def vlc_source_dir() -> Path:
    """Where the installed libVLC lives: PINGAN_VLC_SOURCE, else the distribution's location."""
    if os.environ.get("PINGAN_VLC_SOURCE"):
        return Path(os.environ["PINGAN_VLC_SOURCE"])
    if sys.platform == "win32":
        return Path(os.environ.get("ProgramFiles", r"C:\Program Files")) / "VideoLAN" / "VLC"
    return Path("/usr/lib") / f"{platform.machine()}-linux-gnu"


def vlc_files() -> list[tuple[Path, str]]:
    """(source file, folder in the bundle) for libvlc, libvlccore and the plugins; names what is missing."""
    src = vlc_source_dir()
    if sys.platform == "win32":
        libs, plugin_root, suffix = ("libvlc.dll", "libvlccore.dll"), src / "plugins", "_plugin.dll"
    else:
        libs, plugin_root, suffix = ("libvlc.so.5", "libvlccore.so.9"), src / "vlc" / "plugins", "_plugin.so"
    files = [(src / name, "vlc") for name in libs]
    for stem in VLC_PLUGINS + VLC_PLATFORM_PLUGINS["win32" if sys.platform == "win32" else "linux"]:
        category = stem.split("/")[0]
        files.append((plugin_root / f"{stem}{suffix}", f"vlc/plugins/{category}"))
    missing = [str(path) for path, _ in files if not path.is_file()]
    if missing:
        raise FileNotFoundError("libVLC files to bundle are missing (install libvlc5 vlc-plugin-base "
                                "vlc-plugin-video-output): " + ", ".join(missing))
    return files


def datas() -> list[tuple[str, str]]:
    """Translations, every other resources/ folder (base data, sounds) and the migration scripts Alembic
    reads."""
    qm = sorted((REPO / "resources" / "i18n").glob("*.qm"))
    if not qm:
        raise FileNotFoundError("no compiled translations in resources/i18n; "
                                "run python -m console.i18n_build")
    folders = [p for p in sorted((REPO / "resources").iterdir()) if p.is_dir() and p.name != "i18n"]
    return ([(str(p), "resources/i18n") for p in qm]
            + [(str(p), f"resources/{p.name}") for p in folders]
            + [(str(REPO / "db" / "migrations"), "db/migrations")])


def write_inno_version(target: Path = REPO / "packaging" / "windows" / "version.iss") -> Path:
    """The Inno Setup script #includes this, so the installer carries the same version as the bundle."""
    target.write_text(f'; Generated by packaging/bundle_plan.py from console/__init__.py; do not edit.\n'
                      f'#define AppVersion "{version()}"\n#define AppName "{PRODUCT}"\n'
                      f'#define AppPublisher "{PUBLISHER}"\n#define AppExe "{APP_NAME}.exe"\n',
                      encoding="utf-8")
    return target


if __name__ == "__main__":
    commands = {"version": version, "archive-name": archive_name, "inno-version": write_inno_version}
    print(commands[sys.argv[1]]())
