"""The first-run wizard as IT staff meet it: a PostgreSQL server with a real password check (a throwaway
scram-sha-256 cluster: the shared local server trusts every login), an unreachable host, a missing database,
a user without the right to migrate, and the demo choice — each answered in one plain sentence, and the
choice remembered in the config file the next start reads."""
from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from console.config import load_settings
from tests.pg_cluster import pg_bindir, start_cluster
from widgets.common.first_run_wizard import DEMO, NEW_LOCAL, POSTGRES, FirstRunWizard

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def scram_server():
    """Port of a password-checking cluster: `owner` owns database `center`, `clerk` may only log in."""
    if pg_bindir() is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed; `make test` installs them")
    cluster = start_cluster(password="superpass", superuser="pgadmin")
    try:
        for sql in ("CREATE ROLE owner LOGIN PASSWORD 'right-password'",
                    "CREATE ROLE clerk LOGIN PASSWORD 'clerk-password'",
                    "CREATE DATABASE center OWNER owner",
                    "CREATE DATABASE locked OWNER pgadmin"):
            done = cluster.psql(sql)
            assert done.returncode == 0, done.stderr
        yield cluster.port
    finally:
        cluster.stop()


@pytest.fixture
def wizard(qtbot, tmp_path):
    w = FirstRunWizard(tmp_path / "console.ini")
    qtbot.addWidget(w)
    w.show()
    return w


def _to_server_page(qtbot, wizard, port: int, user: str, password: str, database: str = "center"):
    wizard.choice_page.group.button(POSTGRES).click()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.server_page
    assert wizard.currentPage() is page
    page.host.setText("127.0.0.1")
    page.port.setValue(port)
    page.database.setText(database)
    page.user.setText(user)
    page.password.setText(password)
    page.tls.setCurrentIndex(page.tls.findData("disable"))
    return page


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_good_password_migrate_and_remember(qtbot, wizard, scram_server, tmp_path):
    page = _to_server_page(qtbot, wizard, scram_server, "owner", "right-password")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "empty" in page.message.text()
    assert page.migrate_button.isEnabled() and not finish.isEnabled()

    qtbot.mouseClick(page.migrate_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Connected; the database schema is current."
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    settings = load_settings(None, tmp_path / "console.ini")
    assert settings.preset and not settings.is_demo
    assert f"owner:right-password@127.0.0.1:{scram_server}/center" in settings.db_url


def test_bad_password_is_named(qtbot, wizard, scram_server):
    page = _to_server_page(qtbot, wizard, scram_server, "owner", "wrong-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == (f"The PostgreSQL server at 127.0.0.1:{scram_server} refused the user name "
                                   "or password (user owner).")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_unreachable_host_is_named(qtbot, wizard):
    port = _closed_port()
    page = _to_server_page(qtbot, wizard, port, "owner", "right-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == (f"Cannot reach the PostgreSQL server at 127.0.0.1:{port}; check the host, "
                                   "the port and that the server is running.")


def test_missing_database_is_named(qtbot, wizard, scram_server):
    page = _to_server_page(qtbot, wizard, scram_server, "owner", "right-password", database="nowhere")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == f"The database 'nowhere' does not exist on the PostgreSQL server at " \
                                  f"127.0.0.1:{scram_server}."


def test_user_without_rights_is_told_to_ask_the_administrator(qtbot, wizard, scram_server):
    page = _to_server_page(qtbot, wizard, scram_server, "clerk", "clerk-password", database="locked")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "needs its tables created" in page.message.text()
    assert "ask the database administrator to run `pingan db upgrade`" in page.message.text()
    assert not page.migrate_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_editing_after_a_test_asks_for_a_new_test(qtbot, wizard, scram_server):
    page = _to_server_page(qtbot, wizard, scram_server, "owner", "right-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.check is not None
    qtbot.keyClicks(page.password, "x")
    assert page.check is None and not page.migrate_button.isEnabled()


def test_demo_choice_is_remembered(qtbot, wizard, tmp_path):
    wizard.choice_page.group.button(DEMO).click()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    settings = load_settings(None, tmp_path / "console.ini")
    assert settings.is_demo and settings.preset


def test_new_local_file_is_created_migrated_and_remembered(qtbot, wizard, tmp_path):
    wizard.choice_page.group.button(NEW_LOCAL).click()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.local_page
    target = tmp_path / "center" / "console.sqlite"
    page.path_edit.setText(str(target))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert page.message.text() == "Connected; the database schema is current."
    settings = load_settings(None, tmp_path / "console.ini")
    assert settings.db_url == f"sqlite:///{target}" and not settings.is_demo

    again = FirstRunWizard(tmp_path / "other.ini")
    qtbot.addWidget(again)
    again.show()
    again.choice_page.group.button(NEW_LOCAL).click()
    qtbot.mouseClick(again.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    again.local_page.path_edit.setText(str(target))
    qtbot.mouseClick(again.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert again.local_page.message.text() == f"{target} already exists; choose a new file name."
    assert not (tmp_path / "other.ini").exists()
