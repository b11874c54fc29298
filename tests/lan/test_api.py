"""The room's server over HTTP on 127.0.0.1: the secret, the routes, the caps, the notes."""

from __future__ import annotations

import asyncio
import json

import aiohttp

from facilitator.lan import room, server as server_mod
from facilitator.workshop.model import DeviceNote, Note
from lan_fixtures import Client, client, room_ws, served  # noqa: F401 (fixtures)


def test_every_api_call_without_the_right_secret_is_refused(served):
    for secret in ("", "wrong", served.secret[:-1], served.secret + "x"):
        c = Client(served, secret=secret)
        assert c.call("/api/state")[0] == 403
        assert c.note("u1", "忍び込み")[0] == 403
        assert c.call(f"/api/notes?s={secret}")[0] == 403
    assert served.ws.count(DeviceNote) == 0
    status, _ = Client(served).call(f"/api/state?s={served.secret}", headers={
        "X-Furikaeri-Secret": ""})
    assert status == 200  # the secret in the query, as the live channel sends it


def test_only_the_pages_routes_exist(client):
    assert client.call("/")[0] == 200
    assert client.call("/app.js")[0] == 200
    for path in ("/index.html", "/../pyproject.toml", "/assets/web/app.js", "/api/",
                 "/api/admin", "/static/app.js", "/room.furikaeri", "/%2e%2e/etc/passwd"):
        assert client.call(path)[0] == 404, path


def test_the_page_is_served_with_a_strict_policy(served):
    import urllib.request
    with urllib.request.urlopen(served.url) as res:
        page = res.read().decode()
        assert "script-src 'self'" in res.headers["Content-Security-Policy"]
        assert res.headers["Referrer-Policy"] == "no-referrer"
    assert "<script src=\"app.js\"" in page and "http" not in page.split("<body>")[1]


def test_join_tells_the_session_groups_and_people(client):
    status, state = client.call("/api/state")
    assert status == 200
    assert state["session"]["id"] == "s1" and state["session"]["mode"] == "note_taker"
    assert [g["name"] for g in state["groups"]] == ["A", "B"]
    assert [p["name"] for p in state["people"]] == ["山田 花子", "佐藤 一郎"]


def test_a_note_sent_twice_is_received_once(client, served):
    first = client.note("n1", "会議の資料は前日に")
    again = client.note("n1", "会議の資料は前日に")
    assert first == again and first[0] == 200 and first[1]["on_board"]
    assert served.ws.count(Note) == 1
    status, listed = client.call("/api/notes?session=s1&group=gA&device=dev1")
    assert [n["text"] for n in listed["board"]] == ["会議の資料は前日に"]
    assert [n["uid"] for n in listed["mine"]] == ["n1"]


def test_each_group_sees_its_own_board(served):
    a, b = Client(served, device="devA"), Client(served, device="devB")
    a.note("1", "Aの意見", group="gA")
    b.note("1", "Bの意見", group="gB")
    _, on_a = a.call("/api/notes?session=s1&group=gA")
    _, on_b = b.call("/api/notes?session=s1&group=gB")
    assert [n["text"] for n in on_a["board"]] == ["Aの意見"]
    assert [n["text"] for n in on_b["board"]] == ["Bの意見"]


def test_private_notes_stay_off_every_board_until_revealed(client, served):
    room.set_mode(served.ws, "s1", room.PARTICIPANT)
    assert client.note("p1", "実は反対です")[1]["private"]
    other = Client(served, device="dev2")
    _, seen = other.call("/api/notes?session=s1&group=gA&device=dev2")
    assert seen["board"] == [] and seen["mine"] == [] and "cursor" not in seen
    _, mine = client.call("/api/notes?session=s1&group=gA&device=dev1")
    assert [(n["text"], n["on_board"]) for n in mine["mine"]] == [("実は反対です", False)]
    assert served.ws.count(Note) == 0
    room.reveal(served.ws, "s1")
    _, mine = client.call("/api/notes?session=s1&group=gA&device=dev1")
    assert mine["mine"][0]["on_board"]
    assert [n.text for n in served.ws.all(Note)] == ["実は反対です"]


