"""``make run`` first checks what Qt needs (scripts/check_system.py): the exact install line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "check_system", Path(__file__).resolve().parents[2] / "scripts" / "check_system.py")
check_system = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_system)

# ldd of PySide6's libqxcb.so on a fresh Debian 12 (abridged).
LDD_XCB = """\
\tlinux-vdso.so.1 (0x00007ffd6b5f9000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f3c1c400000)
\tlibQt6Gui.so.6 => /venv/PySide6/Qt/lib/libQt6Gui.so.6 (0x00007f3c1b800000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-image.so.0 => not found
\tlibxcb-render-util.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb1.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f3c1c3d0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f3c1c6a0000)
"""
LDD_MULTIMEDIA = "\tlibpulse.so.0 => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n"
DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n'
UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n'
FEDORA = 'NAME="Fedora Linux"\nVERSION_ID=40\nID=fedora\n'
ARCH = 'NAME="Arch Linux"\nID=arch\n'
XCB_LIBS = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
            "libxcb-render-util.so.0", "libxkbcommon-x11.so.0"]


def test_libraries_not_found_are_read_from_ldd_once_each():
    assert check_system.not_found(LDD_XCB) == XCB_LIBS
    assert check_system.not_found("\tstatically linked\n") == []


@pytest.mark.parametrize("text, family", [(DEBIAN, "debian"), (UBUNTU, "debian"),
                                          (FEDORA, "fedora"), (ARCH, "other"), ("", "other")])
def test_the_system_family_comes_from_os_release(text, family):
    assert check_system.distro(text) == family


def test_each_missing_library_maps_to_its_package():
    libs = XCB_LIBS + ["libxcb-cursor.so.0"]
    assert check_system.install_line(libs, "debian") == (
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
        "libxkbcommon-x11-0 libxcb-cursor0")
    assert check_system.install_line(libs, "debian", root=True).startswith("apt-get install ")
    assert check_system.install_line(libs, "fedora") == (
        "sudo dnf install xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil "
        "libxkbcommon-x11 xcb-util-cursor")
    # A library we know no package for, or a system we know no names on: no guessed line.
    assert check_system.install_line(["libmystery.so.3"], "debian") is None
    assert check_system.install_line(XCB_LIBS, "other") is None


def test_nothing_is_said_when_everything_is_there():
    assert check_system.report([], [], "debian", display=True) == ("", 0)


def test_missing_window_libraries_stop_with_the_install_line():
    message, status = check_system.report(XCB_LIBS[:2], ["libpulse.so.0"], "debian", True)
    assert status == 1
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libpulse0" in message


def test_a_missing_sound_library_is_only_mentioned():
    message, status = check_system.report([], ["libpulse.so.0"], "fedora", True)
    assert status == 0 and "sudo dnf install pulseaudio-libs" in message


def test_no_display_is_said():
    message, status = check_system.report([], [], "debian", display=False)
    assert status == 1 and "DISPLAY" in message and "WAYLAND_DISPLAY" in message


def test_the_check_reads_ldd_of_the_plugin_and_qts_libraries(monkeypatch):
    if not check_system.shutil.which("ldd") or check_system.importlib.util.find_spec(
            "PySide6") is None:
        pytest.skip("needs ldd and PySide6")
    seen = []

    def fake_ldd(path):
        seen.append(path.name)
        if path.name == "libqxcb.so":
            return LDD_XCB
        return LDD_MULTIMEDIA if path.name.startswith("QtMultimedia") else ""
    monkeypatch.setattr(check_system, "_ldd", fake_ldd)
    monkeypatch.setattr(check_system, "_loads", lambda soname: False)  # libxcb-cursor too
    monkeypatch.setattr(check_system, "distro", lambda text: "debian")
    message, status = check_system.check({"DISPLAY": ":0"}, system="linux")
    assert status == 1 and "libqxcb.so" in seen and "QtGui.abi3.so" in seen
    assert ("libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 "
            "libxcb-cursor0 libpulse0") in message
    assert "No display" not in message


def test_the_plugin_checked_is_the_one_qt_will_use():
    assert check_system.platform_plugin({"DISPLAY": ":0"}) == "xcb"
    assert check_system.platform_plugin(
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}) == "wayland"
    assert check_system.platform_plugin({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert check_system.platform_plugin({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"


def test_nothing_is_checked_on_macos_and_windows(monkeypatch):
    monkeypatch.setattr(check_system, "_ldd", lambda path: pytest.fail("ldd run"))
    for system in ("darwin", "win32"):
        assert check_system.check({}, system=system) == ("", 0)


def test_this_machine_has_what_the_offscreen_tests_need():
    message, status = check_system.check({"QT_QPA_PLATFORM": "offscreen"})
    assert status == 0, message
