/* The rows of the positions, numbers and "who said what" views come one month per file
   (data/views/<view>/<month>.json.gz, listed newest first in data/views/<view>/index.json):
   a view loads the newest months first and older ones only as the reader asks for more.
   Shared by briefings.js and said.js as window.bfShards. */
(function () {
  "use strict";
  var NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function monthName(month) {
    var m = /^(\d{4})-(\d{2})$/.exec(month);
    return m ? NAMES[Number(m[2]) - 1] + " " + m[1] : month;
  }

  // A month's rows: gzip bytes (1f 8b) are decompressed here; a server that sent the file with
  // Content-Encoding: gzip has already decoded it, and then it is plain JSON.
  function fetchRows(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      if (bytes.length > 1 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).text();
      }
      return new TextDecoder("utf-8").decode(bytes);
    }).then(JSON.parse);
  }

  // The loader of one view: `rows` grows, newest month first; `prepare(row)` runs once on each
  // row as its month arrives (folded text for the filters).
  function Shards(manifestUrl, manifest, prepare) {
    this.base = manifestUrl.replace(/[^\/]*$/, "");
    this.manifest = manifest;
    this.months = manifest.months || [];
    this.loaded = 0;
    this.rows = [];
    this.prepare = prepare || function () {};
    this.queue = Promise.resolve();
  }

  Shards.prototype.done = function () { return this.loaded >= this.months.length; };

  Shards.prototype.total = function () {
    return this.months.reduce(function (sum, m) { return sum + m.rows; }, 0);
  };

  // The next month's rows (one at a time, in order); resolves to the rows added.
  Shards.prototype.loadNext = function () {
    var self = this;
    self.queue = self.queue.then(function () {
      if (self.done()) return [];
      var month = self.months[self.loaded];
      return fetchRows(self.base + month.file).then(function (rows) {
        rows.forEach(self.prepare);
        Array.prototype.push.apply(self.rows, rows);
        self.loaded++;
        return rows;
      });
    });
    return self.queue;
  };

  // Months until `count(rows added)` has reached `want` or every month is in; `count` is
  // given the new rows of each month and returns how many of them match.
  Shards.prototype.loadUntil = function (want, count) {
    var self = this, found = count(self.rows);
    function step() {
      if (found >= want || self.done()) return Promise.resolve(found);
      return self.loadNext().then(function (rows) { found += count(rows); return step(); });
    }
    return step();
  };

  Shards.prototype.loadAll = function () {
    return this.loadUntil(Infinity, function () { return 0; });
  };

  // "Jan 2020 – Dec 2020": the months loaded so far.
  Shards.prototype.span = function () {
    if (!this.loaded) return "no month yet";
    var dated = this.months.slice(0, this.loaded).filter(function (m) { return m.month !== "undated"; });
    if (!dated.length) return "the undated briefings";
    var newest = monthName(dated[0].month), oldest = monthName(dated[dated.length - 1].month);
    return (oldest === newest ? newest : oldest + " \u2013 " + newest) +
      (dated.length < this.loaded ? " and the undated briefings" : "");
  };

  // Where the rows come from, for a status line.
  Shards.prototype.coverage = function () {
    if (this.done()) return "all months" + (this.months.length ? " (" + this.span() + ")" : "");
    return this.span() + "; older months load as you ask for more";
  };

  function open(manifestUrl, prepare) {
    return fetch(manifestUrl).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + manifestUrl);
      return r.json();
    }).then(function (manifest) { return new Shards(manifestUrl, manifest, prepare); });
  }

  window.bfShards = { open: open, monthName: monthName, fetchRows: fetchRows };
})();
