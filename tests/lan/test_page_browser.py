"""The room's page in a real browser (Debian's headless chromium through selenium)."""

from __future__ import annotations

import pytest

from lan_browser import (LAPTOP, PHONE, join, listed, needs_chromium, open_browser, states,
                     type_note, wait)
from facilitator.lan import room
from facilitator.lan.server import RoomServer
from facilitator.workshop.model import DeviceNote, Note
from lan_fixtures import room_ws, served  # noqa: F401 (fixtures)

pytestmark = needs_chromium


@pytest.fixture
def browsers():
    opened = []

    def make(size=PHONE, lang="ja"):
        driver = open_browser(size, lang)
        opened.append(driver)
        return driver
    yield make
    for driver in opened:
        driver.quit()


def _board(server, group):
    return server.call(lambda ws: sorted(
        (n.text, n.author) for n in ws.all(Note) if n.group_id == group))


def test_two_note_takers_type_japanese_into_groups_a_and_b_at_once(served, browsers):
    a, b = browsers(PHONE), browsers(LAPTOP)
    join(a, served.join_url, "山田 花子", "gA")
    join(b, served.join_url, "佐藤 一郎", "gB")
    said_a = ["会議が長すぎる", "資料は前日に共有してほしい", "😀 絵文字も"]
    said_b = ["若手の意見が出にくい", "オンラインと対面の混在が難しい"]
    for i in range(3):  # interleaved: both type at the same time
        if i < len(said_a):
            type_note(a, said_a[i])
        if i < len(said_b):
            type_note(b, said_b[i])
    wait(a, lambda d: sorted(listed(d)) == sorted(said_a), message="A's notes listed")
    wait(b, lambda d: sorted(listed(d)) == sorted(said_b), message="B's notes listed")
    assert _board(served, "gA") == sorted((t, "山田 花子") for t in said_a)
    assert _board(served, "gB") == sorted((t, "佐藤 一郎") for t in said_b)
    # A note typed elsewhere onto A's board appears on A's page live, not on B's.
    served.call(lambda ws: room.receive_note(ws, "other", "x1", "司会", "s1", "gA", "ほかの端末から"))
    wait(a, lambda d: "ほかの端末から" in listed(d), timeout=5, message="live update")
    assert "ほかの端末から" not in listed(b)


def test_enter_while_composing_never_sends(served, browsers):
    a = browsers()
    join(a, served.join_url, "山田 花子", "gA")
    box = a.find_element("id", "text")
    box.send_keys("かいぎ")
    a.execute_script("""
        const box = document.getElementById('text');
        box.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229,
            isComposing: true, bubbles: true, cancelable: true}));""")
    assert box.get_attribute("value") == "かいぎ"
    a.execute_script("""
        const box = document.getElementById('text');
        box.dispatchEvent(new CompositionEvent('compositionend', {data: '会議'}));""")
    type_note(a, "")  # Enter after the composition ended sends
    wait(a, lambda d: listed(d) == ["かいぎ"], message="sent after compositionend")
    a.find_element("id", "text").send_keys("ボタンでも送れる")
    a.find_element("id", "send").click()
    wait(a, lambda d: "ボタンでも送れる" in listed(d), message="send button")


def test_notes_typed_offline_arrive_once_when_the_app_is_back(served, browsers):
    a = browsers()
    join(a, served.join_url, "山田 花子", "gA")
    type_note(a, "つながっている間に")
    wait(a, lambda d: listed(d) == ["つながっている間に"])
    port, secret, ws = served.port, served.secret, served.ws
    served.stop()  # the facilitator's app is gone (a crash, a closed lid)
    offline = ["圏外で書いた一つ目", "圏外で書いた二つ目"]
    for text in offline:
        type_note(a, text)
    wait(a, lambda d: d.find_element("id", "pending").is_displayed(), message="pending shown")
    assert a.execute_script("return JSON.parse(localStorage.getItem('furikaeri.outbox')).length") == 2
    assert ws.count(Note) == 1
    again = RoomServer(ws, port=port, secret=secret)  # restarted: same address and secret
    again.start()
    try:
        wait(a, lambda d: d.execute_script(
            "return JSON.parse(localStorage.getItem('furikaeri.outbox') || '[]').length") == 0,
            timeout=40, message="outbox sent after the restart")
        texts = again.call(lambda w: sorted(n.text for n in w.all(Note)))
        assert texts == sorted(["つながっている間に", *offline])  # each exactly once
        assert again.call(lambda w: w.count(DeviceNote)) == 3
        wait(a, lambda d: sorted(listed(d)) == texts, message="listed once each")
        assert not a.find_element("id", "pending").is_displayed()
    finally:
        again.stop()


def test_a_participants_note_is_hidden_until_revealed(served, browsers):
    served.call(lambda ws: room.set_mode(ws, "s1", room.PARTICIPANT))
    writer, neighbour = browsers(), browsers()
    join(writer, served.join_url, "山田 花子", "gA")
    join(neighbour, served.join_url, "佐藤 一郎", "gA")
    assert "非公開" in writer.find_element("id", "mode-note").text
    type_note(writer, "本当は反対です")
    wait(writer, lambda d: states(d) == ["非公開"], message="shown as private")
    assert served.call(lambda ws: ws.count(Note)) == 0
    assert "本当は反対です" not in neighbour.page_source
    served.call(lambda ws: room.reveal(ws, "s1"))
    wait(writer, lambda d: states(d) == ["ボードに公開済み"], timeout=5, message="revealed live")
    assert _board(served, "gA") == [("本当は反対です", "山田 花子")]
    assert "本当は反対です" not in neighbour.page_source  # a participant lists only their own


def test_without_the_secret_the_page_is_refused_and_a_new_code_is_asked_for(served, browsers):
    a = browsers()
    a.get(served.url)  # no secret in the address
    wait(a, lambda d: d.find_element("id", "problem").is_displayed())
    assert "QRコード" in a.find_element("id", "problem").text
    status = a.execute_script(
        "return fetch('/api/state').then(r => r.status)")
    assert status == 403
    join(a, served.join_url, "山田 花子", "gA")
    served.call(room.new_secret)
    wait(a, lambda d: "新しいQRコード" in d.find_element("id", "problem").text, timeout=10,
         message="asked to scan the new code")
    type_note(a, "古いコードで送る")
    assert served.call(lambda ws: ws.count(Note)) == 0


def test_the_page_speaks_english_to_an_english_browser(served, browsers):
    a = browsers(lang="en-US")
    a.get(served.join_url)
    wait(a, lambda d: d.find_element("id", "join").is_displayed())
    assert a.find_element("id", "join-button").text == "Join"
