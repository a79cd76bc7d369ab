"""Exporting the cases of the inbox's current queue and filters, in its order, as Open311 JSON or an XLSX
case list (files `import incidents` reads back). The writing runs off the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.domain.incident_catalog import deadline_policy
from console.qtmodels.error_messages import render_error
from console.qtmodels.incident_labels import queue_label
from console.qtmodels.labels import fill
from console.qtmodels.tasks import TaskRunner
from console.services.incident_export import export_queue
from console.services.incident_file_check import EXPORT_FORMATS
from console.services.incident_queues import InboxQuery
from console.services.jurisdiction import Actor

SUFFIXES = {"open311": ".json", "xlsx": ".xlsx"}


class ExportDialog(QDialog):
    sig_exported = Signal(int)

    def __init__(self, runner: TaskRunner, actor: Actor, query: InboxQuery, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentExportDialog")
        self.setWindowTitle(self.tr("Export incidents"))
        self._runner, self._actor, self._query = runner, actor, query
        self.format_combo = QComboBox(self)
        for fmt, text in zip(EXPORT_FORMATS, (self.tr("Open311 JSON"), self.tr("XLSX")), strict=True):
            self.format_combo.addItem(text, fmt)
        self.format_combo.currentIndexChanged.connect(self._fix_suffix)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.status_label = QLabel(fill(self.tr("The cases of the queue “%1” with the current filters."),
                                        queue_label(query.queue)), self)
        self.status_label.setObjectName("exportStatus")
        self.status_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("exportRun")
        self.export_button.clicked.connect(self.run_export)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.status_label)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 50)
        browse.setAutoDefault(False)
        close.setAutoDefault(False)
        self.export_button.setDefault(True)

    def _fix_suffix(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(SUFFIXES[self.format_combo.currentData()])))

    def _browse(self) -> None:
        fmt = self.format_combo.currentData()
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export incidents"),
                                                      f"incidents{SUFFIXES[fmt]}", f"*{SUFFIXES[fmt]}")
        if chosen:
            self.path_edit.setText(chosen)

    def run_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status_label.setText(self.tr("Choose the file to write."))
            return
        path, fmt, actor, query = Path(text), self.format_combo.currentData(), self._actor, self._query
        if not path.parent.is_dir():
            self.status_label.setText(fill(self.tr("The folder %1 does not exist."), path.parent))
            return
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Exporting…"))
        self._runner.submit(lambda session: export_queue(session, actor, query, deadline_policy(), path, fmt),
                            lambda count: self._exported(path, count), self._failed)

    def _exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(fill(self.tr("%1 cases written to %2."), count, path))
        self.sig_exported.emit(count)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(fill(self.tr("Nothing was written: %1"), render_error(exc)))
