"""Photos in the dossier driven like an inspector: pick a picture with "Add photo…", see its thumbnail and the
history entry, be told by name when a file is not a picture, and remove a photo from its context menu after
confirming."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.context_menus import choose_in_menu, right_click
from tests.gui.dossier_helpers import TIMEOUT, green_premise_with_mobile_owner, open_from_table


def _history(panel, kind: str) -> list[str]:
    tree = panel.timeline
    return [tree.topLevelItem(n).text(4) for n in range(tree.topLevelItemCount())
            if tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) == kind]


def _pick_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), "")))


def test_add_a_photo_see_it_and_remove_it_after_confirming(open_window, qtbot, sql, tmp_path, monkeypatch):
    window = open_window("admin")
    premise_id, code, _name, _phone = green_premise_with_mobile_owner(sql)
    open_from_table(window, qtbot, code)
    panel = window.dossier.panel
    strip = panel.photos.strip
    assert strip.count() == 0 and panel.photos.add_button.isVisible()

    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2e7d32"))
    path = tmp_path / "门头.png"
    assert picture.save(str(path))
    _pick_file(monkeypatch, path)
    qtbot.mouseClick(panel.photos.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.count() == 1 and strip.isVisible() and bool(_history(panel, "photo_added")),
                    timeout=TIMEOUT)
    assert strip.item(0).toolTip() == "门头.png" and not strip.item(0).icon().isNull()
    assert _history(panel, "photo_added") == ["门头.png"]
    assert sql("SELECT filename, added_by FROM premise_photos WHERE premise_id = :p",
               p=premise_id) == [("门头.png", "admin")]

    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a picture")
    _pick_file(monkeypatch, text_file)
    qtbot.mouseClick(panel.photos.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message_label.isVisible() and "notes.txt" in panel.message_label.text(),
                    timeout=TIMEOUT)
    assert sql("SELECT count(*) FROM premise_photos") == [(1,)]

    seen = choose_in_menu("Remove photo")
    right_click(strip.viewport(), strip.visualItemRect(strip.item(0)).center())
    qtbot.waitUntil(lambda: panel.photos.confirm_box is not None and panel.photos.confirm_box.isVisible(),
                    timeout=TIMEOUT)
    assert any("Remove photo" in entry for entry in seen)
    assert "门头.png" in panel.photos.confirm_box.text()
    qtbot.mouseClick(panel.photos.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.count() == 0 and _history(panel, "photo_removed") == ["门头.png"],
                    timeout=TIMEOUT)
    assert not strip.isVisible()
    assert sql("SELECT count(*) FROM premise_photos") == [(0,)]
    assert sql("SELECT op FROM change_log WHERE entity = 'premise_photos' AND entity_id = :p ORDER BY id",
               p=premise_id) == [("add",), ("remove",)]
