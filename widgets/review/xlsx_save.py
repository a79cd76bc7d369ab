"""Ask where to save an XLSX export and write it, telling the supervisor when the file cannot be written
(open in Excel, read-only folder) instead of failing silently."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from console.qtmodels.labels import fill


def save_xlsx(parent: QWidget, title: str, suggested: str, write: Callable[[Path], None]) -> Path | None:
    """The chosen path once written; None when cancelled or the write failed (after saying why)."""
    file_filter = QCoreApplication.translate("XlsxSave", "Excel workbooks (*.xlsx)")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not chosen:
        return None
    path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
    try:
        write(path)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("XlsxSave", "Export failed"),
                            fill(QCoreApplication.translate("XlsxSave", "%1 could not be written: %2"), path,
                                 exc.strerror or exc))
        return None
    return path
