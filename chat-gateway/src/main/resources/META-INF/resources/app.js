// SpotifyMate's web page: plain JavaScript, no build step. It talks only to the chat-gateway, signed in with the
// session cookie the gateway sets; the gateway passes per-user calls on to the service that owns them.
"use strict";

const state = { user: null, conversationId: null };
const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Calls the gateway; a problem+json answer becomes an Error with its detail. */
async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  let body = options.body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== "string") {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(body);
  }
  const response = await fetch(path, { credentials: "same-origin", ...options, headers, body });
  if (response.status === 401 && !path.startsWith("/api/auth/sign")) {
    showSignIn();
    throw new Error("Please sign in again.");
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const detail = data && (data.detail || data.title);
    throw new Error(detail || `${response.status} ${response.statusText}`);
  }
  return data;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return text; }
}

const userPath = (rest) => `/api/users/${encodeURIComponent(state.user)}${rest}`;

// ---- sign-in

async function signIn(create) {
  const username = $("#username").value.trim().toLowerCase();
  const password = $("#password").value;
  $("#signin-error").textContent = "";
  try {
    const session = await api(create ? "/api/auth/signup" : "/api/auth/signin", {
      method: "POST", body: { username, password } });
    $("#password").value = "";
    signedIn(session.userId);
  } catch (error) {
    $("#signin-error").textContent = error.message;
  }
}

function signedIn(userId) {
  state.user = userId;
  $("#who-name").textContent = `Signed in as ${userId}`;
  $("#who").hidden = false;
  $("#nav").hidden = false;
  route();
  loadConversations();
}

function showSignIn() {
  state.user = null;
  $("#who").hidden = true;
  $("#nav").hidden = true;
  show("signin");
}

async function signOut() {
  try { await api("/api/auth/signout", { method: "POST" }); } catch { /* signed out either way */ }
  state.conversationId = null;
  $("#messages").replaceChildren();
  showSignIn();
}

// ---- views

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function route() {
  if (!state.user) return showSignIn();
  const view = (location.hash || "#chat").slice(1);
  const known = ["chat", "browse", "playlists", "import", "insights"];
  const chosen = known.includes(view) ? view : "chat";
  show(chosen);
  if (chosen === "playlists") loadPlaylists();
  if (chosen === "import") loadImports();
  if (chosen === "insights") loadInsights();
  if (chosen === "chat") $("#chat-input").focus();
}

// ---- track cards

function spotifyLink(trackId) {
  const match = /^spotify:track:([A-Za-z0-9]+)$/.exec(trackId || "");
  return match ? el("a", { href: `https://open.spotify.com/track/${match[1]}`, target: "_blank", rel: "noopener" },
    "Open in Spotify") : null;
}

const FEEDBACK = [
  ["LIKE", "👍", "Like", "Like"], ["DISLIKE", "👎", "Dislike", "Dislike"],
  ["BAN", "🚫", "Ban", "Never suggest again"], ["MORE_LIKE_THIS", "➕", "More like this", "More like this"]];

function trackCard(track) {
  const name = track.name || "(untitled)";
  const stateLine = el("p", { class: "state", role: "status" });
  const card = el("li", { class: "track", "data-track-id": track.trackId },
    el("h4", {}, name),
    el("p", { class: "artist" }, track.artistName || ""),
    track.reason ? el("p", { class: "why" }, track.reason) : null,
    spotifyLink(track.trackId),
    el("div", { class: "actions", role: "group", "aria-label": `Feedback on ${name}` },
      FEEDBACK.map(([kind, icon, text, label]) => el("button", {
        type: "button", class: `feedback-${kind.toLowerCase()}`, "aria-label": `${label}: ${name}`, title: label,
        onclick: () => feedback(card, stateLine, kind, track) }, el("span", { "aria-hidden": "true" }, icon), ` ${text}`))),
    stateLine);
  return card;
}

