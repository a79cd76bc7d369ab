"""Help → About shows the versions IT staff are asked for; "Collect diagnostics" writes a zip without
passwords."""
from __future__ import annotations

import zipfile

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox

import console
from console.qtmodels.video_backends import probe_libvlc
from db.migrate import SCHEMA_HEAD
from widgets.common.about_dialog import AboutDialog


def test_about_lists_versions_database_and_schema(qtbot, open_window):
    window = open_window()
    window.actions_.about.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    shown = dialog.versions()
    assert shown["Pingan Console"] == console.__version__
    assert shown["Qt"] == qVersion()
    assert shown["Database"].startswith("SQLite ")
    assert shown["Schema revision"].startswith(f"{SCHEMA_HEAD} ")
    if probe_libvlc().available:
        assert shown["libVLC"] == probe_libvlc().version
        assert "/libvlc.so" in shown["libVLC library"]
    dialog.close()


def test_collect_diagnostics_zip_has_no_password(qtbot, gui_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("PINGAN_DATA_DIR", str(tmp_path / "data"))
    logs = tmp_path / "data" / "logs"
    logs.mkdir(parents=True)
    (logs / "console.log").write_text("connect postgresql://ops:LogSecret@db/center failed\n",
                                      encoding="utf-8")
    config = tmp_path / "console.ini"
    config.write_text("[database]\nurl = postgresql://ops:IniSecret@db/center\n[ui]\nlanguage = en\n",
                      encoding="utf-8")
    dialog = AboutDialog(gui_engine, config)
    qtbot.addWidget(dialog)
    written = dialog.collect(tmp_path / "out" / "diag.zip")
    box = dialog.findChild(QMessageBox)
    assert box is not None and str(written) in box.text()

    with zipfile.ZipFile(written) as zf:
        names = set(zf.namelist())
        assert {"versions.txt", "database.txt", "config/console.ini", "logs/console.log"} <= names
        everything = "".join(zf.read(name).decode("utf-8") for name in names)
    assert "IniSecret" not in everything and "LogSecret" not in everything
    assert f"Schema revision: {SCHEMA_HEAD}" in everything
    assert "language = en" in everything
