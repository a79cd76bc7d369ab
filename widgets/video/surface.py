"""The native window a libVLC player draws into, where the platform has native windows.

X11 (with a display), Windows and macOS give every widget a window handle libVLC can render into with its own
video output: no pixels cross into Python and no QImage is painted. Offscreen, Wayland (libVLC 3 cannot embed
there) and other platforms keep the frame path: video callbacks into a QImage the tile paints."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

NATIVE_PLATFORMS = ("xcb", "windows", "cocoa")


def native_windows_available() -> bool:
    """True when the running Qt platform plugin gives native windows libVLC can embed into."""
    return QGuiApplication.platformName() in NATIVE_PLATFORMS


class VideoSurface(QWidget):
    """A black native child window; mouse and drops go to the tile beneath (libVLC's input is off)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.hide()

    def window_id(self) -> int:
        return int(self.winId())
