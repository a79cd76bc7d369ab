"""The printable day sheet (工作日志) of worker-days: an A4 PDF a supervisor files or signs — who, which day,
the figures, a small map of the track, the stops and the check-ins and reports; each worker starts a page.

Drawn with QPainter on a QPdfWriter (QtGui only, no web engine): the text is real text in the PDF, so it
prints sharp and can be searched. Long tables continue on further pages with their header repeated."""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter, QPen

from console.qtmodels.review_replay import STOP_RADIUS_M, ReplayDay
from console.services.track_events import CHECKIN
from console.services.tracks import from_seconds
from widgets.review.replay_text import duration_text, event_kind_text, figures_text

DPI = 300
MARGIN_MM = 15.0
MAP_HEIGHT_MM = 95.0
TRACK_COLOR = QColor("#2f6fb5")
STOP_COLOR = QColor("#d9682b")
CHECKIN_COLOR = QColor("#2e9e44")
REPORT_COLOR = QColor("#e0a800")
RULE_COLOR = QColor("#9aa3ad")


def _mm(mm: float) -> float:
    return mm / 25.4 * DPI


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Sheet:
    """A cursor down the page: text, the map and tables, with page breaks."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer, self.painter = writer, painter
        self.width = float(writer.width())
        self.bottom = float(writer.height())
        self.y = 0.0

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, font: QFont, gap_after: float = _mm(2)) -> None:
        self.painter.setFont(font)
        self.painter.setPen(Qt.GlobalColor.black)
        rect = self.painter.boundingRect(QRectF(0, 0, self.width, 1e6), Qt.TextFlag.TextWordWrap, text)
        self.ensure(rect.height())
        self.painter.drawText(QRectF(0, self.y, self.width, rect.height()), Qt.TextFlag.TextWordWrap, text)
        self.y += rect.height() + gap_after

    def table(self, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float]) -> None:
        """Columns take `widths` shares of the page width; an empty table prints a dash under its title."""
        body = _font(9)
        line_h = _mm(5.2)
        self.ensure(3 * line_h)
        self.text(title, _font(11, bold=True), gap_after=_mm(1))
        xs = [0.0]
        for share in widths:
            xs.append(xs[-1] + share / sum(widths) * self.width)

        def row(cells: Sequence[str], font: QFont) -> None:
            self.painter.setFont(font)
            for x0, x1, cell in zip(xs, xs[1:], cells):
                rect = QRectF(x0 + _mm(1), self.y, x1 - x0 - _mm(2), line_h)
                metrics = self.painter.fontMetrics()
                elided = metrics.elidedText(cell, Qt.TextElideMode.ElideRight, int(rect.width()))
                align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                self.painter.drawText(rect, align, elided)
            self.y += line_h
            self.painter.setPen(QPen(RULE_COLOR, _mm(0.15)))
            self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
            self.painter.setPen(Qt.GlobalColor.black)

        row(headers, _font(9, bold=True))
        if not rows:
            row(["—"], body)
        for cells in rows:
            if self.y + line_h > self.bottom:
                self.writer.newPage()
                self.y = 0.0
                row(headers, _font(9, bold=True))
            row(cells, body)
        self.y += _mm(4)


def _draw_map(painter: QPainter, rect: QRectF, day: ReplayDay) -> None:
    """The track fitted into `rect` at equal scale, stops as circles of the stop radius, events as symbols,
    start and end as dots, and a scale bar."""
    painter.setPen(QPen(RULE_COLOR, _mm(0.2)))
    painter.setBrush(QColor("#f7f8fa"))
    painter.drawRect(rect)
    if not len(day):
        return
    pad = _mm(5)
    span_x = float(day.x.max() - day.x.min()) + 2 * STOP_RADIUS_M  # stop circles stay inside the frame
    span_y = float(day.y.max() - day.y.min()) + 2 * STOP_RADIUS_M
    scale = min((rect.width() - 2 * pad) / span_x, (rect.height() - 2 * pad) / span_y)
    cx, cy = float(day.x.max() + day.x.min()) / 2, float(day.y.max() + day.y.min()) / 2

    def at(x: float, y: float) -> QPointF:
        return QPointF(rect.center().x() + (x - cx) * scale, rect.center().y() - (y - cy) * scale)

    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath(at(float(day.x[0]), float(day.y[0])))
    for x, y in zip(day.x[1:].tolist(), day.y[1:].tolist()):
        path.lineTo(at(x, y))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(TRACK_COLOR, _mm(0.5)))
    painter.drawPath(path)
    radius = max(STOP_RADIUS_M * scale, _mm(1.2))
    painter.setPen(QPen(STOP_COLOR, _mm(0.3)))
    painter.setBrush(QColor(230, 120, 30, 70))
    for stop in day.summary.track.stops:
        painter.drawEllipse(at(*day.project(stop.lon, stop.lat)), radius, radius)
    side = _mm(2.4)
    painter.setPen(QPen(Qt.GlobalColor.white, _mm(0.25)))
    for event in day.events:
        centre = at(*day.project(event.lon, event.lat))
        if event.kind == CHECKIN:
            painter.setBrush(CHECKIN_COLOR)
            painter.drawRect(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))
        else:
            painter.setBrush(REPORT_COLOR)
            painter.drawPolygon([QPointF(centre.x(), centre.y() - side * 0.7),
                                 QPointF(centre.x() - side * 0.6, centre.y() + side * 0.4),
                                 QPointF(centre.x() + side * 0.6, centre.y() + side * 0.4)])
    for index, color in ((0, QColor("#2e9e44")), (len(day) - 1, QColor("#d9342b"))):
        painter.setBrush(color)
        painter.drawEllipse(at(float(day.x[index]), float(day.y[index])), _mm(1.3), _mm(1.3))
    _scale_bar(painter, rect, scale)
    painter.restore()


def _scale_bar(painter: QPainter, rect: QRectF, scale: float) -> None:
    """A round length (1, 2 or 5 × 10ⁿ m) about a fifth of the map's width, bottom left."""
    target = rect.width() / 5 / scale
    power = 10 ** math.floor(math.log10(target))
    metres = max(m for m in (power, 2 * power, 5 * power) if m <= target)
    x0, y0 = rect.left() + _mm(4), rect.bottom() - _mm(4)
    painter.setPen(QPen(Qt.GlobalColor.black, _mm(0.4)))
    painter.drawLine(QPointF(x0, y0), QPointF(x0 + metres * scale, y0))
    painter.setFont(_font(7))
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    painter.drawText(QPointF(x0, y0 - _mm(1.2)), label)


