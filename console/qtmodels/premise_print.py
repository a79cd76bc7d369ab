"""Print-outs of the dossier as A4 PDF: the rectification notice (整改通知书) handed to the owner, and sheets of
premise QR labels (24 per page, the common A4 label stock) stuck at the door for check-ins.

Drawn with QPainter on a QPdfWriter: text stays text (searchable, crisp) and the QR modules are vector
squares, so a label prints sharp at any size. QtGui only, no widgets."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path

import segno
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from console.qtmodels.labels import fill, premise_type_label, status_label
from console.services.premise_dossier import Dossier, QrLabel

DPI = 300
MM = DPI / 25.4
NOTICE_MARGIN_MM = 20.0
NOTICE_QR_MM = 32.0
LABEL_COLUMNS, LABEL_ROWS = 3, 8
LABEL_QR_MM = 30.0
QUIET_MODULES = 2
"""Blank modules kept round a code; the label's own white margin makes up the rest of the quiet zone."""
def qr_modules(payload: str) -> list[list[bool]]:
    """The dark/light modules of the payload's QR code (error correction M), without a border."""
    code = segno.make(payload, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=0)]


def paint_qr(painter: QPainter, payload: str, rect: QRectF) -> None:
    """The code centred in `rect` (square, largest that fits, with a small quiet zone), in black on white."""
    modules = qr_modules(payload)
    n = len(modules) + 2 * QUIET_MODULES
    side = min(rect.width(), rect.height())
    step = side / n
    left = rect.left() + (rect.width() - side) / 2 + QUIET_MODULES * step
    top = rect.top() + (rect.height() - side) / 2 + QUIET_MODULES * step
    painter.save()
    quiet = QUIET_MODULES * step
    painter.fillRect(QRectF(left - quiet, top - quiet, side, side), Qt.GlobalColor.white)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                # A hair wider than the module, so neighbours fuse without seams in PDF viewers.
                painter.drawRect(QRectF(left + x * step, top + y * step, step * 1.02, step * 1.02))
    painter.restore()