async function feedback(card, stateLine, kind, track) {
  try {
    await api(userPath("/feedback"), { method: "POST", body: { kind, target: "TRACK", targetId: track.trackId } });
    const said = { LIKE: "Liked", DISLIKE: "Disliked: you won't get it again", BAN: "Banned",
      MORE_LIKE_THIS: "Noted: more like this" }[kind];
    stateLine.textContent = said;
    if (kind === "DISLIKE" || kind === "BAN") card.classList.add("gone");
  } catch (error) {
    stateLine.textContent = `Not saved: ${error.message}`;
  }
}

// ---- chat

function addMessage(role, text) {
  const item = el("li", { class: `message ${role}` }, el("div", { class: "text" }, text));
  $("#messages").append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

async function send(message) {
  addMessage("user", message);
  const bubble = addMessage("assistant", "");
  bubble.setAttribute("aria-busy", "true");
  const textNode = bubble.querySelector(".text");
  $("#send").disabled = true;
  try {
    const response = await fetch("/api/chat/stream", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ message, conversationId: state.conversationId }) });
    if (response.status === 401) { showSignIn(); return; }
    if (!response.ok) {
      const problem = safeJson(await response.text());
      throw new Error((problem && problem.detail) || response.statusText);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5)).join("\n");
        if (data.trim()) onChatEvent(JSON.parse(data), bubble, textNode);
      }
    }
  } catch (error) {
    textNode.textContent += `\n(${error.message})`;
  } finally {
    bubble.removeAttribute("aria-busy");
    $("#send").disabled = false;
  }
}

function onChatEvent(event, bubble, textNode) {
  if (event.type === "start") {
    if (state.conversationId !== event.conversationId) {
      state.conversationId = event.conversationId;
      loadConversations();
    }
  } else if (event.type === "text") {
    textNode.textContent += event.text;
  } else if (event.type === "done") {
    const reply = event.reply;
    // The tracks show as cards: the reply's own lines naming them would only repeat them.
    const ids = (reply.tracks || []).map((t) => t.trackId);
    textNode.textContent = reply.reply.split("\n").filter((line) => !ids.some((id) => line.includes(id))).join("\n");
    if (reply.notice) bubble.append(el("p", { class: "notice" }, reply.notice));
    if (reply.tracks && reply.tracks.length) bubble.append(el("ul", { class: "cards" }, reply.tracks.map(trackCard)));
    bubble.append(el("p", { class: "engine" }, reply.engine === "llm" ? "answered by the language model"
      : "answered by the offline engine"));
    loadConversations();
  }
}

async function loadConversations() {
  if (!state.user) return;
  try {
    const conversations = await api(userPath("/conversations"));
    $("#conversation-list").replaceChildren(...conversations.map((c) => el("li",
      { class: c.id === state.conversationId ? "current" : "" },
      el("button", { type: "button", class: "open", onclick: () => openConversation(c.id) }, c.title || "(empty)"),
      el("button", { type: "button", class: "secondary", "aria-label": `Delete conversation ${c.title || ""}`,
        onclick: () => deleteConversation(c.id) }, "✕"))));
  } catch { /* the list is a convenience */ }
}

async function openConversation(id) {
  const messages = await api(userPath(`/conversations/${id}/messages`));
  state.conversationId = id;
  $("#messages").replaceChildren();
  for (const m of messages) addMessage(m.role === "USER" ? "user" : "assistant", m.content);
  loadConversations();
}

async function deleteConversation(id) {
  await api(userPath(`/conversations/${id}`), { method: "DELETE" });
  if (state.conversationId === id) { state.conversationId = null; $("#messages").replaceChildren(); }
  loadConversations();
}

// ---- browse

async function browse() {
  const params = new URLSearchParams({ k: "12" });
  for (const [name, id] of [["mood", "#browse-mood"], ["genre", "#browse-genre"], ["era", "#browse-era"]]) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  $("#browse-status").textContent = "Looking…";
  try {
    const answer = await api(userPath(`/recommendations?${params}`));
    $("#browse-results").replaceChildren(...answer.items.map(trackCard));
    $("#browse-status").textContent = answer.items.length ? (answer.message || `${answer.items.length} tracks`)
      : (answer.message || "Nothing fits that.");
  } catch (error) {
    $("#browse-status").textContent = error.message;
  }
}

