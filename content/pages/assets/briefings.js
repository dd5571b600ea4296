/* Client-side views of the briefings site: positions filter, sortable numbers, places map.
   Data comes from the JSON files the generator writes; all text is inserted as text nodes. */
(function () {
  "use strict";
  var MAX_ROWS = 300;

  function cell(tr, text, href) {
    var td = document.createElement("td");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    tr.appendChild(td);
  }

  // The statement with quotation marks around the article's quoted words only (row.quoted,
  // found in order in row.text): a paraphrase is never shown as someone's words.
  function quotedCell(tr, text, quoted) {
    var td = document.createElement("td"), cursor = 0;
    (quoted || []).forEach(function (fragment) {
      var at = fragment ? text.indexOf(fragment, cursor) : -1;
      if (at < 0) return;
      if (at > cursor) td.appendChild(document.createTextNode(text.slice(cursor, at)));
      var span = document.createElement("span");
      span.className = "bf-quoted";
      span.textContent = "\u201c" + fragment + "\u201d";
      td.appendChild(span);
      cursor = at + fragment.length;
    });
    if (cursor < text.length) td.appendChild(document.createTextNode(text.slice(cursor)));
    tr.appendChild(td);
  }

  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }

  function words(text) {
    return (text || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  // The rows that pass `keep` go into `tbody` (at most MAX_ROWS); returns how many passed and showed.
  function fillTable(tbody, rows, keep, cells) {
    var total = 0, shown = 0;
    tbody.textContent = "";
    rows.forEach(function (row) {
      if (!keep(row)) return;
      total++;
      if (shown >= MAX_ROWS) return;
      shown++;
      var tr = document.createElement("tr");
      cells(tr, row);
      tbody.appendChild(tr);
    });
    return { total: total, shown: shown };
  }

  function positionsView() {
    var form = document.getElementById("bf-positions-filter");
    if (!form) return;
    var root = form.dataset.root, tbody = document.querySelector("#bf-positions-table tbody");
    var status = document.getElementById("bf-positions-status");
    var params = new URLSearchParams(location.search);
    form.speaker.value = params.get("speaker") || "";
    form.words.value = params.get("q") || "";
    load(form.dataset.source).then(function (rows) {
      rows.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
      function render() {
        var speaker = words(form.speaker.value), terms = words(form.words.value);
        var count = fillTable(tbody, rows, function (row) {
          var who = row.speaker.toLowerCase(), what = (row.text + " " + row.cue).toLowerCase();
          return speaker.every(function (w) { return who.indexOf(w) !== -1; }) &&
            terms.every(function (w) { return what.indexOf(w) !== -1; });
        }, function (tr, row) {
          cell(tr, row.speaker, row.actor ? root + row.actor : null);
          quotedCell(tr, row.text, row.quoted);
          cell(tr, row.cue);
          cell(tr, row.date);
          cell(tr, row.briefing, root + row.url + (row.anchor ? "#" + row.anchor : ""));
        });
        status.textContent = count.total + " statement" + (count.total === 1 ? "" : "s") +
          (count.total > count.shown ? " (showing the newest " + count.shown + ")" : "");
      }
      form.addEventListener("input", render);
      render();
    }).catch(function (e) { status.textContent = "Could not load the positions: " + e.message; });
  }

  var NO_UNIT = "-";  // the unit filter's value for numbers without a unit (counts, ordinals)

  // The choices of a filter <select>: "any" (already in the page), then each value of
  // `key` in the rows, most frequent first, with how many rows have it.
  function fillChoices(select, rows, key, noneLabel) {
    var counts = {};
    rows.forEach(function (row) {
      var v = row[key] || NO_UNIT;
      counts[v] = (counts[v] || 0) + 1;
    });
    Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
    }).forEach(function (v) {
      var option = document.createElement("option");
      option.value = v;
      option.textContent = (v === NO_UNIT ? noneLabel : v) + " (" + counts[v] + ")";
      select.appendChild(option);
    });
  }

  // Sorting by value orders numbers within their unit: the rows of one unit stay together
  // (no unit first, then units alphabetically) and sort by value inside it, so $12.40 never
  // falls between 120 mph and 3.5%.
  function compareRows(key, type, descending) {
    return function (a, b) {
      var c;
      if (type === "number") {
        var ua = a.unit || "", ub = b.unit || "";
        if (ua !== ub) return ua < ub ? -1 : 1;
        c = Number(a[key]) - Number(b[key]);
      } else {
        var x = String(a[key] || "").toLowerCase(), y = String(b[key] || "").toLowerCase();
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      return descending ? -c : c;
    };
  }

  function shownValue(row) {
    if (row.shown) return row.shown;
    var value = Number(row.value).toLocaleString("en");
    if (row.high !== null && row.high !== undefined) value += "\u2013" + Number(row.high).toLocaleString("en");
    return row.unit ? value + " " + row.unit : value;
  }

  function numbersView() {
    var form = document.getElementById("bf-numbers-filter");
    if (!form) return;
    var root = form.dataset.root, table = document.getElementById("bf-numbers-table");
    var tbody = table.querySelector("tbody"), status = document.getElementById("bf-numbers-status");
    var sortKey = "date", sortType = "text", descending = true;
    var params = new URLSearchParams(location.search);
    form.words.value = params.get("q") || "";
    load(form.dataset.source).then(function (rows) {
      fillChoices(form.unit, rows, "unit", "no unit");
      fillChoices(form.kind, rows, "kind", "no kind");
      form.unit.value = params.get("unit") || "";
      form.kind.value = params.get("kind") || "";
      if (form.unit.selectedIndex < 0) form.unit.value = "";
      if (form.kind.selectedIndex < 0) form.kind.value = "";
      function render() {
        var terms = words(form.words.value), unit = form.unit.value, kind = form.kind.value;
        var sorted = rows.slice().sort(compareRows(sortKey, sortType, descending));
        var count = fillTable(tbody, sorted, function (row) {
          if (unit && (row.unit || NO_UNIT) !== unit) return false;
          if (kind && row.kind !== kind) return false;
          var hay = (row.text + " " + row.subject + " " + row.briefing + " " + row.kind + " " + (row.unit || "")).toLowerCase();
          return terms.every(function (w) { return hay.indexOf(w) !== -1; });
        }, function (tr, row) {
          cell(tr, shownValue(row));
          cell(tr, row.text);
          cell(tr, row.subject);
          cell(tr, row.kind);
          cell(tr, row.date);
          cell(tr, row.briefing, root + row.url);
        });
        status.textContent = count.total + " number" + (count.total === 1 ? "" : "s") +
          (count.total > count.shown ? " (showing " + count.shown + ")" : "");
      }
      table.querySelectorAll("th[data-key]").forEach(function (th) {
        th.style.cursor = "pointer";
        // Sortable by keyboard too: Tab to a header, Enter or Space sorts by it.
        th.tabIndex = 0;
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); th.click(); }
        });
        th.addEventListener("click", function () {
          if (sortKey === th.dataset.key) descending = !descending;
          else { sortKey = th.dataset.key; sortType = th.dataset.type || "text"; descending = sortType === "number"; }
          table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", descending ? "descending" : "ascending");
          render();
        });
      });
      form.addEventListener("input", render);
      form.addEventListener("change", render);
      render();
    }).catch(function (e) { status.textContent = "Could not load the numbers: " + e.message; });
  }

  function mapView() {
    var box = document.getElementById("bf-map");
    if (!box) return;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = box.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = box.dataset.leaflet;
    script.onload = function () {
      var root = box.dataset.places.replace(/data\/places\.json$/, "");
      var map = L.map(box, { worldCopyJump: true }).setView([20, 0], 2);
      // Tiles come from the web when the reader is online; markers work without them.
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 18,
        attribution: "&copy; OpenStreetMap contributors"
      }).addTo(map);
      load(box.dataset.places).then(function (places) {
        var bounds = [];
        places.forEach(function (p) {
          var marker = L.circleMarker([p.lat, p.lon], {
            radius: Math.min(4 + 2 * Math.sqrt(p.briefings), 16), weight: 1, fillOpacity: 0.6,
            className: "bf-marker"
          }).addTo(map);
          var link = document.createElement("a");
          link.href = root + p.url;
          link.textContent = p.name + " (" + p.briefings + ")";
          marker.bindPopup(link);
          marker.bindTooltip(document.createTextNode(p.name));  // a string would be read as HTML
          bounds.push([p.lat, p.lon]);
        });
        if (bounds.length) map.fitBounds(bounds, { maxZoom: 6, padding: [20, 20], animate: false });
        box.dataset.markers = String(places.length);
      });
    };
    document.head.appendChild(script);
  }

  function start() { positionsView(); numbersView(); mapView(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
