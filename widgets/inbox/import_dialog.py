"""Importing a case list through the GUI, the same way `import incidents FILE` does headless: the file, its
format (from the extension), the column mapping for CSV/XLSX, the datum; a preview of the first rows; a dry
run that lists accepted and rejected rows by line, field and reason; then Import, all rows or none. Reading,
checking and writing run off the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.geo import DATUMS
from console.importers.incident_tables import ColumnMapping
from console.qtmodels.error_messages import render_error, render_message
from console.qtmodels.incident_labels import field_label
from console.qtmodels.labels import fill
from console.qtmodels.tasks import TaskRunner
from console.services.incident_file_check import (
    IMPORT_FORMATS,
    FilePreview,
    ImportCheck,
    check_file,
    format_of,
    import_file,
    preview_file,
)
from console.services.incident_import import IncidentFileError
from console.services.jurisdiction import Actor
from widgets.inbox.mapping_editor import MappingEditor

PREVIEW_ROWS = 20
BAD_ROW_COLOUR = QColor("#f6c6c1")


class ImportDialog(QDialog):
    sig_imported = Signal(int)  # how many cases went in

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentImportDialog")
        self.setWindowTitle(self.tr("Import incidents"))
        self._runner, self._actor = runner, actor
        self._preview: FilePreview | None = None
        self.check: ImportCheck | None = None

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Open311 JSON, CSV (UTF-8 or GBK) or XLSX"))
        self.path_edit.editingFinished.connect(self._path_entered)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.format_combo = QComboBox(self)
        for fmt, text in zip(IMPORT_FORMATS, (self.tr("Open311 JSON"), self.tr("CSV"), self.tr("XLSX")),
                             strict=True):
            self.format_combo.addItem(text, fmt)
        self.format_combo.currentIndexChanged.connect(self._reload)
        self.datum_combo = QComboBox(self)
        for datum, text in zip(DATUMS, (self.tr("WGS-84 / CGCS2000"), self.tr("GCJ-02 (AMap, Tencent)"),
                                        self.tr("BD-09 (Baidu)")), strict=True):
            self.datum_combo.addItem(text, datum)
        self.datum_combo.currentIndexChanged.connect(self._invalidate)
        self.mapping_editor = MappingEditor(self)
        self.mapping_editor.sig_changed.connect(self._invalidate)
        self.load_mapping_button = QPushButton(self.tr("Load mapping…"), self)
        self.load_mapping_button.clicked.connect(self._load_mapping)
        self.save_mapping_button = QPushButton(self.tr("Save mapping…"), self)
        self.save_mapping_button.clicked.connect(self._save_mapping)
        self.preview_table = QTableWidget(self)
        self.preview_table.setObjectName("importPreview")
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.problems_tree = QTreeWidget(self)
        self.problems_tree.setObjectName("importProblems")
        self.problems_tree.setRootIsDecorated(False)
        self.problems_tree.setHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Reason")])
        self.problems_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.problems_tree.header().setStretchLastSection(True)
        self.summary_label = QLabel(self.tr("Choose a file."), self)
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check (dry run)"), self)
        self.check_button.setObjectName("importCheck")
        self.check_button.clicked.connect(self.run_check)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("importRun")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Datum:"), self.datum_combo)
        self.mapping_box = QWidget(self)
        mapping_layout = QVBoxLayout(self.mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(QLabel(self.tr("Column mapping (* required)"), self.mapping_box))
        mapping_layout.addWidget(self.mapping_editor, 1)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(self.load_mapping_button)
        mapping_buttons.addWidget(self.save_mapping_button)
        mapping_layout.addLayout(mapping_buttons)
        results = QWidget(self)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(QLabel(self.tr("First rows"), results))
        results_layout.addWidget(self.preview_table, 2)
        results_layout.addWidget(QLabel(self.tr("Rejected rows"), results))
        results_layout.addWidget(self.problems_tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.mapping_box)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 90, self.fontMetrics().height() * 36)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the file box reads the file, it does not press a button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the file ---------------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    @property
    def datum(self) -> str:
        return self.datum_combo.currentData()

    def set_path(self, path: Path) -> None:
        """Choose a file: the format follows its extension, and its first rows are read."""
        self.path_edit.setText(str(path))
        self._path_entered()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import incidents"), self.path_edit.text(),
            self.tr("Case lists (*.json *.csv *.txt *.xlsx);;All files (*)"))
        if chosen:
            self.set_path(Path(chosen))

    def _path_entered(self) -> None:
        path = self.path
        if path is None:
            return
        fmt = format_of(path)
        if fmt is not None and fmt != self.fmt:
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))  # reloads
        else:
            self._reload()

    def _reload(self) -> None:
        path, fmt = self.path, self.fmt
        self._invalidate()
        self.mapping_box.setEnabled(fmt != "open311")
        if path is None:
            return
        if not path.is_file():
            self.summary_label.setText(fill(self.tr("%1 does not exist."), path))
            return
        self.summary_label.setText(self.tr("Reading…"))
        self._runner.submit(lambda _session: preview_file(path, fmt, PREVIEW_ROWS),
                            lambda preview: self._previewed(path, fmt, preview), self._file_failed)

    def _previewed(self, path: Path, fmt: str, preview: FilePreview) -> None:
        if (path, fmt) != (self.path, self.fmt):
            return
        self._preview = preview
        if fmt != "open311":
            self.mapping_editor.set_header(preview.header, ColumnMapping())
        self._fill_preview()
        self.summary_label.setText(self.tr("Check the file to see which rows would be imported."))

    def _file_failed(self, exc: BaseException) -> None:
        problems = exc.problems if isinstance(exc, IncidentFileError) else []
        self.summary_label.setText(render_message(problems[0].reason) if problems else render_error(exc))

    def _fill_preview(self) -> None:
        preview = self._preview
        table = self.preview_table
        table.clear()
        if preview is None:
            table.setRowCount(0)
            return
        table.setColumnCount(len(preview.header))
        table.setHorizontalHeaderLabels(preview.header)
        table.setRowCount(len(preview.rows))
        table.setVerticalHeaderLabels([str(line) for line, _cells in preview.rows])
        reasons: dict[int, list[str]] = {}
        for p in self.check.problems if self.check else []:
            reasons.setdefault(p.row, []).append(fill(self.tr("%1: %2"), field_label(p.field),
                                                      render_message(p.reason)))
        for r, (line, cells) in enumerate(preview.rows):
            for c in range(len(preview.header)):
                item = QTableWidgetItem(cells[c] if c < len(cells) else "")
                if line in reasons:
                    item.setBackground(QBrush(BAD_ROW_COLOUR))
                    item.setToolTip("\n".join(reasons[line]))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    # -- mapping files ----------------------------------------------------------------------------------

    def _load_mapping(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Load mapping"), "",
                                                      self.tr("Mapping (*.json)"))
        if chosen:
            self.load_mapping(Path(chosen))

    def load_mapping(self, path: Path) -> None:
        header = self._preview.header if self._preview else []
        try:
            mapping = self.mapping_editor.load(path, header)
        except IncidentFileError as exc:
            self.summary_label.setText(render_error(exc))
            return
        if mapping.datum:
            self.datum_combo.setCurrentIndex(self.datum_combo.findData(mapping.datum))
        self._invalidate()

    def _save_mapping(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save mapping"), "mapping.json",
                                                      self.tr("Mapping (*.json)"))
        if chosen:
            self.mapping_editor.save(Path(chosen), self.datum)

    # -- checking and importing -------------------------------------------------------------------------

    def _invalidate(self) -> None:
        """A changed file, mapping or datum needs a new dry run before Import."""
        self.check = None
        self.import_button.setEnabled(False)
        self.problems_tree.clear()

    def _mapping(self) -> ColumnMapping | None:
        return None if self.fmt == "open311" else self.mapping_editor.mapping(self.datum)

    def run_check(self) -> None:
        path, fmt, mapping, datum, actor = self.path, self.fmt, self._mapping(), self.datum, self._actor
        if path is None or not path.is_file():
            return
        self._invalidate()
        self.check_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking…"))
        self._runner.submit(lambda session: check_file(session, actor, path, fmt, mapping, datum),
                            self._checked, self._check_failed)

    def _checked(self, check: ImportCheck) -> None:
        self.check_button.setEnabled(True)
        self.check = check
        self.problems_tree.clear()
        for p in check.problems:
            where = str(p.row) if p.row else self.tr("file")
            self.problems_tree.addTopLevelItem(QTreeWidgetItem([where, field_label(p.field),
                                                                render_message(p.reason)]))
        rejected = check.rejected
        if check.importable:
            text = fill(self.tr("%1 rows accepted, none rejected: ready to import."), len(check.accepted))
        elif rejected:
            text = fill(self.tr("%1 rows accepted, %2 rejected (lines %3). Nothing is imported until every row "
                                "is right."), len(check.accepted), len(rejected), ", ".join(map(str, rejected)))
        elif check.problems:
            text = self.tr("The file cannot be imported; see the problems below.")
        else:
            text = self.tr("The file holds no cases.")
        self.summary_label.setText(text)
        self.import_button.setEnabled(check.importable)
        self._fill_preview()

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.summary_label.setText(render_error(exc))

    def run_import(self) -> None:
        if self.check is None or not self.check.importable:
            return
        path, fmt, mapping, datum, actor = self.path, self.fmt, self._mapping(), self.datum, self._actor
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.summary_label.setText(self.tr("Importing…"))

        def write(session) -> int:
            count = import_file(session, actor, path, fmt, mapping, datum)
            session.commit()
            return count
        self._runner.submit(write, self._imported, self._import_failed)

    def _imported(self, count: int) -> None:
        self.check_button.setEnabled(True)
        self.check = None
        self.summary_label.setText(fill(self.tr("%1 cases imported."), count))
        self.sig_imported.emit(count)

    def _import_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.summary_label.setText(fill(self.tr("Nothing was imported: %1"), render_error(exc)))
