"""Charts of the minutes, drawn with matplotlib (``Figure``, never pyplot).

Each chart is rendered to SVG with its text as outlines in IPAexGothic (Noto
Emoji for what it lacks) and turned into a reportlab drawing by svglib, so
it stays vector in the PDF and prints sharp at any size.
"""

from __future__ import annotations

import functools
import io
from datetime import datetime, timedelta

from facilitator.i18n import translate
from facilitator.paths import japanese_font_path
from facilitator.minutes.boards import Board
from facilitator.minutes.content import SessionPart
from facilitator.minutes.fonts import FALLBACKS, _fallback_dir

PLANNED = "#B8C7DD"
ACTUAL = "#2F5D9B"
PAUSE = "#E39B3C"
VOTES = "#C0476B"


@functools.lru_cache(maxsize=None)
def _families() -> tuple[str, ...]:
    """Register the fonts with matplotlib (once); the family list to use."""
    from matplotlib import font_manager
    families = []
    for path in [japanese_font_path()] + [
            (_fallback_dir() or japanese_font_path().parent) / f for _, f in FALLBACKS[:1]]:
        if path.exists():
            font_manager.fontManager.addfont(str(path))
            families.append(font_manager.FontProperties(fname=str(path)).get_name())
    return tuple(families)


def _figure(width_in: float, height_in: float):
    from matplotlib.figure import Figure
    fig = Figure(figsize=(width_in, height_in))
    return fig


def _to_drawing(fig, width_pt: float, max_height: float | None = None):
    """The figure as a reportlab Drawing ``width_pt`` wide (less if taller than allowed)."""
    import matplotlib
    from svglib.svglib import svg2rlg
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": list(_families()),
                                "svg.hashsalt": "furikaeri"}):
        fig.savefig(buf, format="svg")
    buf.seek(0)
    drawing = svg2rlg(buf)
    scale = width_pt / drawing.width
    if max_height and drawing.height * scale > max_height:
        scale = max_height / drawing.height
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    return drawing


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)


def _once(seen: set[str], label: str) -> str | None:
    """``label`` the first time (one legend entry per series), then None."""
    if label in seen:
        return None
    seen.add(label)
    return label


def _short(text: str, n: int = 18) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def programme_chart(parts: list[SessionPart], width_pt: float, max_height: float | None = None):
    """Timeline (planned and actual bars on the clock) and minutes per session."""
    import matplotlib
    from matplotlib import dates as mdates
    with matplotlib.rc_context({"font.family": list(_families())}):
        n = len(parts)
        height = 1.5 + 0.5 * n * 2
        fig = _figure(7.0, height)
        # Fixed margins (no tight layout: it costs a second drawing pass).
        fig.subplots_adjust(left=0.27, right=0.97, top=1 - 0.35 / height,
                            bottom=0.45 / height, hspace=0.9 / (0.5 * n + 0.5))
        timeline, minutes = fig.subplots(2, 1)
        labels = [_short(p.session.title) for p in parts][::-1]
        ys = range(n)
        seen: set[str] = set()
        for y, p in zip(ys, parts[::-1]):
            # Wall-clock readings (the plan's and the recorded ones) on one naive axis.
            if p.planned_start and p.planned_end:
                a, b = (t.replace(tzinfo=None) for t in (p.planned_start, p.planned_end))
                timeline.barh(y + 0.18, mdates.date2num(b) - mdates.date2num(a),
                              left=mdates.date2num(a), height=0.34, color=PLANNED,
                              label=_once(seen, translate("Report", "Planned")))
            s = p.session
            if s.actual_start and s.actual_end:
                a, b = (datetime.fromisoformat(t).replace(tzinfo=None)
                        for t in (s.actual_start, s.actual_end))
                if p.planned_start and abs(a - p.planned_start.replace(tzinfo=None)
                                           ) > timedelta(hours=12):
                    # Held on another day than planned: on the plan's day, to share the axis.
                    day = p.planned_start.date()
                    a, b = (datetime.combine(day, a.time()),
                            datetime.combine(day, a.time()) + (b - a))
                timeline.barh(y - 0.18, mdates.date2num(b) - mdates.date2num(a),
                              left=mdates.date2num(a), height=0.34, color=ACTUAL,
                              label=_once(seen, translate("Report", "Actual")))
        timeline.set_yticks(list(ys), labels)
        timeline.xaxis_date()
        timeline.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
        timeline.set_title(translate("Report", "Timeline"), fontsize=10, loc="left")
        timeline.legend(fontsize=8, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2,
                        frameon=False)
        _style(timeline)

        planned = [p.planned_minutes for p in parts][::-1]
        actual = [p.actual_minutes or 0 for p in parts][::-1]
        minutes.barh([y + 0.18 for y in ys], planned, height=0.34, color=PLANNED,
                     label=translate("Report", "Planned"))
        minutes.barh([y - 0.18 for y in ys], actual, height=0.34, color=ACTUAL,
                     label=translate("Report", "Actual"))
        replanned = [(p.replanned_minutes, y) for y, p in zip(ys, parts[::-1])
                     if p.replanned_minutes is not None]
        if replanned:  # where a replan during the day moved the session's timebox
            minutes.scatter([m for m, _ in replanned], [y + 0.18 for _, y in replanned],
                            marker="|", s=220, linewidths=2.2, color="#1A1A1A", zorder=3,
                            label=translate("Report", "Replanned"))
        pauses = [p.pause_minutes for p in parts][::-1]
        if any(pauses):
            minutes.barh([y - 0.18 for y in ys], pauses, left=[a - q for a, q in
                         zip(actual, pauses)], height=0.34, color=PAUSE,
                         label=translate("Report", "Paused"))
        minutes.set_yticks(list(ys), labels)
        minutes.set_xlabel(translate("Report", "minutes"), fontsize=8)
        minutes.set_title(translate("Report", "Time per session"), fontsize=10, loc="left")
        minutes.legend(fontsize=8, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=4,
                       frameon=False)
        _style(minutes)
        return _to_drawing(fig, width_pt, max_height)


def theme_chart(board: Board, width_pt: float, max_height: float | None = None):
    """Notes per theme and votes per theme of one board."""
    import matplotlib
    flat = []
    stack = list(board.themes)
    while stack:
        t = stack.pop(0)
        flat.append(t)
        stack[:0] = t.children
    other = translate("Report", "Other")
    labels = [_short(t.label if not t.is_other else (t.label or other)) for t in flat][::-1]
    notes = [len(t.notes) for t in flat][::-1]
    votes = [t.theme_votes + sum(n.votes for n in t.notes) for t in flat][::-1]
    with matplotlib.rc_context({"font.family": list(_families())}):
        height = 0.8 + 0.26 * len(flat)
        fig = _figure(7.0, height)
        fig.subplots_adjust(left=0.27, right=0.97, top=1 - 0.3 / height,
                            bottom=0.3 / height, wspace=0.08)
        left, right = fig.subplots(1, 2, sharey=True)
        ys = range(len(flat))
        left.barh(list(ys), notes, color=ACTUAL, height=0.6)
        left.set_yticks(list(ys), labels)
        left.set_title(translate("Report", "Notes per theme"), fontsize=10, loc="left")
        right.barh(list(ys), votes, color=VOTES, height=0.6)
        right.set_title(translate("Report", "Votes per theme"), fontsize=10, loc="left")
        for ax in (left, right):
            _style(ax)
            ax.xaxis.get_major_locator().set_params(integer=True)
        return _to_drawing(fig, width_pt, max_height)
