"""The chime at the clock's thresholds, played through QtMultimedia when it is there.

QtMultimedia is imported on first use only (it needs the system's audio
libraries, e.g. libpulse); without them the chime is silent and says so once.
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
        effect.setSource(QUrl.fromLocalFile(str(self.path)))
        effect.setVolume(0.6)
        self._effect = effect
        return effect

    def _fail(self, reason: str) -> None:
        self._failed = True
        self.unavailable.emit(reason)
