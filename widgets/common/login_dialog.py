"""Sign-in for a shared database: username and password; a refusal is said in the dialog, not a crash."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """`authenticate(username, password)` returns the signed-in actor or raises PermissionError."""

    def __init__(self, authenticate: Callable[[str, str], Any], username: str = "", database: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self.actor: Any = None
        self.setWindowTitle(self.tr("Sign in to Pingan Console"))
        self.setMinimumWidth(380)

        self.username_edit = QLineEdit(username, self)
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loginError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        if database:
            form.addRow(self.tr("Database:"), QLabel(database, self))
        form.addRow(self.tr("Username:"), self.username_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        buttons.button(standard.Ok).setText(self.tr("Sign in"))
        buttons.button(standard.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    def accept(self) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self._show_error(self.tr("Enter your username."))
            return
        try:
            self.actor = self._authenticate(username, self.password_edit.text())
        except PermissionError:
            self._show_error(self.tr("Wrong username or password."))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        except Exception:
            log.exception("sign-in failed")
            self._show_error(self.tr("The database cannot be reached; ask IT staff to check the connection."))
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
