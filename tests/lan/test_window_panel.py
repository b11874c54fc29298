"""The door's panel reads from the back of the room; the network picker lists this computer's
addresses with loopback last and remembers the choice."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ui.lan.door_panel import PARTICIPANT, DoorPanel
from ui.lan.interfaces import LOOPBACK, InterfaceDialog, addresses, remember, remembered
from ui.lan.qr import qr_image

URL = "http://192.168.10.23:8765/?s=x8OQmOpgBLRLf7t0BGSIxEzr9SM6YQq0"


def test_the_qr_code_and_the_url_are_large_on_the_projector(qtbot):
    panel = DoorPanel()
    qtbot.addWidget(panel)
    panel.set_url(URL)
    panel.set_devices(12)
    panel.set_sessions([("s1", "グループディスカッション")], "s1")
    panel.set_session_state(PARTICIPANT, 3)
    panel.show_on_best_screen()
    qtbot.waitExposed(panel)
    screen_h = panel.screen().geometry().height()
    assert panel.qr.pixmap().height() >= screen_h / 3
    assert panel.url_label.font().pixelSize() >= screen_h / 40
    assert panel.url_label.text() == URL
    assert "12" in panel.devices_label.text() and "3" in panel.reveal.text()
    assert panel.participant.isChecked()


def test_the_qr_code_has_its_quiet_zone_and_whole_modules():
    image = qr_image(URL)
    assert image.width() == image.height() and image.width() >= 25 + 8
    assert image.pixelColor(0, 0).lightness() == 255  # the white border a camera needs


def test_loopback_comes_last_and_the_choice_is_remembered(qtbot, tmp_path):
    found = addresses()
    assert found[-1].host == LOOPBACK and found[-1].loopback
    assert all(not a.loopback for a in found[:-1])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    remember(settings, LOOPBACK)
    dialog = InterfaceDialog(found, remembered(settings))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == LOOPBACK
    assert LOOPBACK in dialog.list.item(len(found) - 1).text()
