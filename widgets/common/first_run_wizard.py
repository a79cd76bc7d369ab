"""First start of an installed console: which database to use — the embedded demo, a new local file, or a
PostgreSQL server — tested, migrated when the user may, and remembered in this machine's config file.

The checks and the config file are console/services/db_setup.py; this is only the face over them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from console.config import data_dir
from console.services.db_setup import (
    TLS_MODES,
    ConnectionCheck,
    ServerChoice,
    apply_migrations,
    check_connection,
    local_file_url,
    remember,
)

CHOICE, LOCAL, SERVER = range(3)
DEMO, NEW_LOCAL, POSTGRES = range(3)


def _busy(job):
    """Run a short blocking check with the wait cursor (a connect times out after a few seconds)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return job()
    finally:
        QGuiApplication.restoreOverrideCursor()


class ChoicePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose the database"))
        self.setSubTitle(self.tr("The choice is remembered on this computer; IT staff can pre-set it with a "
                                 "config file."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for code, text in ((DEMO, self.tr("The embedded demo database (a sample district, for training)")),
                           (NEW_LOCAL, self.tr("A new empty database file on this computer")),
                           (POSTGRES, self.tr("The center's PostgreSQL server"))):
            button = QRadioButton(text, self)
            self.group.addButton(button, code)
            layout.addWidget(button)
        self.group.button(POSTGRES).setChecked(True)
        # setFinalPage makes QWizard swap Next for Finish at once (nextId alone waits for a page change).
        self.group.idToggled.connect(lambda *_: self.setFinalPage(self.group.checkedId() == DEMO))

    def nextId(self) -> int:
        return {DEMO: -1, NEW_LOCAL: LOCAL, POSTGRES: SERVER}[self.group.checkedId()]


class LocalPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("New database file"))
        self.setSubTitle(self.tr("The tables are created now; load data with the import commands."))
        self.path_edit = QLineEdit(str(data_dir() / "console.sqlite"), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.url = ""

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("New database file"), self.path_edit.text(),
                                                self.tr("SQLite databases (*.sqlite)"))
        if chosen:
            self.path_edit.setText(chosen)

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip()).expanduser()
        if self.url and self.url == local_file_url(path):
            return True  # created by the previous validation of the same choice
        if path.exists():
            text = self.tr("%1 already exists; choose a new file name.")
            self.message.setText(text.replace("%1", str(path)))
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.message.setText(str(exc))
            return False
        url = local_file_url(path)
        check = _busy(lambda: apply_migrations(url))
        self.message.setText(check.message)
        if check.ok:
            self.url = url
        return check.ok


class ServerPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("PostgreSQL server"))
        self.setSubTitle(self.tr("Ask IT staff for these details. Test the connection before finishing."))
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("pingan", self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox(self)
        tls_labels = {"prefer": self.tr("Use TLS when the server offers it"),
                      "require": self.tr("Require TLS"),
                      "verify-full": self.tr("Require TLS and verify the server certificate"),
                      "disable": self.tr("No TLS")}
        for mode in TLS_MODES:
            self.tls.addItem(tls_labels[mode], mode)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.migrate_button = QPushButton(self.tr("Apply migrations"), self)
        self.migrate_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("TLS"), self.tls)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.migrate_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        self.check: ConnectionCheck | None = None
        self.test_button.clicked.connect(self.test_connection)
        self.migrate_button.clicked.connect(self.migrate)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._forget_check)
        self.port.valueChanged.connect(self._forget_check)
        self.tls.currentIndexChanged.connect(self._forget_check)

    def choice(self) -> ServerChoice:
        return ServerChoice(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                            self.user.text().strip(), self.password.text(), self.tls.currentData())

    def url(self) -> str:
        return self.choice().url()

    def _forget_check(self) -> None:
        self.check = None
        self.migrate_button.setEnabled(False)
        self.completeChanged.emit()

    def _show(self, check: ConnectionCheck) -> None:
        self.check = check
        text = check.message
        if check.ok and check.needs_migration and not check.can_migrate:
            text += " " + self.tr("This user may not change the schema; ask the database administrator "
                                  "to run `pingan db upgrade`.")
        self.message.setText(text)
        self.migrate_button.setEnabled(check.ok and check.needs_migration and check.can_migrate)
        self.completeChanged.emit()

    def test_connection(self) -> ConnectionCheck:
        if not (self.host.text().strip() and self.database.text().strip() and self.user.text().strip()):
            missing = self.tr("Fill in the host, the database and the user name.")
            check = ConnectionCheck(ok=False, message=missing)
        else:
            url = self.url()
            check = _busy(lambda: check_connection(url))
        self._show(check)
        return check

    def migrate(self) -> ConnectionCheck:
        url = self.url()
        check = _busy(lambda: apply_migrations(url))
        self._show(check)
        return check

    def isComplete(self) -> bool:
        return self.check is not None and self.check.ok and not self.check.needs_migration

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    """`exec()` then `chosen_url` ("" for the demo database); the choice is saved to `config_path`."""

    def __init__(self, config_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config_path = config_path
        self.chosen_url: str | None = None
        self.setWindowTitle(self.tr("Pingan Console set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.choice_page, self.local_page = ChoicePage(self), LocalPage(self)
        self.server_page = ServerPage(self)
        self.setPage(CHOICE, self.choice_page)
        self.setPage(LOCAL, self.local_page)
        self.setPage(SERVER, self.server_page)
        self.resize(620, 460)

    def accept(self) -> None:
        """QWizard validates the last page only in done(), after this runs; the choice depends on it."""
        if not self.validateCurrentPage():
            return
        kind = self.choice_page.group.checkedId()
        url = self.server_page.url() if kind == POSTGRES else self.local_page.url if kind == NEW_LOCAL else ""
        remember(url, self.config_path)
        self.chosen_url = url
        super().accept()