// ---- playlists

async function loadPlaylists() {
  try {
    const playlists = await api(userPath("/playlists"));
    $("#playlist-list").replaceChildren(...playlists.map((p) => el("li", {},
      el("button", { type: "button", onclick: () => showPlaylist(p.id) },
        `${p.name} (${p.tracksCount} tracks, ${Math.round(p.durationMs / 60000)} min)`))));
  } catch (error) {
    $("#playlist-status").textContent = error.message;
  }
}

async function createPlaylist(prompt) {
  $("#playlist-status").textContent = "Making it…";
  try {
    const made = await api(userPath("/playlists/from-prompt"), { method: "POST", body: { prompt } });
    $("#playlist-status").textContent = `Made “${made.name}”.`;
    await loadPlaylists();
    await showPlaylist(made.id);
  } catch (error) {
    $("#playlist-status").textContent = error.message;
  }
}

async function showPlaylist(id, playlist) {
  const p = playlist || await api(userPath(`/playlists/${id}`));
  const ids = p.tracks.map((t) => t.trackId);
  const move = async (from, to) => {
    const order = ids.slice();
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved);
    showPlaylist(id, await api(userPath(`/playlists/${id}/tracks`), { method: "PUT", body: { trackIds: order } }));
  };
  const action = async (label, call) => {
    try { await call(); } catch (error) { $("#playlist-status").textContent = `${label}: ${error.message}`; }
  };
  $("#playlist-detail").replaceChildren(
    el("h3", {}, p.name),
    el("p", { class: "status" }, `${p.tracksCount} tracks, ${Math.round(p.durationMs / 60000)} minutes`),
    el("div", { class: "row wrap" },
      el("button", { type: "button", onclick: () => action("Refresh", async () =>
        showPlaylist(id, await api(userPath(`/playlists/${id}/refresh`), { method: "POST" }))) }, "Refresh"),
      el("button", { type: "button", class: "secondary", onclick: () => action("Export", async () => {
        const exported = await api(userPath(`/playlists/${id}/export/spotify`), { method: "POST" });
        $("#playlist-status").textContent = `Exported to Spotify: ${exported.url || exported.spotifyPlaylistId || "done"}`;
      }) }, "Export to Spotify"),
      el("button", { type: "button", class: "secondary", onclick: () => action("Delete", async () => {
        await api(userPath(`/playlists/${id}`), { method: "DELETE" });
        $("#playlist-detail").replaceChildren();
        loadPlaylists();
      }) }, "Delete")),
    el("ol", { class: "plain tracklist" }, p.tracks.map((t, i) => el("li", {},
      el("span", {}, `${i + 1}. ${t.name || "(untitled)"} — ${t.artistName || ""}`),
      el("button", { type: "button", class: "secondary", "aria-label": `Move ${t.name} up`, disabled: i === 0,
        onclick: () => move(i, i - 1) }, "↑"),
      el("button", { type: "button", class: "secondary", "aria-label": `Move ${t.name} down`,
        disabled: i === p.tracks.length - 1, onclick: () => move(i, i + 1) }, "↓")))));
}

// ---- import

async function upload(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  $("#import-progress").hidden = false;
  $("#import-rejections").hidden = true;
  $("#import-label").textContent = `Uploading ${file.name}…`;
  $("#import-summary").textContent = "";
  try {
    const job = await api(userPath("/imports"), { method: "POST", body: form });
    follow(job);
  } catch (error) {
    $("#import-label").textContent = `Not imported: ${error.message}`;
  }
}

