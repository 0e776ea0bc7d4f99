// The site's search, loaded by showcase.js the first time a visitor opens
// the search dialog (no page pays for search before that).
//
// Pagefind (pagefind/pagefind.js, built by the showcase plugin) finds the
// candidates from its chunked index: a query downloads only the chunks of its
// words and the fragments of the results it shows. The candidates are then
// ranked with the rules of Vietnamese, which Pagefind does not know:
//   - names first: a query that matches a profile's name (any case, with or
//     without diacritics, each syllable possibly partial) puts it first;
//   - syllable pairs count as phrases ("chuyen doi so" prefers "chuyển đổi
//     số" to "đời sống" ... "sở"): the index holds every pair of adjacent
//     syllables as one word (publish/search_index.py), asked for as well;
//   - a syllable typed with diacritics matches exactly first ("đường" before
//     "dương"); one typed without them matches every form equally;
//   - hand-written guide pages never outrank a profile on a name.
(function () {
  "use strict";
  var SENTINEL = "zzsczz"; // publish/search_index.py: search-only words follow
  var KIND = { profile: "", listing: "Trang chuyên mục", guide: "Trang hướng dẫn" };
  var FILTERS = ["linh_vuc", "nganh", "don_vi", "loai", "nam"];
  var MAX_SHOWN = 20;

  var opener = document.querySelector(".sc-search-open");
  var dialog = document.getElementById("sc-search");
  if (!opener || !dialog) { return; }
  var input = dialog.querySelector(".sc-search__input");
  var form = dialog.querySelector(".sc-search__form");
  var status = dialog.querySelector(".sc-search__status");
  var list = dialog.querySelector(".sc-search__results");
  var bundle = new URL(opener.getAttribute("data-sc-search"), document.baseURI);
  var siteRoot = new URL("../", bundle);
  var pagefind = null;
  var ready = null;
  var fragments = new Map(); // Pagefind id -> data, fetched once
  var seq = 0;
  var timer = 0;

  // ---- words -------------------------------------------------------------
  function lower(s) { return s.normalize("NFC").toLowerCase(); }
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d");
  }
  function syllables(s) { return lower(s).match(/[\p{L}\p{N}]+/gu) || []; }
  function analyse(text) {
    var w = syllables(text);
    return { w: w, f: w.map(fold) };
  }

  // A query syllable against a text syllable: 3 exact, 2 same letters, 1 the
  // start of it (the syllable being typed, or a partial name), 0 no match.
  // A syllable typed with diacritics that meets other diacritics ("hòa" and
  // "hóa") matches only weakly (0.5): never part of a name match, and below
  // any exact match.
  function syllableMatch(q, i, text, j, partial) {
    var qw = q.w[i], qf = q.f[i], tw = text.w[j], tf = text.f[j];
    var marked = qw !== qf;
    if (tf === qf) { return marked && tw !== qw ? 0.5 : (marked ? 3 : 2); }
    if (partial && tf.indexOf(qf) === 0) { return marked && tw.indexOf(qw) !== 0 ? 0.5 : 1; }
    return 0;
  }

  // How well the query names this title: every syllable matched in order,
  // contiguous best; partial syllables allowed (names typed in part).
  function titleScore(q, t) {
    var n = q.w.length, best = 0;
    if (!n || !t.w.length) { return 0; }
    for (var s = 0; s + n <= t.w.length; s++) {
      var sum = 0, exactish = 0, ok = true;
      for (var i = 0; i < n; i++) {
        var m = syllableMatch(q, i, t, s + i, true);
        if (m < 1) { ok = false; break; }
        sum += m; exactish += m >= 2 ? 1 : 0;
      }
      if (ok) { best = Math.max(best, 100 + 10 * sum + 5 * exactish + (n === t.w.length ? 60 : 0)); }
    }
    if (best) { return best; }
    // in order but not contiguous ("lam son" for "Lâm Hồng Sơn")
    var j = 0, got = 0, total = 0;
    for (var k = 0; k < n && j < t.w.length; j++) {
      var mm = syllableMatch(q, k, t, j, true);
      if (mm >= 1) { got++; total += mm; k++; }
    }
    if (got === n && n > 1) { return 60 + 5 * total; }
    // some syllables of the title
    var some = 0;
    for (var a = 0; a < n; a++) {
      var b = 0;
      for (var c = 0; c < t.w.length; c++) { b = Math.max(b, syllableMatch(q, a, t, c, false)); }
      some += b;
    }
    return 3 * some;
  }

  // The text: each syllable's best match, adjacent pairs as phrases.
  function textScore(q, t) {
    var n = q.w.length, score = 0, found = 0;
    var last = n - 1;
    for (var i = 0; i < n; i++) {
      var best = 0, count = 0;
      for (var j = 0; j < t.w.length; j++) {
        var m = syllableMatch(q, i, t, j, i === last);
        if (m > 0) { count++; if (m > best) { best = m; } }
      }
      if (best > 0) { found++; }
      score += best + Math.min(count, 4) * 0.1;
    }
    for (var p = 0; p + 1 < n; p++) {
      var pair = 0;
      for (var k = 0; k + 1 < t.w.length; k++) {
        var x = syllableMatch(q, p, t, k, false), y = syllableMatch(q, p + 1, t, k + 1, p + 1 === last);
        if (x > 0 && y > 0) { pair = Math.max(pair, x + y); }
      }
      score += pair * 3;
    }
    return score + (found === n ? 5 : 0);
  }

  function rank(q, data, pfScore) {
    var kind = (data.meta && data.meta.kind) || "guide";
    var text = data.content || "";
    var cut = text.indexOf(SENTINEL);
    var body = analyse(cut >= 0 ? text.slice(0, cut) : text);
    var title = analyse((data.meta && data.meta.title) || "");
    var ts = titleScore(q, title);
    // Names count fully, the titles of listings nearly, guides' titles little.
    ts *= kind === "profile" ? 1 : kind === "listing" ? 0.9 : 0.4;
    return ts + textScore(q, body) + (kind === "profile" ? 2 : 0) + Math.min(pfScore, 50) * 0.01;
  }

  // ---- Pagefind ----------------------------------------------------------
  function load() {
    if (ready) { return ready; }
    setStatus("Đang tải chỉ mục tìm kiếm…");
    ready = import(new URL("pagefind.js", bundle).href).then(function (pf) {
      pagefind = pf;
      // Candidates by where the words are (a name weighs most), not by how
      // often or how short the page is: a listing is short and says "văn hóa"
      // many times, a profile long; the ranking below does the rest.
      return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 0, ranking: { termFrequency: 0, pageLength: 0 } })
        .then(function () { return pf.init(); })
        .then(function () { setStatus(""); });
    }).catch(function (err) {
      ready = null;
      setStatus("Không tải được chỉ mục tìm kiếm. Hãy thử lại sau.");
      throw err;
    });
    return ready;
  }

  // The filter menus are filled the first time the visitor opens them: their
  // values come from the index's filter chunks, which a query never needs.
  var filled = null;
  function loadFilters() {
    if (!filled) {
      filled = load().then(function () { return pagefind.filters(); }).then(fillFilters);
    }
    return filled;
  }

  function fillFilters(all) {
    FILTERS.forEach(function (key) {
      var select = form.elements[key];
      var values = Object.keys((all && all[key]) || {});
      values.sort(key === "nam" ? function (a, b) { return b.localeCompare(a); }
        : function (a, b) { return a.localeCompare(b, "vi"); });
      values.forEach(function (v) {
        var opt = document.createElement("option");
        opt.value = v; opt.textContent = v + " (" + all[key][v] + ")";
        select.appendChild(opt);
      });
    });
  }

  function chosenFilters() {
    var out = {}, any = false;
    FILTERS.forEach(function (key) {
      var v = form.elements[key].value;
      if (v) { out[key] = v; any = true; }
    });
    return any ? out : null;
  }

  function data(result) {
    var got = fragments.get(result.id);
    if (!got) { got = result.data(); fragments.set(result.id, got); }
    return got;
  }

  function pairQuery(q, typing) {
    var out = [];
    for (var i = 0; i + 1 < q.f.length; i++) {
      var lastPair = i + 2 === q.f.length;
      out.push(q.f[i] + "0" + q.f[i + 1] + (lastPair && typing ? "" : "0"));
    }
    return out.join(" ");
  }

  function candidates(q, raw, filters) {
    var opts = filters ? { filters: filters } : {};
    var typing = !/\s$/.test(raw);
    var asks = [pagefind.search(q.f.join(" "), opts).then(function (r) { return r.results.slice(0, 10); })];
    if (q.w.join(" ") !== q.f.join(" ")) {
      // typed with diacritics: Pagefind's own exact-diacritics ranking finds
      // the pages with these very words among many folded look-alikes
      asks.push(pagefind.search(q.w.join(" "), opts).then(function (r) { return r.results.slice(0, 10); }));
    }
    if (q.f.length > 1) {
      asks.push(pagefind.search(pairQuery(q, typing), opts).then(function (r) { return r.results.slice(0, 6); }));
    }
    return Promise.all(asks).then(function (lists) {
      var seen = new Map();
      lists.forEach(function (l) { l.forEach(function (r) { if (!seen.has(r.id)) { seen.set(r.id, r); } }); });
      if (seen.size || q.f.length < 2) { return Array.from(seen.values()); }
      // No page has every word (a typo?): each word on its own.
      return Promise.all(q.f.map(function (w) { return pagefind.search(w, opts); })).then(function (rs) {
        rs.forEach(function (r) { r.results.slice(0, 10).forEach(function (x) { seen.set(x.id, x); }); });
        return Array.from(seen.values());
      });
    });
  }

  function run() {
    var raw = input.value;
    var q = analyse(raw);
    var filters = chosenFilters();
    var mine = ++seq;
    if (!q.w.length && !filters) { render([], raw, 0); setStatus(""); return; }
    load().then(function () {
      if (!q.w.length) {
        return pagefind.search(null, { filters: filters }).then(function (r) {
          return Promise.all(r.results.slice(0, MAX_SHOWN).map(function (x) {
            return data(x).then(function (d) { return { d: d, s: 0 }; });
          })).then(function (rows) { return { rows: rows, total: r.results.length }; });
        });
      }
      return candidates(q, raw, filters).then(function (cands) {
        return Promise.all(cands.map(function (x) {
          return data(x).then(function (d) { return { d: d, s: rank(q, d, x.score) }; });
        })).then(function (rows) {
          rows.sort(function (a, b) { return b.s - a.s; });
          return { rows: rows, total: rows.length };
        });
      });
    }).then(function (res) {
      if (mine !== seq) { return; }
      render(res.rows.slice(0, MAX_SHOWN), raw, res.total);
    }).catch(function () { /* status already says so */ });
  }

  // ---- the dialog --------------------------------------------------------
  function setStatus(text) { status.textContent = text; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function render(rows, raw, total) {
    list.textContent = "";
    rows.forEach(function (row) {
      var d = row.d, meta = d.meta || {};
      var li = el("li", "sc-search__item");
      var a = el("a", "sc-search__link");
      a.href = d.url;
      a.appendChild(el("span", "sc-search__name", meta.title || d.url));
      var facts = [];
      if (meta.kind === "profile") {
        var f = d.filters || {};
        if (f.loai) { facts.push(f.loai[0]); }
        if (meta.unit) { facts.push(meta.unit); }
        if (meta.year) { facts.push(meta.year); }
      } else if (KIND[meta.kind]) {
        facts.push(KIND[meta.kind]);
      }
      if (facts.length) { a.appendChild(el("span", "sc-search__facts", facts.join(" · "))); }
      if (meta.lead) { a.appendChild(el("span", "sc-search__lead", meta.lead)); }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.setAttribute("data-query", raw);
    if (!raw.trim() && !chosenFilters()) { setStatus(""); return; }
    setStatus(total ? (total > rows.length ? "Có " + total + " kết quả, hiện " + rows.length + " kết quả đầu."
      : "Có " + total + " kết quả.")
      : "Không tìm thấy kết quả phù hợp. Hãy thử bớt từ hoặc bỏ bộ lọc.");
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function open() {
    if (!dialog.open) { dialog.showModal(); }
    input.focus();
    load().then(function () { if (input.value || chosenFilters()) { run(); } }, function () {});
  }

  var more = dialog.querySelector(".sc-search__more");
  if (more) { more.addEventListener("toggle", function () { if (more.open) { loadFilters(); } }); }
  input.addEventListener("input", schedule);
  form.addEventListener("change", function (e) { if (e.target.tagName === "SELECT") { run(); } });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  dialog.querySelector(".sc-search__close").addEventListener("click", function () { dialog.close(); opener.focus(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) { dialog.close(); } });
  // Escape closes search even from the search field (where Chromium would
  // only clear the text).
  dialog.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.preventDefault(); dialog.close(); opener.focus(); }
  });
  window.__scSearchOpen = open;
  open();
})();
