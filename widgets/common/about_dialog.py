"""Help → About: the versions an IT admin is asked for (console, Qt, libVLC and where it was loaded from,
Python, database and schema), and "Collect diagnostics…" writing them with logs and config into a zip."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from console.diagnostics import collect_versions, write_diagnostics

# The component names console.diagnostics reports, for lupdate; shown translated, kept in English as data.
COMPONENTS = {name: name for name in (
    QT_TRANSLATE_NOOP("AboutDialog", "Pingan Console"), QT_TRANSLATE_NOOP("AboutDialog", "Python"),
    QT_TRANSLATE_NOOP("AboutDialog", "libVLC library"), QT_TRANSLATE_NOOP("AboutDialog", "Platform"),
    QT_TRANSLATE_NOOP("AboutDialog", "Frozen bundle"), QT_TRANSLATE_NOOP("AboutDialog", "Database"),
    QT_TRANSLATE_NOOP("AboutDialog", "Database location"),
    QT_TRANSLATE_NOOP("AboutDialog", "Schema revision"),
    QT_TRANSLATE_NOOP("AboutDialog", "Database error"))}


class AboutDialog(QDialog):
    def __init__(self, engine: Engine | None, config_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.config_path = engine, config_path
        self.setWindowTitle(self.tr("About Pingan Console"))
        self.resize(680, 500)
        intro = QLabel(self.tr("Pingan Console: a GIS operations console for social-governance centers."))
        intro.setWordWrap(True)
        rows = collect_versions(engine)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, value) in enumerate(rows):
            label = QTableWidgetItem(QCoreApplication.translate("AboutDialog", COMPONENTS.get(name, name)))
            label.setData(Qt.ItemDataRole.UserRole, name)
            self.table.setItem(row, 0, label)
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.table.setItem(row, 1, item)
        self.table.resizeColumnToContents(0)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.collect_button = buttons.addButton(self.tr("Collect diagnostics…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.collect_button.clicked.connect(lambda: self.collect())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def versions(self) -> dict[str, str]:
        """Component (English, as console.diagnostics names it) → version shown."""
        return {self.table.item(r, 0).data(Qt.ItemDataRole.UserRole): self.table.item(r, 1).text()
                for r in range(self.table.rowCount())}

    def collect(self, target: Path | None = None) -> Path | None:
        """Ask where to save (unless `target` is given), write the zip and say where it went."""
        if not target:
            default = Path.home() / f"pingan-diagnostics-{datetime.now():%Y%m%d-%H%M%S}.zip"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save diagnostics"), str(default),
                                                    self.tr("Zip archives (*.zip)"))
            if not chosen:
                return None
            target = Path(chosen)
        try:
            written = write_diagnostics(target, self.engine, self.config_path)
        except OSError as exc:
            text = self.tr("Could not write %1: %2").replace("%1", str(target)).replace("%2", str(exc))
            QMessageBox.warning(self, self.tr("Collect diagnostics"), text)
            return None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Collect diagnostics"),
                          self.tr("Diagnostics saved to %1 (passwords removed).").replace("%1", str(written)),
                          QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        return written
