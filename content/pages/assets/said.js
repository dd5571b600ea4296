/* "Who said what": the statements about a subject (words of the statement, or a tag of its
   briefing), grouped by speaker, quoted apart from reported, each linked to its evidence
   sentence. The subject and speaker live in the address (?about=sanctions&speaker=...).
   All text is inserted as text nodes. */
(function () {
  "use strict";
  var form = document.getElementById("bf-said-filter");
  if (!form) return;
  var MAX_SPEAKERS = 50;
  var MAX_EACH = 20;
  var out = document.getElementById("bf-said");
  var status = document.getElementById("bf-said-status");
  var root = form.dataset.root;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function terms(text) { return fold(text).split(/\s+/).filter(Boolean); }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // The statement with quotation marks around the article's quoted words only.
  function statement(row) {
    var block = el("blockquote"), text = row.text, cursor = 0;
    (row.quoted || []).forEach(function (fragment) {
      var at = fragment ? text.indexOf(fragment, cursor) : -1;
      if (at < 0) return;
      if (at > cursor) block.appendChild(document.createTextNode(text.slice(cursor, at)));
      block.appendChild(el("span", "\u201c" + fragment + "\u201d", "bf-quoted"));
      cursor = at + fragment.length;
    });
    if (cursor < text.length) block.appendChild(document.createTextNode(text.slice(cursor)));
    return block;
  }

  function item(row) {
    var li = el("li");
    li.appendChild(statement(row));
    var meta = el("span", row.cue + (row.date ? " · " + row.date : "") + " · ", "bf-meta");
    var a = el("a", row.briefing);
    a.href = root + row.url + (row.anchor ? "#" + row.anchor : "");
    meta.appendChild(a);
    li.appendChild(meta);
    return li;
  }

  function group(title, rows) {
    var box = el("div");
    box.appendChild(el("p", title + " (" + rows.length + ")", "bf-said-kind"));
    var list = el("ul", null, "bf-positions-list");
    rows.slice(0, MAX_EACH).forEach(function (row) { list.appendChild(item(row)); });
    box.appendChild(list);
    if (rows.length > MAX_EACH) box.appendChild(el("p", "… and " + (rows.length - MAX_EACH) + " more", "bf-meta"));
    return box;
  }

  function speakerSection(name, rows) {
    var section = el("section");
    var heading = el("h2");
    var actor = rows[0].actor;
    if (actor) {
      var a = el("a", name);
      a.href = root + actor;
      heading.appendChild(a);
    } else {
      heading.textContent = name;
    }
    section.appendChild(heading);
    var quoted = rows.filter(function (r) { return r.kind === "direct"; });
    var reported = rows.filter(function (r) { return r.kind !== "direct"; });
    if (quoted.length) section.appendChild(group("Quoted", quoted));
    if (reported.length) section.appendChild(group("Reported", reported));
    return section;
  }

  function writeAddress() {
    var params = new URLSearchParams();
    if (form.about.value.trim()) params.set("about", form.about.value.trim());
    if (form.speaker.value.trim()) params.set("speaker", form.speaker.value.trim());
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  form.about.value = params.get("about") || "";
  form.speaker.value = params.get("speaker") || "";

  // Months load newest first until the subject has this many statements; older ones as the
  // reader asks (window.bfShards, shards.js).
  var ENOUGH = 300;
  var more = document.getElementById("bf-said-more");
  var all = document.getElementById("bf-said-all");
  var want = ENOUGH, generation = 0;

  window.bfShards.open(form.dataset.source, function (row) {
    row._what = fold(row.text + " " + row.cue + " " + (row.tags || []).join(" "));
    row._who = fold(row.speaker);
  }).then(function (shards) {
    function filter() {
      var about = terms(form.about.value), who = terms(form.speaker.value);
      return function (row) {
        return about.every(function (w) { return row._what.indexOf(w) !== -1; }) &&
          who.every(function (w) { return row._who.indexOf(w) !== -1; });
      };
    }
    function asked() { return terms(form.about.value).length || terms(form.speaker.value).length; }
    function render() {
      writeAddress();
      out.textContent = "";
      more.hidden = all.hidden = true;
      if (!asked()) {
        status.textContent = "Type a subject (or a speaker) to see who said what about it.";
        return;
      }
      var keep = filter(), bySpeaker = {}, order = [], total = 0;
      shards.rows.forEach(function (row) {
        if (!keep(row)) return;
        var name = row.speaker || "Unknown speaker";
        if (!bySpeaker[name]) { bySpeaker[name] = []; order.push(name); }
        bySpeaker[name].push(row);
        total++;
      });
      order.sort(function (a, b) { return bySpeaker[b].length - bySpeaker[a].length || a.localeCompare(b); });
      order.slice(0, MAX_SPEAKERS).forEach(function (name) { out.appendChild(speakerSection(name, bySpeaker[name])); });
      status.textContent = total + " statement" + (total === 1 ? "" : "s") + " by " + order.length +
        " speaker" + (order.length === 1 ? "" : "s") +
        (order.length > MAX_SPEAKERS ? " (showing the " + MAX_SPEAKERS + " who said most)" : "") +
        (shards.done() ? "" : " so far in " + shards.coverage());
      more.hidden = all.hidden = shards.done();
    }
    function update() {
      var mine = ++generation;
      if (!asked()) { render(); return Promise.resolve(); }
      var keep = filter();
      return shards.loadUntil(want, function (rows) { return rows.filter(keep).length; })
        .then(function () { if (mine === generation) render(); });
    }
    form.addEventListener("input", function () { want = ENOUGH; update(); });
    more.addEventListener("click", function () {
      var keep = filter();
      want = shards.rows.filter(keep).length + ENOUGH;
      update();
    });
    all.addEventListener("click", function () {
      status.textContent = "Loading all " + shards.months.length + " months\u2026";
      shards.loadAll().then(render);
    });
    return update();
  }).catch(function (e) { status.textContent = "Could not load the positions: " + e.message; });
})();