/** Follows the job's server-sent progress events until it finishes. */
function follow(job) {
  $("#import-label").textContent = `Importing ${job.fileName}…`;
  const events = new EventSource(userPath(`/imports/${job.id}/progress`));
  events.onmessage = (message) => {
    const view = JSON.parse(message.data);
    const bar = $("#import-bar");
    if (view.totalRows) { bar.max = view.totalRows; bar.value = view.rowsRead; } else { bar.removeAttribute("value"); }
    $("#import-summary").textContent = `${view.rowsRead} of ${view.totalRows ?? "?"} rows read, ${view.accepted} `
      + `accepted, ${view.rejected} rejected`;
    if (view.finished) {
      events.close();
      bar.max = 1; bar.value = 1;
      $("#import-label").textContent = view.status === "SUCCEEDED" ? `Imported ${view.fileName}`
        : `Import ${view.status.toLowerCase()}: ${view.error || ""}`;
      const skipped = Object.entries(view.skipped || {}).map(([why, n]) => `${n} ${why.toLowerCase()}`).join(", ");
      const unreadable = Object.entries(view.unreadableCells || {}).map(([column, n]) => `${column} ${n}`).join(", ");
      const what = view.summary ? "plays" : "rows";
      $("#import-summary").textContent = `Done: ${view.accepted} ${what} accepted, ${view.rejected} rejected`
        + (skipped ? `, skipped ${skipped}` : "") + "."
        + (view.summary ? ` ${view.summary}.` : "")
        + (unreadable ? ` Unreadable cells by column: ${unreadable}.` : "");
      if (view.rejections && view.rejections.length) {
        $("#import-rejections tbody").replaceChildren(...view.rejections.map((r) =>
          el("tr", {}, el("td", {}, r.file), el("td", {}, r.row), el("td", {}, r.reason))));
        $("#import-rejections").hidden = false;
      }
      loadImports();
    }
  };
  events.onerror = () => { events.close(); };
}

async function loadImports() {
  try {
    const jobs = await api(userPath("/imports"));
    $("#import-list").replaceChildren(...jobs.map((j) => el("li", {},
      `${j.fileName}: ${j.status.toLowerCase()}, ${j.accepted} accepted, ${j.rejected} rejected`)));
  } catch { /* the list is a convenience */ }
}

// ---- insights charts (plain SVG)

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function barChart(figureId, labels, values, label) {
  const width = 320, height = 160, top = 10, bottom = 24, max = Math.max(1, ...values);
  const step = width / Math.max(1, values.length);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
  values.forEach((value, i) => {
    const h = ((height - top - bottom) * value) / max;
    chart.append(svg("rect", { class: "bar", x: i * step + 1, y: height - bottom - h, width: Math.max(1, step - 2),
      height: h }, svg("title", {}, `${labels[i]}: ${value}`)));
    if (values.length <= 12 || i % 3 === 0) {
      chart.append(svg("text", { x: i * step + step / 2, y: height - 8, "text-anchor": "middle" }, labels[i]));
    }
  });
  place(figureId, chart);
}

