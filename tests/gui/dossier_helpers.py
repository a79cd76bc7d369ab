"""Shared steps of the dossier GUI tests and screenshots: find a premise like a person (search the premises
table, double-click the row), tick checklist items, save and wait for the fresh dossier."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem

TIMEOUT = 15000


def green_premise_with_mobile_owner(sql) -> tuple[int, str, str, str]:
    """(id, code, name, phone) of a green premise whose owner has a mobile number and whose type has a
    checklist with a serious item."""
    [row] = sql("SELECT p.id, p.code, p.name, p.owner_phone FROM premises p WHERE p.status = 'green' "
                "AND p.owner_phone LIKE '1%' AND length(p.owner_phone) = 11 AND EXISTS (SELECT 1 FROM "
                "checklist_templates t WHERE t.premise_type = p.type) ORDER BY p.id LIMIT 1")
    return row


def open_from_table(window, qtbot, code: str) -> None:
    """Search the premises table for the code and double-click the one row, as an operator does."""
    panel, model = window.premises_panel, window.premises_model
    window.premises_dock.show()
    window.premises_dock.raise_()
    with qtbot.waitSignal(model.sig_query_loaded, timeout=TIMEOUT):
        qtbot.keyClicks(panel.search_edit, code)
    assert model.rowCount() == 1
    table = panel.table
    rect = table.visualRect(model.index(0, model.COLUMNS.index("name")))
    with qtbot.waitSignal(window.dossier.model.sig_loaded, timeout=TIMEOUT):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tick(qtbot, tree: QTreeWidget, row: QTreeWidgetItem) -> None:
    """Click the row's check box."""
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    point = box.center() if box.isValid() else QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def first_serious_item(dialog) -> tuple[int, str]:
    checklist = dialog.dossier.checklists[dialog.checklist_combo.currentIndex()]
    return next((item_id, text) for item_id, text, severity in checklist.items if severity == "serious")


def type_text(qtbot, widget, text: str) -> None:
    """Type as a person would: ASCII as keys, Chinese committed by the input method one character at a
    time."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
