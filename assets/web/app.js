// The room's page (issue 16): type into the workshop from a phone or a laptop.
// Text is only ever set with textContent: nothing a device sends renders as markup.
// Notes wait in localStorage (the outbox) until the server acknowledges them, so a
// lost network or a restarted app loses nothing; ids made here make a resend harmless.
"use strict";

const T = {
  ja: {
    join_title: "参加する", your_name: "お名前", your_group: "グループ", join: "参加する",
    pick_name: "（一覧から選ぶ）", type_name: "その他（名前を入力）", typed_placeholder: "お名前",
    plenary: "全体", change: "変更", send: "送信",
    taker_note: "{group}のボードに書き込みます。送ったメモはすぐボードに出ます。",
    private_note: "非公開：ファシリテーターが公開するまで他の人には見えません",
    revealed_note: "公開済み：送ったメモはすぐボードに出ます。",
    board_list: "{group}のメモ", my_list: "自分のメモ", none_yet: "まだメモはありません。",
    waiting: "送信待ち", private: "非公開", shown: "ボードに公開済み",
    online: "接続中", offline: "オフライン", pending: "未送信のメモが {n} 件あります。つながり次第送ります。",
    vote_title: "投票", dots_left: "残りのドット：{n} / {total}",
    vote_needs_name: "投票するには、お名前を一覧から選んでください。",
    no_secret: "QRコードを読み取って、このページを開いてください。",
    new_code: "この参加用のQRコードは無効になりました。ファシリテーターが映している新しいQRコードを読み取ってください。",
    no_session: "まだセッションがありません。ファシリテーターにお知らせください。",
    refused: "送れなかったメモ：{text}（{why}）", too_long: "長すぎます（2,000 字まで）",
    name_needed: "お名前を選ぶか入力してください。", group_needed: "グループを選んでください。",
    placeholder: "意見をひとつ（Enter で送信、Shift+Enter で改行）",
  },
  en: {
    join_title: "Join", your_name: "Your name", your_group: "Group", join: "Join",
    pick_name: "(choose from the list)", type_name: "Someone else (type a name)",
    typed_placeholder: "Your name", plenary: "Everyone", change: "Change", send: "Send",
    taker_note: "You type onto the board of {group}. Notes appear on the board at once.",
    private_note: "Private: nobody else sees your notes until the facilitator reveals them.",
    revealed_note: "Revealed: your notes appear on the board at once.",
    board_list: "Notes of {group}", my_list: "My notes", none_yet: "No notes yet.",
    waiting: "Waiting to send", private: "Private", shown: "On the board",
    online: "Connected", offline: "Offline", pending: "{n} notes not sent yet; they go as soon as the connection is back.",
    vote_title: "Vote", dots_left: "Dots left: {n} of {total}",
    vote_needs_name: "To vote, choose your name from the list.",
    no_secret: "Scan the QR code to open this page.",
    new_code: "This QR code is no longer valid. Scan the new one the facilitator shows.",
    no_session: "There is no session yet. Please tell the facilitator.",
    refused: "A note could not be sent: {text} ({why})", too_long: "too long (2,000 characters at most)",
    name_needed: "Choose or type your name.", group_needed: "Choose a group.",
    placeholder: "One opinion (Enter sends, Shift+Enter for a new line)",
  },
};
const LANG = (() => {
  for (const l of navigator.languages || [navigator.language || "ja"]) {
    if (l.toLowerCase().startsWith("ja")) return "ja";
    if (l.toLowerCase().startsWith("en")) return "en";
  }
  return "ja";
})();
const tr = (key, args = {}) =>
  T[LANG][key].replace(/\{(\w+)\}/g, (_, k) => String(args[k] ?? ""));
const $ = (id) => document.getElementById(id);

const SECRET = new URLSearchParams(location.search).get("s") || "";
const store = {
  get(key, fallback) {
    try { const v = localStorage.getItem("furikaeri." + key); return v === null ? fallback : JSON.parse(v); }
    catch (e) { return fallback; }
  },
  set(key, value) { try { localStorage.setItem("furikaeri." + key, JSON.stringify(value)); } catch (e) { /* full: kept in memory */ } },
};
function token(bytes) {
  // crypto.randomUUID needs https; getRandomValues works on the room's plain http too.
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, "0")).join("");
}
const DEVICE = store.get("device", null) || (() => { const d = token(12); store.set("device", d); return d; })();

const app = {
  state: null, me: store.get("me", null), outbox: store.get("outbox", []),
  board: [], mine: [], cursor: null, cursorKey: null, themes: null, online: false, refused: false, sending: false,
  retryDelay: 1000, retryTimer: null, socket: null, socketDelay: 1000,
};

class Refused extends Error { constructor(status, body) { super(String(status)); this.status = status; this.body = body; } }

