"""Guards the PySide6 pin: 6.12.0 aborts on Python 3.11 after a few thousand
calls of Qt methods that return nothing (a refcount bug in none_dealloc)."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 200_000

SCRIPT = f'''
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter

app = QGuiApplication([])
image = QImage(64, 64, QImage.Format.Format_ARGB32)
painter = QPainter(image)
rect = QRectF(1, 1, 10, 10)
for _ in range({CALLS}):
    painter.drawRect(rect)   # returns None
    painter.setOpacity(0.5)  # returns None
painter.end()
print("done")
'''


def test_many_void_qt_calls_do_not_abort():
    # In a child process, so that an abort is a failed test, not a dead pytest.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=300, env=env)
    assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-2000:]}"
    assert run.stdout.strip() == "done"
