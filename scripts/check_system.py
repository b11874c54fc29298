"""Check, before ``make run`` opens the window, that the system has what Qt needs.

On Linux, Qt's window plugin (xcb) needs X11 libraries that a fresh Debian or
Ubuntu lacks, and when one is missing Qt names a package that may well be
installed already.  This runs ``ldd`` on PySide6's platform plugin and Qt
libraries, maps each library not found to its package and prints the exact
install command.  It also says when there is no display to open a window on.

Silent with exit status 0 when all is there; exit status 1 when the window
cannot open.  A missing sound library (the clock's chime) is only mentioned.
It does nothing on macOS and Windows, whose Qt wheels carry what they need.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Library (soname) -> (Debian/Ubuntu package, Fedora package).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXext.so.6": ("libxext6", "libXext"),
    "libXrender.so.1": ("libxrender1", "libXrender"),
    "libXi.so.6": ("libxi6", "libXi"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
    "libpulse.so.0": ("libpulse0", "pulseaudio-libs"),
    "libpulse-mainloop-glib.so.0": ("libpulse-mainloop-glib0", "pulseaudio-libs-glib2"),
    "libasound.so.2": ("libasound2", "alsa-lib"),
    "libz.so.1": ("zlib1g", "zlib"),
}

#: Loaded by the xcb plugin at run time (not linked, so ldd does not list it).
DLOPENED_BY_XCB = ("libxcb-cursor.so.0",)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


def not_found(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as not found, once each, in order."""
    names: list[str] = []
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match.group(1) not in names:
            names.append(match.group(1))
    return names


def distro(os_release: str) -> str:
    """``debian``, ``fedora`` or ``other`` from the text of /etc/os-release."""
    fields = {}
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        fields[key.strip()] = value.strip().strip('"').lower()
    family = {fields.get("ID", "")} | set(fields.get("ID_LIKE", "").split())
    if family & {"debian", "ubuntu"}:
        return "debian"
    if family & {"fedora", "rhel", "centos"}:
        return "fedora"
    return "other"


def install_line(libraries: list[str], family: str, root: bool = False) -> str | None:
    """The command installing ``libraries`` on ``family``, or None when unknown."""
    column = {"debian": 0, "fedora": 1}.get(family)
    if column is None or not libraries or any(lib not in PACKAGES for lib in libraries):
        return None
    packages = list(dict.fromkeys(PACKAGES[lib][column] for lib in libraries))
    tool = "apt-get install" if family == "debian" else "dnf install"
    return f"{'' if root else 'sudo '}{tool} {' '.join(packages)}"


def report(missing: list[str], sound: list[str], family: str, display: bool,
           root: bool = False) -> tuple[str, int]:
    """What to tell the user (empty when all is well) and the exit status."""
    lines: list[str] = []
    if missing:
        lines.append("Qt cannot open its window: these system libraries are missing: "
                     + ", ".join(missing) + ".")
        command = install_line(missing + sound, family, root)
        if command:
            lines.append(f"Install them with:\n    {command}")
        else:
            lines.append("Install the packages of your system that provide them "
                         "(README.md, System requirements).")
    elif sound:
        command = install_line(sound, family, root)
        lines.append("The clock's chime will be silent: " + ", ".join(sound) + " is missing."
                     + (f" Install it with:\n    {command}" if command else ""))
    if not display:
        lines.append("No display: neither DISPLAY nor WAYLAND_DISPLAY is set. Run it in a "
                     "desktop session (over ssh: ssh -X), or under xvfb-run; "
                     "`furikaeri demo --screenshot FILE.png` with QT_QPA_PLATFORM=offscreen "
                     "needs no display.")
    return "\n".join(lines), 1 if missing or not display else 0


# -- looking at this machine ----------------------------------------------------------
_HEADLESS = {"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl"}


def _ldd(path: Path) -> str:
    try:
        return subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                              timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _loads(soname: str) -> bool:
    import ctypes
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


#: The PySide6 modules the app imports (each links its Qt libraries).
MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtPdf")


def platform_plugin(env: dict) -> str:
    """The Qt platform plugin a window will use, as Qt chooses it on Linux."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def check(env: dict | None = None, system: str = sys.platform) -> tuple[str, int]:
    """Look at this machine (``env``: its environment): (message, exit status)."""
    env = os.environ if env is None else env
    if not system.startswith("linux") or shutil.which("ldd") is None:
        return "", 0
    spec = importlib.util.find_spec("PySide6")  # located, not imported
    if spec is None or not spec.submodule_search_locations:
        return "", 0  # not installed yet: pip's own error says more
    package = Path(list(spec.submodule_search_locations)[0])
    platform = platform_plugin(env)
    binaries = [package / f"{name}.abi3.so" for name in MODULES]
    binaries.append(package / "Qt" / "plugins" / "platforms" / f"libq{platform}.so")
    missing: list[str] = []
    for binary in binaries:
        if binary.exists():
            missing += [lib for lib in not_found(_ldd(binary)) if lib not in missing]
    if platform == "xcb":
        missing += [lib for lib in DLOPENED_BY_XCB if lib not in missing and not _loads(lib)]
    sound = [lib for lib in not_found(_ldd(package / "QtMultimedia.abi3.so"))
             if lib not in missing]
    try:
        family = distro(Path("/etc/os-release").read_text(encoding="utf-8"))
    except OSError:
        family = "other"
    display = platform in _HEADLESS or bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return report(missing, sound, family, display, root)


def main() -> int:
    message, status = check()
    if message:
        print(message, file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