/** Horizontal bars with their labels beside them: for names, which do not fit under a bar. */
function hbarChart(figureId, labels, values, label) {
  const width = 320, row = 18, left = 120, max = Math.max(1, ...values);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${row * values.length + 4}`, role: "img", "aria-label": label });
  values.forEach((value, i) => {
    const w = ((width - left - 30) * value) / max;
    const name = labels[i].length > 20 ? `${labels[i].slice(0, 19)}…` : labels[i];
    chart.append(svg("text", { x: left - 6, y: i * row + 13, "text-anchor": "end" }, name));
    chart.append(svg("rect", { class: "bar", x: left, y: i * row + 3, width: Math.max(1, w), height: row - 6 },
      svg("title", {}, `${labels[i]}: ${value}`)));
    chart.append(svg("text", { x: left + w + 4, y: i * row + 13 }, String(value)));
  });
  place(figureId, chart);
}

function lineChart(figureId, labels, series, label) {
  const width = 320, height = 160, top = 10, bottom = 24;
  const all = series.flatMap((s) => s.values.filter((v) => v !== null));
  const max = Math.max(1e-9, ...all), min = Math.min(0, ...all);
  const x = (i) => (labels.length < 2 ? width / 2 : (i * (width - 60)) / (labels.length - 1) + 30);
  const y = (v) => height - bottom - ((height - top - bottom) * (v - min)) / (max - min || 1);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
  for (const s of series) {
    const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(" ");
    chart.append(svg("polyline", { class: s.className, points }, svg("title", {}, s.name)));
  }
  chart.append(svg("text", { x: 2, y: top + 4 }, formatNumber(max)));
  chart.append(svg("text", { x: 2, y: height - bottom }, formatNumber(min)));
  labels.forEach((l, i) => {
    if (labels.length <= 6 || i % Math.ceil(labels.length / 6) === 0) {
      chart.append(svg("text", { x: x(i), y: height - 8, "text-anchor": "middle" }, l));
    }
  });
  place(figureId, chart);
}

function formatNumber(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function place(figureId, chart) {
  const figure = document.getElementById(figureId);
  figure.querySelectorAll("svg, p").forEach((n) => n.remove());
  figure.append(chart);
}

function placeNote(figureId, note) {
  const figure = document.getElementById(figureId);
  figure.querySelectorAll("svg, p").forEach((n) => n.remove());
  figure.append(el("p", { class: "status empty" }, note));
}

async function loadInsights() {
  $("#insights-status").textContent = "Loading…";
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const insights = await api(userPath(`/insights?zone=${encodeURIComponent(zone)}`));
    const t = insights.totals;
    $("#insights-status").textContent = `${t.plays} plays, ${Math.round(t.minutes)} minutes, ${t.distinctArtists} `
      + `artists (${t.newArtists} new), skip rate ${Math.round(t.skipRate * 100)} %`;
    const artists = insights.topArtists.slice(0, 10);
    hbarChart("chart-artists", artists.map((a) => a.name), artists.map((a) => a.plays), "Top artists by plays");
    barChart("chart-hours", insights.byHour.map((_, h) => String(h)), insights.byHour, "Plays by hour of day");
    barChart("chart-weekdays", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], insights.byWeekday,
      "Plays by weekday");
    const months = insights.months;
    lineChart("chart-months", months.map((m) => m.month), [{ name: "plays", className: "line-a",
      values: months.map((m) => m.plays) }], "Plays per month");
    if (months.some((m) => m.valence !== null || m.energy !== null)) {
      lineChart("chart-mood", months.map((m) => m.month), [
        { name: "valence", className: "line-a", values: months.map((m) => m.valence) },
        { name: "energy", className: "line-b", values: months.map((m) => m.energy) }],
      "Valence (green) and energy (yellow) per month");
    } else {
      placeNote("chart-mood", "None of these plays is of a track with measured audio features yet: import a "
        + "catalog with them, and the mood of each month shows here.");
    }
  } catch (error) {
    $("#insights-status").textContent = error.message;
  }
}

// ---- wiring

document.addEventListener("DOMContentLoaded", async () => {
  $("#signin-form").addEventListener("submit", (e) => { e.preventDefault(); signIn(false); });
  $("#signup-button").addEventListener("click", () => {
    if ($("#signin-form").reportValidity()) signIn(true);
  });
  $("#sign-out").addEventListener("click", signOut);
  $("#chat-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const message = $("#chat-input").value.trim();
    if (message) { $("#chat-input").value = ""; send(message); }
  });
  $("#new-chat").addEventListener("click", () => {
    state.conversationId = null;
    $("#messages").replaceChildren();
    loadConversations();
    $("#chat-input").focus();
  });
  $("#browse-form").addEventListener("submit", (e) => { e.preventDefault(); browse(); });
  $("#playlist-form").addEventListener("submit", (e) => {
    e.preventDefault();
    createPlaylist($("#playlist-prompt").value.trim());
  });
  $("#import-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const file = $("#import-file").files[0];
    if (file) upload(file);
  });
  $("#connect-spotify").addEventListener("click", () => { location.href = userPath("/spotify/login"); });
  window.addEventListener("hashchange", route);
  try {
    const me = await api("/api/auth/me");
    signedIn(me.userId);
  } catch {
    showSignIn();
  }
});
