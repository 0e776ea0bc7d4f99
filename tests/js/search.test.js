// assets/search.js in Node, without a browser (node --test tests/js/). The index
// is written by Python: tests/e2e/test_search_js.py builds it from its own
// records (placeholder people) and passes its folder in SC_SEARCH_INDEX.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const search = require("../../scripts/showcase/assets/search.js");

const FOLDER = process.env.SC_SEARCH_INDEX;
const NO_INDEX = FOLDER ? false : "SC_SEARCH_INDEX not set: run pytest tests/e2e/test_search_js.py";

function readJSON(rel) {
  return JSON.parse(fs.readFileSync(path.join(FOLDER, rel), "utf8"));
}

// A query as the dialog runs it, the files read from disk (each counted).
function query(raw, chosen) {
  const read = [];
  const reader = (rel) => { read.push(rel); return Promise.resolve().then(() => readJSON(rel)); };
  return search.find(readJSON("index.json"), reader, raw, chosen || null).then((res) => {
    res.urls = res.shown.map((r) => r.url);
    res.read = read;
    return res;
  });
}

test("folding: no diacritics, đ to d, both tone placements, any normal form", () => {
  assert.equal(search.fold("Đường HÒA Thuỷ"), "Duong HOA Thuy");
  assert.equal(search.fold(search.lower("hòa")), search.fold(search.lower("hoà")));
  assert.equal(search.fold("thu\u0309y"), "thuy");
  assert.deepEqual(search.analyse("Chuyển đổi-số, 2025!").f, ["chuyen", "doi", "so", "2025"]);
});

test("a title named in order scores above a title named in part", () => {
  // T.m[i][pos]: the value of query syllable i at title position pos
  const whole = { L: 2, m: [new Float32Array([3, 0]), new Float32Array([0, 3])], e: [] };
  const apart = { L: 3, m: [new Float32Array([3, 0, 0]), new Float32Array([0, 0, 3])], e: [] };
  assert.ok(search.titleScore(2, whole) > search.titleScore(2, apart));
  assert.ok(search.titleScore(2, apart) >= 60);
});

test("the index Python wrote is the format search.js reads", { skip: NO_INDEX }, () => {
  const entry = readJSON("index.json");
  assert.equal(entry.f, search.LAYOUT.format);
  assert.equal(entry.n, 7);
  assert.equal(entry.l, 1);
  assert.equal(entry.g, 1);
  for (const folder of ["w", "p", "t"]) {
    assert.ok(Array.isArray(entry[folder]) && entry[folder].length >= 1, folder);
  }
});

test("a name, typed with or without diacritics, in any case, puts its profile first",
  { skip: NO_INDEX }, async () => {
    for (const raw of ["Nguyễn Văn A", "nguyen van a", "NGUYEN VAN A", "nguye\u0302\u0303n van a"]) {
      const res = await query(raw);
      assert.equal(res.urls[0], "ho-so/nguyen-van-a/", raw);
    }
    // the guide page of the same title is found, but never above the profile
    const b = await query("tran thi b");
    assert.equal(b.urls[0], "ho-so/tran-thi-b/");
    assert.ok(b.urls.includes("gioi-thieu/"));
  });

test("the syllable being typed matches every word it starts", { skip: NO_INDEX }, async () => {
  assert.equal((await query("nguy")).urls[0], "ho-so/nguyen-van-a/");
  assert.equal((await query("tran th")).urls[0], "ho-so/tran-thi-b/");
  assert.equal((await query("lam son")).urls[0], "ho-so/lam-hong-son/"); // in order, not contiguous
  // in the text too: "hiếu học" is Phạm Thị D's alone ("học" alone is Lâm Hồng Sơn's)
  assert.deepEqual((await query("hieu h")).urls, ["ho-so/pham-thi-d/"]);
});

test("a syllable typed with diacritics ranks its exact form first", { skip: NO_INDEX }, async () => {
  const exact = await query("đường");
  const other = await query("dương");
  assert.ok(exact.urls.indexOf("ho-so/nguyen-van-a/") < exact.urls.indexOf("ho-so/pham-thi-d/"));
  assert.ok(other.urls.indexOf("ho-so/pham-thi-d/") < other.urls.indexOf("ho-so/nguyen-van-a/"));
  // typed without them, every form matches
  const bare = await query("duong");
  for (const url of ["ho-so/nguyen-van-a/", "ho-so/lam-hong-son/", "ho-so/pham-thi-d/"]) {
    assert.ok(bare.urls.includes(url), url);
  }
  // the other tone placement finds the same syllable
  assert.ok((await query("hoà giải")).urls[0] === "ho-so/pham-thi-d/");
});

test("pairs of syllables count as phrases", { skip: NO_INDEX }, async () => {
  // "chuyển đổi số" is a phrase of Trần Thị B's; Lê Văn C has its words, more often, apart
  const res = await query("chuyen doi so");
  assert.equal(res.urls[0], "ho-so/tran-thi-b/");
});

test("Khmer names are found", { skip: NO_INDEX }, async () => {
  assert.equal((await query("ថាច់ ធី សារឿន")).urls[0], "ho-so/le-van-c/");
  // the same consonants with other vowels ("ថិច ធូ") are another name
  assert.deepEqual((await query("ថាច់ ធី")).urls, ["ho-so/le-van-c/"]);
});

test("filters: a query within a kind, and a filter alone lists newest first",
  { skip: NO_INDEX }, async () => {
    const within = await query("o ap", [["loai", "Tập thể"]]);
    assert.deepEqual(within.urls, ["ho-so/pham-thi-d/"]);
    const year = await query("", [["nam", "2023"]]);
    assert.deepEqual(year.urls, ["ho-so/tran-thi-b/", "ho-so/nguyen-van-a/"]);
    assert.equal(year.total, 2);
    const both = await query("", [["loai", "Cá nhân"], ["nam", "2024"]]); // every filter holds
    assert.deepEqual(both.urls, ["ho-so/lam-hong-son/"]);
    const none = await query("nguyen", [["nam", "2025"]]);
    assert.equal(none.total, 0);
  });

test("a query reads only the shards of its words and the rows it shows",
  { skip: NO_INDEX }, async () => {
    const res = await query("nguyen van a");
    assert.ok(res.read.every((rel) => /^(w|p|t|d)\/\d+\.json$/.test(rel)), res.read.join(" "));
    assert.ok(!res.read.includes("loc.json"));
  });
