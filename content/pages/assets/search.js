/* The header search box, answered by Pagefind (mkdocs.yml: briefings `search: pagefind`).
   Material's markup and classes are kept (generator/search/theme/partials/search.html), its
   own search is off; this script loads Pagefind on the reader's first focus, fetches only
   the index chunks a query needs, and renders results the way Material does. Keyboard as in
   Material: "/", "s" or "f" opens, arrows move through results, Enter opens, Escape closes.
   All result text is inserted as text nodes (only Pagefind's <mark> is kept). */
(function () {
  "use strict";
  // For facets.js, loaded after this file: the one loader of the page's Pagefind.
  window.bfPagefindLoader = { load: loadPagefind, bundleName: bundleName };
  var root = document.querySelector("[data-bf-search]");
  if (!root) return; // Material's own search answers the box (`search: material`)

  var PAGE = 10;
  var SECTIONS = 3;
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector("form");
  var toggle = document.getElementById("__search");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var facetsLink = root.querySelector("[data-bf-search-page]");
  var facetsHref = facetsLink ? facetsLink.getAttribute("href") : "";
  var config = JSON.parse(document.getElementById("__config").textContent);
  var bundle = new URL(root.getAttribute("data-bf-search"), location.href);
  // A large site's index is in several bundles by date: the older ones are merged in.
  var merged = (root.getAttribute("data-bf-search-merge") || "").split(" ").filter(Boolean)
    .map(function (path) { return new URL(path, location.href); });
  var pagefind = null;
  var current = { query: "", results: [], shown: 0, seq: 0, done: Promise.resolve() };

  function t(key, count) {
    var text = (config.translations || {})[key] || "";
    return text.replace("#", count);
  }

  // A bundle's name: its folder ("pagefind", "pagefind-2019-01_2019-06").
  function bundleName(url) {
    var name = url.pathname.replace(/\/pagefind\.js$/, "").replace(/\/$/, "");
    return name.slice(name.lastIndexOf("/") + 1);
  }

  /* One Pagefind per page, shared with facets.js (both import the same module): the bundles
     are merged once. Each bundle carries its name as the filter "bundle", which facets.js
     uses to sort by date across bundles. */
  function loadPagefind(main, others, options) {
    var shared = window.bfPagefind || (window.bfPagefind = {});
    if (!shared[main.href]) {
      var named = function (url) {
        return Object.assign({ mergeFilter: { bundle: bundleName(url) } }, options);
      };
      shared[main.href] = import(main.href).then(function (pf) {
        return pf.options(named(main)).then(function () {
          pf.init();
          return Promise.all(others.map(function (url) { return pf.mergeIndex(url.pathname, named(url)); }));
        }).then(function () { return pf; });
      });
    }
    return shared[main.href];
  }

  function load() {
    if (!pagefind) {
      pagefind = loadPagefind(bundle, merged, { baseUrl: new URL("../", bundle).pathname, excerptLength: 24 });
      pagefind.catch(function () {
        meta.textContent = location.protocol === "file:"
          ? "Search needs the site served over HTTP (make serve), not opened as a file."
          : "Search is unavailable: the search index (pagefind/) was not found.";
      });
    }
    return pagefind;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  /* Pagefind's excerpt is HTML with <mark>; keep the marks, everything else as text. */
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

  function link(url, heading, level, html, document_) {
    var a = document.createElement("a");
    a.href = url;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (document_) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);
    }
    var h = document.createElement(level);
    h.textContent = heading;
    article.appendChild(h);
    article.appendChild(excerpt(html));
    a.appendChild(article);
    return a;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var title = (data.meta && data.meta.title) || data.url;
    li.appendChild(link(data.url, title, "h1", data.excerpt, true));
    (data.sub_results || [])
      .filter(function (sub) { return sub.url.indexOf("#") > 0 && sub.title !== title; })
      .slice(0, SECTIONS)
      .forEach(function (sub) { li.appendChild(link(sub.url, sub.title, "h2", sub.excerpt, false)); });
    return li;
  }

  function more(seq) {
    var batch = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (seq !== current.seq) return;
      items.forEach(function (data) { list.appendChild(item(data)); });
    });
  }

  function search(query) {
    var seq = ++current.seq;
    current.query = query;
    if (facetsLink) { // the search page, with filters, starts from what was typed here
      facetsLink.href = facetsHref + (query.trim() ? "?q=" + encodeURIComponent(query.trim()) : "");
    }
    if (!query.trim()) {
      list.textContent = "";
      meta.textContent = t("search.result.placeholder");
      return;
    }
    current.done = load().then(function (pf) {
      return pf.debouncedSearch(query, {}, 120);
    }).then(function (found) {
      if (!found || seq !== current.seq) return; // a newer query superseded this one
      current.results = found.results;
      current.shown = 0;
      var n = found.results.length;
      meta.textContent = n === 0 ? t("search.result.none")
        : n === 1 ? t("search.result.one") : t("search.result.other", n);
      list.textContent = "";
      return more(seq);
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a[href]"));
  }

  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); });
  });
  // The header's magnifier (phones) and the back arrow toggle the box through the checkbox.
  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 50); } else input.blur();
  });
  list.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("a")) toggle.checked = false;
  });
  scrollwrap.addEventListener("scroll", function () {
    var near = scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 60;
    if (near && current.shown < current.results.length) more(current.seq);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
    var active = document.activeElement;
    if (!toggle.checked) {
      if ((ev.key === "/" || ev.key === "s" || ev.key === "f") && !editable(active)) {
        ev.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    switch (ev.key) {
      case "Enter":
        if (active === input) {
          ev.preventDefault();
          var seq = current.seq;
          current.done.then(function () { // the results of what was typed, not older ones
            var first = links()[0];
            if (first && seq === current.seq) first.click();
          });
        }
        break;
      case "Escape":
      case "Tab":
        close();
        break;
      case "ArrowUp":
      case "ArrowDown":
        var all = [input].concat(links());
        var at = Math.max(0, all.indexOf(active));
        all[(at + all.length + (ev.key === "ArrowUp" ? -1 : 1)) % all.length].focus();
        ev.preventDefault();
        break;
      default:
        if (active !== input && ev.key.length === 1) input.focus();
    }
  });
})();