def qr_image(payload: str, side_px: int) -> QImage:
    """The code as an image for the screen (the dossier panel)."""
    image = QImage(side_px, side_px, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_qr(painter, payload, QRectF(0, 0, side_px, side_px))
    painter.end()
    return image


def _writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator(QCoreApplication.applicationName() or "Pingan Console")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    return writer


NOTICE_TEXTS = {
    "premise": QT_TRANSLATE_NOOP("RectificationNotice", "Premise"),
    "code": QT_TRANSLATE_NOOP("RectificationNotice", "Premise code"),
    "type": QT_TRANSLATE_NOOP("RectificationNotice", "Type"),
    "address": QT_TRANSLATE_NOOP("RectificationNotice", "Address"),
    "owner": QT_TRANSLATE_NOOP("RectificationNotice", "Owner"),
    "phone": QT_TRANSLATE_NOOP("RectificationNotice", "Owner phone"),
    "licence": QT_TRANSLATE_NOOP("RectificationNotice", "Licence no."),
    "grid": QT_TRANSLATE_NOOP("RectificationNotice", "Grid"),
    "status": QT_TRANSLATE_NOOP("RectificationNotice", "Status"),
    "serious": QT_TRANSLATE_NOOP("RectificationNotice", "Serious"),
    "minor": QT_TRANSLATE_NOOP("RectificationNotice", "Minor"),
    "body": QT_TRANSLATE_NOOP("RectificationNotice",
                              "On %1 an inspection of your premises found the %2 problems listed below. You "
                              "are required to rectify them by %3; the premises will be re-inspected on that "
                              "day. Problems not rectified by then will be dealt with according to law."),
    "number": QT_TRANSLATE_NOOP("RectificationNotice", "No. %1"),
    "title": QT_TRANSLATE_NOOP("RectificationNotice", "Rectification notice"),
    "to": QT_TRANSLATE_NOOP("RectificationNotice", "To %1:"),
    "problems": QT_TRANSLATE_NOOP("RectificationNotice", "Problems to rectify"),
    "no": QT_TRANSLATE_NOOP("RectificationNotice", "No."),
    "problem": QT_TRANSLATE_NOOP("RectificationNotice", "Problem"),
    "severity": QT_TRANSLATE_NOOP("RectificationNotice", "Severity"),
    "deadline": QT_TRANSLATE_NOOP("RectificationNotice", "Rectification deadline and re-inspection: %1"),
    "inspector": QT_TRANSLATE_NOOP("RectificationNotice", "Inspector (signature):"),
    "owner_sign": QT_TRANSLATE_NOOP("RectificationNotice", "Owner (signature):"),
    "issued": QT_TRANSLATE_NOOP("RectificationNotice", "Issued on %1"),
    "file_title": QT_TRANSLATE_NOOP("RectificationNotice", "Rectification notice %1"),
    "qr": QT_TRANSLATE_NOOP("RectificationNotice",
                            "Premise QR code %1: scan it to check in at the re-inspection."),
    "labels": QT_TRANSLATE_NOOP("RectificationNotice", "Premise QR labels"),
}


def _t(key: str, *values: object) -> str:
    """A notice text in the operator's language, HTML-escaped, with its %n filled."""
    return escape(fill(QCoreApplication.translate("RectificationNotice", NOTICE_TEXTS[key]), *values))


def _notice_html(d: Dossier, today: date) -> str:
    notice = d.notice
    assert notice is not None
    rows = [("premise", d.name), ("code", d.code), ("type", premise_type_label(d.type)),
            ("address", d.address), ("owner", d.owner or "—"), ("phone", d.owner_phone or "—"),
            ("licence", d.licence_no or "—"),
            ("grid", d.grid), ("status", status_label(notice.colour))]
    base = "".join(f"<tr><td width='22%' style='color:#444'>{_t(k)}</td><td>{escape(v)}</td></tr>"
                   for k, v in rows)
    items = "".join(f"<tr><td align='center'>{n}</td><td>{escape(text)}</td><td align='center'>"
                    f"{_t('serious' if sev == 'serious' else 'minor')}</td></tr>"
                    for n, (text, sev) in enumerate(notice.items, start=1))
    deadline = f"{notice.deadline:%Y-%m-%d}"
    table = ("width='100%' cellspacing='0' cellpadding='4' border='1' "
             "style='border-collapse:collapse;font-size:10pt'")
    return f"""
<h1 align='center' style='font-size:20pt'>{_t("title")}</h1>
<p align='right' style='font-size:10pt'>{_t("number", f"{notice.issued_at:%Y}-{notice.id:06d}")}</p>
<p style='font-size:11pt'><b>{_t("to", d.owner or d.name)}</b></p>
<p style='font-size:11pt'>{_t("body", f"{notice.issued_at:%Y-%m-%d}", len(notice.items), deadline)}</p>
<table {table}>{base}</table>
<p style='font-size:11pt'><b>{_t("problems")}</b></p>
<table {table}><tr style='background:#eeeeee'><th width='8%'>{_t("no")}</th><th>{_t("problem")}</th>
<th width='14%'>{_t("severity")}</th></tr>{items}</table>
<p style='font-size:10pt'>{_t("deadline", deadline)}</p>
<p style='font-size:10pt'>{_t("inspector")} ______________ &nbsp;&nbsp;&nbsp;
{_t("owner_sign")} ______________</p>
<p style='font-size:10pt'>{_t("issued", f"{today:%Y-%m-%d}")}</p>
"""


def write_notice_pdf(path: Path, dossier: Dossier, today: date) -> int:
    """The premise's open notice as an A4 PDF; returns the page count. The QR closes the last page."""
    if dossier.notice is None:
        raise ValueError(f"premise {dossier.code} has no open rectification notice")
    writer = _writer(path, fill(QCoreApplication.translate("RectificationNotice", NOTICE_TEXTS["file_title"]),
                                dossier.name))
    margin = NOTICE_MARGIN_MM * MM
    page = QSizeF(writer.width() - 2 * margin, writer.height() - 2 * margin - (NOTICE_QR_MM + 8) * MM)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont(QFont().family(), 11))
    doc.setPageSize(page)
    doc.setHtml(_notice_html(dossier, today))
    pages = doc.pageCount()
    painter = QPainter(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(margin, margin - number * page.height())
        clip = QRectF(0, number * page.height(), page.width(), page.height())
        painter.setClipRect(clip)
        doc.drawContents(painter, clip)
        painter.restore()
    qr_side = NOTICE_QR_MM * MM
    qr_rect = QRectF(writer.width() - margin - qr_side, writer.height() - margin - qr_side, qr_side, qr_side)
    paint_qr(painter, dossier.qr_payload, qr_rect)
    painter.setFont(QFont(QFont().family(), 8))
    caption = fill(QCoreApplication.translate("RectificationNotice", NOTICE_TEXTS["qr"]), dossier.code)
    flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
    painter.drawText(QRectF(qr_rect.left() - 60 * MM, qr_rect.top(), 58 * MM, qr_side), int(flags), caption)
    painter.end()
    return pages


def _label(painter: QPainter, writer: QPdfWriter, label: QrLabel, cell: QRectF) -> None:
    pad = 3 * MM
    qr_side = min(LABEL_QR_MM * MM, cell.height() - 2 * pad)
    paint_qr(painter, label.payload, QRectF(cell.left() + pad, cell.top() + (cell.height() - qr_side) / 2,
                                            qr_side, qr_side))
    text = QRectF(cell.left() + pad + qr_side + 2 * MM, cell.top() + pad,
                  cell.width() - qr_side - 2 * pad - 2 * MM, cell.height() - 2 * pad)
    name_font = QFont(QFont().family(), 9)
    name_font.setBold(True)
    small = QFont(QFont().family(), 7)
    painter.setFont(name_font)
    name_box = painter.boundingRect(text, int(Qt.TextFlag.TextWordWrap), label.name)
    name_rect = QRectF(text.left(), text.top(), text.width(), min(name_box.height(), text.height() * 0.55))
    painter.drawText(name_rect, int(Qt.TextFlag.TextWordWrap), label.name)
    painter.setFont(small)
    metrics = QFontMetricsF(small, writer)
    y = name_rect.bottom() + 1 * MM
    painter.drawText(QRectF(text.left(), y, text.width(), metrics.height()), 0,
                     metrics.elidedText(label.code, Qt.TextElideMode.ElideMiddle, text.width()))
    address = QRectF(text.left(), y + metrics.height(), text.width(), text.bottom() - y - metrics.height())
    painter.drawText(address, int(Qt.TextFlag.TextWordWrap), label.address)


def write_labels_pdf(path: Path, labels: Sequence[QrLabel]) -> int:
    """Labels in order, 3 × 8 to an A4 page with thin cut lines; returns the page count."""
    if not labels:
        raise ValueError("no premises to print labels for")
    writer = _writer(path, QCoreApplication.translate("RectificationNotice", NOTICE_TEXTS["labels"]))
    cell_w, cell_h = writer.width() / LABEL_COLUMNS, writer.height() / LABEL_ROWS
    per_page = LABEL_COLUMNS * LABEL_ROWS
    painter = QPainter(writer)
    painter.setPen(QColor("#bbbbbb"))
    for n, label in enumerate(labels):
        if n and n % per_page == 0:
            writer.newPage()
        slot = n % per_page
        cell = QRectF(slot % LABEL_COLUMNS * cell_w, slot // LABEL_COLUMNS * cell_h, cell_w, cell_h)
        painter.save()
        painter.setPen(QColor("#cccccc"))
        painter.drawRect(cell)
        painter.restore()
        painter.setPen(QColor("black"))
        _label(painter, writer, label, cell)
    painter.end()
    return (len(labels) + per_page - 1) // per_page
