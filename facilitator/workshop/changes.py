"""What one edit did, and the undo history built from such edits.

A :class:`Change` lists the records it added, the ``(before, after)`` pairs
it updated and the records it removed.  Its :meth:`Change.reversed` undoes it,
so undo and redo are just applying changes, and listeners (the Qt scene, the
agenda panel) learn from the same object exactly which records to refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.workshop.model import Record


@dataclass(frozen=True)
class Change:
    """Records added, updated (before, after) and removed by one edit."""

    added: tuple[Record, ...] = ()
    updated: tuple[tuple[Record, Record], ...] = ()
    removed: tuple[Record, ...] = ()
    label: str = ""

    def reversed(self) -> "Change":
        """The change that undoes this one."""
        return Change(
            added=self.removed,
            updated=tuple((after, before) for before, after in self.updated),
            removed=self.added,
            label=self.label,
        )

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def touched_ids(self) -> set[str]:
        """Ids of every record this change touches."""
        ids = {r.id for r in self.added} | {r.id for r in self.removed}
        ids.update(after.id for _, after in self.updated)
        return ids

    def tables(self) -> set[str]:
        """Tables this change touches (to refresh only what changed)."""
        recs = [*self.added, *self.removed, *(a for _, a in self.updated)]
        return {r.TABLE for r in recs}

    def then(self, later: "Change") -> "Change":
        """One change doing this one and then ``later`` (for one undo step)."""
        added = {r.id: r for r in self.added}
        removed = {r.id: r for r in self.removed}
        updated = {after.id: (before, after) for before, after in self.updated}
        for rec in later.added:
            if rec.id in removed:  # removed, then added back: an update
                before = removed.pop(rec.id)
                if before != rec:
                    updated[rec.id] = (before, rec)
            else:
                added[rec.id] = rec
        for before, after in later.updated:
            if after.id in added:
                added[after.id] = after
            elif after.id in updated:
                updated[after.id] = (updated[after.id][0], after)
            else:
                updated[after.id] = (before, after)
        for rec in later.removed:
            if rec.id in added:  # added, then removed: nothing at all
                del added[rec.id]
            elif rec.id in updated:
                removed[rec.id] = updated.pop(rec.id)[0]
            else:
                removed[rec.id] = rec
        updated = {k: v for k, v in updated.items() if v[0] != v[1]}
        return Change(tuple(added.values()), tuple(updated.values()),
                      tuple(removed.values()), self.label or later.label)


@dataclass
class History:
    """Undo and redo stacks of changes.

    Consecutive changes pushed with the same ``merge_key`` (a drag, typing
    into one note) fold into one undo step.
    """

    limit: int = 1000
    undo_stack: list[Change] = field(default_factory=list)
    redo_stack: list[Change] = field(default_factory=list)
    _last_key: object = None

    def push(self, change: Change, merge_key: object = None) -> None:
        """Record ``change`` as done; a new edit clears what could be redone."""
        if not change:
            return
        self.redo_stack.clear()
        if merge_key is not None and merge_key == self._last_key and self.undo_stack:
            merged = self.undo_stack.pop().then(change)
            if merged:
                self.undo_stack.append(merged)
        else:
            self.undo_stack.append(change)
            del self.undo_stack[:-self.limit]
        self._last_key = merge_key

    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def take_undo(self) -> Change | None:
        """Pop the change to undo (already reversed), or None."""
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        self.redo_stack.append(change)
        self._last_key = None
        return change.reversed()

    def take_redo(self) -> Change | None:
        """Pop the change to redo, or None."""
        if not self.redo_stack:
            return None
        change = self.redo_stack.pop()
        self.undo_stack.append(change)
        self._last_key = None
        return change
