"""Board commands reachable by mouse: the Edit menu's part and the board's context menu.

One set of actions per place (the window's Edit menu, a board's own context
menu), all calling the same :class:`~ui.board.view.BoardView` methods the keys
call.  The keys themselves are handled by the board while it has the keyboard
(so Del in a list or Ctrl+C in the entry bar keep their own meaning); the menus
show them beside each command.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from facilitator.board.arrange import DEFAULT_HUE, HUES
from ui.board.commands import clipboard_has_paste
from ui.i18n import is_language_change

#: Keys of the board's commands (handled by BoardView.keyPressEvent).
KEYS = {
    "cut": QKeySequence.StandardKey.Cut, "copy": QKeySequence.StandardKey.Copy,
    "paste": QKeySequence.StandardKey.Paste, "duplicate": "Ctrl+D", "delete": "Del",
    "select_all": QKeySequence.StandardKey.SelectAll, "front": "Ctrl+]", "back": "Ctrl+[",
}


def hue_icon(hue: str) -> QIcon:
    """A swatch: a note's fill with a stripe of the ink, as the hue colours each kind."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if hue:
        fill, ink = HUES[hue]
        painter.setPen(QColor("#777777"))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(2.5, 2.5, 27, 27), 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ink))
        painter.drawRect(QRectF(3, 21, 26, 6))
    else:  # the usual colours: a slashed swatch
        painter.setPen(QColor("#777777"))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(QRectF(2.5, 2.5, 27, 27), 5, 5)
        painter.setPen(QColor("#D32F2F"))
        painter.drawLine(QPointF(6, 26), QPointF(26, 6))
    painter.end()
    return QIcon(pix)


