"""The one error type the core raises for anything a user did or gave it."""

from __future__ import annotations

from facilitator.i18n import translate


class FurikaeriError(Exception):
    """A problem to tell the user in one sentence; nothing was changed.

    ``message`` is the English source text (marked with QT_TRANSLATE_NOOP in
    context ``"Errors"``) with ``{name}`` placeholders filled from ``params``.
    """

    CONTEXT = "Errors"

    def __init__(self, message: str, **params) -> None:
        self.message = message
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (the chosen language by default), one line."""
        template = message = translate(self.CONTEXT, self.message, lang)
        try:
            message = template.format(**self.params)
        except (KeyError, IndexError):
            message = self.message.format(**self.params)
        return message.replace("\r", " ").replace("\n", " ")


class DiskFull(FurikaeriError):
    """The disk has no room left for what had to be written.

    Nothing is damaged: the file holds everything saved before, and the same
    step succeeds once space has been freed.  Raised instead of the generic
    error so that the window can say so and keep what the user typed.
    """
