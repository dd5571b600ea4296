/* The search page: words and filters over Pagefind's index (README, "Search").
   Each briefing page carries its facets as data-pagefind-filter elements (actor, speaker,
   place, country, year, month, source, tag) and its date as a sort key. The form's state
   lives in the address (?q=...&actor=...&sort=newest), so a filtered search can be bookmarked,
   shared and reloaded. Every select shows how many briefings each value would leave.
   All text is inserted as text nodes (only Pagefind's <mark> is kept). */
(function () {
  "use strict";
  var form = document.getElementById("bf-facets");
  if (!form) return;
  // search.js's loader: one Pagefind per page, its bundles merged once.
  var loadPagefind = window.bfPagefindLoader.load, bundleName = window.bfPagefindLoader.bundleName;

  var PAGE = 10;
  var MAX_OPTIONS = 300;
  var status = document.getElementById("bf-facets-status");
  var list = document.getElementById("bf-facets-results");
  var more = document.getElementById("bf-facets-more");
  var bundle = new URL(form.getAttribute("data-bundle"), location.href);
  // A large site's index is in several bundles by date, listed newest first by the header's
  // search box (partials/search.html): they are merged into the main one.
  var box = document.querySelector("[data-bf-search]");
  var merged = ((box && box.getAttribute("data-bf-search-merge")) || "").split(" ").filter(Boolean)
    .map(function (path) { return new URL(path, location.href); });
  var bundleNames = [bundle].concat(merged).map(bundleName);
  var selects = Array.prototype.filter.call(form.querySelectorAll("select"), function (s) {
    return s.name !== "sort";
  });
  var words = form.elements.q;
  var order = form.elements.sort;
  var totals = {};
  var current = { seq: 0, results: [], shown: 0 };
  var timer = null;

  function readAddress() {
    var params = new URLSearchParams(location.search);
    words.value = params.get("q") || "";
    order.value = params.get("sort") || "";
    selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.appendChild(option(value, value));
      }
      select.value = value;
    });
  }

  function writeAddress() {
    var params = new URLSearchParams();
    if (words.value.trim()) params.set("q", words.value.trim());
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    if (order.value) params.set("sort", order.value);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  // Values by count (most briefings first), except dates: newest first.
  function ordered(key, counts) {
    var values = Object.keys(counts);
    if (key === "year" || key === "month") return values.sort().reverse();
    return values.sort(function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); });
  }

  // Rebuild a select's options with the counts a value would leave (0: disabled).
  function fill(select, counts) {
    var chosen = select.value;
    var values = ordered(select.name, totals[select.name] || {}).slice(0, MAX_OPTIONS);
    if (chosen && values.indexOf(chosen) < 0) values.unshift(chosen);
    select.textContent = "";
    select.appendChild(option("", "any"));
    values.forEach(function (value) {
      var n = counts && value in counts ? counts[value] : (totals[select.name] || {})[value] || 0;
      var o = option(value, value + " (" + n + ")");
      o.disabled = n === 0 && value !== chosen;
      select.appendChild(o);
    });
    select.value = chosen;
  }


  /* Pagefind orders merged results by score, and a sorted search scores a page by its place
     in its own bundle's order: across bundles that mixes the dates. The bundles are
     consecutive date ranges, so a sorted search runs once per bundle (its "bundle" filter)
     and the parts follow one another, newest bundle first or last; the counts add up. */
  function searchAcross(pf, term, options) {
    if (!options.sort || bundleNames.length < 2) return pf.search(term, options);
    var names = options.sort.date === "asc" ? bundleNames.slice().reverse() : bundleNames;
    return Promise.all(names.map(function (name) {
      var filters = Object.assign({}, options.filters, { bundle: name });
      return pf.search(term, { filters: filters, sort: options.sort });
    })).then(function (parts) {
      var counts = {};
      parts.forEach(function (part) {
        Object.keys(part.filters || {}).forEach(function (key) {
          var into = counts[key] || (counts[key] = {});
          Object.keys(part.filters[key]).forEach(function (value) {
            into[value] = (into[value] || 0) + part.filters[key][value];
          });
        });
      });
      return {
        results: [].concat.apply([], parts.map(function (part) { return part.results; })),
        filters: counts,
      };
    });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
    return filters;
  }

  function excerpt(html) {
    var p = document.createElement("p");
    var tpl = document.createElement("template");
    tpl.innerHTML = html || "";
    tpl.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    if (data.meta && data.meta.date) {
      var date = document.createElement("span");
      date.className = "bf-date";
      date.textContent = " " + data.meta.date;
      li.appendChild(date);
    }
    li.appendChild(excerpt(data.excerpt));
    return li;
  }

  function showMore(seq) {
    var next = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += next.length;
    more.hidden = current.shown >= current.results.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      if (seq !== current.seq) return;
      items.forEach(function (data) { list.appendChild(item(data)); });
    });
  }

  function run(pf) {
    var seq = ++current.seq;
    var term = words.value.trim() || null;
    var filters = chosenFilters();
    var options = { filters: filters };
    if (order.value) options.sort = { date: order.value === "oldest" ? "asc" : "desc" };
    writeAddress();
    if (!term && !Object.keys(filters).length && !order.value) {
      selects.forEach(function (select) { fill(select, null); });
      list.textContent = "";
      more.hidden = true;
      status.textContent = "Type words or choose a filter.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    return searchAcross(pf, term, options).then(function (search) {
      if (seq !== current.seq) return;
      selects.forEach(function (select) { fill(select, search.filters && search.filters[select.name]); });
      current.results = search.results;
      current.shown = 0;
      list.textContent = "";
      var n = search.results.length;
      status.textContent = n === 0 ? "No briefing matches." : n + (n === 1 ? " briefing" : " briefings");
      return showMore(seq);
    });
  }

  readAddress();
  var ready = loadPagefind(bundle, merged, { baseUrl: new URL("../", bundle).pathname, excerptLength: 30 })
    .then(function (pf) {
      return pf.filters().then(function (filters) {
        totals = filters || {};
        return pf;
      });
    });
  ready.then(run, function () {
    status.textContent = location.protocol === "file:"
      ? "Search needs the site served over HTTP (make serve), not opened as a file."
      : "Search is unavailable: the search index (pagefind/) was not found.";
  });

  form.addEventListener("input", function (event) {
    clearTimeout(timer);
    var wait = event.target === words ? 200 : 0;
    timer = setTimeout(function () { ready.then(run); }, wait);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { ready.then(run); }, 0);
  });
  more.addEventListener("click", function () { showMore(current.seq); });
})();