class BoardCommandActions(QObject):
    """The board's commands as actions on the board ``view_of()`` returns."""

    def __init__(self, view_of: Callable[[], object], parent: QWidget) -> None:
        super().__init__(parent)
        self.view_of = view_of
        self.parent_widget = parent
        a = self._action
        self.cut = a("cut_selection", "cut")
        self.copy = a("copy_selection", "copy")
        self.paste = a("paste_here", "paste")
        self.duplicate = a("duplicate_selection", "duplicate")
        self.delete = a("delete_selection", "delete")
        self.select_all = a("select_all", "select_all")
        self.front = a("bring_to_front", "front")
        self.back = a("send_to_back", "back")
        self.colour_menu = QMenu(parent)
        self.hues: dict[str, QAction] = {}
        for hue in ("yellow", "red", "blue", "green", "orange", "purple", "black", DEFAULT_HUE):
            if hue == DEFAULT_HUE:
                self.colour_menu.addSeparator()
            act = a("recolour_selection", None, hue)
            act.setIcon(hue_icon(hue))
            self.colour_menu.addAction(act)
            self.hues[hue] = act
        self.align_menu = QMenu(parent)
        self.aligns = {edge: a("align_selection", None, edge)
                       for edge in ("left", "centre", "right", "top", "middle", "bottom")}
        self.distributes = {axis: a("distribute_selection", None, axis)
                            for axis in ("horizontal", "vertical")}
        self.align_menu.addActions(list(self.aligns.values())[:3])
        self.align_menu.addSeparator()
        self.align_menu.addActions(list(self.aligns.values())[3:])
        self.align_menu.addSeparator()
        self.align_menu.addActions(list(self.distributes.values()))
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        for act, text in ((self.cut, self.tr("Cu&t")), (self.copy, self.tr("&Copy")),
                          (self.paste, self.tr("&Paste")), (self.duplicate, self.tr("D&uplicate")),
                          (self.delete, self.tr("&Delete")),
                          (self.select_all, self.tr("Select &all")),
                          (self.front, self.tr("Bring to &front")),
                          (self.back, self.tr("Send to &back"))):
            act.setText(text)
        self.hue_names = {
            "yellow": self.tr("Yellow"), "red": self.tr("Red"), "blue": self.tr("Blue"),
            "green": self.tr("Green"), "orange": self.tr("Orange"), "purple": self.tr("Purple"),
            "black": self.tr("Black"), DEFAULT_HUE: self.tr("Usual colour"),
        }
        for hue, act in self.hues.items():
            act.setText(self.hue_names[hue])
        self.colour_menu.setTitle(self.tr("C&olour"))
        self.align_menu.setTitle(self.tr("A&lign"))
        for edge, text in (
                ("left", self.tr("Align &left edges")), ("centre", self.tr("Align &centres")),
                ("right", self.tr("Align &right edges")), ("top", self.tr("Align &top edges")),
                ("middle", self.tr("Align &middles")), ("bottom", self.tr("Align &bottom edges"))):
            self.aligns[edge].setText(text)
        self.distributes["horizontal"].setText(self.tr("Distribute &horizontally"))
        self.distributes["vertical"].setText(self.tr("Distribute &vertically"))

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "distributes"):
            self.retranslate()
        return super().event(event)

    def _action(self, method: str, key: str | None, *args) -> QAction:
        act = QAction(self.parent_widget)
        if key is not None:
            act.setShortcut(QKeySequence(KEYS[key]))
            # Shown in the menus; the board handles the key itself while it has the
            # keyboard, so the same key elsewhere (a list, the entry bar) is left alone.
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.triggered.connect(lambda _=False: self._call(method, *args))
        return act

    def _call(self, method: str, *args) -> None:
        view = self.view_of()
        if view is not None and view.board_scene() is not None:
            getattr(view, method)(*args)

    def fill_edit_menu(self, menu: QMenu, before: QAction | None = None) -> None:
        """The board's commands in the window's Edit menu (before ``before``)."""
        for item in (self.cut, self.copy, self.paste, self.duplicate, self.delete,
                     self.select_all, None, self.colour_menu, self.align_menu, self.front,
                     self.back, None):
            if item is None:
                menu.insertSeparator(before)
            elif isinstance(item, QMenu):
                menu.insertMenu(before, item)
            else:
                menu.insertAction(before, item)
        menu.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        """Enable what applies to the board's selection, the clipboard and the file."""
        view = self.view_of()
        scene = view.board_scene() if view is not None else None
        ids = view.selected_ids() if scene is not None else []
        writable = scene is not None and not scene.workshop.readonly
        self.copy.setEnabled(bool(ids))
        for act in (self.cut, self.duplicate, self.delete, self.front, self.back,
                    *self.hues.values()):
            act.setEnabled(writable and bool(ids))
        self.colour_menu.setEnabled(writable and bool(ids))
        for act in self.aligns.values():
            act.setEnabled(writable and len(ids) >= 2)
        for act in self.distributes.values():
            act.setEnabled(writable and len(ids) >= 3)
        self.align_menu.setEnabled(writable and len(ids) >= 2)
        self.paste.setEnabled(writable and clipboard_has_paste())
        self.select_all.setEnabled(scene is not None and bool(scene.by_id))

    def context_menu(self, view, scene_pos: QPointF) -> QMenu:
        """The menu of a right-click at ``scene_pos``: the item's commands (the item
        joins the selection), or, on the empty board, paste, a new note, select all."""
        scene = view.board_scene()
        item = scene.element_at(scene_pos)
        menu = QMenu(view)
        writable = not scene.workshop.readonly
        if item is not None:
            if not item.isSelected():
                scene.select_ids([item.rid])
            self.refresh()
            if hasattr(item.rec, "text") or hasattr(item.rec, "title"):
                edit = menu.addAction(self.tr("&Edit text"), lambda: scene.begin_edit(item))
                edit.setEnabled(writable)
                menu.addSeparator()
            menu.addActions([self.cut, self.copy])
            menu.addAction(self._paste_at(menu, view, scene_pos))
            menu.addActions([self.duplicate, self.delete])
            menu.addSeparator()
            menu.addMenu(self.colour_menu)
            menu.addMenu(self.align_menu)
            menu.addActions([self.front, self.back])
        else:
            self.refresh()
            note = menu.addAction(self.tr("&New note here"),
                                  lambda: scene.begin_new("note", scene_pos))
            note.setEnabled(writable)
            menu.addAction(self._paste_at(menu, view, scene_pos))
            menu.addSeparator()
            menu.addAction(self.select_all)
        return menu

    def _paste_at(self, menu: QMenu, view, scene_pos: QPointF) -> QAction:
        act = QAction(self.paste.text(), menu)
        act.setShortcut(self.paste.shortcut())
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.setEnabled(self.paste.isEnabled())
        act.triggered.connect(lambda _=False: view.paste_here(scene_pos))
        return act


