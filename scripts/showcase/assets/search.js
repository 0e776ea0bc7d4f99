// The site's search, loaded by showcase.js the first time a visitor opens
// the search dialog (no page pays for search before that).
//
// The index (tim-kiem/, written by publish/search/bundle.py) is plain JSON
// cut in small files: opening the box fetches index.json, a query only the
// shards of its words and the display data of the results it shows, the
// filter menus their values when they are opened. The ranking follows the
// rules of Vietnamese:
//   - names first: a query that matches a profile's name (any case, with or
//     without diacritics, each syllable possibly partial) puts it first;
//   - syllable pairs count as phrases ("chuyen doi so" prefers "chuyển đổi
//     số" to "đời sống" ... "sở"): the index holds every pair of adjacent
//     syllables;
//   - a syllable typed with diacritics matches exactly first ("đường" before
//     "dương"); one typed without them matches every form equally;
//   - hand-written guide pages never outrank a profile on a name.
(function () {
  "use strict";
  // The index's format and packed numbers ([shift, width] of each field), as
  // publish/search/layout.py says (tests/unit/test_search_layout.py compares them).
  var LAYOUT = {"format":1,"info":{"count":[0,2],"own":[2,1],"quarter":[3,2],"forms":[5,24]},"place":{"form":[0,4],"position":[4,6]}};
  var INFO = LAYOUT.info, PLACE = LAYOUT.place, COUNT_CAP = 1 << INFO.count[1];
  var KIND = { listing: "Trang chuyên mục", guide: "Trang hướng dẫn" };
  var FILTERS = ["linh_vuc", "nganh", "don_vi", "loai", "nam"];
  var MAX_SHOWN = 20;
  // The syllable being typed matches every word it starts: at most this many
  // shards of them (the title index, much smaller, allows more).
  var PREFIX_SHARDS = 3, TITLE_SHARDS = 4, PAIR_SHARDS = 2;
  var END = "\uffff"; // after every key that starts with a prefix

  var entry = null; // index.json
  var read = null; // path -> promise of the file's parsed JSON
  var files = new Map(); // path -> promise of its parsed JSON, read once

  // ---- words (as publish/search/words.py) ----------------------------------
  function lower(s) { return s.normalize("NFC").toLowerCase(); }
  // The one folding rule (content/text.py fold; tests/e2e/test_search_js.py runs both)
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFC");
  }
  function syllables(s) { return lower(s).match(/[\p{L}\p{N}\p{M}]+/gu) || []; }
  function analyse(text) {
    var w = syllables(text);
    return { w: w, f: w.map(fold), n: w.length };
  }

  // A text syllable's form against query syllable i: 3 exact, 2 same letters,
  // 1 the start of it (the syllable being typed, or a partial name), 0.5 a
  // syllable typed with other diacritics ("hòa" for "hóa"): never part of a
  // name match, and below any exact match.
  function formValue(q, i, form, sameKey) {
    var qw = q.w[i], marked = qw !== q.f[i];
    if (sameKey) { return marked ? (form === qw ? 3 : 0.5) : 2; }
    return marked && form.indexOf(qw) !== 0 ? 0.5 : 1;
  }

  // ---- files ---------------------------------------------------------------
  function get(path) {
    var got = files.get(path);
    if (!got) {
      got = read(path);
      got.catch(function () { files.delete(path); });
      files.set(path, got);
    }
    return got;
  }

  function kindOf(doc) { return doc < entry.l ? "listing" : doc < entry.l + entry.g ? "guide" : "profile"; }

  // The shard that may hold ``key``: the last whose first key is not above it.
  function shardOf(firsts, key) {
    var lo = 0, hi = firsts.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (firsts[mid] <= key) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return at;
  }

  // Shards of keys from ``lo`` to ``hi`` (at most ``cap`` of them).
  function shardRange(folder, lo, hi, cap) {
    var firsts = entry[folder], a = shardOf(firsts, lo), b = shardOf(firsts, hi), out = [];
    for (var s = a; s <= b && s < a + cap; s++) { out.push(folder + "/" + s + ".json"); }
    return out;
  }

  // Keys of a loaded shard from ``lo`` (included) to ``hi`` (excluded).
  function keysIn(shard, lo, hi) {
    var k = shard.k, a = 0, b = k.length, out = [];
    while (a < b) { var m = (a + b) >> 1; if (k[m] < lo) { a = m + 1; } else { b = m; } }
    for (var i = a; i < k.length && k[i] < hi; i++) { out.push(i); }
    return out;
  }

  function top(field) { return (1 << field[1]) - 1; }
  function bits(packed, field) { return (packed >> field[0]) & top(field); }

  function docsOf(deltas) {
    var out = new Int32Array(deltas.length), d = 0;
    for (var i = 0; i < deltas.length; i++) { d += deltas[i]; out[i] = d; }
    return out;
  }

  // Every posting of the keys asked, once their shards are in.
  function postings(asks) {
    var paths = [];
    asks.forEach(function (a) { a.paths.forEach(function (p) { if (paths.indexOf(p) < 0) { paths.push(p); } }); });
    return Promise.all(paths.map(get)).then(function (shards) {
      var byPath = new Map();
      paths.forEach(function (p, i) { byPath.set(p, shards[i]); });
      return asks.map(function (a) {
        var found = [];
        a.paths.forEach(function (p) {
          var shard = byPath.get(p);
          keysIn(shard, a.lo, a.hi).forEach(function (i) { found.push({ key: shard.k[i], p: shard.p[i] }); });
        });
        return found;
      });
    });
  }

  // ---- ranking -------------------------------------------------------------
  function gather(q) {
    var asks = [], last = q.n - 1;
    for (var i = 0; i < q.n; i++) {
      var f = q.f[i];
      var hi = i === last ? f + END : f + "\u0000";
      asks.push({ paths: shardRange("w", f, hi, i === last ? PREFIX_SHARDS : 1), lo: f, hi: hi });
    }
    for (var t = 0; t < q.n; t++) {
      asks.push({ paths: shardRange("t", q.f[t], q.f[t] + END, TITLE_SHARDS), lo: q.f[t], hi: q.f[t] + END });
    }
    for (var p = 0; p + 1 < q.n; p++) {
      var key = q.f[p] + " " + q.f[p + 1], phi = p + 1 === last ? key + END : key + "\u0000";
      asks.push({ paths: shardRange("p", key, phi, p + 1 === last ? PAIR_SHARDS : 1), lo: key, hi: phi });
    }
    return postings(asks);
  }

  function score(q, found) {
    var N = entry.n, n = q.n, i, j;
    var best = [], count = [], own = new Uint8Array(N), early = new Uint8Array(N);
    for (i = 0; i < n; i++) {
      var b = new Float32Array(N), c = new Uint8Array(N);
      found[i].forEach(function (hit) {
        var forms = hit.p[0], docs = docsOf(hit.p[1]), infos = hit.p[2];
        var same = hit.key === q.f[i], values = new Map();
        for (var k = 0; k < docs.length; k++) {
          var info = infos[k], mask = bits(info, INFO.forms), v = values.get(mask);
          if (v === undefined) {
            v = 0;
            for (var m = 0; m < forms.length; m++) {
              if (forms.length === 1 || mask & (1 << m)) { v = Math.max(v, formValue(q, i, forms[m], same)); }
            }
            values.set(mask, v);
          }
          var d = docs[k];
          if (v > b[d]) { b[d] = v; }
          c[d] = Math.min(COUNT_CAP, c[d] + bits(info, INFO.count) + 1);
          if (bits(info, INFO.own)) { own[d]++; }
          early[d] = Math.max(early[d], top(INFO.quarter) - bits(info, INFO.quarter));
        }
      });
      best.push(b); count.push(c);
    }
    var pairs = [];
    for (var p = 0; p + 1 < n; p++) {
      var has = new Uint8Array(N);
      found[2 * n + p].forEach(function (hit) {
        var docs = docsOf(hit.p);
        for (var k = 0; k < docs.length; k++) { has[docs[k]] = 1; }
      });
      pairs.push(has);
    }
    var titles = new Map();
    for (i = 0; i < n; i++) {
      found[n + i].forEach(function (hit) {
        var forms = hit.p[0], docs = docsOf(hit.p[1]), lens = hit.p[2], places = hit.p[3];
        var same = hit.key === q.f[i];
        for (var k = 0; k < docs.length; k++) {
          var d = docs[k], T = titles.get(d);
          if (!T) {
            T = { L: lens[k], m: [], e: [] };
            for (var x = 0; x < n; x++) { T.m.push(new Float32Array(lens[k])); T.e.push(new Float32Array(lens[k])); }
            titles.set(d, T);
          }
          [].concat(places[k]).forEach(function (code) {
            var pos = bits(code, PLACE.position), fi = bits(code, PLACE.form), v = formValue(q, i, fi < forms.length ? forms[fi] : "", same);
            if (pos < T.L) {
              if (v > T.m[i][pos]) { T.m[i][pos] = v; }
              if (same && v > T.e[i][pos]) { T.e[i][pos] = v; }
            }
          });
        }
      });
    }
    // Candidates: records with every syllable (or, if none has, any).
    var every = [], any = [];
    for (j = 0; j < N; j++) {
      var all = true, some = titles.has(j);
      for (i = 0; i < n; i++) { if (best[i][j] > 0) { some = true; } else { all = false; } }
      if (all || (some && titles.has(j) && titleScore(n, titles.get(j)) >= 100)) { every.push(j); } else if (some) { any.push(j); }
    }
    var cands = every.length ? every : any;
    return cands.map(function (d) {
      var kind = kindOf(d), T = titles.get(d);
      var ts = T ? titleScore(n, T) : 0;
      // Names count fully, the titles of listings nearly, guides' titles little.
      ts *= kind === "profile" ? 1 : kind === "listing" ? 0.9 : 0.4;
      var text = 0, got = 0;
      for (var a = 0; a < n; a++) {
        if (best[a][d] > 0) { got++; }
        text += best[a][d] + Math.min(count[a][d], COUNT_CAP) * 0.1;
      }
      for (var b = 0; b + 1 < n; b++) {
        if (pairs[b][d] && best[b][d] && best[b + 1][d]) { text += 3 * (best[b][d] + best[b + 1][d]); }
      }
      text += got === n ? 5 : 0;
      // ties: the page that speaks of it in its own facts, or early, first
      return { doc: d, s: ts + text + (kind === "profile" ? 2 : 0) + 0.01 * own[d] + 0.05 * early[d] };
    });
  }

  // How well the query names this title: every syllable matched in order,
  // contiguous best; partial syllables allowed (names typed in part).
  function titleScore(n, T) {
    var best = 0, s, i;
    for (s = 0; s + n <= T.L; s++) {
      var sum = 0, exactish = 0, ok = true;
      for (i = 0; i < n; i++) {
        var m = T.m[i][s + i];
        if (m < 1) { ok = false; break; }
        sum += m; exactish += m >= 2 ? 1 : 0;
      }
      if (ok) { best = Math.max(best, 100 + 10 * sum + 5 * exactish + (n === T.L ? 60 : 0)); }
    }
    if (best) { return best; }
    // in order but not contiguous ("lam son" for "Lâm Hồng Sơn")
    var j = 0, got = 0, total = 0;
    for (var k = 0; k < n && j < T.L; j++) {
      if (T.m[k][j] >= 1) { got++; total += T.m[k][j]; k++; }
    }
    if (got === n && n > 1) { return 60 + 5 * total; }
    // some syllables of the title
    var some = 0;
    for (i = 0; i < n; i++) {
      var b = 0;
      for (var c = 0; c < T.L; c++) { b = Math.max(b, T.e[i][c]); }
      some += b;
    }
    return 3 * some;
  }

  // ---- filters -------------------------------------------------------------
  // The menus are filled the first time the visitor opens them (loc.json);
  // a chosen value fetches only its own list of profiles.
  // The records every chosen filter allows (a mark per record), or null.
  function allowed(chosen) {
    if (!chosen) { return Promise.resolve(null); }
    return get("loc.json").then(function (menus) {
      return Promise.all(chosen.map(function (c) {
        var hit = (menus[c[0]] || []).filter(function (v) { return v[0] === c[1]; })[0];
        return hit ? get("f/" + hit[2] + ".json") : Promise.resolve([]);
      }));
    }).then(function (lists) {
      var marks = new Uint8Array(entry.n);
      lists.forEach(function (l) {
        var docs = docsOf(l);
        for (var k = 0; k < docs.length; k++) { marks[docs[k]]++; }
      });
      for (var d = 0; d < marks.length; d++) { marks[d] = marks[d] === lists.length ? 1 : 0; }
      return marks;
    });
  }

  // ---- a query -------------------------------------------------------------
  function rows(docs) {
    return Promise.all(docs.map(function (d) {
      return get("d/" + Math.floor(d / entry.c) + ".json").then(function (chunk) {
        var r = chunk[d % entry.c];
        return { url: r[0], title: r[1], lead: r[2], facts: r[3], kind: kindOf(d) };
      });
    }));
  }

  // The results of a query (``chosen``: [[filter, value], ...] or null): the
  // first MAX_SHOWN rows and the count; null once ``stale()`` says so.
  function find(raw, chosen, stale) {
    var q = analyse(raw);
    return Promise.all([allowed(chosen), q.n ? gather(q) : null]).then(function (got) {
      var marks = got[0], ranked;
      if (stale && stale()) { return null; }
      if (!q.n) {
        ranked = [];
        for (var d = entry.n - 1; d >= 0; d--) { if (marks[d]) { ranked.push({ doc: d, s: 0 }); } }
      } else {
        ranked = score(q, got[1]).filter(function (r) { return !marks || marks[r.doc]; });
        ranked.sort(function (a, b) { return b.s - a.s || b.doc - a.doc; });
      }
      return rows(ranked.slice(0, MAX_SHOWN).map(function (r) { return r.doc; })).then(function (shown) {
        return { shown: shown, total: ranked.length };
      });
    });
  }

  // Node (tests/js/): the words, the ranking and a query against an index read from disk.
  if (typeof module === "object" && module && module.exports) {
    module.exports = {
      LAYOUT: LAYOUT, lower: lower, fold: fold, syllables: syllables, analyse: analyse,
      titleScore: titleScore,
      find: function (index, reader, raw, chosen) { entry = index; read = reader; files = new Map(); return find(raw, chosen); }
    };
    return;
  }

  // ---- the dialog ----------------------------------------------------------
  var opener = document.querySelector(".sc-search-open");
  var dialog = document.getElementById("sc-search");
  if (!opener || !dialog) { return; }
  var input = dialog.querySelector(".sc-search__input");
  var form = dialog.querySelector(".sc-search__form");
  var status = dialog.querySelector(".sc-search__status");
  var list = dialog.querySelector(".sc-search__results");
  var root = new URL(opener.getAttribute("data-sc-search"), document.baseURI);
  var siteRoot = new URL("../", root);
  var ready = null;
  var filled = null;
  var seq = 0;
  var timer = 0;
  read = function (path) {
    return fetch(new URL(path, root).href + "?v=" + entry.v).then(function (r) {
      if (!r.ok) { throw new Error(path); }
      return r.json();
    });
  };

  function load() {
    if (ready) { return ready; }
    setStatus("Đang tải chỉ mục tìm kiếm…");
    ready = fetch(new URL("index.json", root).href, { cache: "no-cache" }).then(function (r) {
      if (!r.ok) { throw new Error("index.json"); }
      return r.json();
    }).then(function (e) {
      if (e.f !== LAYOUT.format) { throw new Error("format"); }
      entry = e;
      setStatus("");
    }).catch(function (err) {
      ready = null;
      setStatus("Không tải được chỉ mục tìm kiếm. Hãy thử lại sau.");
      throw err;
    });
    return ready;
  }

  function loadFilters() {
    if (!filled) {
      filled = load().then(function () { return get("loc.json"); }).then(fillFilters);
      filled.catch(function () { filled = null; });
    }
    return filled;
  }

  function fillFilters(all) {
    FILTERS.forEach(function (key) {
      var select = form.elements[key];
      var values = (all[key] || []).slice();
      values.sort(key === "nam" ? function (a, b) { return b[0].localeCompare(a[0]); }
        : function (a, b) { return a[0].localeCompare(b[0], "vi"); });
      values.forEach(function (v) {
        var opt = document.createElement("option");
        opt.value = v[0]; opt.textContent = v[0] + " (" + v[1] + ")";
        select.appendChild(opt);
      });
    });
  }

  function chosenFilters() {
    var out = [];
    FILTERS.forEach(function (key) {
      var v = form.elements[key].value;
      if (v) { out.push([key, v]); }
    });
    return out.length ? out : null;
  }

  function run() {
    var raw = input.value;
    var chosen = chosenFilters();
    var mine = ++seq;
    if (!analyse(raw).n && !chosen) { render([], raw, 0); setStatus(""); return; }
    load().then(function () {
      return find(raw, chosen, function () { return mine !== seq; });
    }).then(function (res) {
      if (!res || mine !== seq) { return; }
      render(res.shown, raw, res.total);
    }).catch(function () { if (mine === seq) { setStatus("Không tải được chỉ mục tìm kiếm. Hãy thử lại sau."); } });
  }

  function setStatus(text) { status.textContent = text; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function render(shown, raw, total) {
    list.textContent = "";
    shown.forEach(function (r) {
      var li = el("li", "sc-search__item");
      var a = el("a", "sc-search__link");
      a.href = new URL(r.url, siteRoot).href;
      a.appendChild(el("span", "sc-search__name", r.title || r.url));
      var facts = r.kind === "profile" ? r.facts : KIND[r.kind];
      if (facts) { a.appendChild(el("span", "sc-search__facts", facts)); }
      if (r.lead) { a.appendChild(el("span", "sc-search__lead", r.lead)); }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.setAttribute("data-query", raw);
    if (!raw.trim() && !chosenFilters()) { setStatus(""); return; }
    setStatus(total ? (total > shown.length ? "Có " + total + " kết quả, hiện " + shown.length + " kết quả đầu."
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
