/* factlint report: filters, search, shareable state (URL fragment + localStorage), j/k. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.className = root.className.replace("no-js", "js");
  var form = document.getElementById("filters");
  if (!form) { return; }
  var STORE = "factlint.filters:" + location.pathname;
  var FIELDS = ["kind", "subject", "doc", "status"];
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.disc"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  var rows = Array.prototype.slice.call(document.querySelectorAll(".mx .mr[class*=sev-]"));
  var shown = document.getElementById("shown");
  var noneShown = document.getElementById("none-shown");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=sev]"));
  var facts = cards.map(function (card) {
    return {
      sev: (/\bsev-(\w+)/.exec(card.className) || [])[1],
      kind: card.querySelector(".head > span").textContent.replace(/ /g, "_"),
      subject: card.parentNode.dataset.subject,
      status: card.dataset.status || "",
      docs: " " + Array.prototype.map.call(card.querySelectorAll(".values li > a > b"), function (b) {
        return b.textContent;
      }).join(" ") + " "
    };
  });
  var texts = null;
  var current = null;
  var timer = 0;

  function field(name) { return form.elements.namedItem(name); }

  function readForm() {
    var state = { sev: boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }) };
    FIELDS.forEach(function (name) { state[name] = field(name) ? field(name).value : ""; });
    state.q = field("q").value;
    return state;
  }

  function writeForm(state) {
    boxes.forEach(function (b) { b.checked = !state.sev || state.sev.indexOf(b.value) >= 0; });
    FIELDS.forEach(function (name) {
      var select = field(name);
      if (!select) { return; }
      var wanted = state[name] || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    });
    field("q").value = state.q || "";
  }

  function encode(state) {
    var params = new URLSearchParams();
    if (state.sev.length !== boxes.length) { params.set("sev", state.sev.join(",")); }
    FIELDS.forEach(function (name) { if (state[name]) { params.set(name, state[name]); } });
    if (state.q) { params.set("q", state.q); }
    return params.toString();
  }

  function decode(text) {
    var params = new URLSearchParams(text);
    var state = { q: params.get("q") || "" };
    if (params.has("sev")) { state.sev = params.get("sev").split(",").filter(Boolean); }
    FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function isFilterHash(hash) { return hash.indexOf("=") >= 0; }

  function matches(index, state, terms) {
    var data = facts[index];
    if (state.sev.indexOf(data.sev) < 0) { return false; }
    if (state.kind && data.kind !== state.kind) { return false; }
    if (state.subject && data.subject !== state.subject) { return false; }
    if (state.status && data.status !== state.status) { return false; }
    if (state.doc && data.docs.indexOf(" " + state.doc + " ") < 0) { return false; }
    if (terms.length) {
      readTexts();
      for (var i = 0; i < terms.length; i++) {
        if (texts[index].indexOf(terms[i]) < 0) { return false; }
      }
    }
    return true;
  }

  function readTexts() {
    if (!texts) { texts = cards.map(function (c) { return c.textContent.toLowerCase(); }); }
  }

  function apply(save) {
    var state = readForm();
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var visible = {};
    var count = 0;
    cards.forEach(function (card, index) {
      var on = matches(index, state, terms);
      card.hidden = !on;
      if (on) { visible[card.id] = true; count++; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("article.disc:not([hidden])");
    });
    rows.forEach(function (row) { row.hidden = !visible[row.firstChild.hash.slice(1)]; });
    shown.textContent = count + " of " + cards.length;
    noneShown.hidden = count > 0 || cards.length === 0;
    if (save) { remember(encode(state)); }
  }

  function remember(encoded) {
    try { localStorage.setItem(STORE, encoded); } catch (e) { /* storage may be off */ }
    var url = location.pathname + location.search + (encoded ? "#" + encoded : "");
    try { history.replaceState(null, "", url); } catch (e) { location.replace("#" + encoded); }
  }

  function saved() {
    try { return localStorage.getItem(STORE) || ""; } catch (e) { return ""; }
  }

  function reset() {
    writeForm({ sev: null, q: "" });
    apply(true);
  }

  /* A link to a discrepancy hidden by the filters shows everything again. */
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (target && target.closest("[hidden]")) {
      writeForm({ sev: null, q: "" });
      apply(false);
      try { localStorage.setItem(STORE, ""); } catch (e) { /* storage may be off */ }
      target.scrollIntoView();
    }
  }

  function move(step) {
    var visible = cards.filter(function (c) { return !c.hidden; });
    if (!visible.length) { return; }
    var at = current ? visible.indexOf(current) : -1;
    if (at < 0) {
      var top = form.getBoundingClientRect().bottom + 1;
      at = step > 0 ? -1 : visible.length;
      for (var i = 0; i < visible.length; i++) {
        if (visible[i].getBoundingClientRect().top >= top - 2) { at = step > 0 ? i - 1 : i; break; }
      }
    }
    var next = visible[Math.max(0, Math.min(visible.length - 1, at + step))];
    if (current) { current.classList.remove("current"); }
    current = next;
    current.classList.add("current");
    current.tabIndex = -1;
    current.focus({ preventScroll: true });
    current.scrollIntoView({ block: "start" });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", function () { apply(true); });
  field("q").addEventListener("focus", readTexts);
  field("q").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { apply(true); }, cards.length > 2000 ? 200 : 60);
  });
  document.getElementById("reset").addEventListener("click", reset);
  document.getElementById("reset-link").addEventListener("click", function (event) {
    event.preventDefault();
    reset();
  });
  window.addEventListener("hashchange", function () {
    if (isFilterHash(location.hash)) {
      writeForm(decode(location.hash.slice(1)));
      apply(false);
    } else {
      reveal();
    }
  });
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    } else if (event.key === "/") {
      event.preventDefault();
      field("q").focus();
    }
  });

  /* The state comes from the URL (a shared link), else from the last visit. */
  var start = location.hash.slice(1);
  var shared = isFilterHash(start);
  var state = shared ? start : saved();
  writeForm(decode(state));
  apply(Boolean(state) && (shared || !start));
  reveal();
}());
