/*
 * Wayfinder chat widget. Embed with one tag:
 *   <script src="https://your-wayfinder-host/widget.js" data-rasa="https://your-rasa-host" defer></script>
 * Talks to Rasa's socket.io channel; keeps the conversation (session id and history)
 * in this browser's localStorage; renders every text as text (never as HTML).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script.src, location.href).origin;
  var rasaUrl = script.getAttribute("data-rasa") || "http://localhost:5005";
  var STORE = "wayfinder:v1";
  var LANGS = [
    ["en", "English"], ["fr", "Français"], ["de", "Deutsch"], ["es", "Español"], ["it", "Italiano"],
    ["ar", "العربية"], ["uk", "Українська"], ["ru", "Русский"], ["fa", "فارسی"], ["tr", "Türkçe"]
  ];
  var RTL = { ar: true, fa: true };
  var URL_RE = /(https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?])/g;

  var state = load();
  if (!state.sessionId) state.sessionId = newId();
  if (typeof state.botSeen !== "number") state.botSeen = (state.history || []).filter(function (m) { return m.from === "bot"; }).length;
  if (!Array.isArray(state.history)) state.history = [];
  var socket = null;
  var confirmed = false;
  var outbox = [];
  var texts = {};

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  // --- layout -------------------------------------------------------------------
  var css = el("link", { rel: "stylesheet", href: base + "/widget.css" });
  document.head.append(css);
  var title = el("h2", { id: "wf-title", class: "wf-title" });
  var langLabel = el("label", { for: "wf-lang", class: "wf-lang-label" });
  var langSelect = el("select", { id: "wf-lang", class: "wf-lang" });
  LANGS.forEach(function (l) { langSelect.append(el("option", { value: l[0], lang: l[0] }, [l[1]])); });
  var privacy = el("p", { class: "wf-privacy" });
  var log = el("div", { class: "wf-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0", "aria-labelledby": "wf-title" });
  var status = el("p", { class: "wf-status", role: "status" });
  var input = el("input", { id: "wf-input", class: "wf-input", type: "text", maxlength: "1000", autocomplete: "off" });
  var inputLabel = el("label", { for: "wf-input", class: "wf-sr" });
  var send = el("button", { type: "submit", class: "wf-send" });
  var form = el("form", { class: "wf-form" }, [inputLabel, input, send]);
  var root = el("section", { class: "wf", "aria-labelledby": "wf-title" }, [
    el("header", { class: "wf-header" }, [title, el("div", { class: "wf-lang-box" }, [langLabel, langSelect])]),
    privacy, log, status, form
  ]);
  (document.getElementById("wayfinder") || document.body).append(root);

  function setLanguage(code, announce) {
    state.lang = code;
    save();
    root.setAttribute("lang", code);
    root.setAttribute("dir", RTL[code] ? "rtl" : "ltr");
    langSelect.value = code;
    fetch(base + "/widget/texts/" + code + ".json").then(function (r) { return r.json(); }).then(function (t) {
      texts = t;
      title.textContent = t.widget_title;
      langLabel.textContent = t.widget_language;
      inputLabel.textContent = t.widget_placeholder;
      input.setAttribute("placeholder", t.widget_placeholder);
      send.textContent = t.widget_send;
      privacy.textContent = t.widget_privacy;
    }).catch(function () { /* keep the previous texts */ });
    if (announce) deliver("/set_language" + JSON.stringify({ language_explicit: code }), null);
  }

  // --- messages -----------------------------------------------------------------
  function textNodes(text) {
    var parts = [];
    var last = 0;
    text.replace(URL_RE, function (url, _g, offset) {
      if (offset > last) parts.push(document.createTextNode(text.slice(last, offset)));
      parts.push(el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, [url]));
      last = offset + url.length;
      return url;
    });
    if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
    return parts;
  }

  function render(msg) {
    var bubble = el("div", { class: "wf-msg wf-" + msg.from, dir: "auto" });
    if (msg.text) bubble.append(el("p", { class: "wf-text" }, textNodes(String(msg.text))));
    if (msg.buttons && msg.buttons.length) {
      var group = el("div", { class: "wf-buttons", role: "group" });
      msg.buttons.forEach(function (b) {
        var button = el("button", { type: "button", class: "wf-button" }, [String(b.title)]);
        button.addEventListener("click", function () { deliver(String(b.payload), String(b.title)); });
        group.append(button);
      });
      bubble.append(group);
    }
    log.append(bubble);
    log.scrollTop = log.scrollHeight;
  }

  function remember(msg) {
    if (msg.from === "bot") state.botSeen = (state.botSeen || 0) + 1;
    state.history.push(msg);
    if (state.history.length > 200) state.history = state.history.slice(-200);
    save();
    render(msg);
  }

  function deliver(message, shown) {
    if (shown !== null) remember({ from: "user", text: shown === undefined ? message : shown });
    if (message === "/confirm_delete") { state.history = []; state.botSeen = 0; save(); }
    outbox.push({ message: message, session_id: state.sessionId, metadata: state.lang ? { language: state.lang } : {} });
    flush();
  }

  function flush() {
    // Only after the server confirmed our session room, so replies cannot go astray.
    while (socket && confirmed && socket.connected && outbox.length) socket.emit("user_uttered", outbox.shift());
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    deliver(text);
  });
  langSelect.addEventListener("change", function () { setLanguage(langSelect.value, true); });

  // --- connection ---------------------------------------------------------------
  function recover() {
    // Replies emitted while this browser was offline are not replayed by socket.io:
    // ask our server what the assistant said in this session and add what we missed.
    return fetch(base + "/widget/history/" + encodeURIComponent(state.sessionId), { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : { bot: [] }; })
      .then(function (h) {
        var missed = (h.bot || []).slice(state.botSeen || 0);
        missed.forEach(function (m) { remember({ from: "bot", text: m.text || "", buttons: m.buttons || [] }); });
      });
  }

  function start() {
    // wf_session lets a load balancer keep this conversation on one server (deploy/nginx.conf.template)
    socket = window.io(rasaUrl, {
      transports: ["websocket", "polling"],
      reconnection: true,
      reconnectionDelayMax: 5000,
      query: { wf_session: state.sessionId },
    });
    socket.on("connect", function () {
      confirmed = false;
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", function () {
      confirmed = true;
      root.setAttribute("data-online", "true");
      status.textContent = "";
      root.classList.remove("wf-offline");
      recover().then(flush, flush);
    });
    socket.on("disconnect", function () {
      confirmed = false;
      root.setAttribute("data-online", "false");
      root.classList.add("wf-offline");
      status.textContent = texts.widget_offline || "…";
    });
    socket.on("bot_uttered", function (m) {
      remember({ from: "bot", text: m.text || "", buttons: m.quick_replies || m.buttons || [] });
    });
  }

  state.history.forEach(render);
  setLanguage(state.lang || (navigator.language || "en").slice(0, 2).replace(/^(?!en|fr|de|es|it|ar|uk|ru|fa|tr).*/, "en"), false);
  var io = el("script", { src: base + "/vendor/socket.io.min.js" });
  io.addEventListener("load", start);
  document.head.append(io);
})();