def test_markup_from_a_phone_stays_text(client, served):
    text = "<b>太字</b><script>alert(1)</script>&amp;"
    client.note("m1", text, author="<i>名前</i>")
    note, = served.ws.all(Note)
    assert note.text == text and note.author == "<i>名前</i>"  # kept as typed, never parsed
    _, listed = client.call("/api/notes?session=s1&group=gA")
    assert listed["board"][0]["text"] == text
    app_js = (server_mod.WEB_DIR / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in app_js and "insertAdjacentHTML" not in app_js


def test_caps_long_notes_big_requests_and_fast_devices(client, served):
    assert client.note("long", "あ" * (room.MAX_DEVICE_NOTE_CHARS + 1))[0] == 413
    assert client.note("ok", "あ" * room.MAX_DEVICE_NOTE_CHARS)[0] == 200
    big = json.dumps({"device": "dev1", "uid": "big", "text": "x" * 20_000}).encode()
    assert client.call("/api/notes", raw=big)[0] == 413
    assert client.call("/api/notes", raw=b"{not json")[0] == 400
    fast = Client(served, device="fast")
    statuses = [fast.note(f"f{i}", f"連投{i}")[0] for i in range(40)]
    assert statuses.count(429) > 0 and set(statuses) == {200, 429}
    assert statuses[:int(server_mod.NOTE_BURST) - 1] == [200] * (int(server_mod.NOTE_BURST) - 1)
    assert Client(served, device="calm").note("c1", "ほかの端末は通る")[0] == 200
    assert served.ws.count(DeviceNote) == 2 + statuses.count(200)


def test_dots_from_a_phone_go_through_dot_voting(client, served):
    from facilitator.workshop.model import Theme
    served.ws.add(Theme(id="t1", session_id="s1", label="会議の進め方"),
                  Theme(id="t2", session_id="s1", label="情報共有"))
    status, themes = client.call("/api/themes?session=s1&voter=p1")
    assert status == 200 and themes["remaining"] == 3
    status, after = client.call("/api/dots", {"voter": "p1", "theme_id": "t1",
                                              "action": "place", "session_id": "s1"})
    assert status == 200 and after["remaining"] == 2
    assert [t["mine"] for t in after["themes"]] == [1, 0]
    assert served.ws.get(Theme, "t1").votes == 1
    for _ in range(2):
        client.call("/api/dots", {"voter": "p1", "theme_id": "t2", "action": "place"})
    status, refused = client.call("/api/dots", {"voter": "p1", "theme_id": "t2",
                                                "action": "place"})
    assert status == 409 and refused["message"]
    status, _ = client.call("/api/dots", {"voter": "nobody", "theme_id": "t2",
                                          "action": "place"})
    assert status == 409


def test_the_live_channel_says_which_board_changed_and_a_new_secret_cuts_it(client, served):
    async def listen():
        async with aiohttp.ClientSession() as http:
            url = f"{served.url}api/live?s={served.secret}&device=dev1"
            async with http.ws_connect(url) as sock:
                assert json.loads((await sock.receive(5)).data)["type"] == "hello"
                await asyncio.get_running_loop().run_in_executor(
                    None, client.note, "live1", "すぐ届く", "gB")
                changed = json.loads((await sock.receive(5)).data)
                assert changed["type"] == "changed" and ["s1", "gB"] in changed["boards"]
                served.call(room.new_secret)
                closing = await sock.receive(5)
                assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    asyncio.run(listen())
    assert client.call("/api/state")[0] == 403
    assert Client(served, secret=room.door(served.ws).secret).call("/api/state")[0] == 200


def test_a_door_closed_in_the_file_refuses_at_once(client, served):
    served.call(room.close_door)
    assert client.note("late", "閉じた後")[0] == 503
    assert served.ws.count(DeviceNote) == 0
