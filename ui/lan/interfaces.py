"""Which network the door opens on: the computer's IPv4 addresses, and a dialog to pick one.

A facilitator's laptop often has several (Wi-Fi, a wired port, a VPN, a
virtual machine's bridge); phones reach it only on the room's network, so the
facilitator picks it, by the name the system gives it, once: the choice is
remembered.  Loopback (127.0.0.1) comes last, for trying the page on the
laptop itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from ui.i18n import is_language_change

SETTING_ADDRESS = "lan/address"
LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Address:
    """One IPv4 address the server can listen on."""

    host: str
    name: str  # the interface's name as the system shows it (Wi-Fi, eth0, …)
    loopback: bool = False


def addresses() -> list[Address]:
    """IPv4 addresses of interfaces that are up (loopback last, always present)."""
    found: list[Address] = []
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp
                and flags & QNetworkInterface.InterfaceFlag.IsRunning):
            continue
        loopback = bool(flags & QNetworkInterface.InterfaceFlag.IsLoopBack)
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            host = ip.toString()
            if loopback or ip.isLoopback():
                continue
            found.append(Address(host, iface.humanReadableName() or iface.name()))
    found.append(Address(LOOPBACK, "loopback", loopback=True))
    return found


def remembered(settings: QSettings) -> str:
    return str(settings.value(SETTING_ADDRESS, "") or "")


def remember(settings: QSettings, host: str) -> None:
    settings.setValue(SETTING_ADDRESS, host)


class InterfaceDialog(QDialog):
    """参加受付: on which network? One list; the remembered choice is selected."""

    def __init__(self, choices: list[Address], current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        for address in choices:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, address.host)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        hosts = [a.host for a in choices]
        self.list.setCurrentRow(hosts.index(current) if current in hosts else 0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.list)
        lay.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.setWindowTitle(self.tr("Open the door"))
        self.intro.setText(self.tr(
            "Devices join over the network you choose here: pick the one the room's "
            "phones and laptops are on (the same Wi-Fi)."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the door"))
        for row, address in enumerate(self.choices):
            label = (self.tr("{host} — this computer only (for a try)").format(host=address.host)
                     if address.loopback else f"{address.host} — {address.name}")
            self.list.item(row).setText(label)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else LOOPBACK


def pick_address(settings: QSettings, parent: QWidget | None = None) -> str | None:
    """Ask which address to listen on; remembers it. ``None``: cancelled."""
    dialog = InterfaceDialog(addresses(), remembered(settings), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    host = dialog.chosen()
    remember(settings, host)
    return host
