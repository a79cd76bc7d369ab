"""The 平安图 map panel: a fast custom canvas with cached, background-rendered layers."""

from widgets.map.panel import MapPanel

__all__ = ["MapPanel"]
