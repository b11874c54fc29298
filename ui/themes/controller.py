"""Themes on the board: propose (off the UI thread), preview, accept or discard; dot voting.

:class:`ThemesController` adds a Themes menu, toolbar buttons and two docks
to the main window (``install(window)``), and follows the window's workshop
through :meth:`attach` / :meth:`detach`.  Every edit goes through the
facilitator core, one undo step each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPen
from PySide6.QtWidgets import QDockWidget, QGraphicsRectItem, QMenu, QMessageBox

from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Note, Participant, Setting, Theme
from ui.board.items import FrameItem, NoteItem
from ui.i18n import is_language_change

# The panels, the worker and the engine's front (facilitator.themes.acceptance, .voting)
# load on first use: the window's first paint does not wait for them.
if TYPE_CHECKING:
    from facilitator.themes.proposal import Proposal
    from ui.themes.preview import ProposalPanel
    from ui.themes.voting_panel import VotingPanel
    from ui.themes.worker import Preparer, ProposalWorker

#: Quiet time after typing before notes' features are computed ahead.
PREPARE_DELAY_MS = 1500
_OVERLAY_Z = 1e11


class ThemesController(QObject):
    """The theme and voting features of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.worker: ProposalWorker | None = None
        self.proposal: Proposal | None = None
        self.given = None           # ProposalInput the proposal was made from
        self.board_key = None       # (session, group) it was made for
        self.overlays: list[QGraphicsRectItem] = []
        self._preparer: Preparer | None = None
        self.vectors: dict = {}     # stored vectors the proposal was given
        self._panel: ProposalPanel | None = None
        self._votes: VotingPanel | None = None
        self._filtered = None       # viewport with our event filter
        self._accepted: int | None = None   # themes just accepted (the panel says what next)
        self.prepare_timer = QTimer(self)
        self.prepare_timer.setSingleShot(True)
        self.prepare_timer.setInterval(PREPARE_DELAY_MS)
        self.prepare_timer.timeout.connect(self._prepare_ahead)
        from ui.themes.encoding import BackgroundEncoder
        self.encoding = BackgroundEncoder(self)   # notes' vectors, made as they are committed

    # -- installing ---------------------------------------------------------------------
    def install(self, window=None) -> "ThemesController":
        """Menu, toolbar buttons and docks on the window."""
        w = window or self.window
        self.propose_action = QAction(w)
        self.propose_action.setShortcut("Ctrl+T")
        self.propose_action.triggered.connect(lambda _=False: self.propose())
        self.voting_action = QAction(w)
        self.voting_action.setCheckable(True)
        self.voting_action.toggled.connect(self.set_voting)
        self.menu = QMenu(w)
        self.menu.addActions([self.propose_action, self.voting_action])
        w.menuBar().insertMenu(w.menuBar().actions()[-1], self.menu)  # before Help
        w.toolbar.addSeparator()
        w.toolbar.addActions([self.propose_action, self.voting_action])
        w.actions_.workshop_actions += [self.propose_action, self.voting_action]
        self.encoding.install(w, self.propose)
        self.retranslate()
        return self

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.propose_action.setText(self.tr("Propose themes"))
        self.voting_action.setText(self.tr("Dot voting"))
        self.menu.setTitle(self.tr("&Themes"))
        if self._panel is not None:
            self.dock.setWindowTitle(self.tr("Theme proposal"))
            self.votes_dock.setWindowTitle(self.tr("Dot voting"))
            # The status says what is going on, in the new words; an outcome told
            # before ("Proposal discarded.") gives way to the first hint.
            if self.given is not None:
                self._panel.set_kept(self._kept_text())
            if self.busy() and self.given is not None:
                self._panel.set_busy(True, self._busy_text())
            elif self._accepted is not None:
                self._panel.show_done(self._done_text())
            elif self.proposal is not None:
                self._panel.set_busy(False, self._proposed_text())
            else:
                self._panel.show_hint()

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "menu"):
            self.retranslate()
        return super().event(event)

    # The two docks are made the first time either is needed.
    @property
    def panel(self) -> ProposalPanel:
        self._make_docks()
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        self._make_docks()
        return self._panel.parentWidget()

    @property
    def votes(self) -> VotingPanel:
        self._make_docks()
        return self._votes

    @property
    def votes_dock(self) -> QDockWidget:
        self._make_docks()
        return self._votes.parentWidget()

    def _make_docks(self) -> None:
        if self._panel is not None:
            return
        from ui.themes.preview import ProposalPanel
        from ui.themes.voting_panel import VotingPanel
        w = self.window
        self._panel = panel = ProposalPanel(w)
        panel.acceptRequested.connect(self.accept)
        panel.discardRequested.connect(self._discard_clicked)
        panel.votingRequested.connect(self._start_voting)
        panel.closeRequested.connect(lambda: self.dock.hide())
        panel.mergeRequested.connect(self.merge)
        panel.tree.itemChanged.connect(self._label_edited)
        self.encoding.note_in(panel)
        dock = _dock(w, "", "themes", panel)
        self._votes = votes = VotingPanel(w)
        votes.dotsChanged.connect(self._set_dots)
        votes.numberedChanged.connect(self._set_numbered)
        votes.voter.currentIndexChanged.connect(lambda _i: self._refresh_votes())
        votes_dock = _dock(w, "", "voting", votes)
        for d in (dock, votes_dock):
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, d)
            d.hide()
        self.retranslate()

    @property
    def preparer(self) -> Preparer:
        if self._preparer is None:
            from ui.themes.worker import Preparer
            self._preparer = Preparer()
        return self._preparer

    def attach(self) -> None:
        """The window shows a (new) workshop: follow it, prepare its notes ahead."""
        ws = self.window.ws
        if ws is None:
            return
        ws.listeners.append(self._on_change)
        self.encoding.attach(ws)
        # After the board is on screen: loading the engine must not delay the first paint.
        self.prepare_timer.start()

    def detach(self) -> None:
        """The window closes its workshop (a running proposal is let finish first)."""
        if self.worker is not None:
            self.worker.wait()
        self.discard()
        if self.voting_action.isChecked():
            self.voting_action.setChecked(False)
        ws = self.window.ws
        if ws is not None and self._on_change in ws.listeners:
            ws.listeners.remove(self._on_change)
        self.encoding.detach()

    # -- proposing ------------------------------------------------------------------------
    def _board(self):
        w = self.window
        if w.ws is None or w.session_id is None:
            return None
        return (w.session_id, None if w.all_groups and not w.group_id else w.group_id)

    def propose(self) -> bool:
        """Start a proposal for the notes of the board shown (in a worker thread)."""
        w = self.window
        board = self._board()
        if board is None or self.busy():
            return False
        if w.all_groups:
            w.choose_board(board[0], board[1], False)   # one board at a time
        from facilitator.themes.acceptance import proposal_input
        from ui.themes.worker import ProposalWorker
        self._clear_preview()
        given = proposal_input(w.ws, *board)
        if not given.notes:
            self.tell(self.tr("There are no notes on this board to group into themes."))
            return False
        if not given.remaining:
            self.tell(self.tr("Every note of this board is already in a theme. "
                              "Move notes out of their theme to propose again."))
            return False
        self.given, self.board_key = given, board
        self._accepted = None
        self.dock.show()
        self.dock.raise_()
        self.panel.set_busy(True, self._busy_text())
        self.panel.set_kept(self._kept_text())
        self.propose_action.setEnabled(False)
        self.vectors = self.encoding.vectors_for(given.texts)   # kept in the file: not encoded again
        self.worker = ProposalWorker(given.texts, dict(given.fixed), self, vectors=self.vectors)
        self.worker.done.connect(self._proposed)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._worker_finished)
        self.worker.start()
        return True

    def busy(self) -> bool:
        return self.worker is not None

    def _busy_text(self) -> str:
        return self.tr("Proposing themes for {count} notes…").format(count=self.given.remaining)

    def _kept_text(self) -> str:
        """What a re-proposal leaves as it is: the board's themes, their names, their notes."""
        given = self.given
        if not given.fixed:
            return ""
        return self.tr("The {themes} themes already on this board stay as they are, with their "
                       "{notes} notes; names people gave and notes placed by hand do not change "
                       "either. Only the other {count} notes are placed.").format(
            themes=len(set(given.fixed.values())), notes=len(given.fixed), count=given.remaining)

    def _done_text(self) -> str:
        return self.tr("{themes} themes accepted. Rename one by double-clicking its frame's "
                       "title; Undo takes the proposal back in one step. Next: dot voting, to "
                       "choose which themes to talk about.").format(themes=self._accepted)

    def _proposed_text(self) -> str:
        return self.tr("{themes} themes proposed. Edit a label by double-clicking it, then "
                       "accept or discard.").format(themes=len(self.proposal.themes))

    def _worker_finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.propose_action.setEnabled(self.window.ws is not None)

    def _failed(self, message: str) -> None:
        self.panel.set_busy(False, self.tr("No proposal."))
        self.given = self.board_key = None
        self.tell(message)

    def _proposed(self, proposal: Proposal) -> None:
        if self.given is None or self._board() != self.board_key:
            self.panel.set_busy(False, self.tr("The board changed; propose again."))
            return
        from facilitator.themes.acceptance import with_board_labels
        proposal = with_board_labels(self.window.ws, proposal)   # accepted themes keep theirs
        self.proposal = proposal
        self.panel.set_busy(False, self._proposed_text())
        self.panel.tree.blockSignals(True)
        self.panel.show_proposal(proposal, self.given.texts)
        self.panel.tree.blockSignals(False)
        self.encoding.proposal_shown(proposal, self.given.texts, self.vectors)
        self._draw_outlines()

    def _draw_outlines(self) -> None:
        from facilitator.themes.proposal import OTHER
        from facilitator.themes.acceptance import OTHER_COLOR, theme_color
        self._remove_outlines()
        scene = self.window.board.board_scene() if self.window.board else None
        if scene is None or self.proposal is None:
            return
        for note, theme in zip(self.given.notes, self.proposal.assignment):
            item = scene.item_for(note.id)
            if not isinstance(item, NoteItem):
                continue
            color = QColor(OTHER_COLOR if theme == OTHER else theme_color(theme))
            pen = QPen(color, 5.0, Qt.PenStyle.DashLine if theme == OTHER else Qt.PenStyle.SolidLine)
            outline = QGraphicsRectItem(item.mapRectToScene(item.rect()).adjusted(-5, -5, 5, 5))
            outline.setPen(pen)
            outline.setZValue(_OVERLAY_Z)
            outline.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(outline)
            self.overlays.append(outline)

    def _remove_outlines(self) -> None:
        for item in self.overlays:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self.overlays = []

    def _clear_preview(self) -> None:
        self._remove_outlines()
        self.proposal = None
        self.encoding.proposal_shown(None)
        if self._panel is not None:
            self._panel.show_proposal(None, [])

    def _label_edited(self, item, column: int) -> None:
        if column == 0 and item.text(0).strip() == "" and self.proposal is not None:
            j = item.data(0, Qt.ItemDataRole.UserRole)
            if isinstance(j, int) and j >= 0:   # an empty label goes back to the proposed one
                item.setText(0, self.proposal.themes[j].label)

    def accept(self) -> bool:
        """Apply the previewed proposal to the board as one undo step."""
        if self.proposal is None or self.given is None:
            return False
        scene = self.window.board.board_scene() if self.window.board else None
        extent = {"extent": scene.board_extent} if scene is not None else {}  # notes as drawn
        from facilitator.themes.acceptance import accept_proposal
        try:
            accept_proposal(self.window.ws, *self.board_key, self.given, self.proposal,
                            self.panel.edited_labels(self.proposal), **extent)
        except FurikaeriError as exc:
            self.tell(exc.text())
            return False
        self._accepted = len(self.proposal.themes)
        self._clear_preview()
        self.given = self.board_key = None
        self.panel.show_done(self._done_text())   # what comes next, not an empty list
        self.window.board_call("fit_all")
        return True

    def _start_voting(self) -> None:
        self.dock.hide()
        if not self.voting_action.isChecked():
            self.voting_action.trigger()

    def _discard_clicked(self) -> None:
        """Discard pressed: nothing left to show, so the panel makes room for the board."""
        self.discard()
        self.dock.hide()
        self.window.statusBar().showMessage(self.tr("Proposal discarded."), 4000)

    def discard(self) -> None:
        """Forget the previewed proposal (nothing was written)."""
        if self.worker is not None:
            self.worker.done.disconnect(self._proposed)
        self._clear_preview()
        self.given = self.board_key = None
        self._accepted = None
        if self._panel is None:
            return  # never shown: nothing to tell
        self._panel.set_kept("")
        self._panel.set_busy(False, self.tr("Proposal discarded."))
        self._panel.accept_button.setEnabled(False)
        self._panel.discard_button.setEnabled(False)

    def merge(self, keep: int, other: int) -> None:
        """Merge two near-duplicate notes of the proposal, then propose again."""
        if self.given is None:
            return
        from facilitator.themes.voting import merge_notes
        try:
            merge_notes(self.window.ws, self.given.notes[keep].id, self.given.notes[other].id)
        except FurikaeriError as exc:
            self.tell(exc.text())
            return
        self.propose()

    # -- voting ----------------------------------------------------------------------------
    def set_voting(self, on: bool) -> None:
        """Voting mode: clicks on notes and frames place (or take back) dots."""
        w = self.window
        if on and w.ws is None:
            self.voting_action.setChecked(False)
            return
        viewport = w.board.viewport() if on and w.board is not None else None
        if self._filtered is not None and shiboken6.isValid(self._filtered):
            self._filtered.removeEventFilter(self)
        self._filtered = viewport
        if viewport is not None:
            viewport.installEventFilter(self)
            if self.proposal is None and not self.busy():
                self.dock.hide()   # room for the ranking
            self.votes_dock.show()
            self.votes_dock.raise_()
            self._refresh_votes()
        w.statusBar().showMessage(self.tr("Dot voting: click a note or a theme's frame.")
                                  if on else "", 4000)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self._filtered and event.type() == QEvent.Type.MouseButtonPress:
            board = self.window.board
            pos = board.mapToScene(event.position().toPoint())
            take_back = (event.button() == Qt.MouseButton.RightButton
                         or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
                self.vote_at(pos, take_back)
                return True
        return False

    def target_at(self, scene_pos) -> str | None:
        """The note, or the theme of the frame, under a scene point."""
        scene = self.window.board.board_scene() if self.window.board else None
        if scene is None:
            return None
        item = scene.element_at(scene_pos)
        if isinstance(item, NoteItem):
            return item.rid
        if isinstance(item, FrameItem) and item.rec.theme_id:
            return item.rec.theme_id
        return None

    def vote_at(self, scene_pos, take_back: bool = False) -> bool:
        target = self.target_at(scene_pos)
        voter = self.votes.voter_id()
        if target is None or voter is None:
            return False
        from facilitator.themes.voting import place_dot, remaining, remove_dot, voter_name
        w = self.window
        try:
            (remove_dot if take_back else place_dot)(w.ws, w.session_id, voter, target)
        except FurikaeriError as exc:
            w.statusBar().showMessage(exc.text(), 6000)
            return False
        if not take_back and remaining(w.ws, w.session_id, voter) <= 0:
            # Dots used up: the next voter's turn (the room queues at the screen).
            done = voter_name(w.ws, voter)
            if self.votes.next_voter():
                w.statusBar().showMessage(self.tr("{done} has voted; now {name}.").format(
                    done=done, name=self.votes.voter.currentText()), 6000)
            else:
                w.statusBar().showMessage(self.tr("Everyone has placed their dots."), 6000)
        return True

    def _set_dots(self, dots: int) -> None:
        from facilitator.themes.voting import set_dots_per_participant
        try:
            set_dots_per_participant(self.window.ws, dots)
        except FurikaeriError as exc:
            self.tell(exc.text())
            self._refresh_votes()

    def _set_numbered(self, count: int) -> None:
        from facilitator.themes.voting import set_numbered_voters
        try:
            set_numbered_voters(self.window.ws, count)
        except FurikaeriError as exc:
            self.tell(exc.text())
            self._refresh_votes()

    def _refresh_votes(self) -> None:
        w = self.window
        if self._votes is not None and (self.votes_dock.isVisible()
                                        or self.voting_action.isChecked()):
            self.votes.refresh(w.ws, w.session_id, w.group_id, w.all_groups)
        scene = w.board.board_scene() if w.board else None
        if scene is not None and w.ws is not None:
            for item in scene.element_items():
                if isinstance(item, FrameItem):
                    theme = w.ws.get(Theme, item.rec.theme_id)
                    votes = theme.votes if theme else 0
                    if getattr(item, "votes", 0) != votes:
                        item.votes = votes
                        item.update()

    # -- following the workshop ---------------------------------------------------------------
    def _on_change(self, change) -> None:
        tables = change.tables()
        if tables & {Setting.TABLE, Theme.TABLE, Participant.TABLE, Note.TABLE}:
            self._refresh_votes()
        if Note.TABLE in tables:
            self.prepare_timer.start()
        if self.proposal is not None and Note.TABLE in tables and any(
                isinstance(r, Note) for r in change.removed):
            self.window.statusBar().showMessage(self.tr(
                "Notes changed since the proposal; propose again to include them."), 6000)

    def _prepare_ahead(self) -> None:
        ws = self.window.ws
        if ws is not None:
            self.preparer.submit([n.text for n in ws.all(Note)])

    def tell(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Furikaeri"), text)


def _dock(window, title: str, name: str, widget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    widget.setMinimumWidth(340)   # labels and key words readable beside the board
    return dock
