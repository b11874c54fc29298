"""The workshop file: records, the SQLite store, changes and undo, and :class:`Workshop`.

Everything that changes a workshop goes through :meth:`Workshop.apply`
(:mod:`facilitator.workshop.workshop`).
"""


def __getattr__(name: str):
    # ``from facilitator.workshop import Workshop`` without loading the store
    # for callers that only need the records (``facilitator.workshop.model``).
    if name == "Workshop":
        from facilitator.workshop.workshop import Workshop
        return Workshop
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
