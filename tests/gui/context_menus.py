"""Context menus driven as a person does: right-click a spot, then pick an entry from the menu that opens
(QMenu.exec blocks, so the pick is queued before the click and waits for the menu to show)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def right_click(widget: QWidget, pos: QPoint | None = None) -> None:
    pos = QPoint(20, 20) if pos is None else pos
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos)))


def choose_in_menu(text: str) -> list[str]:
    """Queue: once a menu shows, note its entries (returned list, filled then) and trigger the one containing
    `text`, if any; call before the right-click."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, pick)
            return
        seen.extend(a.text() for a in menu.actions())
        action = next((a for a in menu.actions() if text in a.text()), None)
        menu.close()
        if action is not None:
            action.trigger()

    QTimer.singleShot(50, pick)
    return seen
