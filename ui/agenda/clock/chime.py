"""The chime at the clock's thresholds, played through QtMultimedia when it is there.

QtMultimedia is imported on first use only (it needs the system's audio
libraries, e.g. libpulse); without them the chime is silent and says so once.
So it does when QtMultimedia is there but cannot play: no sound output (a
machine without a sound server), or a device that refuses the file's format
(QSoundEffect then turns to its Error status, with a warning on the console
only).  The file is 16-bit PCM at 44.1 kHz, which every audio backend takes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

from facilitator.paths import SOUNDS_DIR

CHIME_WAV = SOUNDS_DIR / "chime.wav"


class Chime(QObject):
    """Plays the chime; ``unavailable(reason)`` is emitted once if it cannot."""

    unavailable = Signal(str)

    def __init__(self, path: Path = CHIME_WAV, parent=None) -> None:
        super().__init__(parent)
        self.path = path
        self.enabled = True
        self._effect = None
        self._failed = False
        self.played = 0          # how many chimes were asked for while enabled

    @property
    def available(self) -> bool:
        return not self._failed

    def play(self) -> bool:
        """Chime (if enabled); returns whether a sound was started."""
        if not self.enabled:
            return False
        self.played += 1
        effect = self._load()
        if effect is None:
            return False
        effect.play()
        return True

    def _load(self):
        if self._effect is not None or self._failed:
            return self._effect
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except (ImportError, OSError):  # no audio libraries on this machine
            self._fail(self.tr("The chime is silent: sound is not available on this computer."))
            return None
        if not self.path.exists():
            self._fail(self.tr("The chime is silent: its sound file is missing."))
            return None
        effect = QSoundEffect(self)
        # Loading, and checking the format against the device, happen later in the event loop.
        effect.statusChanged.connect(lambda: self._check_status(effect))
        effect.setSource(QUrl.fromLocalFile(str(self.path)))
        effect.setVolume(0.6)
        self._effect = effect
        return effect

    def _check_status(self, effect) -> None:
        if self._failed:
            return
        if effect.status() == type(effect).Status.Error:
            self._effect = None
            self._fail(self.tr("The chime is silent: sound is not available on this computer."))

    def _fail(self, reason: str) -> None:
        self._failed = True
        self.unavailable.emit(reason)