class ViewCommands:
    """Mixin of :class:`~ui.board.view.BoardView`: the commands on its selection, as the
    keys, the Edit menu and the context menu give them."""

    _command_actions: BoardCommandActions | None = None

    def command_actions(self) -> BoardCommandActions:
        """This board's own actions (its context menu)."""
        if self._command_actions is None:
            self._command_actions = BoardCommandActions(lambda: self, self)
        return self._command_actions

    def show_context_menu(self, scene_pos: QPointF, global_pos) -> QMenu:
        menu = self.command_actions().context_menu(self, scene_pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_pos)
        return menu

    def paste_point(self) -> QPointF:
        """Where a paste goes: under the mouse when it is over the board, else the middle."""
        under = self.viewport().mapFromGlobal(self.cursor().pos())
        if not self.viewport().rect().contains(under):
            under = self.viewport().rect().center()
        return self.mapToScene(under)

    def _ids(self) -> list[str]:
        return self.board_scene().selected_ids()

    def cut_selection(self) -> None:
        self.board_scene().cut(self._ids())

    def copy_selection(self) -> None:
        self.board_scene().copy(self._ids())

    def paste_here(self, at: QPointF | None = None) -> None:
        self.board_scene().paste(at if at is not None else self.paste_point())

    def duplicate_selection(self) -> None:
        self.board_scene().duplicate(self._ids())

    def delete_selection(self) -> None:
        """Delete what is selected; a frame with something in it asks about its contents."""
        scene, ids = self.board_scene(), self._ids()
        if not ids:
            return
        contents = False
        if scene.frames_holding(ids):
            answer = ask_frame_contents(self)
            if answer is None:
                return
            contents = answer
        scene.delete(ids, contents)

    def select_all(self) -> None:
        scene = self.board_scene()
        scene.select_ids(list(scene.by_id))

    def recolour_selection(self, hue: str) -> None:
        self.board_scene().recolour(self._ids(), hue)

    def align_selection(self, edge: str) -> None:
        self.board_scene().align(self._ids(), edge)

    def distribute_selection(self, axis: str) -> None:
        self.board_scene().distribute(self._ids(), axis)

    def bring_to_front(self) -> None:
        self.board_scene().bring_to_front(self._ids())

    def send_to_back(self) -> None:
        self.board_scene().send_to_back(self._ids())


def ask_frame_contents(parent: QWidget) -> bool | None:
    """Deleting a frame with notes in it: True to delete them too, False to keep them
    (outside any theme), None to cancel."""
    from PySide6.QtWidgets import QMessageBox
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("BoardCommands", "Delete the frame"),
                      translate("BoardCommands", "What becomes of what lies in the frame?"),
                      parent=parent)
    box.setInformativeText(translate(
        "BoardCommands", "Kept, the notes stay on the board, outside any theme."))
    keep = box.addButton(translate("BoardCommands", "Delete the frame, keep its contents"),
                         QMessageBox.ButtonRole.AcceptRole)
    both = box.addButton(translate("BoardCommands", "Delete the frame and its contents"),
                         QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return False if clicked is keep else True if clicked is both else None