def _stop_rows(day: ReplayDay) -> list[list[str]]:
    return [[str(n), f"{from_seconds(s.start):%H:%M}", f"{from_seconds(s.end):%H:%M}",
             duration_text(s.duration_s), f"{s.lon:.5f}, {s.lat:.5f}"] for n, s in enumerate(day.summary.track.stops, start=1)]


def _event_rows(day: ReplayDay) -> list[list[str]]:
    return [[f"{e.at:%H:%M:%S}", event_kind_text(e), e.title, e.ref] for e in day.events]


def _headers(*keys: str) -> list[str]:
    return [QCoreApplication.translate("DaySheet", key) for key in keys]


def _paint_sheet(sheet: _Sheet, day: ReplayDay, printed: datetime) -> None:
    sheet.text(QCoreApplication.translate("DaySheet", "Grid worker day sheet"), _font(16, bold=True))
    worker = QCoreApplication.translate("DaySheet", "Worker")
    date_label = QCoreApplication.translate("DaySheet", "Date")
    printed_label = QCoreApplication.translate("DaySheet", "Printed")
    who = f"{worker}: {day.name} ({day.code})"
    when = f"{date_label}: {day.day.isoformat()}"
    stamp = f"{printed_label}: {printed:%Y-%m-%d %H:%M}"
    sheet.text(f"{who}    {when}    {stamp}", _font(10))
    sheet.text(figures_text(day.summary), _font(10), gap_after=_mm(4))
    map_rect = QRectF(0, sheet.y, sheet.width, _mm(MAP_HEIGHT_MM))
    _draw_map(sheet.painter, map_rect, day)
    sheet.y = map_rect.bottom() + _mm(2)
    sheet.text(QCoreApplication.translate(
        "DaySheet", "Blue: track · circles: stops · green squares: check-ins · yellow triangles: reports · "
        "green dot: start · red dot: end"), _font(8), gap_after=_mm(5))
    sheet.table(QCoreApplication.translate("DaySheet", "Stops"),
                _headers(QT_TRANSLATE_NOOP("DaySheet", "No."), QT_TRANSLATE_NOOP("DaySheet", "From"),
                         QT_TRANSLATE_NOOP("DaySheet", "To"), QT_TRANSLATE_NOOP("DaySheet", "Duration"),
                         QT_TRANSLATE_NOOP("DaySheet", "Position")),
                _stop_rows(day), (1, 2, 2, 2, 5))
    sheet.table(QCoreApplication.translate("DaySheet", "Check-ins and reports"),
                _headers(QT_TRANSLATE_NOOP("DaySheet", "Time"), QT_TRANSLATE_NOOP("DaySheet", "Event"),
                         QT_TRANSLATE_NOOP("DaySheet", "Premise / case"),
                         QT_TRANSLATE_NOOP("DaySheet", "Code")),
                _event_rows(day), (2, 4, 6, 3))


def write_day_sheet(path: Path | str, days: Sequence[ReplayDay], printed: datetime | None = None) -> Path:
    """Write the sheets as one A4 PDF (to a temporary beside `path`, renamed when complete)."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)))
    writer.setTitle(f"{'、'.join(f'{d.name} ({d.code})' for d in days)} {days[0].day.isoformat()}")
    writer.setCreator("Pingan Console")
    painter = QPainter(writer)
    try:
        for k, day in enumerate(days):
            if k:
                writer.newPage()
            _paint_sheet(_Sheet(writer, painter), day, printed or datetime.now())
    finally:
        painter.end()
    partial.replace(path)
    return path
