"""Start-up: no display, schema checks, the demo's automatic sign-in, the screenshot mode, sign-in dialog,
translations and the connection indicator."""
from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QImage
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import i18n_build
from console.config import Settings
from console.qtmodels.connection import ConnectionMonitor
from console.services.seed.people import DEMO_PASSWORD
from console.services.users import authenticate
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade
from db.models import Premise, Setting
from tests.gui.conftest import TOWNSHIP_OPERATOR
from widgets.app import run_gui
from widgets.common.login_dialog import LoginDialog
from widgets.common.status_bar import ConsoleStatusBar

TS_FILE = i18n_build.I18N_DIR / "pingan_zh_CN.ts"


def _settings(tmp_path, db, demo: bool) -> Settings:
    return Settings(db_url=str(db), is_demo=demo, language="zh_CN", config_path=tmp_path / "console.ini")


def test_without_a_display_says_how_to_get_a_screenshot(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert run_gui(_settings(tmp_path, tmp_path / "x.sqlite", demo=True)) == 2
    out = capsys.readouterr().out
    assert 'make run ARGS="--screenshot out.png"' in out and out.count("\n") == 1
    assert not (tmp_path / "x.sqlite").exists()


def test_screenshot_of_the_demo_signs_in_the_demo_operator(qapp, seeded_db, tmp_path):
    shot = tmp_path / "shot.png"
    assert run_gui(_settings(tmp_path, seeded_db, demo=True), screenshot=shot) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 900)
    colours = {image.pixel(x, y) for x in range(0, 1600, 40) for y in range(0, 900, 30)}
    assert len(colours) > 5
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"  # its translator is gone again


@pytest.mark.slow
def test_first_start_creates_and_seeds_the_demo_database(qapp, tmp_path):
    demo = tmp_path / "new-data-dir" / "demo.sqlite"
    shot = tmp_path / "first.png"
    assert run_gui(_settings(tmp_path, demo, demo=True), screenshot=shot) == 0
    engine = make_engine(str(demo))
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Premise)) > 0
        assert session.scalar(select(Setting.value).where(Setting.key == "demo_operator"))
    engine.dispose()
    assert QImage(str(shot)).width() == 1600


def test_a_shared_database_behind_the_schema_is_refused(qapp, tmp_path, capsys):
    db = tmp_path / "old.sqlite"
    make_engine(str(db)).dispose()
    assert run_gui(_settings(tmp_path, db, demo=False), screenshot=tmp_path / "no.png") == 1
    assert "db upgrade" in capsys.readouterr().err
    assert not (tmp_path / "no.png").exists()


def test_a_shared_database_needs_a_password_even_for_a_screenshot(qapp, seeded_db, tmp_path, capsys):
    assert run_gui(_settings(tmp_path, seeded_db, demo=False), screenshot=tmp_path / "no.png") == 1
    assert "password" in capsys.readouterr().err


def test_login_dialog_refuses_a_wrong_password_then_signs_in(qtbot, gui_engine):
    def check(name: str, password: str):
        with Session(gui_engine) as session:
            return authenticate(session, name, password)

    dialog = LoginDialog(check, username=TOWNSHIP_OPERATOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Wrong username or password."
    assert dialog.password_edit.text() == ""
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    dialog.accept()
    assert not dialog.isVisible() and dialog.actor.username == TOWNSHIP_OPERATOR


def test_chinese_interface_renders(qapp, open_window, sql, tmp_path):
    i18n_build.build()
    translator = QTranslator()
    assert translator.load(str(TS_FILE.with_suffix(".qm")))
    qapp.installTranslator(translator)
    try:
        window = open_window()
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "视图(&V)", "语言(&L)", "事件(&I)", "帮助(&H)"]
        [(total,)] = sql("SELECT count(*) FROM premises")
        assert window.premises_panel.count_label.text().replace(",", "") == f"共 {total} 个场所"
        assert window.premises_model.headerData(0, Qt.Orientation.Horizontal) == "编码"
        window.grab().save(str(tmp_path / "zh.png"))
    finally:
        qapp.removeTranslator(translator)


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform") or [translation]
    return all((form.text or "").strip() for form in forms)


def test_every_message_has_a_chinese_translation():
    root = ET.parse(TS_FILE).getroot()
    untranslated = [(ctx.findtext("name"), msg.findtext("source"))
                    for ctx in root.iter("context") for msg in ctx.iter("message") if not _translated(msg)]
    assert untranslated == []


def test_i18n_build_is_idempotent(tmp_path):
    shutil.copy(TS_FILE, tmp_path)
    assert [p.name for p in i18n_build.build(tmp_path)] == ["pingan_zh_CN.qm"]
    assert i18n_build.build(tmp_path) == []
    assert (tmp_path / "pingan_zh_CN.qm").stat().st_size > 0


def test_connection_indicator_reports_a_lost_database(qtbot, tmp_path):
    engine = make_engine(str(tmp_path / "missing-folder" / "x.sqlite"))
    monitor = ConnectionMonitor(make_session_factory(engine), interval_ms=50)
    bar = ConsoleStatusBar("SQLite x", "someone")
    qtbot.addWidget(bar)
    monitor.sig_state_changed.connect(bar.set_connected)
    with qtbot.waitSignal(monitor.sig_state_changed, timeout=10000) as blocker:
        monitor.start()
    monitor.stop()
    engine.dispose()
    assert blocker.args == [False]
    assert "Connection lost" in bar.connection_label.text()


def test_connection_indicator_reports_a_live_database(qtbot, tmp_path):
    engine = make_engine(str(tmp_path / "ok.sqlite"))
    upgrade(engine)
    monitor = ConnectionMonitor(make_session_factory(engine))
    with qtbot.waitSignal(monitor.sig_state_changed, timeout=10000) as blocker:
        monitor.start()
    monitor.stop()
    engine.dispose()
    assert blocker.args == [True] and monitor.connected is True
