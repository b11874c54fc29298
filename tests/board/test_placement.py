"""Where new notes go: free places in columns, by each note's drawn size (no Qt)."""

from __future__ import annotations

import itertools

from facilitator.board.note_size import note_height
from facilitator.board.placement import COLUMNS, GAP, free_spots
from facilitator.board.sample_notes import typed_notes
from facilitator.workshop.model import NOTE_H, NOTE_W, Connector, Frame, Note


def rects(notes):
    return [(n.x, n.y, n.w, max(n.h, note_height(n.text, n.w))) for n in notes]


def apart(a, b, gap=GAP) -> bool:
    """Whether two rectangles keep ``gap`` between them."""
    return (a[0] + a[2] + gap <= b[0] or b[0] + b[2] + gap <= a[0]
            or a[1] + a[3] + gap <= b[1] or b[1] + b[3] + gap <= a[1])


def type_notes(texts, board=()):
    """Notes placed one by one, each where free_spots puts a note of its height."""
    notes = list(board)
    for i, text in enumerate(texts):
        h = note_height(text)
        (x, y), = free_spots(notes, 1, size=(NOTE_W, h))
        notes.append(Note(id=f"t{i}", text=text, x=x, y=y, h=h))
    return notes[len(board):]


def test_notes_of_equal_size_fill_a_grid_row_by_row():
    spots = free_spots([], 2 * COLUMNS + 1)
    step_x, step_y = NOTE_W + GAP, NOTE_H + GAP
    assert spots[:COLUMNS] == [(c * step_x, 0.0) for c in range(COLUMNS)]
    assert spots[COLUMNS:] == [(c * step_x, step_y) for c in range(COLUMNS)] + [(0.0, 2 * step_y)]


def test_five_hundred_typed_notes_of_real_lengths_keep_apart():
    notes = type_notes(typed_notes(500))
    assert any(n.h > 2 * NOTE_H for n in notes)  # long notes are among them
    boxes = rects(notes)
    assert all(apart(a, b) for a, b in itertools.combinations(boxes, 2))
    # Tidy: every note stands in one of the columns.
    assert {n.x for n in notes} == {c * (NOTE_W + GAP) for c in range(COLUMNS)}


def test_a_long_note_pushes_only_its_own_column_down():
    long_text = "継続には事務局の予算が必要。" * 12
    first = type_notes(["短い"] + [long_text] + ["短い"] * (COLUMNS - 2))
    nxt, = type_notes(["次の意見"], board=first)
    assert nxt.x == 0.0 and nxt.y == NOTE_H + GAP           # under the short first note
    tall = first[1]
    assert tall.h == note_height(long_text) > 2 * NOTE_H
    below = type_notes(["意見"] * (COLUMNS * 2), board=first)
    under_tall = [n for n in below if n.x == tall.x]
    assert all(n.y >= tall.y + tall.h + GAP for n in under_tall)


def test_an_old_long_note_with_the_usual_record_height_is_measured_by_its_text():
    """Files of earlier versions hold long notes with h=100 that the board draws taller."""
    old = Note(id="old", text="大企業は主役ではなく伴走者として関わるのがよい。" * 6, x=0.0, y=0.0)
    assert old.h == NOTE_H
    (x, y), = free_spots([old] + [Note(id=f"n{c}", x=c * (NOTE_W + GAP)) for c in range(1, COLUMNS)],
                         1)
    assert (x, y) != (0.0, NOTE_H + GAP)
    assert apart((x, y, NOTE_W, NOTE_H), rects([old])[0])


def test_frames_block_their_place_but_a_huge_frame_and_attached_arrows_do_not():
    frame = Frame(id="f", x=0.0, y=0.0, w=400.0, h=300.0)
    (x, y), = free_spots([frame], 1)
    assert apart((x, y, NOTE_W, NOTE_H), (0.0, 0.0, 400.0, 300.0))
    assert free_spots([Frame(id="all", x=-10.0, y=-10.0, w=2e6, h=2e6)], 1) == [(0.0, 0.0)]
    arrow = Connector(id="c", x=0.0, y=0.0, w=500.0, h=500.0, source_id="a", target_id="b")
    assert free_spots([arrow], 1) == [(0.0, 0.0)]


def test_several_notes_at_once_each_get_their_own_size():
    sizes = [(NOTE_W, 300.0), (NOTE_W, NOTE_H), (NOTE_W, 150.0)]
    spots = free_spots([], 3, sizes=sizes)
    boxes = [(x, y, w, h) for (x, y), (w, h) in zip(spots, sizes)]
    assert all(apart(a, b) for a, b in itertools.combinations(boxes, 2))
    assert [y for _, y in spots] == [0.0, 0.0, 0.0]
