"""The clock controller: owns the room clock core and keeps its views in step.

One :class:`ClockController` per main window.  It ticks once per shown
second (a single-shot timer aimed at the next change of the displayed
second), so a tick is one read of the clock's log and, at most once a
second, a repaint of the faces; the board never waits on it.  It adds the
Clock menu, the room clock window, the mini timer, the board overlay in
presentation mode, the chime, the replanning banner, and makes the board
and the quick-entry bar follow the running session.  Making and placing the
views is the :class:`~ui.agenda.clock.views.ClockViews` mixin.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from facilitator.agenda.day import ANCHOR_PLAN, ANCHOR_SETTING, ANCHOR_SHIFT
from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Session, TimerEvent
from facilitator.agenda.timer import (
    PHASE_FINAL, PHASE_NORMAL, PHASE_OVER, PHASE_WARN, ClockStatus, RoomClock, default_clock,
)
from facilitator.workshop import Workshop
from ui.agenda.clock.banner import ReplanBanner
from ui.agenda.clock.button import ClockButton
from ui.agenda.clock.chime import Chime
from ui.agenda.clock.reading import Reading
from ui.agenda.clock.views import ClockViews
from ui.i18n import is_language_change

# The faces (room clock window, mini timer, board overlay) load when first shown.
if TYPE_CHECKING:
    from ui.agenda.clock.face import ClockFace
    from ui.agenda.clock.windows import MiniTimer, RoomClockWindow

_PHASE_RANK = {PHASE_NORMAL: 0, PHASE_WARN: 1, PHASE_FINAL: 2, PHASE_OVER: 3}
#: Drift (minutes behind) from which the banner proposes a replan.
REPLAN_FROM_MINUTES = 3
#: An ignored proposal comes back when the drift has grown this much more.
REPLAN_AGAIN_MINUTES = 5
IDLE_TICK_MS = 1000
SETTING_CHIME, SETTING_MIN_BREAK = "clock/chime", "clock/min_break"


def _wall_now() -> datetime:
    return datetime.now().astimezone()


class ClockController(ClockViews, QObject):
    """The window's room clock; ``clock``/``wall`` are passed in (tests use fake ones)."""

    def __init__(self, window, clock=default_clock, wall=_wall_now) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.wall = wall
        self.settings: QSettings = getattr(window, "settings", None) or QSettings()
        self.ws: Workshop | None = None
        self.rc: RoomClock | None = None
        self.reading = Reading()
        self.status: ClockStatus | None = None
        self._session_id: str | None = None
        self._phase = PHASE_NORMAL
        self._ignored_drift: float | None = None
        self._room: RoomClockWindow | None = None
        self.large_overlay = False
        self._mini: MiniTimer | None = None
        self.chime = Chime(parent=self)
        self.chime.enabled = self.settings.value(SETTING_CHIME, True, type=bool)
        self.chime.unavailable.connect(
            lambda text: self.window.statusBar().showMessage(text, 10000))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)

    # -- setting up ----------------------------------------------------------------
    def install(self) -> "ClockController":
        """Add the Clock menu, the banner and the board overlay to the window."""
        w = self.window
        self._overlay: ClockFace | None = None
        w.workspace.installEventFilter(self)
        self.banner = ReplanBanner(w.workspace)
        self.banner.acceptRequested.connect(self.accept_proposal)
        self.banner.ignoreRequested.connect(self.ignore_proposal)
        w.workspace.layout().insertWidget(0, self.banner)
        w.actions_.presentation.toggled.connect(self._on_presentation)
        # The facilitator's own glance at the clock, without opening a window.
        self.toolbar_clock = ClockButton(w)
        self._build_menu()
        self.toolbar_clock.setMenu(self.menu)
        self._show_in_toolbar(self.reading)
        self.set_workshop(None)
        return self

    def _build_menu(self) -> None:
        w = self.window
        menu = QMenu(w)
        bar = w.menuBar()
        bar.insertMenu(bar.actions()[-1], menu)  # before Help
        self.menu = menu

        def act(slot, shortcut=None, checkable=False) -> QAction:
            a = QAction(w)
            if shortcut:
                a.setShortcut(shortcut)
            a.setCheckable(checkable)
            a.triggered.connect(lambda checked=False: slot(checked) if checkable else slot())
            w.addAction(a)  # shortcuts work in presentation mode too
            menu.addAction(a)
            return a

        # F6 moves on whether or not a session runs (a_start: its former name).
        self.a_skip = self.a_start = act(self.skip, "F6")
        self.a_start_now = act(self.start_now)
        self.a_pause = act(self.pause_resume, "F7")
        self.a_plus1 = act(lambda: self._do(self.rc.adjust, 1), "F8")
        self.a_plus5 = act(lambda: self._do(self.rc.adjust, 5))
        self.a_minus1 = act(lambda: self._do(self.rc.adjust, -1))
        menu.addSeparator()
        self.a_back = act(self.back, "Shift+F6")
        self.a_end = act(lambda: self._do(self.rc.end))
        menu.addSeparator()
        self.a_room = act(self.show_room_clock, "F9")
        self.screens_menu = menu.addMenu("")
        self.screens_menu.aboutToShow.connect(self._fill_screens)
        self.a_large = act(self.set_large_overlay, "Shift+F9", checkable=True)
        self.a_mini = act(self.set_mini_shown, checkable=True)
        self.a_chime = act(self.set_chime, checkable=True)
        self.a_chime.setChecked(self.chime.enabled)
        menu.addSeparator()
        self.a_replan = act(self.replan_now)
        self.a_shifted = act(self.set_shifted, checkable=True)
        self.a_min_break = act(self.ask_min_break)
        menu.addSeparator()
        self.a_edit = act(self.edit_agenda)
        self.a_template = act(self.save_as_template)
        self._clock_actions = [self.a_start, self.a_start_now, self.a_shifted, self.a_pause,
                               self.a_plus1, self.a_plus5, self.a_minus1, self.a_skip, self.a_back, self.a_end,
                               self.a_replan, self.a_edit]
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.menu.setTitle(self.tr("&Clock"))
        self.screens_menu.setTitle(self.tr("Room clock on &screen"))
        self.a_start_now.setText(self.tr("Start no&w (move the plan to now)"))
        self.a_plus1.setText(self.tr("+1 min"))
        self.a_plus5.setText(self.tr("+5 min"))
        self.a_minus1.setText(self.tr("−1 min"))
        self.a_skip.setText(self.tr("&Next session"))
        self.a_back.setText(self.tr("&Back to the previous session"))
        self.a_end.setText(self.tr("&End the session"))
        self.a_room.setText(self.tr("Show the &room clock"))
        self.a_large.setText(self.tr("&Large clock in presentation mode"))
        self.a_mini.setText(self.tr("&Mini timer"))
        self.a_chime.setText(self.tr("C&hime at 20%, 5% and time up"))
        self.a_replan.setText(self.tr("&Replan the rest of the day…"))
        self.a_shifted.setText(self.tr("Plan &follows the actual start"))
        self.a_min_break.setText(self.tr("Shortest &break when replanning…"))
        self.a_edit.setText(self.tr("Edit the &agenda…"))
        self.a_template.setText(self.tr("Save the agenda as a &template…"))
        self._update_actions()   # Pause / Resume
        self._show_in_toolbar(self.reading)
        if self.banner.isVisible() and self.rc is not None:
            self._show_banner(self.rc.drift_minutes())

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "menu"):
            self.retranslate()
        return super().event(event)

    def set_workshop(self, ws: Workshop | None) -> None:
        """Follow the window's workshop (None when it closes)."""
        if self.ws is not None and self._on_change in self.ws.listeners:
            self.ws.listeners.remove(self._on_change)
        self.ws = ws
        self.rc = RoomClock(ws, clock=self.clock, wall=self.wall) if ws is not None else None
        self._ignored_drift = None
        self.banner.hide()
        if ws is not None:
            ws.listeners.append(self._on_change)
        st = self.rc.status() if self.rc else None
        self._session_id = st.session.id if st and st.session else None
        self._phase = st.phase if st else PHASE_NORMAL
        self.menu.setEnabled(ws is not None)
        for a in self._clock_actions:
            a.setEnabled(ws is not None and not ws.readonly)
        self.a_template.setEnabled(ws is not None)
        self._update_day_actions()
        self.refresh(check_drift=True)
        if ws is None:
            self.timer.stop()
        else:
            self._schedule()  # a session running when the file was closed goes on at once

    # -- ticking -------------------------------------------------------------------
    def tick(self) -> bool:
        """Read the clock; repaint only if the shown second/phase/session changed."""
        changed = self.refresh()
        self._schedule()
        return changed

    def refresh(self, check_drift: bool = False) -> bool:
        st = self.rc.status() if self.rc else None
        self.status = st
        reading = Reading.of(st) if st else Reading()
        if reading.idle and self.ws is not None:
            reading = Reading(title=self._next_title())
        if reading == self.reading and not check_drift:
            return False
        minute_changed = reading.text[:-3] != self.reading.text[:-3]
        self.reading = reading
        if self._overlay is not None:
            self._overlay.show_reading(reading)
        if self._room is not None:
            self._room.face.show_reading(reading)
        if self._mini is not None:
            self._mini.show_reading(reading)
        self._show_in_toolbar(reading)
        self._after_change(st)
        if check_drift or minute_changed:
            self.check_drift()
        self._place_overlay()
        self._update_actions()
        return True

    def _show_in_toolbar(self, reading: Reading) -> None:
        if reading.idle:
            text = self.tr("Clock: not running")
        else:
            text = f"{reading.text}  {reading.title}"
            if reading.paused:
                text += "  " + self.tr("(paused)")
        self.toolbar_clock.show_text(text, reading.colours)

    def _next_title(self) -> str:
        """The session the clock would start next (shown while it stands still)."""
        sessions = self.ws.sessions()
        done = max((s.order for s in sessions if s.actual_end), default=-1)
        nxt = next((s for s in sessions if s.order > done), None)
        return nxt.title if nxt else ""

    def _schedule(self) -> None:
        """Aim the next tick just after the shown second changes."""
        st = self.status
        if self.rc is None:
            return
        if st is None or st.session is None or st.paused:
            self.timer.start(IDLE_TICK_MS)
            return
        frac = st.remaining_s - math.floor(st.remaining_s)  # seconds to the next change
        self.timer.start(max(1, min(IDLE_TICK_MS, int(frac * 1000) + 2)))

    def _after_change(self, st: ClockStatus | None) -> None:
        """Capture follows the clock; chime when a threshold is crossed."""
        sid = st.session.id if st and st.session else None
        phase = st.phase if st and st.session else PHASE_NORMAL
        if sid != self._session_id:
            self._session_id = sid
            self._phase = phase
            if sid is not None:
                self.follow(sid)
            return
        if _PHASE_RANK[phase] > _PHASE_RANK[self._phase] and st and st.running:
            self.chime.play()
        self._phase = phase

    def follow(self, session_id: str) -> None:
        """Show the running session's board; notes typed go to its first group."""
        groups = self.ws.groups_of(session_id)
        self.window.choose_board(session_id, groups[0].id if groups else None, False)

    def _on_change(self, change: Change) -> None:
        if (change.tables() & {Session.TABLE, TimerEvent.TABLE}
                or ANCHOR_SETTING in change.touched_ids()):
            self._update_day_actions()
            # Start/skip/edits/undo: reread now (not at the next tick).
            self.refresh(check_drift=True)
            self._schedule()

    def _update_actions(self) -> None:
        st = self.status
        running = bool(st and st.session)
        writable = self.ws is not None and not self.ws.readonly
        self.a_pause.setText(self.tr("&Resume") if st and st.paused else self.tr("&Pause"))
        for a in (self.a_pause, self.a_plus1, self.a_plus5, self.a_minus1, self.a_end):
            a.setEnabled(writable and running)
        self.a_skip.setEnabled(writable)

    def _update_day_actions(self) -> None:
        """Start now / plan follows the start (after the day's start or anchor changed)."""
        writable = self.ws is not None and not self.ws.readonly
        started = self.ws is not None and any(s.actual_start for s in self.ws.sessions())
        self.a_start_now.setEnabled(writable and not started)
        self.a_shifted.setEnabled(writable and started)
        self.a_shifted.setChecked(bool(started and self.rc.day().anchor == ANCHOR_SHIFT))

    # -- acting ----------------------------------------------------------------------
    def _do(self, method, *args) -> bool:
        if self.rc is None:
            return False
        try:
            method(*args)
        except FurikaeriError as exc:
            self.window.statusBar().showMessage(exc.text(), 8000)
            return False
        return True

    def start_next(self) -> bool:
        """Start the next session; the day's first start asks when it is far from the plan."""
        if self.rc is None:
            return False
        planned = self.rc.start_question()
        anchor = None
        if planned is not None:
            anchor = self.ask_anchor(planned)
            if anchor is None:
                return False
        return self._do(self.rc.start, None, anchor)

    def start_now(self) -> bool:
        """Clock › Start now: the first session starts and the plan moves to now."""
        return self._do(self.rc.start, None, ANCHOR_SHIFT) if self.rc else False

    def skip(self) -> bool:
        """次のセッションへ (F6): start the next session, ending the running one."""
        if self.rc is None:
            return False
        if self.rc.current_session() is None and self.rc.start_question() is not None:
            done = self.start_next()
        else:
            done = self._do(self.rc.skip)
        if done:
            st = self.rc.current_session()
            self.window.statusBar().showMessage(
                (self.tr("Started: {title} (Shift+F6 takes it back)").format(title=st.title)
                 if st else self.tr("The day has ended (Shift+F6 takes it back).")), 8000)
        return done

    def back(self) -> bool:
        """Shift+F6: just after F6 takes it back (as if never pressed), else the previous one."""
        rc = self.rc
        return rc is not None and self._do(rc.take_back if rc.can_take_back() else rc.back)

    def set_shifted(self, on: bool) -> None:
        """Plan follows the actual start (on) or keeps its written times (off)."""
        if self.rc is not None:
            self._do(self.rc.set_anchor, ANCHOR_SHIFT if on else ANCHOR_PLAN)
        self._update_day_actions()

    def ask_anchor(self, planned: datetime) -> str | None:
        """Far from the plan's start: start as planned, or move the plan to now? (None: cancel)"""
        from ui.agenda.clock.start import ask_anchor
        return ask_anchor(self.window, planned, self.wall())

    def pause_resume(self) -> None:
        st = self.rc.status() if self.rc else None
        if st is not None and st.session is not None:
            self._do(self.rc.resume if st.paused else self.rc.pause)

    # -- drift and replanning ----------------------------------------------------------
    def min_break(self) -> int:
        return int(self.settings.value(SETTING_MIN_BREAK, 5, type=int))

    def check_drift(self) -> None:
        """Show the banner when the day runs behind (and the facilitator did not ignore it)."""
        if (self.rc is None or self.ws is None or self.ws.readonly or self.status is None
                or self.status.session is None):
            # Only while a session is on the clock: a file of an earlier day is not "late".
            self.banner.hide()
            return
        drift = self.rc.drift_minutes()
        if drift < REPLAN_FROM_MINUTES:
            self._ignored_drift = None
            self.banner.hide()
            return
        if self._ignored_drift is not None and drift < self._ignored_drift + REPLAN_AGAIN_MINUTES:
            return
        if self.window.presenting:  # the room sees the projector: not the place for it
            self.banner.hide()
            return
        self._show_banner(drift)

    def _show_banner(self, drift: float) -> None:
        proposal = self.rc.proposal(self.min_break())
        end = self.rc.projected_end()
        new_end = end - timedelta(minutes=proposal.saved_minutes) if end else None
        sessions = {s.id: s for s in self.ws.sessions()}
        self.banner.show_proposal(drift, proposal, sessions, new_end)

    def accept_proposal(self) -> None:
        if self.rc is None:
            return
        proposal = self.rc.proposal(self.min_break())
        try:
            self.rc.accept(proposal)
        except FurikaeriError as exc:
            self.window.statusBar().showMessage(exc.text(), 8000)
            return
        self.banner.hide()
        self.window.statusBar().showMessage(
            self.tr("The rest of the agenda was shortened (Undo puts it back)."), 8000)

    def ignore_proposal(self) -> None:
        self._ignored_drift = self.rc.drift_minutes() if self.rc else None
        self.banner.hide()

    def replan_now(self) -> None:
        """Show the proposal whatever the drift (the menu's "Replan…")."""
        if self.rc is None:
            return
        if self.status is None or self.status.session is None:
            self.window.statusBar().showMessage(
                self.tr("Replanning follows the running session: start the clock first."), 6000)
            return
        drift = self.rc.drift_minutes()
        if drift <= 0:
            self.window.statusBar().showMessage(self.tr("The day is on time: nothing to replan."),
                                                6000)
            return
        self._ignored_drift = None
        self._show_banner(drift)

    def ask_min_break(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # here: not needed to show a board
        value, ok = QInputDialog.getInt(
            self.window, self.tr("Replanning"),
            self.tr("A replanning proposal never shortens a break below (minutes):"),
            self.min_break(), 0, 60)
        if ok:
            self.settings.setValue(SETTING_MIN_BREAK, value)
            self.check_drift()

    # -- the views (ui.agenda.clock.views) -----------------------------------------------
    def set_chime(self, on: bool) -> None:
        self.chime.enabled = on
        self.settings.setValue(SETTING_CHIME, on)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place_overlay()
        return False

    # -- agenda ------------------------------------------------------------------------
    def edit_agenda(self) -> None:
        if self.ws is None:
            return
        from ui.agenda.editor import AgendaEditor
        AgendaEditor(self.ws, self.rc, self.window).exec()

    def save_as_template(self) -> None:
        if self.ws is None:
            return
        from ui.agenda.editor import save_agenda_as_template
        save_agenda_as_template(self.window, self.ws)
