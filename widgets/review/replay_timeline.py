"""The replay's timeline slider with the day's events marked under the groove: a glance shows when the worker
checked in or reported, and the marks sit exactly where dragging the handle would reach that moment."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

MARK_H = 7


class MarkedSlider(QSlider):
    """A horizontal QSlider that also paints `marks`: (slider value, colour) pairs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marks: list[tuple[int, QColor]] = []
        self.setMinimumHeight(self.sizeHint().height() + MARK_H)

    def set_marks(self, marks: list[tuple[int, QColor]]) -> None:
        self.marks = marks
        self.update()

    def mark_x(self, value: int) -> int:
        """The x pixel of the handle's centre when the slider stands at `value`."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        slider = QStyle.ComplexControl.CC_Slider
        groove = style.subControlRect(slider, option, QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(slider, option, QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        return groove.x() + handle.width() // 2 + QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), value, max(span, 0))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks:
            return
        painter = QPainter(self)
        top = self.height() - MARK_H
        for value, color in self.marks:
            painter.fillRect(QRect(self.mark_x(value) - 1, top, 3, MARK_H), color)
        painter.end()
