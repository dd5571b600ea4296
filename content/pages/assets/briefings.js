/* Client-side views of the briefings site: positions filter, sortable numbers, places maps.
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

  // Lower case without accents: "Erdogan" finds "Erdoğan".
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/\s+/).filter(Boolean);
  }

  // The form's fields in the address (?speaker=...&q=...), so a filtered view can be shared.
  function writeAddress(fields) {
    var params = new URLSearchParams(location.search);
    Object.keys(fields).forEach(function (key) {
      if (fields[key]) params.set(key, fields[key]); else params.delete(key);
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // A spreadsheet must not run a cell as a formula (OWASP: =, +, -, @, tab, carriage return).
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // A "download these rows" link: the rows a filter kept, as CSV made in the browser.
  function downloadRows(link, name, header, rows, values) {
    var lines = [header.map(csvCell).join(",")].concat(rows.map(function (row) {
      return values(row).map(csvCell).join(",");
    }));
    if (link.href) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
    link.download = name;
  }

  // The rows that pass `keep` go into `tbody` (at most `limit`, MAX_ROWS by default); returns
  // how many passed and showed, and the rows that passed.
  function fillTable(tbody, rows, keep, cells, limit) {
    var total = 0, shown = 0, kept = [];
    limit = limit || MAX_ROWS;
    tbody.textContent = "";
    rows.forEach(function (row) {
      if (!keep(row)) return;
      total++;
      kept.push(row);
      if (shown >= limit) return;
      shown++;
      var tr = document.createElement("tr");
      cells(tr, row);
      tbody.appendChild(tr);
    });
    return { total: total, shown: shown, kept: kept };
  }

  // The status line's tail: which months the rows come from while some are not loaded yet.
  function monthsNote(shards) {
    return shards.done() ? "" : " so far in " + shards.coverage();
  }

  // The "Load all months" button of a view: hidden once every month is in.
  function allMonthsButton(button, shards, render, status) {
    if (!button) return;
    button.hidden = shards.done();
    button.addEventListener("click", function () {
      status.textContent = "Loading all " + shards.months.length + " months\u2026";
      shards.loadAll().then(render);
    });
  }

  function positionsView() {
    var form = document.getElementById("bf-positions-filter");
    if (!form) return;
    var root = form.dataset.root, tbody = document.querySelector("#bf-positions-table tbody");
    var status = document.getElementById("bf-positions-status");
    var params = new URLSearchParams(location.search);
    form.speaker.value = params.get("speaker") || "";
    form.words.value = params.get("q") || "";
    var more = document.getElementById("bf-positions-more");
    var all = document.getElementById("bf-positions-all");
    var download = document.getElementById("bf-positions-download");
    var limit = MAX_ROWS, generation = 0;
    window.bfShards.open(form.dataset.source, function (row) {
      row._who = fold(row.speaker);
      row._what = fold(row.text + " " + row.cue);
    }).then(function (shards) {
      function filter() {
        var speaker = words(form.speaker.value), terms = words(form.words.value);
        return function (row) {
          return speaker.every(function (w) { return row._who.indexOf(w) !== -1; }) &&
            terms.every(function (w) { return row._what.indexOf(w) !== -1; });
        };
      }
      function render() {
        writeAddress({ speaker: form.speaker.value.trim(), q: form.words.value.trim() });
        var count = fillTable(tbody, shards.rows, filter(), function (tr, row) {
          cell(tr, row.speaker, row.actor ? root + row.actor : null);
          quotedCell(tr, row.text, row.quoted);
          cell(tr, row.cue);
          cell(tr, row.date);
          cell(tr, row.briefing, root + row.url + (row.anchor ? "#" + row.anchor : ""));
        }, limit);
        status.textContent = count.total + " statement" + (count.total === 1 ? "" : "s") + monthsNote(shards) +
          (count.total > count.shown ? " (showing the newest " + count.shown + ")" : "");
        more.hidden = count.total <= count.shown && shards.done();
        if (all) all.hidden = shards.done();
        download.textContent = "Download these statements (CSV" + (shards.done() ? "" : ", loaded months") + ")";
        downloadRows(download, "positions-filtered.csv",
          ["speaker", "kind", "cue", "text", "date", "briefing", "evidence"], count.kept, function (row) {
            return [row.speaker, row.kind, row.cue, row.text, row.date, row.briefing,
              new URL(root + row.url + (row.anchor ? "#" + row.anchor : ""), location.href).href];
          });
      }
      // Months newest first until the filter has one row more than the table shows (so the
      // reader knows there is more), then the table.
      function update() {
        var mine = ++generation, keep = filter();
        return shards.loadUntil(limit + 1, function (rows) { return rows.filter(keep).length; })
          .then(function () { if (mine === generation) render(); });
      }
      form.addEventListener("input", function () { limit = MAX_ROWS; update(); });
      more.addEventListener("click", function () { limit += MAX_ROWS; update(); });
      allMonthsButton(all, shards, render, status);
      return update();
    }).catch(function (e) { status.textContent = "Could not load the positions: " + e.message; });
  }

  var NO_UNIT = "-";  // the unit filter's value for numbers without a unit (counts, ordinals)

  // The choices of a filter <select>: "any" (already in the page), then each value (the
  // manifest counts every month's rows), most frequent first, with how many rows have it.
  function fillChoices(select, counts, noneLabel) {
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
    var more = document.getElementById("bf-numbers-more");
    var all = document.getElementById("bf-numbers-all");
    var download = document.getElementById("bf-numbers-download");
    var limit = MAX_ROWS, generation = 0;
    var params = new URLSearchParams(location.search);
    form.words.value = params.get("q") || "";
    window.bfShards.open(form.dataset.source, function (row) {
      row._hay = fold(row.text + " " + row.subject + " " + row.briefing + " " + row.kind + " " + (row.unit || ""));
    }).then(function (shards) {
      // The unit and kind choices count every month (the manifest has them), not the loaded ones.
      var choices = shards.manifest.choices || {};
      fillChoices(form.unit, choices.unit || {}, "no unit");
      fillChoices(form.kind, choices.kind || {}, "no kind");
      form.unit.value = params.get("unit") || "";
      form.kind.value = params.get("kind") || "";
      if (form.unit.selectedIndex < 0) form.unit.value = "";
      if (form.kind.selectedIndex < 0) form.kind.value = "";
      function evidence(row) { return root + row.url + (row.anchor ? "#" + row.anchor : ""); }
      function filter() {
        var terms = words(form.words.value), unit = form.unit.value, kind = form.kind.value;
        return function (row) {
          if (unit && (row.unit || NO_UNIT) !== unit) return false;
          if (kind && row.kind !== kind) return false;
          return terms.every(function (w) { return row._hay.indexOf(w) !== -1; });
        };
      }
      function render() {
        writeAddress({ q: form.words.value.trim(), unit: form.unit.value, kind: form.kind.value });
        var sorted = shards.rows.slice().sort(compareRows(sortKey, sortType, descending));
        var count = fillTable(tbody, sorted, filter(), function (tr, row) {
          cell(tr, shownValue(row));
          cell(tr, row.text);
          cell(tr, row.subject);
          cell(tr, row.kind);
          cell(tr, row.date);
          cell(tr, row.briefing, evidence(row));
        }, limit);
        status.textContent = count.total + " number" + (count.total === 1 ? "" : "s") + monthsNote(shards) +
          (count.total > count.shown ? " (showing " + count.shown + ")" : "");
        more.hidden = count.total <= count.shown && shards.done();
        if (all) all.hidden = shards.done();
        download.textContent = "Download these numbers (CSV" + (shards.done() ? "" : ", loaded months") + ")";
        downloadRows(download, "numbers-filtered.csv",
          ["value", "high", "unit", "shown", "text", "counts", "kind", "date", "briefing", "evidence"],
          count.kept, function (row) {
            return [row.value, row.high, row.unit, row.shown, row.text, row.subject, row.kind, row.date,
              row.briefing, new URL(evidence(row), location.href).href];
          });
      }
      // Newest first by date needs only the newest months; any other order needs them all.
      function update() {
        var mine = ++generation, keep = filter();
        var loading;
        if (sortKey === "date" && descending) {
          loading = shards.loadUntil(limit + 1, function (rows) { return rows.filter(keep).length; });
        } else {
          if (!shards.done()) status.textContent = "Loading all " + shards.months.length + " months to sort them\u2026";
          loading = shards.loadAll();
        }
        return loading.then(function () { if (mine === generation) render(); });
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
          update();
        });
      });
      form.addEventListener("input", function () { limit = MAX_ROWS; update(); });
      form.addEventListener("change", function () { limit = MAX_ROWS; update(); });
      more.addEventListener("click", function () { limit += MAX_ROWS; update(); });
      allMonthsButton(all, shards, render, status);
      return update();
    }).catch(function (e) { status.textContent = "Could not load the numbers: " + e.message; });
  }

  // The Downloads page: each month's file sizes, from data/index.json.
  function downloadsView() {
    var table = document.getElementById("bf-downloads");
    if (!table) return;
    load(table.dataset.manifest).then(function (manifest) {
      (manifest.months || []).forEach(function (entry) {
        var row = table.querySelector("tr[data-month='" + entry.month + "']");
        if (!row) return;
        row.querySelectorAll("[data-file]").forEach(function (span) {
          var size = (entry.files || {})[span.dataset.file];
          if (size !== undefined) span.textContent = "(" + kib(size) + ")";
        });
      });
    }).catch(function () { /* the links work without their sizes */ });
  }

  function kib(bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + " KB" :
      (bytes / 1024 / 1024).toFixed(1) + " MB";
  }

  // Leaflet (and, for the places map, Leaflet.markercluster), loaded once per page from the
  // vendored copies whose addresses the page gives in data-* attributes.
  var leafletLoaded = null;
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }
  function loadCss(href) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = href;
    document.head.appendChild(css);
  }
  function loadLeaflet(box) {
    if (!leafletLoaded) {
      loadCss(box.dataset.leafletCss);
      leafletLoaded = loadScript(box.dataset.leaflet);
    }
    var cluster = box.dataset.cluster;
    if (!cluster) return leafletLoaded;
    (box.dataset.clusterCss || "").split(" ").filter(Boolean).forEach(loadCss);
    return leafletLoaded.then(function () { return loadScript(cluster); });
  }

  // Tiles come from the web when the reader is online; markers work without them, and the
  // reader is told why the map is blank.
  function addTiles(map, box) {
    // Under the tiles, the land of the world (Natural Earth, vendored): what the reader sees
    // of the map when the tiles do not come.
    if (box.dataset.land) {
      map.createPane("bf-land").style.zIndex = 150;
      load(box.dataset.land).then(function (land) {
        L.geoJSON(land, {
          pane: "bf-land", interactive: false,
          style: { stroke: false, fillColor: "#efe9da", fillOpacity: 1 }  // no edges: none at the date line
        }).addTo(map);
      }).catch(function () { /* the markers alone, as before */ });
    }
    var layer = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: "&copy; OpenStreetMap contributors"
    }).addTo(map);
    layer.once("tileerror", function () {
      var note = document.createElement("p");
      note.className = "bf-map-note";
      note.setAttribute("role", "status");
      note.textContent = "The map's background (OpenStreetMap tiles) could not be loaded: " +
        "the markers are shown on an outline of the land.";
      box.parentNode.insertBefore(note, box.nextSibling);
      box.classList.add("bf-map--no-tiles");
    });
  }

  // A marker is a focusable button (Leaflet's keyboard option): Tab reaches it, Enter opens
  // its popup, whose link then takes the focus.
  function placeMarker(lat, lon, name, size) {
    var marker = L.marker([lat, lon], {
      keyboard: true,
      title: name,
      alt: name,
      icon: L.divIcon({ className: "bf-marker", iconSize: [size, size], html: "" })
    });
    marker.on("add", function () {
      var icon = marker.getElement();
      if (icon) icon.setAttribute("aria-label", name);
    });
    return marker;
  }

  function focusPopupLink(map) {
    map.on("popupopen", function (e) {
      var link = e.popup.getElement() && e.popup.getElement().querySelector("a");
      if (link) link.focus({ preventScroll: true });
    });
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 30 : count < 100 ? 36 : 44;
    return L.divIcon({
      className: "bf-cluster bf-cluster-" + (count < 10 ? "s" : count < 100 ? "m" : "l"),
      iconSize: [size, size],
      // Numbers only: no article text goes into this HTML.
      html: "<span aria-hidden=\"true\">" + count + "</span><span class=\"bf-sr\">" + count +
        " places here, press Enter to zoom in</span>"
    });
  }

  function mapView() {
    var box = document.getElementById("bf-map");
    if (!box) return;
    loadLeaflet(box).then(function () {
      var root = box.dataset.places.replace(/data\/places\.json$/, "");
      var map = L.map(box, { worldCopyJump: true }).setView([20, 0], 2);
      addTiles(map, box);
      focusPopupLink(map);
      var group = L.markerClusterGroup({
        maxClusterRadius: 45, showCoverageOnHover: false, iconCreateFunction: clusterIcon
      });
      var zoomedByKey = false;
      group.on("clusterkeypress", function (e) {
        if (e.originalEvent && e.originalEvent.keyCode === 13) zoomedByKey = true;
      });
      // After Enter on a cluster the map zooms and the cluster is gone: the focus goes to
      // the first marker or cluster now shown, not back to the top of the page.
      group.on("animationend", function () {
        if (!zoomedByKey) return;
        zoomedByKey = false;
        var first = box.querySelector(".leaflet-marker-pane [tabindex='0']");
        if (first) first.focus();
      });
      load(box.dataset.places).then(function (places) {
        var bounds = [];
        places.forEach(function (p) {
          var size = Math.round(Math.min(12 + 3 * Math.sqrt(p.briefings), 28));
          var marker = placeMarker(p.lat, p.lon, p.name + ", " + p.briefings + " briefing" +
            (p.briefings === 1 ? "" : "s"), size);
          var link = document.createElement("a");
          link.href = root + p.url;
          link.textContent = p.name + " (" + p.briefings + ")";
          marker.bindPopup(link);
          group.addLayer(marker);
          bounds.push([p.lat, p.lon]);
        });
        map.addLayer(group);
        if (bounds.length) map.fitBounds(bounds, { maxZoom: 6, padding: [20, 20], animate: false });
        box.dataset.markers = String(places.length);
      });
    });
  }

  // A place page's own small map: the place's marker at a zoom that fits its kind.
  var ZOOM = { country: 4, region: 6, county: 8, city: 10 };
  function placeMapView() {
    document.querySelectorAll(".bf-place-map").forEach(function (box) {
      loadLeaflet(box).then(function () {
        var lat = Number(box.dataset.lat), lon = Number(box.dataset.lon);
        var map = L.map(box, { scrollWheelZoom: false }).setView([lat, lon], ZOOM[box.dataset.kind] || 11);
        addTiles(map, box);
        placeMarker(lat, lon, box.dataset.name, 20).addTo(map);
        box.dataset.ready = "true";
      });
    });
  }

  // Wide tables scroll sideways on a phone: the ones that overflow get a cue and are
  // reachable by keyboard (a scrolling region must be focusable).
  function scrollCues() {
    document.querySelectorAll(".bf-table").forEach(function (table) {
      var wide = table.scrollWidth > table.clientWidth + 1;
      table.classList.toggle("bf-scrolls", wide);
      if (wide) {
        table.tabIndex = 0;
        if (!table.getAttribute("aria-label")) {
          var heading = table.previousElementSibling;
          table.setAttribute("aria-label", (heading && /^H[1-6]$/.test(heading.tagName) ?
            heading.textContent.replace(/\u00b6$/, "").trim() + ": " : "") + "table, scrolls sideways");
        }
      } else if (table.tabIndex === 0) {
        table.removeAttribute("tabindex");
      }
    });
  }

  // Material's "Skip to content" goes to the first heading of the table of contents; on a
  // generated page the title and summary come before it (the plugin fixes the link in the
  // HTML, this keeps it right where another builder made the pages).
  function skipToTitle() {
    var skip = document.querySelector("a.md-skip"), title = document.getElementById("title");
    if (skip && title) skip.setAttribute("href", "#title");
  }

  function watchTables() {
    scrollCues();
    window.addEventListener("resize", scrollCues);
    if (!window.MutationObserver) return;
    // The positions and numbers tables fill after their data loads: check them again then.
    var observer = new MutationObserver(function () { requestAnimationFrame(scrollCues); });
    document.querySelectorAll(".bf-table tbody").forEach(function (tbody) {
      observer.observe(tbody, { childList: true });
    });
  }

  function start() {
    skipToTitle(); positionsView(); numbersView(); downloadsView(); mapView(); placeMapView(); watchTables();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
