"""The video wall panel: camera tree, tiles in layouts, presets, tour and tear-off."""
from widgets.video.panel import VideoPanel

__all__ = ["VideoPanel"]