async function api(path, body) {
  const sep = path.includes("?") ? "&" : "?";
  const res = await fetch(`/api/${path}${sep}lang=${LANG}`, {
    method: body ? "POST" : "GET", cache: "no-store",
    headers: { "X-Furikaeri-Secret": SECRET, "X-Furikaeri-Device": DEVICE,
               ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  let data = null;
  try { data = await res.json(); } catch (e) { /* not JSON: a proxy's page */ }
  if (!res.ok) throw new Refused(res.status, data || {});
  return data;
}

function setOnline(online) {
  app.online = online;
  const s = $("status");
  s.textContent = online ? tr("online") : tr("offline");
  s.classList.toggle("offline", !online);
}

function showProblem(text) {
  $("problem").textContent = text || "";
  $("problem").hidden = !text;
}

function failed(err) {
  if (err instanceof Refused && err.status === 403) {
    app.refused = true;
    showProblem(tr("new_code"));
    setOnline(false);
    return;
  }
  setOnline(false);
}

// -- what the server knows ----------------------------------------------------------
async function loadState() {
  const state = await api("state");
  app.refused = false;
  setOnline(true);
  app.state = state;
  $("title").textContent = state.title || "ふりかえり";
  document.title = state.title || "ふりかえり";
  $("session").textContent = state.session ? state.session.title : "";
  showProblem(state.session ? "" : tr("no_session"));
  render();
}

async function loadNotes() {
  if (!app.state || !app.state.session || !app.me) return;
  // Only what changed since the last answer on this board (its cursor); the server
  // sends the whole board when it cannot tell (restarted, reloaded, another board).
  const key = `${app.state.session.id}|${app.me.group || ""}`;
  const q = new URLSearchParams({ device: DEVICE, session: app.state.session.id, group: app.me.group || "" });
  if (app.cursor && app.cursorKey === key) q.set("since", app.cursor);
  const data = await api("notes?" + q);
  if (app.cursorKey === key && older(data.cursor, app.cursor)) return;  // a late answer
  if (data.full === false) {
    const byId = new Map(app.board.map((n) => [n.id, n]));
    for (const id of data.removed || []) byId.delete(id);
    for (const n of data.board) byId.set(n.id, n);
    app.board = [...byId.values()].sort((a, b) =>
      (a.created < b.created ? -1 : a.created > b.created ? 1 : (a.z || 0) - (b.z || 0)));
  } else {
    app.board = data.board;
  }
  app.cursor = data.cursor || null;
  app.cursorKey = key;
  if (data.mine) app.mine = data.mine;  // not in an answer of news only
  renderNotes();
}

function older(a, b) {
  // Cursors are "<epoch>.<seq>": of one server's sequence, is a before b?
  if (!a || !b) return false;
  const [ea, sa] = a.split("."), [eb, sb] = b.split(".");
  return ea === eb && Number(sa) < Number(sb);
}

async function loadThemes() {
  if (!app.state || !app.state.session || !app.me || mode() !== "participant") return;
  const q = new URLSearchParams({ session: app.state.session.id, voter: voterId() || "" });
  app.themes = await api("themes?" + q);
  renderThemes();
}

async function refresh(what = { all: true }) {
  try {
    if (what.all || what.state) await loadState();
    if (what.all || what.state || touchesMe(what)) await loadNotes();
    if (what.all || what.state || what.themes) await loadThemes();
  } catch (err) { failed(err); }
}

function touchesMe(what) {
  // A note-taker shows its group's board; a participant only its own notes.
  if (!app.state || !app.state.session || !app.me) return false;
  if (mode() === "participant") return (what.devices || []).includes(DEVICE);
  return (what.boards || []).some(([s, g]) => s === app.state.session.id && g === (app.me.group || ""));
}

// -- the outbox: nothing lost, nothing twice ------------------------------------------
function saveOutbox() { store.set("outbox", app.outbox); renderPending(); }

function queueNote(text) {
  const s = app.state.session;
  app.outbox.push({ device: DEVICE, uid: token(16), author: app.me.name,
                    session_id: s.id, group_id: app.me.group || null, text });
  saveOutbox();
  renderNotes();
  flush();
}

async function flush() {
  if (app.sending || app.refused) return;
  app.sending = true;
  clearTimeout(app.retryTimer);
  try {
    while (app.outbox.length) {
      const note = app.outbox[0];
      try {
        await api("notes", note);
        setOnline(true);
      } catch (err) {
        if (err instanceof Refused && (err.status === 400 || err.status === 413)) {
          // The server will never take it: say so, keep its words on screen.
          showProblem(tr("refused", { text: note.text.slice(0, 40), why: err.status === 413 ? tr("too_long") : (err.body.message || err.status) }));
        } else {
          failed(err);
          if (!app.refused) {  // offline, restarting or too fast: again later, each time later
            app.retryTimer = setTimeout(flush, app.retryDelay);
            app.retryDelay = Math.min(app.retryDelay * 2, 15000);
          }
          return;
        }
      }
      app.outbox.shift();
      saveOutbox();
      app.retryDelay = 1000;
    }
    await loadNotes();
  } catch (err) { failed(err); } finally { app.sending = false; }
}

// -- live updates -------------------------------------------------------------------------
function connectLive() {
  if (!SECRET) return;
  const proto = location.protocol === "https:" ? "wss" : "ws";
  const q = new URLSearchParams({ s: SECRET, device: DEVICE });
  let sock;
  try { sock = new WebSocket(`${proto}://${location.host}/api/live?${q}`); }
  catch (e) { setTimeout(connectLive, app.socketDelay); return; }
  app.socket = sock;
  sock.onopen = () => { app.socketDelay = 1000; setOnline(true); refresh(); flush(); };
  sock.onmessage = (ev) => {
    let msg; try { msg = JSON.parse(ev.data); } catch (e) { return; }
    if (msg.type === "changed") refresh(msg);
  };
  sock.onclose = (ev) => {
    app.socket = null;
    if (ev.code === 4403) { refresh(); }  // a new secret: the next call says so
    else setOnline(false);
    // The app may be restarting: try again, less often the longer it takes.
    setTimeout(connectLive, app.socketDelay);
    app.socketDelay = Math.min(app.socketDelay * 2, 10000);
  };
}

// -- who and where -----------------------------------------------------------------------------
function mode() { return app.state && app.state.session ? app.state.session.mode : "note_taker"; }
function groupName(id) {
  const g = app.state && app.state.groups.find((x) => x.id === id);
  return g ? g.name : tr("plenary");
}
function voterId() {
  if (!app.state || !app.me) return null;
  const v = app.state.voters.find((x) => x.id === app.me.person || x.name === app.me.name);
  return v ? v.id : null;
}
function needsJoin() {
  if (!app.me || !app.me.name) return true;
  const groups = app.state ? app.state.groups : [];
  return groups.length > 0 && !groups.some((g) => g.id === app.me.group);
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render() {
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = tr(e.dataset.t);
  if (!app.state) return;
  const joining = needsJoin() || app.joining;
  $("join").hidden = !joining || !app.state.session;
  $("work").hidden = joining || !app.state.session;
  if (joining) renderJoin(); else renderWork();
}

function renderJoin() {
  const pick = $("name-pick"), typed = $("name-typed");
  const names = app.state.people.length ? app.state.people : app.state.voters;
  const chosen = pick.value || (app.me && (app.me.person || (app.me.name ? "__typed" : "")));
  pick.replaceChildren(el("option", "", tr("pick_name")));
  pick.firstChild.value = "";
  for (const p of names) { const o = el("option", "", p.name); o.value = p.id; pick.append(o); }
  const other = el("option", "", tr("type_name")); other.value = "__typed"; pick.append(other);
  pick.value = chosen || "";
  typed.placeholder = tr("typed_placeholder");
  if (app.me && !app.me.person && !typed.value) typed.value = app.me.name || "";
  typed.hidden = pick.value !== "__typed";
  const box = $("groups");
  box.replaceChildren();
  app.pickedGroup = app.pickedGroup ?? (app.me ? app.me.group : null);
  for (const g of app.state.groups) {
    const b = el("button");
    b.type = "button";
    const sw = el("span", "swatch"); sw.style.background = /^#[0-9a-fA-F]{6}$/.test(g.color) ? g.color : "#fff";
    b.append(sw, document.createTextNode(g.name));
    b.setAttribute("aria-pressed", String(app.pickedGroup === g.id));
    b.dataset.group = g.id;
    b.onclick = () => { app.pickedGroup = g.id; renderJoin(); };
    box.append(b);
  }
  $("groups").previousElementSibling.hidden = !app.state.groups.length;
}

function join() {
  const pick = $("name-pick");
  const person = pick.value && pick.value !== "__typed" ? pick.value : null;
  const names = app.state.people.length ? app.state.people : app.state.voters;
  const name = person ? (names.find((p) => p.id === person) || {}).name : $("name-typed").value.trim();
  if (!name) { showProblem(tr("name_needed")); return; }
  if (app.state.groups.length && !app.state.groups.some((g) => g.id === app.pickedGroup)) {
    showProblem(tr("group_needed")); return;
  }
  showProblem("");
  app.me = { name, person, group: app.state.groups.length ? app.pickedGroup : null };
  store.set("me", app.me);
  app.joining = false;
  render();
  refresh();
  $("text").focus();
}

function renderWork() {
  const group = groupName(app.me.group);
  $("who").textContent = app.state.groups.length ? `${app.me.name}・${group}` : app.me.name;
  const note = $("mode-note");
  const participant = mode() === "participant";
  const revealed = app.state.session.revealed;
  note.textContent = participant ? tr(revealed ? "revealed_note" : "private_note") : tr("taker_note", { group });
  note.classList.toggle("private", participant && !revealed);
  $("text").placeholder = tr("placeholder");
  $("list-title").textContent = participant ? tr("my_list") : tr("board_list", { group });
  renderNotes();
  renderPending();
  $("vote").hidden = !participant || !app.themes || !app.themes.themes.length;
  if (participant) renderThemes();
}

function renderPending() {
  const n = app.outbox.length;
  $("pending").hidden = n === 0 || app.online;
  $("pending").textContent = tr("pending", { n });
}

function renderNotes() {
  if (!app.state || !app.state.session || !app.me || $("work").hidden) return;
  const list = $("notes");
  list.replaceChildren();
  const participant = mode() === "participant";
  const sid = app.state.session.id;
  const waiting = app.outbox.filter((n) => n.session_id === sid);
  // Newest first, next to the box they were typed in; what waits to be sent on top.
  for (const n of waiting.slice().reverse()) {
    const li = el("li", "waiting", n.text);
    li.append(el("span", "state", tr("waiting")));
    list.append(li);
  }
  const shown = (participant ? app.mine : app.board).slice().reverse();
  for (const n of shown) {
    const li = el("li", "", n.text);
    if (!participant && n.author) li.append(el("span", "author", n.author));
    if (participant) {
      li.append(el("span", "state" + (n.on_board ? " shown" : ""), n.on_board ? tr("shown") : tr("private")));
    }
    list.append(li);
  }
  if (!list.children.length) list.append(el("li", "empty", tr("none_yet")));
}

function renderThemes() {
  const data = app.themes;
  const box = $("vote");
  box.hidden = !data || !data.themes.length || mode() !== "participant" || $("work").hidden;
  if (box.hidden) return;
  const voter = voterId();
  $("vote-left").textContent = voter ? tr("dots_left", { n: data.remaining, total: data.dots }) : tr("vote_needs_name");
  const list = $("themes");
  list.replaceChildren();
  for (const t of data.themes) {
    const li = el("li");
    li.append(el("span", "label", t.label), el("span", "dots", "●".repeat(t.mine) || "–"));
    const minus = el("button", "", "−"), plus = el("button", "", "+");
    minus.type = plus.type = "button";
    minus.setAttribute("aria-label", `${t.label} −1`);
    plus.setAttribute("aria-label", `${t.label} +1`);
    minus.disabled = !voter || t.mine <= 0;
    plus.disabled = !voter || data.remaining <= 0;
    minus.onclick = () => vote(t.id, "remove");
    plus.onclick = () => vote(t.id, "place");
    li.append(minus, plus);
    list.append(li);
  }
}

async function vote(themeId, action) {
  try {
    app.themes = await api("dots", { voter: voterId(), theme_id: themeId, action,
                                     session_id: app.state.session.id });
    renderThemes();
  } catch (err) {
    if (err instanceof Refused && err.status === 409) showProblem(err.body.message);
    else failed(err);
  }
}

// -- typing: Enter sends, but never while an input method is composing ------------------------
let composing = false;
function submit() {
  const box = $("text");
  const text = box.value.trim();
  if (!text || !app.state || !app.state.session) return;
  if (text.length > 2000) { showProblem(tr("refused", { text: text.slice(0, 40), why: tr("too_long") })); return; }
  queueNote(text);
  box.value = "";
  box.focus();
}

function wire() {
  const box = $("text");
  box.addEventListener("compositionstart", () => { composing = true; });
  box.addEventListener("compositionend", () => { composing = false; });
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.shiftKey) return;
    if (e.isComposing || composing || e.keyCode === 229) return;  // the IME's own Enter
    e.preventDefault();
    submit();
  });
  $("entry").addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  $("name-pick").addEventListener("change", () => { $("name-typed").hidden = $("name-pick").value !== "__typed"; });
  $("join-button").addEventListener("click", join);
  $("change").addEventListener("click", () => { app.joining = true; app.pickedGroup = app.me.group; render(); });
  window.addEventListener("online", () => { flush(); refresh(); });
  // A fallback to the live channel: look again now and then, send what waits.
  setInterval(() => { if (app.outbox.length) flush(); refresh({ state: true }); }, 10000);
}

function start() {
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = tr(e.dataset.t);
  document.documentElement.lang = LANG;
  wire();
  setOnline(false);
  if (!SECRET) { showProblem(tr("no_secret")); return; }
  refresh().then(flush);
  connectLive();
}

document.addEventListener("DOMContentLoaded", start);
