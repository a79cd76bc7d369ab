"""The import dialog: choose a file and what it holds (premises or org units), an optional mapping file and the
datum; Preview shows the first rows and a dry run (accepted, rejected by line and reason, rows for review);
Import writes. After either, the rows for review can be placed at a chosen candidate and imported on their own
(Import reviewed rows). Reading and importing run on the task runner (console.qtmodels.data_import)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.roles import Role
from console.qtmodels.data_import import DataImport, ImportOutcome, ImportRequest
from console.qtmodels.error_messages import render_error, render_message
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from widgets.premises.import_review import ReviewTable


class ImportDialog(QDialog):
    sig_imported = Signal(str)  # the kind imported: "premises" or "org_units"

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import data"))
        self._importer = DataImport(runner, actor, self)
        self._importer.sig_previewed.connect(self._show_preview)
        self._importer.sig_imported.connect(self._show_imported)
        self._importer.sig_failed.connect(self._show_failure)
        self._previewed: ImportRequest | None = None
        self._review_source: ImportRequest | None = None  # the request whose rows for review are shown
        self._resolving: set[int] = set()

        self.file_edit = self._path_edit("importFile", self.tr("CSV, XLSX, GeoJSON or Shapefile"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("importKind")
        self.kind_combo.addItem(self.tr("Premises"), "premises")
        self.kind_combo.addItem(self.tr("Org units (streets, communities, grids)"), "org_units")
        self.mapping_edit = self._path_edit("importMapping", self.tr("optional: which column feeds which field"))
        self.datum_combo = QComboBox(self)
        self.datum_combo.setObjectName("importDatum")
        for label, datum in ((self.tr("WGS-84 (GPS, CGCS2000)"), "wgs84"),
                             (self.tr("GCJ-02 (AMap, Tencent)"), "gcj02"), (self.tr("BD-09 (Baidu)"), "bd09")):
            self.datum_combo.addItem(label, datum)
        for combo in (self.kind_combo, self.datum_combo):
            combo.currentIndexChanged.connect(self._invalidate)

        form = QFormLayout()
        form.addRow(self.tr("File:"), self._with_browse(self.file_edit, self._browse_file))
        form.addRow(self.tr("Contents:"), self.kind_combo)
        form.addRow(self.tr("Mapping file:"), self._with_browse(self.mapping_edit, self._browse_mapping))
        form.addRow(self.tr("Coordinate system:"), self.datum_combo)

        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setObjectName("importPreview")
        self.preview_button.clicked.connect(self.preview)
        self.status_label = QLabel(self.tr("Choose a file, then Preview to check it without writing."), self)
        self.status_label.setObjectName("importStatus")
        self.status_label.setWordWrap(True)

        self.rows_table = self._table("importRows")
        self.result_table = self._table("importResult")
        self.result_table.setColumnCount(3)
        self.result_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Result"), self.tr("Details")])
        self.result_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(self)
        splitter.setOrientation(Qt.Orientation.Vertical)
        splitter.addWidget(self._group(self.tr("First rows of the file"), self.rows_table))
        splitter.addWidget(self._group(self.tr("Dry run"), self.result_table))
        self.review_table = ReviewTable(self)
        self.review_table.sig_choices_changed.connect(self._update_review_button)
        self.review_button = QPushButton(self.tr("Import &reviewed rows"), self)
        self.review_button.setObjectName("importReviewed")
        self.review_button.setEnabled(False)
        self.review_button.clicked.connect(self.import_reviewed)
        splitter.addWidget(self._review_group())

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importRun")
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.preview_button)
        top.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 720)

    # -- building blocks -------------------------------------------------------------------------------

    def _path_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self._invalidate)
        return edit

    def _with_browse(self, edit: QLineEdit, browse) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), box)
        button.clicked.connect(browse)
        row.addWidget(button)
        return box

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        return table

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        group = QGroupBox(title, self)
        QVBoxLayout(group).addWidget(widget)
        return group

    def _review_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Rows for review"), self)
        hint = QLabel(self.tr("Choose where each row lies, or leave it out; only the rows placed here are imported."),
                      group)
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.review_button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.review_table)
        layout.addLayout(row)
        return group

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), self.file_edit.text(),
                                              self.tr("Tables and maps (*.csv *.txt *.xlsx *.geojson *.json *.shp)"))
        if path:
            self.file_edit.setText(path)

    def _browse_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the mapping file"), self.mapping_edit.text(),
                                              self.tr("Mapping files (*.json)"))
        if path:
            self.mapping_edit.setText(path)

    # -- actions ---------------------------------------------------------------------------------------

    def request(self) -> ImportRequest:
        return ImportRequest(kind=self.kind_combo.currentData(), path=self.file_edit.text().strip(),
                             mapping_path=self.mapping_edit.text().strip() or None,
                             datum=self.datum_combo.currentData())

    def preview(self) -> None:
        request = self.request()
        if not request.path:
            self.status_label.setText(self.tr("Choose a file first."))
            return
        self._previewed = request
        self._busy(self.tr("Reading the file and checking every row…"))
        self._importer.preview(request)

    def run_import(self) -> None:
        if self._previewed is None or self._previewed != self.request():
            return
        self._busy(self.tr("Importing…"))
        self._importer.run(self._previewed)

    def import_reviewed(self) -> None:
        """Only the review rows placed at a candidate, all or none, through the same import as the others."""
        choices = self.review_table.choices()
        if self._review_source is None or not choices:
            return
        self._resolving = set(choices)
        self._busy(self.tr("Importing the reviewed rows…"))
        self._importer.run(replace(self._review_source, resolved=tuple(sorted(choices.items()))))

    def _busy(self, text: str) -> None:
        self.status_label.setText(text)
        for widget in (self.preview_button, self.import_button, self.review_button, self.review_table):
            widget.setEnabled(False)

    def _idle(self) -> None:
        self.preview_button.setEnabled(True)
        self.review_table.setEnabled(True)
        self._update_review_button()

    def _update_review_button(self) -> None:
        self.review_button.setEnabled(self.review_table.isEnabled() and self._review_source is not None
                                      and bool(self.review_table.choices()))

    def _invalidate(self) -> None:
        self._previewed = None
        self._review_source = None
        self.import_button.setEnabled(False)
        self.review_table.show_rows([])

    # -- results ---------------------------------------------------------------------------------------

    def _show_preview(self, outcome: ImportOutcome) -> None:
        self._idle()
        if self._previewed is None or outcome.kind != self._previewed.kind:
            return
        self._fill_rows(outcome)
        self._fill_result(outcome)
        self._show_review(outcome, self._previewed)
        self.status_label.setText(self._summary(outcome))
        self.import_button.setEnabled(outcome.importable)

    def _show_imported(self, outcome: ImportOutcome) -> None:
        imported, self._previewed = self._previewed, None
        self._idle()
        if outcome.reviewed:
            self._show_reviewed(outcome)
            return
        self._fill_result(outcome)
        self._show_review(outcome, imported)
        self.status_label.setText(self._summary(outcome))
        if outcome.error is None and outcome.accepted:
            self.sig_imported.emit(outcome.kind)

    def _show_review(self, outcome: ImportOutcome, source: ImportRequest | None) -> None:
        self._review_source = source if outcome.review else None
        self.review_table.show_rows(outcome.review)

    def _show_reviewed(self, outcome: ImportOutcome) -> None:
        if outcome.error is not None:
            self.status_label.setText(self.tr("The reviewed rows were not imported; nothing was written: %1")
                                      .replace("%1", render_error(outcome.error)))
            return
        self.review_table.remove_lines(self._resolving)
        self.status_label.setText(self.tr("%1 reviewed rows imported at the chosen addresses.")
                                  .replace("%1", QLocale().toString(outcome.accepted)))
        self.sig_imported.emit(outcome.kind)

    def _show_failure(self, message: str) -> None:
        self._previewed = None
        self._idle()
        self.status_label.setText(self.tr("The import failed; nothing was written: %1").replace("%1", message))

    def _fill_rows(self, outcome: ImportOutcome) -> None:
        self.rows_table.clear()
        self.rows_table.setColumnCount(len(outcome.columns))
        self.rows_table.setHorizontalHeaderLabels(outcome.columns)
        self.rows_table.setRowCount(len(outcome.rows))
        for r, values in enumerate(outcome.rows):
            for c, value in enumerate(values):
                self.rows_table.setItem(r, c, QTableWidgetItem(value))
        self.rows_table.resizeColumnsToContents()

    def _fill_result(self, outcome: ImportOutcome) -> None:
        rejected = self.tr("Problem") if outcome.kind == "org_units" else self.tr("Rejected")
        lines = [(n, rejected, render_message(reason)) for n, reason in outcome.rejected]
        lines += [(n, self.tr("Review"), self.tr("%1 → candidates: %2").replace("%1", address)
                   .replace("%2", "; ".join(f"{a} ({score:.0f})" for a, score in cands)))
                  for n, address, cands in outcome.review]
        self.result_table.setRowCount(len(lines))
        for r, (n, verdict, details) in enumerate(sorted(lines, key=lambda item: item[0])):
            for c, value in enumerate((str(n) if n else "", verdict, details)):
                self.result_table.setItem(r, c, QTableWidgetItem(value))
        self.result_table.resizeColumnToContents(0)
        self.result_table.resizeColumnToContents(1)

    def _summary(self, o: ImportOutcome) -> str:
        n = QLocale().toString
        if o.error is not None:
            return self.tr("The file cannot be imported: %1").replace("%1", render_error(o.error))
        if o.kind == "org_units" and o.rejected:
            return self.tr("%1 features read; %2 problems: nothing can be imported until they are fixed.") \
                .replace("%1", n(o.read)).replace("%2", n(len(o.rejected)))
        if o.kind == "org_units":
            text = (self.tr("%1 features read; would add or update %2 org units, replace %3 grids, move %4 rows.")
                    if o.dry_run else
                    self.tr("%1 features read; added or updated %2 org units, replaced %3 grids, moved %4 rows."))
            return text.replace("%1", n(o.read)).replace("%2", n(o.accepted)).replace("%3", n(o.replaced_grids)) \
                .replace("%4", n(o.moved))
        text = (self.tr("%1 rows read; %2 would be imported, %3 rejected, %4 need review (not imported).")
                if o.dry_run else self.tr("%1 rows read; %2 imported, %3 rejected, %4 need review (not imported)."))
        return text.replace("%1", n(o.read)).replace("%2", n(o.accepted)).replace("%3", n(len(o.rejected))) \
            .replace("%4", n(len(o.review)))


def wire_import(window) -> None:
    """File ▸ Import data… for administrators only; the window reloads after an import that wrote."""
    action = window.actions_.import_data
    allowed = window.actor.role is Role.ADMIN
    action.setVisible(allowed)
    action.setEnabled(allowed)

    def open_dialog() -> None:
        dialog = ImportDialog(window.runner, window.actor, window)
        dialog.sig_imported.connect(lambda _kind: window.refresh())
        dialog.open()
        window.import_dialog = dialog

    action.triggered.connect(open_dialog)
