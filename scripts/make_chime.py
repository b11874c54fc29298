"""Write assets/sounds/chime.wav: the room clock's gentle chime (original, made here).

Two soft bell tones a fourth apart (E5 then A5), each a few inharmonic
partials with a slow decay, so it is heard in a quiet room without startling.

    python scripts/make_chime.py
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path

import numpy as np

RATE = 44_100   # 16-bit PCM at 44.1 kHz: a format every audio backend accepts
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds" / "chime.wav"


def bell(freq: float, seconds: float) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    # Partials of a small bell: (ratio, loudness, decay per second).
    partials = ((1.0, 1.0, 2.2), (2.0, 0.35, 3.5), (2.76, 0.18, 5.0), (5.4, 0.06, 8.0))
    tone = sum(a * np.exp(-d * t) * np.sin(2 * np.pi * freq * r * t) for r, a, d in partials)
    attack = np.minimum(1.0, t / 0.012)  # no click at the start
    return tone * attack


def chime() -> np.ndarray:
    first, second = bell(659.25, 2.4), bell(880.0, 2.4)
    out = np.zeros(int(RATE * 3.0))
    out[:len(first)] += first
    lag = int(RATE * 0.45)
    out[lag:lag + len(second)] += 0.8 * second
    fade = np.minimum(1.0, (len(out) - np.arange(len(out))) / (RATE * 0.3))
    out *= fade
    return out / np.max(np.abs(out)) * 0.5   # -6 dBFS: gentle


def main() -> int:
    samples = (chime() * 32767).astype("<i2")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
