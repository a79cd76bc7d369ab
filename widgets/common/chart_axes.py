"""Category labels on a pyqtgraph axis that are all printed.

pyqtgraph drops a tick label wider than its axis and does not widen a left axis for it, so a bar chart of
names or task kinds showed some bars unnamed; the axis is sized to the widest label instead."""
from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

AXIS_PAD_PX = 14  # the tick mark and the gap beside a label


def set_category_ticks(axis: pg.AxisItem, labels: Sequence[str]) -> None:
    """Label tick i with labels[i] and make the (left) axis wide enough to print every one."""
    axis.setTicks([list(enumerate(labels))])
    metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
    axis.setWidth(max((metrics.horizontalAdvance(text) for text in labels), default=0) + AXIS_PAD_PX)
